/** Articles 3, 4, 5 (amounts), 6 and 7 (partners, avenants) of the convention. */
import { decisionOf } from '../acts';
import { avenantKey } from '../contract';
import { profile, signedAmount, type FunderId } from '../profile';
import { levenshtein } from '../text';
import type { Cents } from '../money';
import type { AvenantProblem } from '../ruleParams';
import type { ConventionFields, FunderKey, Ref } from '../model';
import { funderName, hasBegun, type Rule, type RuleContext } from './context';
import { avenantObjects, changeProblem, partnerKey, type ChangeProblem } from './avenants';

export { avenantObjects, changeProblem, partnerKey, splitPartners, type AvenantObject, type ChangeProblem } from './avenants';

export const participationSums = (ctx: Parameters<Rule>[0], funder: FunderKey, year: number): Cents | undefined => {
  const table = ctx.model.participations.find((p) => p.year === year);
  if (!table) return undefined;
  let sum = 0;
  for (const c of table.cells) if (c.funder === funder) sum += c.amount;
  return sum;
};

/** A participation cell of this funder and year could not be read: its total is unknown, not wrong. */
export const participationUnreadable = (ctx: RuleContext, funder: FunderKey, year: number): boolean =>
  ctx.model.participations.some((p) => p.year === year && p.unreadable.some((u) => u.funder === funder));

const articleOf = (funder: FunderKey): string | undefined => profile.funders.find((f) => f.id === funder)?.article;

