/**
 * period.closed-year-changed (error, Art. 8: the convention covers the commitments decided in 2014,
 * 2015 and 2016; a closed year is how a financial officer says "these are final"). Each cell of a
 * closed year that differs from the record in the Clôtures sheet, and each line added or removed
 * since, is reported where it stands (a removed line where it stood at the closing).
 */
import type { RawFinding } from '../findings';
import { centsFromDecimalString, type Cents } from '../money';
import { qualifiedAddress, type WorkbookSnapshot } from '../snapshot';
import { closedYearChanges, readClosures } from '../versions/closure';

export function closedYearChanged(snapshot: WorkbookSnapshot, out: RawFinding[]): void {
  for (const state of readClosures(snapshot).values()) {
    if (!state.closed) continue;
    for (const c of closedYearChanges(snapshot, state)) {
      const amount = (s: string | null): Cents | undefined => (c.valueKind === 'amount' && s ? (centsFromDecimalString(s) ?? undefined) : undefined);
      out.push({
        rule: 'period.closed-year-changed',
        sheet: c.sheet,
        cell: c.cell,
        params: {
          year: state.year,
          due: state.date,
          variant: c.kind,
          label: c.key,
          column: c.column ?? undefined,
          text: c.before ?? undefined,
          other: c.kind === 'removed' ? qualifiedAddress(c.sheet, c.cell) : (c.after ?? undefined),
          expected: amount(c.before),
          actual: amount(c.after),
        },
      });
    }
  }
}
