/**
 * Versions (issue 15): compare two workbooks; close or reopen a year. What `ess-budget diff`,
 * `close` and `reopen` do apart from reading and writing the file: the comparison, the decision
 * (closing refused on errors, a year already closed) and the own tables to write back.
 */
import { journalTable, type Lang } from '../core/contract';
import { messages } from '../core/i18n';
import { isDate, type CellValue, type WorkbookSnapshot } from '../core/snapshot';
import { isoDate, matchKey } from '../core/text';
import { CLOSURE_COLUMNS, CLOSURE_SHEET, CLOSURE_TABLE, recordCells, type RecordRow } from '../core/versions/closure';
import { planClosing, planReopening, type ClosingPlan, type JournalLine } from '../core/versions/closing';
import { diffSnapshots, type Diff } from '../core/versions/diff';
import { fitWidths, type OwnTable } from '../hosts/xlsx/patch';

/** What changed in the contract's tables, and the per-funder, per-year totals that moved. */
export function compareVersions(before: WorkbookSnapshot, after: WorkbookSnapshot, lang: Lang): Diff {
  return diffSnapshots(before, after, lang);
}

type Cell = string | number | null;

/** What an own table already holds, as the cells to write back. */
function existingRows(snapshot: WorkbookSnapshot, name: string): { sheet: string; headers: string[]; rows: Cell[][] } | null {
  const t = snapshot.tables.find((x) => matchKey(x.name) === matchKey(name));
  if (!t) return null;
  const cell = (v: CellValue): Cell => (v === null ? null : typeof v === 'number' || typeof v === 'string' ? v : isDate(v) ? isoDate(v) : typeof v === 'boolean' ? String(v) : 'error' in v ? v.error : v.uncalculated);
  return { sheet: t.sheet, headers: t.headers, rows: t.rows.filter((r) => r.some((v) => v !== null && v !== '')).map((r) => r.map(cell)) };
}

function closureTable(snapshot: WorkbookSnapshot, added: RecordRow[], lang: Lang): OwnTable {
  const m = messages[lang].versions.close;
  const old = existingRows(snapshot, CLOSURE_TABLE);
  const rows = [...(old?.rows ?? []), ...recordCells(added)];
  const headers = [...CLOSURE_COLUMNS];
  return { sheet: old?.sheet ?? CLOSURE_SHEET, table: CLOSURE_TABLE, title: m.title, note: m.note, headers, rows, widths: fitWidths(headers, rows, 40) };
}

function journal(snapshot: WorkbookSnapshot, line: JournalLine, lang: Lang): OwnTable {
  const old = existingRows(snapshot, journalTable.name);
  const headers = old?.headers.length ? old.headers : journalTable.columns.map((c) => c.header[lang]);
  const rows = [...(old?.rows ?? []), line];
  return { sheet: old?.sheet ?? journalTable.sheet[lang], table: journalTable.name, title: journalTable.sheet[lang], headers, rows, widths: fitWidths(headers, rows) };
}

/** The record (Clôtures) and the Journal, whole, as they are to be written back. */
export interface RecordTables {
  record: OwnTable;
  journal: OwnTable;
}

export type Closing = Exclude<ClosingPlan, { ok: true }> | (Extract<ClosingPlan, { ok: true }> & { tables: RecordTables });

export function closeYear(snapshot: WorkbookSnapshot, o: { year: number; by: string; force: boolean; reason?: string; asOf: Date; lang: Lang; now: Date }): Closing {
  const plan = planClosing(snapshot, o);
  if (!plan.ok) return plan;
  return { ...plan, tables: { record: closureTable(snapshot, plan.rows, o.lang), journal: journal(snapshot, plan.journal, o.lang) } };
}

export function reopenYear(snapshot: WorkbookSnapshot, o: { year: number; by: string; reason: string; lang: Lang; now: Date }): RecordTables | null {
  const plan = planReopening(snapshot, o);
  if (!plan.ok) return null;
  return { record: closureTable(snapshot, plan.rows, o.lang), journal: journal(snapshot, plan.journal, o.lang) };
}
