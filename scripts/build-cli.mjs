// Bundles the CLI (core + .xlsx host) into one file: fast start, no TypeScript at run time.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/index.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: 'dist/cli/ess-budget.js',
  // pdfkit reads its own data files next to its code: it must stay in node_modules.
  external: ['exceljs', 'yauzl', 'decimal.js', 'pdfkit'],
  sourcemap: true,
  logLevel: 'warning',
});
