/**
 * The snapshot a host would read right after rendering a plan: what tests and the emulator start
 * from without going through a file. Formulas stay uncalculated (no engine here).
 */
import { isDate } from './snapshot';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from './snapshot';
import type { PlanValue, WorkbookPlan } from './template';

function cellOf(v: PlanValue): CellValue {
  if (v !== null && typeof v === 'object' && !isDate(v)) return { uncalculated: `=${v.formula}` };
  return v;
}

export function snapshotFromPlan(plan: WorkbookPlan): WorkbookSnapshot {
  const tables: TableSnapshot[] = [];
  for (const s of plan.sheets) {
    for (const t of s.tables) {
      tables.push({
        name: t.name,
        sheet: s.name,
        headerRow: t.row,
        firstColumn: t.column,
        headers: t.columns.map((c) => c.header),
        rows: t.rows.map((r) => r.map(cellOf)),
        isTable: true,
      });
    }
  }
  return { sheets: plan.sheets.map((s) => s.name), tables };
}
