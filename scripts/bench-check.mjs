// Runs only the check-against-LibreOffice group of the benchmark (bench/check.ts) and updates its
// entry in bench/results.json: `node scripts/bench-check.mjs` (BENCH_SIZE=small for a quick pass).
import { bundleAndRun } from './bench-bundle.mjs';

await bundleAndRun('bench/check-only.ts', 'dist/bench/check-only.js');
