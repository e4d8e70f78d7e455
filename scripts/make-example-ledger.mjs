// Writes examples/grand-livre-cdc.csv, the example CDC ledger that goes with `init --example`,
// from src/core/reconcile/example.ts (bundled on the fly: no TypeScript at run time).
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createRequire } from 'module';

const dir = mkdtempSync(join(tmpdir(), 'ess-ledger-'));
try {
  const outfile = join(dir, 'example.cjs');
  await build({ entryPoints: ['src/core/reconcile/example.ts'], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
  const { exampleLedgerCsv } = createRequire(import.meta.url)(outfile);
  const target = process.argv[2] ?? 'examples/grand-livre-cdc.csv';
  writeFileSync(target, exampleLedgerCsv(), 'utf8');
  console.log(`${target} écrit.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
