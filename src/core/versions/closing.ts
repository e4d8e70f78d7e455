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
import { profileOf, type Profile } from '../profile';
import { ruleArticle } from '../ruleArticles';
import { CLOSURE_COLUMNS, CLOSURE_SHEET, CLOSURE_TABLE, closingRows, errorsOnYear, isContractYear, readClosures, recordCells, reopeningRow, yearLines, type RecordRow } from './closure';

export type JournalLine = [string, string, number | null, number | null, string | null];

/** A year the workbook's convention does not cover (issue 23: its profile's years, listed to the user). */
export type NotAYear = { ok: false; why: 'not-a-year'; years: readonly number[] };

export type ClosingPlan =
  | { ok: true; rows: RecordRow[]; journal: JournalLine; lines: number; forced: number }
  | NotAYear
  | { ok: false; why: 'closed'; date: string; by: string }
  /**
   * The year has not ended at the situation date (end: its 31 December, ISO); reasonMissing: --force was
   * given without a reason; article: the one that closes the convention's period (the CES ESS's Art. 8).
   */
  | { ok: false; why: 'not-ended'; end: string; reasonMissing: boolean; article: string | null }
  | { ok: false; why: 'errors'; errors: Finding[] };

export type ReopeningPlan = { ok: true; rows: RecordRow[]; journal: JournalLine } | NotAYear | { ok: false; why: 'not-closed' };

/** Refused when `year` is not one of the workbook's convention (its profile; the CES ESS's without one). */
function notAYear(profile: Profile, year: number): NotAYear | null {
  return isContractYear(year, profile) ? null : { ok: false, why: 'not-a-year', years: profile.years };
}

/** "2026-12-01 16:30:00": the Journal's date, in UTC. */
export const stamp = (now: Date) => now.toISOString().slice(0, 19).replace('T', ' ');

/**
 * Closing `year`: refused when the workbook's convention does not cover it; when it is already closed; when it has not ended at the situation date
 * (Art. 8 covers the commitments decided in 2014, 2015 and 2016: a year still running has commitments
 * to come), unless forced with a reason, which the record and the Journal keep; when it carries
 * errors, unless forced (the Journal says so).
 */
export function planClosing(snapshot: WorkbookSnapshot, o: { year: number; by: string; force: boolean; reason?: string; asOf: Date; lang: Lang; now: Date }): ClosingPlan {
  const v = messages[o.lang].versions.close;
  const profile = profileOf(snapshot);
  const outside = notAYear(profile, o.year);
  if (outside) return outside;
  const state = readClosures(snapshot).get(o.year);
  if (state?.closed) return { ok: false, why: 'closed', date: state.date, by: state.by };
  const reason = neutralise(o.reason?.trim() ?? '');
  const running = o.asOf.getTime() < Date.UTC(o.year + 1, 0, 1);
  if (running && (!o.force || !reason)) return { ok: false, why: 'not-ended', end: `${o.year}-12-31`, reasonMissing: o.force, article: ruleArticle('period.closed-year-changed', profile) };
  const result = checkWorkbook(snapshot, { asOf: o.asOf, lang: o.lang });
  const errors = errorsOnYear(snapshot, result.findings, o.year);
  if (errors.length && !o.force) return { ok: false, why: 'errors', errors };
  const by = neutralise(o.by);
  const lines = yearLines(snapshot, o.year);
  const early = running ? v.early(o.year, isoDate(o.asOf), reason) : '';
  const why = [errors.length ? v.forced(errors.length) : '', early].filter(Boolean).join(' ');
  const rows = closingRows(lines, { year: o.year, date: isoDate(o.now), by, reason: why });
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  const journal = `${v.journalClose(o.year, errors.length > 0)}${early ? ` — ${early}` : ''} — ${by}`;
  return { ok: true, rows, journal: [stamp(o.now), journal, errors.length, warnings, rows[0][9]], lines: lines.length, forced: errors.length };
}

export function planReopening(snapshot: WorkbookSnapshot, o: { year: number; by: string; reason: string; lang: Lang; now: Date }): ReopeningPlan {
  const outside = notAYear(profileOf(snapshot), o.year);
  if (outside) return outside;
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
