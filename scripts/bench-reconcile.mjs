// Bundles scripts/bench-reconcile.ts (esbuild, to a temp file) and prints the reconciliation figures.
// Usage: node scripts/bench-reconcile.mjs [lines]   (default 100 000 ledger × 100 000 workbook lines)
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'fs';
import { cpus, loadavg, tmpdir } from 'os';
import { join } from 'path';
import { createRequire } from 'module';

const n = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'ess-bench-reconcile-'));
try {
  const outfile = join(dir, 'bench.cjs');
  await build({ entryPoints: ['scripts/bench-reconcile.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'warning' });
  const { benchReconcile } = createRequire(import.meta.url)(outfile);
  const r = benchReconcile(n);
  const fmt = (x) => `${x.toFixed(1)} ms`;
  console.log(`reconcile (core), ${n.toLocaleString('fr-FR')} × ${n.toLocaleString('fr-FR')} lines: ${fmt(r.reconcileMs)} wall, ${fmt(r.reconcileCpuMs)} CPU (medians of 5; target < 1 000 ms)`);
  console.log(`ledger CSV → lines, ${n.toLocaleString('fr-FR')} lines: ${fmt(r.parseCsvMs)} wall, ${fmt(r.parseCsvCpuMs)} CPU (medians of 5)`);
  console.log(`floor on this machine now (two maps of ${n.toLocaleString('fr-FR')} references, one lookup each): ${fmt(r.floorMs)} wall`);
  console.log(`lines: ${JSON.stringify(r.counts)}`);
  // Figures from a shared machine mean little without its load: print it with them.
  console.log(`machine: ${cpus().length} CPU, load average ${loadavg()[0].toFixed(1)}, node ${process.version}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
