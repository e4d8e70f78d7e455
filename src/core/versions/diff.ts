/**
 * What changed between two versions of the workbook: cell by cell on lines matched by identity
 * (match.ts), then the per-funder, per-year totals the COPIL reads (the check's own totals, so the
 * deltas agree with every summary). Pure: snapshots in, typed changes out, amounts in cents.
 */
import { computeTotals } from '../totals';
import type { Lang } from '../contract';
import type { Cents } from '../money';
import { readModel, type FunderKey } from '../model';
import { funderName } from '../rules/context';
import type { WorkbookSnapshot } from '../snapshot';
import { profileOf, type Profile } from '../profile';
import { compareLines, type Change } from './changes';
import { TOTAL_FIELDS, type TotalField } from './fields';
import { contractLines } from './lines';

export { compareLines, type Change } from './changes';
export { TOTAL_FIELDS, type ChangeKind, type TotalField } from './fields';

export interface TotalDelta {
  funderKey: FunderKey;
  funder: string;
  year: number;
  field: TotalField;
  /** null where the Convention table holds no amount. */
  before: Cents | null;
  after: Cents | null;
  delta: Cents;
}

export interface Diff {
  /** The convention both versions follow: its labels name the values. */
  profile: Profile;
  changes: Change[];
  /** Only the totals that moved. */
  totals: TotalDelta[];
}

/** The per-funder, per-year totals that moved between two versions. */
export function totalDeltas(before: WorkbookSnapshot, after: WorkbookSnapshot): TotalDelta[] {
  const totals = (s: WorkbookSnapshot) => computeTotals(readModel(s, []));
  const profile = profileOf(after);
  const b = totals(before);
  const a = totals(after);
  const keys: { funderKey: FunderKey; funder: string; year: number }[] = [];
  for (const t of [...a, ...b]) if (!keys.some((k) => k.funderKey === t.funderKey && k.year === t.year)) keys.push({ funderKey: t.funderKey, funder: funderName(t.funderKey, 'fr', profile), year: t.year });
  keys.sort((x, y) => x.year - y.year);
  const out: TotalDelta[] = [];
  for (const k of keys) {
    const tb = b.find((t) => t.funderKey === k.funderKey && t.year === k.year);
    const ta = a.find((t) => t.funderKey === k.funderKey && t.year === k.year);
    for (const field of TOTAL_FIELDS) {
      const vb = tb ? tb[field] : null;
      const va = ta ? ta[field] : null;
      const delta = (va ?? 0) - (vb ?? 0);
      if (delta !== 0 || (vb === null) !== (va === null)) out.push({ funderKey: k.funderKey, funder: k.funder, year: k.year, field, before: vb, after: va, delta });
    }
  }
  return out;
}

export function diffSnapshots(before: WorkbookSnapshot, after: WorkbookSnapshot, lang: Lang = 'fr'): Diff {
  const profile = profileOf(after);
  return { profile, changes: compareLines(contractLines(before), contractLines(after), lang, profile), totals: totalDeltas(before, after) };
}
