// Shared by scripts/bench.mjs and scripts/bench-check.mjs: bundles a benchmark entry with esbuild
// (the heavy libraries stay external, loaded from node_modules), builds the CLI it times, and runs it.
import { build } from 'esbuild';
import { execFileSync } from 'child_process';

export async function bundleAndRun(entry, outfile) {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    external: ['exceljs', 'yauzl', 'decimal.js', 'papaparse', 'iconv-lite', 'pdfkit', 'playwright-core', 'jszip'],
    logLevel: 'warning',
  });
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
  execFileSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', env: process.env });
}
