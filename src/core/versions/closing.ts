/**
 * What closing or reopening a year writes, decided once for every host (the CLI patches the .xlsx
 * package, the Office host adds table rows): the record rows, the Journal line, or why not.
 */
import { checkWorkbook } from '../check';
import type { Lang } from '../contract';
import type { Finding } from '../findings';
import { messages } from '../i18n';
import { neutralise } from '../neutralise';
import type { TableSnapshot, WorkbookSnapshot } from '../snapshot';
import { isoDate, matchKey } from '../text';
import { journalTable } from '../contract';
import { CLOSURE_COLUMNS, CLOSURE_SHEET, CLOSURE_TABLE, closingRows, errorsOnYear, readClosures, recordCells, reopeningRow, yearLines, type RecordRow } from './closure';

export type JournalLine = [string, string, number | null, number | null, string | null];

export type ClosingPlan =
  | { ok: true; rows: RecordRow[]; journal: JournalLine; lines: number; forced: number }
  | { ok: false; why: 'closed'; date: string; by: string }
  | { ok: false; why: 'errors'; errors: Finding[] };

export type ReopeningPlan = { ok: true; rows: RecordRow[]; journal: JournalLine } | { ok: false; why: 'not-closed' };

/** "2026-12-01 16:30:00": the Journal's date, in UTC. */
export const stamp = (now: Date) => now.toISOString().slice(0, 19).replace('T', ' ');

export function planClosing(snapshot: WorkbookSnapshot, o: { year: number; by: string; force: boolean; asOf: Date; lang: Lang; now: Date }): ClosingPlan {
  const v = messages[o.lang].versions.close;
  const state = readClosures(snapshot).get(o.year);
  if (state?.closed) return { ok: false, why: 'closed', date: state.date, by: state.by };
  const result = checkWorkbook(snapshot, { asOf: o.asOf, lang: o.lang });
  const errors = errorsOnYear(snapshot, result.findings, o.year);
  if (errors.length && !o.force) return { ok: false, why: 'errors', errors };
  const by = neutralise(o.by);
  const lines = yearLines(snapshot, o.year);
  const rows = closingRows(lines, { year: o.year, date: isoDate(o.now), by, reason: errors.length ? v.forced(errors.length) : '' });
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  return { ok: true, rows, journal: [stamp(o.now), `${v.journalClose(o.year, errors.length > 0)} — ${by}`, errors.length, warnings, rows[0][9]], lines: lines.length, forced: errors.length };
}

export function planReopening(snapshot: WorkbookSnapshot, o: { year: number; by: string; reason: string; lang: Lang; now: Date }): ReopeningPlan {
  if (!readClosures(snapshot).get(o.year)?.closed) return { ok: false, why: 'not-closed' };
  const by = neutralise(o.by);
  const reason = neutralise(o.reason);
  return {
    ok: true,
    rows: [reopeningRow({ year: o.year, date: isoDate(o.now), by, reason })],
    journal: [stamp(o.now), `${messages[o.lang].versions.close.journalReopen(o.year, reason)} — ${by}`, null, null, null],
  };
}

/**
 * The snapshot with the record rows and the Journal line appended (the Journal table created, as
 * Excel's host creates it, when the workbook has none): how a workbook held in memory (the browser
 * preview) records a closing.
 */
export function withRecord(snapshot: WorkbookSnapshot, rows: RecordRow[], journal: JournalLine, lang: Lang = 'fr'): WorkbookSnapshot {
  const cells = recordCells(rows);
  const has = (name: string) => snapshot.tables.some((t) => matchKey(t.name) === matchKey(name));
  const added: TableSnapshot[] = [];
  if (!has(CLOSURE_TABLE)) added.push({ name: CLOSURE_TABLE, sheet: CLOSURE_SHEET, headerRow: 4, firstColumn: 1, headers: [...CLOSURE_COLUMNS], rows: [], isTable: true });
  if (!has(journalTable.name)) added.push({ name: journalTable.name, sheet: journalTable.sheet[lang], headerRow: 1, firstColumn: 1, headers: journalTable.columns.map((c) => c.header[lang]), rows: [], isTable: true });
  const tables = [...snapshot.tables, ...added].map((t) => {
    if (matchKey(t.name) === matchKey(CLOSURE_TABLE)) return { ...t, rows: [...t.rows, ...cells] };
    if (matchKey(t.name) === matchKey(journalTable.name)) return { ...t, rows: [...t.rows, journal] };
    return t;
  });
  const sheets = [...snapshot.sheets, ...added.map((t) => t.sheet).filter((s) => !snapshot.sheets.includes(s))];
  return { sheets, tables };
}
