/**
 * npm run bench: performance measured side by side on this machine, never asserted in tests.
 * Writes bench/results.json and prints a table. BENCH_SIZE=small runs every group at a small size
 * (what CI does, so the script cannot rot).
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { analyse } from '../src/core/check';
import { bigSnapshot } from './generate';
import { bench as checkBench } from './check';
import { bench as reconcileBench } from './reconcile';
import { bench as roundTripsBench } from './roundtrips';
import { bench as bundleBench } from './bundle';

const small = process.env.BENCH_SIZE === 'small';
// Bundled into dist/bench/: the project is two levels up.
const root = join(__dirname, '../..');
const results: Record<string, unknown> = { date: new Date().toISOString(), machine: `${process.platform} ${process.arch}, node ${process.version}`, small };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time<T>(fn: () => T): [number, T] {
  const t = process.hrtime.bigint();
  const r = fn();
  return [Number(process.hrtime.bigint() - t) / 1e6, r];
}

/** Median of 5 runs after one warm-up, in ms. */
function measure(fn: () => unknown): number {
  fn();
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push(time(fn)[0]);
  return median(runs);
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const rows: [string, string, string][] = [];

async function main() {
  // 1. The rule pass (read the snapshot against the contract + every rule).
  const sizes = small ? [1000] : [1000, 10_000, 100_000];
  const rulePass: Record<string, number> = {};
  for (const n of sizes) {
    const snap = bigSnapshot(n);
    const asOf = new Date(Date.UTC(2026, 10, 29));
    rulePass[n] = measure(() => analyse(snap, asOf));
    rows.push([`rule pass, ${n.toLocaleString('fr-FR')} lines`, ms(rulePass[n]), n === 100_000 ? 'target < 200 ms' : '']);
  }
  results.rulePass = { unit: 'ms (median of 5)', ...rulePass };

  // 2-5. check against LibreOffice (alternating), reconciliation, round trips in the emulated Excel, the task pane's weight and first paint.
  for (const group of [checkBench, reconcileBench, roundTripsBench, bundleBench]) {
    const r = await group({ small, root });
    results[r.key] = r.value;
    rows.push(...r.rows);
  }

  const out = join(root, 'bench', small ? 'results.small.json' : 'results.json');
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w)}  ${b.padStart(22)}  ${c}`);
  console.log(`→ ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
