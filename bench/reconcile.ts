/** Group 3: reconciliation of n ledger lines against n workbook lines, in the core. */
import { benchReconcile } from '../scripts/bench-reconcile';
import type { BenchGroup } from './types';

export async function bench({ small }: { small: boolean }): Promise<BenchGroup> {
  const r = benchReconcile(small ? 5_000 : 100_000);
  return {
    key: 'reconciliation',
    value: { lines: r.n, reconcileMs: r.reconcileMs, parseCsvMs: r.parseCsvMs, counts: r.counts, target: '100 000 × 100 000 < 1 000 ms' },
    rows: [
      [`reconcile ${r.n.toLocaleString('fr-FR')} × ${r.n.toLocaleString('fr-FR')}`, `${r.reconcileMs.toFixed(1)} ms`, r.n === 100_000 ? 'target < 1 000 ms' : ''],
      [`read the ledger CSV, ${r.n.toLocaleString('fr-FR')} lines`, `${r.parseCsvMs.toFixed(1)} ms`, ''],
    ],
  };
}
