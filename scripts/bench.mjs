// Bundles bench/main.ts (esbuild) and runs it: `npm run bench` (BENCH_SIZE=small for a quick run).
import { build } from 'esbuild';
import { execFileSync } from 'child_process';

await build({
  entryPoints: ['bench/main.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: 'dist/bench/main.js',
  external: ['exceljs', 'yauzl', 'decimal.js', 'papaparse', 'iconv-lite', 'pdfkit', 'playwright-core', 'jszip'],
  logLevel: 'warning',
});
execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
execFileSync(process.execPath, ['dist/bench/main.js'], { stdio: 'inherit', env: process.env });
