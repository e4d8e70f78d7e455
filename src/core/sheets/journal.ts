/**
 * The Journal: one line per thing the add-in did to the workbook (a sync, an initialisation, a
 * restore, a closing), appended to its table, created the first time at A1 of its sheet or below
 * what that sheet holds.
 */
import { journalTable, type Lang, type TableDef } from '../contract';
import type { PlanTable } from './types';

export type JournalLine = (string | number)[];

/** "29/11/2026 21:05": the user's local time, as a French reader writes it. */
export function journalStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The add-in's own tables (Contrôles, Journal): a light style, unlike the contract's. */
export const OWN_TABLE_STYLE = 'TableStyleLight9';

export function headersOf(def: TableDef, lang: Lang): string[] {
  return def.columns.map((c) => c.header[lang]);
}

/** The Journal table as created: its headers and the first line. */
export function journalTablePlan(line: JournalLine, lang: Lang, row = 1, column = 1): PlanTable {
  return { name: journalTable.name, row, column, columns: headersOf(journalTable, lang).map((header) => ({ header })), rows: [line], style: OWN_TABLE_STYLE };
}
