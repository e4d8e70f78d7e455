/**
 * period.closed-year-changed (error, Art. 8: the convention covers the commitments decided in 2014,
 * 2015 and 2016; a closed year is how a financial officer says "these are final"). Each cell of a
 * closed year that differs from the record in the Clôtures sheet, and each line added or removed
 * since, is reported where it stands (a removed line where it stood at the closing).
 */
import { rawFinding, type RawFinding } from '../findings';
import type { ClosedYearChange } from '../ruleParams';
import { centsFromDecimalString, type Cents } from '../money';
import { qualifiedAddress, type WorkbookSnapshot } from '../snapshot';
import { closedYearChanges, readClosures } from '../versions/closure';

export function closedYearChanged(snapshot: WorkbookSnapshot, out: RawFinding[]): void {
  for (const state of readClosures(snapshot).values()) {
    if (!state.closed) continue;
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
      out.push(rawFinding('period.closed-year-changed', c, { ...line, ...change }));
    }
  }
}
