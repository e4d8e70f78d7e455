/**
 * Group 1: the rule pass alone (read the snapshot against the contract + every rule), on snapshots
 * of 1 000 to 100 000 financing lines made in memory: median of 5 runs after one warm-up, wall time.
 */
import { analyse } from '../src/core/check';
import { bigSnapshot } from './generate';
import type { BenchGroup } from './types';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Median of 5 runs after one warm-up, in ms. */
function measure(fn: () => unknown): number {
  fn();
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push(time(fn));
  return median(runs);
}

export async function bench({ small }: { small: boolean; root: string }): Promise<BenchGroup> {
  const sizes = small ? [1000] : [1000, 10_000, 100_000];
  const rulePass: Record<string, number> = {};
  const rows: BenchGroup['rows'] = [];
  for (const n of sizes) {
    const snap = bigSnapshot(n);
    const asOf = new Date(Date.UTC(2026, 10, 29));
    rulePass[n] = measure(() => analyse(snap, asOf));
    rows.push([`rule pass, ${n.toLocaleString('fr-FR')} lines`, `${rulePass[n].toFixed(1)} ms`, n === 100_000 ? 'target < 200 ms' : '']);
  }
  return { key: 'rulePass', value: { unit: 'ms (median of 5)', ...rulePass }, rows };
}
