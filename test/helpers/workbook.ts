/** Builds snapshots from the init plan and edits them the way a user would, for rule tests. */
import { checkWorkbook, type CheckResult } from '../../src/core/check';
import type { RuleId } from '../../src/core/findings';
import { snapshotFromPlan } from '../../src/core/planSnapshot';
import { buildWorkbookPlan } from '../../src/core/template';
import { matchKey } from '../../src/core/text';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';

export const AS_OF = new Date(Date.UTC(2026, 10, 29));

export function exampleSnapshot(): WorkbookSnapshot {
  return snapshotFromPlan(buildWorkbookPlan({ example: true, lang: 'fr' }));
}

export function blankSnapshot(): WorkbookSnapshot {
  return snapshotFromPlan(buildWorkbookPlan({ example: false, lang: 'fr' }));
}

export function table(s: WorkbookSnapshot, name: string): TableSnapshot {
  const t = s.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

export function col(t: TableSnapshot, header: string): number {
  const i = t.headers.findIndex((h) => matchKey(h) === matchKey(header));
  if (i < 0) throw new Error(`no column ${header} in ${t.name}`);
  return i;
}

/** Index of the first data row whose cells match all of `where` (header → value). */
export function rowWhere(t: TableSnapshot, where: Record<string, CellValue>): number {
  const i = t.rows.findIndex((r) => Object.entries(where).every(([h, v]) => r[col(t, h)] === v));
  if (i < 0) throw new Error(`no row ${JSON.stringify(where)} in ${t.name}`);
  return i;
}

export function set(s: WorkbookSnapshot, tableName: string, where: Record<string, CellValue> | number, header: string, value: CellValue): void {
  const t = table(s, tableName);
  const i = typeof where === 'number' ? where : rowWhere(t, where);
  t.rows[i][col(t, header)] = value;
}

export function get(s: WorkbookSnapshot, tableName: string, where: Record<string, CellValue> | number, header: string): CellValue {
  const t = table(s, tableName);
  const i = typeof where === 'number' ? where : rowWhere(t, where);
  return t.rows[i][col(t, header)];
}

export function addRow(s: WorkbookSnapshot, tableName: string, values: Record<string, CellValue>): number {
  const t = table(s, tableName);
  const row: CellValue[] = t.headers.map(() => null);
  for (const [h, v] of Object.entries(values)) row[col(t, h)] = v;
  t.rows.push(row);
  return t.rows.length - 1;
}

export function removeRows(s: WorkbookSnapshot, tableName: string, keep: (r: CellValue[], t: TableSnapshot) => boolean): void {
  const t = table(s, tableName);
  t.rows = t.rows.filter((r) => keep(r, t));
}

export function check(s: WorkbookSnapshot, asOf: Date = AS_OF, lang: 'fr' | 'en' = 'fr'): CheckResult {
  return checkWorkbook(s, { asOf, lang });
}

export function fired(r: CheckResult, rule: RuleId) {
  return r.findings.filter((f) => f.rule === rule);
}

export const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
