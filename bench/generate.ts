/** Large workbooks for the benchmarks: the example, with its financing lines repeated to N lines. */
import type { CellValue, WorkbookSnapshot } from '../src/core/snapshot';
import { snapshotFromPlan } from '../src/core/planSnapshot';
import { buildWorkbookPlan, type WorkbookPlan } from '../src/core/template';

/** The example plan with `lines` financing lines: the example's lines, cycled, amounts split so totals stay plausible. */
export function bigPlan(lines: number): WorkbookPlan {
  const plan = buildWorkbookPlan({ example: true, lang: 'fr' });
  const fin = plan.sheets.find((s) => s.tables.some((t) => t.name === 'Financements'))!.tables[0];
  const base = fin.rows;
  const rows = [];
  for (let i = 0; i < lines; i++) {
    const r = base[i % base.length].slice();
    r[6] = `BENCH-${String(i).padStart(6, '0')}`;
    rows.push(r);
  }
  fin.rows = rows;
  return plan;
}

export function bigSnapshot(lines: number): WorkbookSnapshot {
  return snapshotFromPlan(bigPlan(lines));
}

export type { CellValue };
