// Bundles the CLI (core + .xlsx host) into one file: fast start, no TypeScript at run time.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/index.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: 'dist/cli/ess-budget.js',
  external: ['exceljs', 'yauzl', 'decimal.js'],
  sourcemap: true,
  logLevel: 'warning',
});
