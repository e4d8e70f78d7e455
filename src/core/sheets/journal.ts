/**
 * The Journal: one line per thing the add-in did to the workbook (a sync, an initialisation, a
 * restore, a closing), appended to its table, created the first time at A1 of its sheet or below
 * what that sheet holds.
 */
import { journalTable, type Lang } from '../contract';
import { headersOf, OWN_TABLE_STYLE } from './controls';
import type { PlanTable } from './types';

export type JournalLine = (string | number)[];

/** The Journal table as created: its headers and the first line. */
export function journalTablePlan(line: JournalLine, lang: Lang, row = 1, column = 1): PlanTable {
  return { name: journalTable.name, row, column, columns: headersOf(journalTable, lang).map((header) => ({ header })), rows: [line], style: OWN_TABLE_STYLE };
}
