/**
 * The totals per funder and year, in cents with the funder's id: the analysis' (analysis.ts) and
 * the diff's (versions/diff.ts). Nothing here is worded.
 */
import type { Cents } from './money';
import { linesOf, type FunderKey, type Model } from './model';
import type { Profile, StatusId } from './profile';
import { makeContext } from './rules/context';
import { legalStatus, type LegalStatusId } from './legalStatus';
import { participationSums, participationUnreadable } from './rules/convention';
import { avenantObjects, changeProblem } from './rules/avenants';
import { END_OF_TIME } from './acts';

/** Why a convention amount or a gap is not known. */
export type UnknownReason = 'no-amount' | 'unreadable-amount' | 'unreadable-participation';

/** One funder and year, in cents: what the check's totals, the pane's grid and the summary show. */
export interface FunderYearCents {
  funderKey: FunderKey;
  year: number;
  /** null where the Convention table holds no amount (CDC 2015-2016 before their decision) or an unreadable one. */
  convention: Cents | null;
  /** What the user typed in Statut. */
  statusId: StatusId | null;
  /** The amount's standing in the convention's terms (legalStatus.ts). */
  legalStatus: LegalStatusId;
  unknown: UnknownReason | null;
  /** The sum of the readable participations (unknown says when one is not). */
  participations: Cents;
  /** Participations − convention; null where either is unknown. */
  gap: Cents | null;
  planned: Cents;
  committed: Cents;
  paid: Cents;
  /**
   * The execution amounts that are not known (n.d., never 0): a line of that funder and year holds
   * an unreadable one, or the table has no such column. planned/committed/paid then sum only the
   * readable lines; the JSON says null and why.
   */
  executionUnknown: { field: 'planned' | 'committed' | 'paid'; reason: 'unreadable-amount' | 'no-column' }[];
}

const PENDING = new Set(['undated', 'future', 'unapproved', 'before-convention', 'approved-after']);

/** Whether the avenant a changed amount names covers it at `asOf` (legalStatus's `change`). */
function changeOf(avenants: ReturnType<typeof avenantObjects>, row: Parameters<typeof changeProblem>[1] | undefined, asOf: Date, profile: Profile): 'covered' | 'pending' | 'none' {
  if (!row) return 'none';
  const p = changeProblem(avenants, row, asOf, profile);
  return p === null ? 'covered' : PENDING.has(p.variant) ? 'pending' : 'none';
}

/**
 * Per funder and year: the convention's amount, the participations, the gap and the execution, at
 * the situation date `asOf` (acts after it do not count: the legal status reads the same acts as the
 * rules). The diff, which has no situation date, counts every dated act.
 */
export function computeTotals(model: Model, asOf: Date = END_OF_TIME): FunderYearCents[] {
  const ctx = makeContext(model, asOf, []);
  const avenants = avenantObjects(ctx);
  const keys: { funder: FunderKey; year: number }[] = [];
  const seen = new Set<string>();
  const add = (funder: FunderKey, year: number) => {
    const k = `${funder}|${year}`;
    if (!seen.has(k)) {
      seen.add(k);
      keys.push({ funder, year });
    }
  };
  const { profile } = model;
  for (const year of profile.years) for (const f of profile.funders) add(f.id, year);
  for (const p of model.participations) for (const f of p.funders) add(f.key, p.year);
  for (const r of model.convention) if (r.v.funder && r.v.year !== undefined) add(r.v.funder, r.v.year);
  // funder → year → sums: nested, so that 100 000 lines build no key string each.
  const exec = new Map<FunderKey, Map<number, { planned: Cents; committed: Cents; paid: Cents }>>();
  const fields = ['planned', 'committed', 'paid'] as const;
  const cols = model.located.financements?.columns;
  const execUnknown = new Map<string, FunderYearCents['executionUnknown']>();
  const note = (k: string, field: (typeof fields)[number], reason: 'unreadable-amount' | 'no-column') => {
    const u = execUnknown.get(k) ?? [];
    if (!u.some((x) => x.field === field)) u.push({ field, reason });
    execUnknown.set(k, u);
  };
  const noColumn = cols ? fields.filter((field) => cols[field] < 0) : [];
  const lines = linesOf(model, 'financing');
  const [funderAt, yearAt] = [lines.column('funder'), lines.column('year')];
  const [plannedAt, committedAt, paidAt] = [lines.column('planned'), lines.column('committed'), lines.column('paid')];
  // Unreadable cells make a sum unknown (a column the table lacks is said once, as no-column).
  const [badPlanned, badCommitted, badPaid] = fields.map((field) => (noColumn.includes(field) ? () => false : lines.unreadable(field)));
  // An indexed loop: for…of over 100 000 lines made an iterator result per line (the rule runs once, unoptimised).
  for (let i = 0; i < lines.length; i++) {
    const funder = funderAt(i);
    const year = yearAt(i);
    if (!funder || year === undefined) continue;
    let byYear = exec.get(funder);
    if (!byYear) exec.set(funder, (byYear = new Map()));
    let e = byYear.get(year);
    if (!e) {
      byYear.set(year, (e = { planned: 0, committed: 0, paid: 0 }));
      add(funder, year);
      for (const field of noColumn) note(`${funder}|${year}`, field, 'no-column');
    }
    if (badPlanned(i)) note(`${funder}|${year}`, 'planned', 'unreadable-amount');
    if (badCommitted(i)) note(`${funder}|${year}`, 'committed', 'unreadable-amount');
    if (badPaid(i)) note(`${funder}|${year}`, 'paid', 'unreadable-amount');
    e.planned += plannedAt(i) ?? 0;
    e.committed += committedAt(i) ?? 0;
    e.paid += paidAt(i) ?? 0;
  }
  return keys.map(({ funder, year }) => {
    const row = model.convention.find((r) => r.v.funder === funder && r.v.year === year);
    const amount = row?.v.amount;
    const parts = participationSums(ctx, funder, year) ?? 0;
    const partsUnknown = participationUnreadable(ctx, funder, year);
    const unknown: UnknownReason | null = row?.bad?.has('amount') ? 'unreadable-amount' : amount === undefined ? 'no-amount' : partsUnknown ? 'unreadable-participation' : null;
    const e = exec.get(funder)?.get(year) ?? { planned: 0, committed: 0, paid: 0 };
    return {
      funderKey: funder,
      year,
      convention: amount ?? null,
      statusId: (row?.v.status as StatusId | undefined) ?? null,
      legalStatus: legalStatus(profile, funder, year, row, asOf, changeOf(avenants, row, asOf, profile)),
      unknown,
      participations: parts,
      gap: amount === undefined || partsUnknown ? null : parts - amount,
      planned: e.planned,
      committed: e.committed,
      paid: e.paid,
      executionUnknown: execUnknown.get(`${funder}|${year}`) ?? [],
    };
  });
}
