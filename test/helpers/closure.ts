/** A closed year in a snapshot, as `ess-budget close` records it, for rule tests. */
import { CLOSURE_COLUMNS, CLOSURE_SHEET, CLOSURE_TABLE, closingRows, reopeningRow, yearLines } from '../../src/core/versions/closure';
import type { WorkbookSnapshot } from '../../src/core/snapshot';

function record(s: WorkbookSnapshot) {
  let t = s.tables.find((x) => x.name === CLOSURE_TABLE);
  if (!t) {
    t = { name: CLOSURE_TABLE, sheet: CLOSURE_SHEET, headerRow: 4, firstColumn: 1, headers: [...CLOSURE_COLUMNS], rows: [], isTable: true };
    s.tables.push(t);
    s.sheets.push(CLOSURE_SHEET);
  }
  return t;
}

export function closeYear(s: WorkbookSnapshot, year: number, date = '2026-11-28', by = 'Test'): void {
  record(s).rows.push(...closingRows(yearLines(s, year), { year, date, by, reason: '' }));
}

export function reopenYear(s: WorkbookSnapshot, year: number, reason: string): void {
  record(s).rows.push(reopeningRow({ year, date: '2026-12-01', by: 'Test', reason }));
}

/** Raises by 500 € the planned amount of the first financing line of `year`. */
export function raisePlanned(s: WorkbookSnapshot, year: number): void {
  const t = s.tables.find((x) => x.name === 'Financements')!;
  const yc = t.headers.indexOf('Année');
  const pc = t.headers.indexOf('Prévu (€)');
  const row = t.rows.find((r) => r[yc] === year)!;
  row[pc] = (row[pc] as number) + 500;
}
