// Bundles bench/main.ts (esbuild) and runs it: `npm run bench` (BENCH_SIZE=small for a quick run).
import { bundleAndRun } from './bench-bundle.mjs';

await bundleAndRun('bench/main.ts', 'dist/bench/main.js');
