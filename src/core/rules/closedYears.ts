/**
 * period.closed-year-changed (error, Art. 8: the convention covers the commitments decided in 2014,
 * 2015 and 2016; a closed year is how a financial officer says "these are final"). Each cell of a
 * closed year that differs from the record in the Clôtures sheet, and each line added or removed
 * since, is reported where it stands (a removed line where it stood at the closing).
 */
import { actState } from '../acts';
import { cellAddress, serialToIso } from '../cells';
import { headerKeys, journalTable } from '../contract';
import { rawFinding, type RawFinding } from '../findings';
import { messages } from '../i18n';
import type { ClosedYearChange } from '../ruleParams';
import { centsFromDecimalString, type Cents } from '../money';
import { perProfile, profileOf } from '../profile';
import { isDate, qualifiedAddress, type CellValue, type WorkbookSnapshot } from '../snapshot';
import { isoDate, matchKey, parseDateText } from '../text';
import { closedYearChanges, readClosures } from '../versions/closure';

export function closedYearChanged(snapshot: WorkbookSnapshot, out: RawFinding[], asOf: Date): void {
  for (const state of readClosures(snapshot).values()) {
    if (!state.closed) continue;
    // In time as every act (acts.ts), but an undated closing still counts: blanking its date must not lift the protection.
    const later = actState(parseDateText(state.date) ?? undefined, asOf) === 'future';
    const rule = later ? 'period.closed-later-changed' : 'period.closed-year-changed';
    for (const c of closedYearChanges(snapshot, state)) {
      const amount = (s: string | null): Cents | undefined => (c.valueKind === 'amount' && s ? (centsFromDecimalString(s) ?? undefined) : undefined);
      const line = { year: state.year, due: state.date, label: c.key };
      // A whole line added or removed has no column and no values (versions/changes.ts).
      const change: ClosedYearChange =
        c.kind === 'added'
          ? { variant: 'added' }
          : c.kind === 'removed'
            ? { variant: 'removed', other: qualifiedAddress(c.sheet, c.cell) }
            : {
                variant: 'changed',
                column: c.column ?? undefined,
                text: c.before ?? undefined,
                other: c.after ?? undefined,
                expected: amount(c.before),
                actual: amount(c.after),
              };
      out.push(rawFinding(rule, c, { ...line, ...change }));
    }
  }
}

/** How a Journal line begins when it records a closing or a reopening, in either language (core/versions/closing.ts writes them). */
const journalEvents = perProfile((profile) =>
  profile.years.flatMap((year) =>
    (['fr', 'en'] as const).flatMap((lang) => {
      const v = messages[lang].versions.close;
      return [
        { year, closed: true, key: matchKey(v.journalClose(year, false)) },
        { year, closed: false, key: matchKey(v.journalReopen(year, '')) },
      ];
    }),
  ),
);

/** "2026-12-01 16:30:00", a date serial or a Date: the day, ISO; '' when it cannot be read. */
function journalDay(v: CellValue | undefined): string {
  if (typeof v === 'number') return serialToIso(v);
  if (v !== undefined && isDate(v)) return Number.isNaN(v.getTime()) ? '' : isoDate(v);
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v.trim()) ? v.trim().slice(0, 10) : '';
}

/** The years the Journal says are closed (its last closing or reopening line of the year is a closing), with where that line stands. */
function journalClosures(snapshot: WorkbookSnapshot): Map<number, { closed: boolean; sheet: string; cell: string; due: string }> {
  const out = new Map<number, { closed: boolean; sheet: string; cell: string; due: string }>();
  const t = snapshot.tables.find((x) => matchKey(x.name) === matchKey(journalTable.name));
  if (!t) return out;
  const col = (key: string) => {
    const keys = headerKeys(journalTable.columns.find((c) => c.key === key)!);
    return t.headers.findIndex((h) => keys.includes(matchKey(h ?? '')));
  };
  const action = col('action');
  const date = col('date');
  if (action < 0) return out;
  const events = journalEvents(profileOf(snapshot));
  t.rows.forEach((row, i) => {
    const text = row[action];
    if (typeof text !== 'string') return;
    const k = matchKey(text);
    const e = events.find((x) => k.startsWith(x.key));
    if (e) out.set(e.year, { closed: e.closed, sheet: t.sheet, cell: cellAddress(t.headerRow + 1 + i, t.firstColumn + action), due: date >= 0 ? journalDay(row[date]) : '' });
  });
  return out;
}

/**
 * period.closure-record-missing (error, Art. 8): a year the Journal records as closed whose record
 * in the Clôtures sheet is gone (the sheet deleted, or that year's rows): without it nothing checks
 * the year against its closing, so deleting the sheet must not lift the protection silently. The
 * finding points to the Journal line of the closing.
 */
export function closureRecordMissing(snapshot: WorkbookSnapshot, out: RawFinding[]): void {
  const record = readClosures(snapshot);
  for (const [year, j] of journalClosures(snapshot)) {
    if (j.closed && !record.has(year)) out.push(rawFinding('period.closure-record-missing', j, { year, due: j.due }));
  }
}