/** The first Convention row of each funder and year: the one every rule judges (a second one is convention.duplicate-row). */
function firstRows(ctx: RuleContext) {
  const seen = new Set<string>();
  return ctx.model.convention.filter((r) => {
    if (!r.v.funder || r.v.year === undefined) return true;
    const k = `${r.v.funder}|${r.v.year}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** convention.duplicate-row: two Convention rows for one funder and year (which one would count?). */
export const duplicateRow: Rule = (ctx) => {
  const first = new Map<string, Ref>();
  for (const row of ctx.model.convention) {
    const { funder, year } = row.v;
    if (!funder || year === undefined) continue;
    const k = `${funder}|${year}`;
    const prev = first.get(k);
    if (!prev) first.set(k, row.ref.funder);
    else ctx.emit('convention.duplicate-row', row.ref.funder, { funder: funderName(funder), year, other: prev.cell, article: articleOf(funder) });
  }
};

/** convention.total-mismatch (Art. 3, 4 or 5, the funder's own): the axes' participations must add up to the Convention amount. */
export const totalMismatch: Rule = (ctx) => {
  for (const row of firstRows(ctx)) {
    const { funder, year, amount } = row.v;
    if (!funder || funder.startsWith('co:') || year === undefined || amount === undefined) continue;
    const table = ctx.model.participations.find((p) => p.year === year);
    if (!table) continue;
    // One typing mistake, one finding: an unreadable participation already has its own.
    if (participationUnreadable(ctx, funder, year)) continue;
    const actual = participationSums(ctx, funder, year)!;
    if (actual === amount) continue;
    const column = table.funders.find((f) => f.key === funder);
    const ref = column ? column.range : table.range;
    ctx.emit('convention.total-mismatch', ref, {
      funder: funderName(funder),
      year,
      expected: amount,
      actual,
      gap: actual - amount,
      other: `${row.ref.amount.sheet}!${row.ref.amount.cell}`,
      article: articleOf(funder),
    });
  }
};

/** What convention.changed-without-avenant says about the avenant: its number, and what it changes. */
function avenantProblem(p: Exclude<ChangeProblem, { variant: 'unknown-avenant' }>): AvenantProblem {
  switch (p.variant) {
    case 'none':
      return { variant: 'none' };
    case 'not-covering':
      return { variant: p.variant, text: p.avenant.number, other: p.avenant.changes.map((c) => `${funderName(c.funder)} ${c.year}`).join(', ') };
    case 'other-amount':
      return { variant: p.variant, text: p.avenant.number, avenantAmount: p.changeAmount };
    case 'no-object':
    case 'wrong-kind':
    case 'undated':
    case 'future':
    case 'unapproved':
      return { variant: p.variant, text: p.avenant.number };
    default:
      // before-convention, approved-after: avenant.irregular is the one finding of that cause.
      return { variant: 'none' };
  }
}

/**
 * convention.changed-without-avenant (Art. 7): a signed amount changed needs an avenant *of that
 * kind* that fixes this funder, year and amount, and that exists at the situation date (signed,
 * approved). An avenant signed irregularly has its own finding (avenant.irregular).
 */
export const changedWithoutAvenant: Rule = (ctx) => {
  const avenants = avenantObjects(ctx);
  for (const row of firstRows(ctx)) {
    const problem = changeProblem(avenants, row, ctx.asOf);
    if (!problem || problem.variant === 'unknown-avenant' || problem.variant === 'before-convention' || problem.variant === 'approved-after') continue;
    const { funder, year, amount } = row.v as ConventionFields;
    const signed = signedAmount(funder as FunderId, year)!;
    const base = { funder: funderName(funder), year, expected: signed.amount!, actual: amount, gap: amount - signed.amount!, label: signed.status, article: 'Art. 7' };
    ctx.emit('convention.changed-without-avenant', problem.variant === 'none' ? row.ref.amount : row.ref.avenant, { ...base, ...avenantProblem(problem) });
  }
};

/** convention.unknown-avenant (Art. 7): an avenant named in Convention or Partenaires must exist. */
export const unknownAvenant: Rule = (ctx) => {
  const known = new Set(ctx.model.avenants.map((a) => a.v.number).filter((n): n is string => !!n).map(avenantKey));
  for (const rows of [ctx.model.convention, ctx.model.partners]) {
    for (const row of rows) {
      const a = row.v.avenant;
      if (a && !known.has(avenantKey(a))) ctx.emit('convention.unknown-avenant', row.ref.avenant, { text: a });
    }
  }
};

/**
 * convention.unconfirmed (Art. 3 or 4): Région and État amounts renewed "sous réserve" (and État
 * 2014 "prévisionnel") stay so until their own decision — the Région's budget, the Loi de finances —
 * is recorded and dated by the situation date. A status typed "Confirmé" without it changes nothing.
 */
export const unconfirmed: Rule = (ctx) => {
  for (const row of firstRows(ctx)) {
    const { funder, year, status } = row.v;
    if ((funder !== 'region' && funder !== 'etat') || year === undefined || !status) continue;
    const signed = signedAmount(funder, year);
    if (!signed || (signed.status !== 'sous-reserve' && signed.status !== 'previsionnel') || !hasBegun(ctx, year)) continue;
    const decision = decisionOf(row, ctx.asOf);
    if (decision?.state === 'in-force') continue;
    ctx.emit('convention.unconfirmed', row.ref[decision ? 'decision' : 'status'], {
      funder: funderName(funder),
      year,
      variant: signed.status,
      label: funder,
      article: articleOf(funder),
      typed: status,
      decision: decision?.state ?? 'none',
      ...(decision?.state === 'undated' ? { text: decision.text } : {}),
    });
  }
};

/** convention.cdc-undecided (Art. 5): CDC 2015-2016 depend on the comité régional d'engagement, dated by the situation date. */
export const cdcUndecided: Rule = (ctx) => {
  const years = profile.signedAmounts.filter((s) => s.funder === 'cdc' && s.amount === null).map((s) => s.year);
  const conv = ctx.model.located.convention;
  for (const year of years) {
    if (!hasBegun(ctx, year) || !conv) continue;
    const row = ctx.model.convention.find((r) => r.v.funder === 'cdc' && r.v.year === year);
    if (!row) {
      ctx.emit('convention.cdc-undecided', { sheet: conv.table.sheet, cell: `A${conv.table.headerRow}` }, { year, variant: 'no-row' });
      continue;
    }
    const decision = decisionOf(row, ctx.asOf);
    if (row.v.amount === undefined) {
      // An amount typed wrongly has its own finding (cell.not-a-number): this one is about a blank.
      if (row.bad?.has('amount')) continue;
      ctx.emit('convention.cdc-undecided', row.ref.amount, { year, variant: 'no-amount' });
    } else if (!decision) {
      ctx.emit('convention.cdc-undecided', row.ref.decision, { year, variant: 'no-decision' });
    } else if (decision.state === 'undated') {
      ctx.emit('convention.cdc-undecided', row.ref.decision, { year, variant: 'undated-decision', text: decision.text });
    } else if (decision.state === 'future') {
      ctx.emit('convention.cdc-undecided', row.ref.decision, { year, variant: 'future-decision' });
    }
  }
};

const originalPartners = new Map(profile.partners.filter((p) => !p.avenant).flatMap((p) => [p.name, ...p.aliases].map((n) => [partnerKey(n), p.name] as const)));
const allKnownPartners = profile.partners.map((p) => ({ label: p.name, keys: [p.name, ...p.aliases] }));

/**
 * The known name `key` is likely a typo of (a suggestion for the message, never a match): close in
 * spelling and starting with the same letter. « Ville de Lyas » may be Ville de Lyon mistyped;
 * « Ville de Bron » is another town, not a typo of Lyon (a first letter is seldom mistyped).
 */
function nearestPartner(key: string, candidates: { label: string; keys: string[] }[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    for (const n of c.keys) {
      const other = partnerKey(n);
      if (!other || other[0] !== key[0]) continue;
      const d = levenshtein(key, other);
      if (d > 0 && d < bestD) {
        bestD = d;
        best = c.label;
      }
    }
  }
  return bestD <= Math.max(2, Math.floor(key.length / 4)) ? best : undefined;
}

/**
 * partner.without-avenant (Art. 6, 7): a collectivité that is not one of the 16 original signatories
 * needs an avenant that lists it. Names match exactly after normalisation (partnerKey); a close
 * name is only a suggestion, never a match: a neighbouring commune is another collectivité. An
 * avenant that lists it but is not in force yet has its own finding (avenant.pending,
 * avenant.incomplete, avenant.irregular): one cause, one finding.
 */
export const partnerWithoutAvenant: Rule = (ctx) => {
  const avenants = avenantObjects(ctx);
  for (const row of ctx.model.partners) {
    const { name, avenant } = row.v;
    if (!name || originalPartners.has(partnerKey(name))) continue;
    const k = partnerKey(name);
    const candidates = [...allKnownPartners, ...[...avenants.values()].flatMap((a) => [...a.partners.values()].map((p) => ({ label: p, keys: [p] })))];
    const suggestion = nearestPartner(k, candidates);
    if (!avenant) {
      ctx.emit('partner.without-avenant', row.ref.avenant, { text: name, suggestion, variant: 'none' });
      continue;
    }
    const a = avenants.get(avenantKey(avenant));
    if (!a) continue; // convention.unknown-avenant
    if (a.kind === 'montant') ctx.emit('partner.without-avenant', row.ref.avenant, { text: name, other: a.number, suggestion, variant: 'wrong-kind' });
    else if (!a.partners.has(k)) ctx.emit('partner.without-avenant', row.ref.avenant, { text: name, other: a.number, suggestion, variant: 'not-listed' });
    // Listed: in force, or its avenant's own finding says why not yet.
  }
};
