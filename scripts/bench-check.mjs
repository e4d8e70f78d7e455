// Runs only the check-against-LibreOffice group of the benchmark (bench/check.ts) and updates its
// entry in bench/results.json: `node scripts/bench-check.mjs` (BENCH_SIZE=small for a quick pass).
import { build } from 'esbuild';
import { execFileSync } from 'child_process';

await build({
  entryPoints: ['bench/check-only.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: 'dist/bench/check-only.js',
  external: ['exceljs', 'yauzl', 'decimal.js', 'papaparse', 'iconv-lite', 'pdfkit', 'playwright-core', 'jszip'],
  logLevel: 'warning',
});
execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
execFileSync(process.execPath, ['dist/bench/check-only.js'], { stdio: 'inherit', env: process.env });
