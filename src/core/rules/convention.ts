/** Articles 3, 4, 5 (amounts), 6 and 7 (partners, avenants) of the convention. */
import { decisionOf } from '../acts';
import { avenantKey } from '../contract';
import { perProfile, signedAmount } from '../profile';
import { levenshtein } from '../text';
import type { Cents } from '../money';
import type { AvenantProblem } from '../ruleParams';
import type { ConventionFields, FunderKey, Ref } from '../model';
import { hasBegun, nameOf, type Rule, type RuleContext } from './context';
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

const articleOf = (ctx: RuleContext, funder: FunderKey): string | undefined => ctx.profile.funders.find((f) => f.id === funder)?.article;

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
    else ctx.emit('convention.duplicate-row', row.ref.funder, { funder: nameOf(ctx, funder), year, other: prev.cell, article: articleOf(ctx, funder) });
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
      funder: nameOf(ctx, funder),
      year,
      expected: amount,
      actual,
      gap: actual - amount,
      other: `${row.ref.amount.sheet}!${row.ref.amount.cell}`,
      article: articleOf(ctx, funder),
    });
  }
};

/** What convention.changed-without-avenant says about the avenant: its number, and what it changes. */
function avenantProblem(ctx: RuleContext, p: Exclude<ChangeProblem, { variant: 'unknown-avenant' }>): AvenantProblem {
  switch (p.variant) {
    case 'none':
      return { variant: 'none' };
    case 'not-covering':
      return { variant: p.variant, text: p.avenant.number, other: p.avenant.changes.map((c) => `${nameOf(ctx, c.funder)} ${c.year}`).join(', ') };
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
    const problem = changeProblem(avenants, row, ctx.asOf, ctx.profile);
    if (!problem || problem.variant === 'unknown-avenant' || problem.variant === 'before-convention' || problem.variant === 'approved-after') continue;
    const { funder, year, amount } = row.v as ConventionFields;
    const signed = signedAmount(ctx.profile, funder, year)!;
    const article = ctx.profile.articles.avenants;
    const base = { funder: nameOf(ctx, funder), year, expected: signed.amount!, actual: amount, gap: amount - signed.amount!, label: signed.status, article };
    ctx.emit('convention.changed-without-avenant', problem.variant === 'none' ? row.ref.amount : row.ref.avenant, { ...base, ...avenantProblem(ctx, problem) });
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
 * convention.unconfirmed (the funder's article: Art. 3 or 4 for the CES): an amount the convention
 * gives "sous réserve" or "prévisionnel" (the CES's Région and État) stays so until its funder's own
 * decision — its `instrument`: the Région's budget, the Loi de finances — is recorded and dated by
 * the situation date. A status typed "Confirmé" without it changes nothing.
 */
export const unconfirmed: Rule = (ctx) => {
  for (const row of firstRows(ctx)) {
    const { funder, year, status } = row.v;
    if (!funder || funder.startsWith('co:') || year === undefined || !status) continue;
    const signed = signedAmount(ctx.profile, funder, year);
    const f = ctx.profile.funders.find((x) => x.id === funder);
    if (!f || !signed || (signed.status !== 'sous-reserve' && signed.status !== 'previsionnel') || !hasBegun(ctx, year)) continue;
    const decision = decisionOf(row, ctx.asOf);
    if (decision?.state === 'in-force') continue;
    ctx.emit('convention.unconfirmed', row.ref[decision ? 'decision' : 'status'], {
      funder: nameOf(ctx, funder),
      year,
      variant: signed.status,
      label: funder,
      instrument: f.instrument,
      article: f.article,
      typed: status,
      decision: decision?.state ?? 'none',
      ...(decision?.state === 'undated' ? { text: decision.text } : {}),
    });
  }
};

/**
 * convention.cdc-undecided (the funder's article: Art. 5 for the CES's CDC 2015-2016): an amount the
 * convention leaves to a later decision (null, « à décider ») needs that decision — the funder's
 * `instrument`, the comité régional d'engagement for the CDC —, dated by the situation date. The id
 * keeps its public name whatever the funder; a profile with no such amount has nothing to judge.
 */
export const cdcUndecided: Rule = (ctx) => {
  const conv = ctx.model.located.convention;
  for (const s of ctx.profile.signedAmounts) {
    const f = ctx.profile.funders.find((x) => x.id === s.funder);
    if (s.amount !== null || !f || !hasBegun(ctx, s.year) || !conv) continue;
    const { year } = s;
    const who = { year, label: f.label, instrument: f.instrument, article: f.article };
    const row = ctx.model.convention.find((r) => r.v.funder === f.id && r.v.year === year);
    if (!row) {
      ctx.emit('convention.cdc-undecided', { sheet: conv.table.sheet, cell: `A${conv.table.headerRow}` }, { ...who, variant: 'no-row' });
      continue;
    }
    const decision = decisionOf(row, ctx.asOf);
    if (row.v.amount === undefined) {
      // An amount typed wrongly has its own finding (cell.not-a-number): this one is about a blank.
      if (row.bad?.has('amount')) continue;
      ctx.emit('convention.cdc-undecided', row.ref.amount, { ...who, variant: 'no-amount' });
    } else if (!decision) {
      ctx.emit('convention.cdc-undecided', row.ref.decision, { ...who, variant: 'no-decision' });
    } else if (decision.state === 'undated') {
      ctx.emit('convention.cdc-undecided', row.ref.decision, { ...who, variant: 'undated-decision', text: decision.text });
    } else if (decision.state === 'future') {
      ctx.emit('convention.cdc-undecided', row.ref.decision, { ...who, variant: 'future-decision' });
    }
  }
};

/** The profile's original partners by every spelling, and all its partners as candidates for a suggestion. */
const partnerIndex = perProfile((profile) => ({
  originals: new Map(profile.partners.filter((p) => !p.avenant).flatMap((p) => [p.name, ...p.aliases].map((n) => [partnerKey(n), p.name] as const))),
  all: profile.partners.map((p) => ({ label: p.name, keys: [p.name, ...p.aliases] })),
}));

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
  const known = partnerIndex(ctx.profile);
  const article = ctx.profile.articles.avenants;
  const originals = known.originals.size;
  for (const row of ctx.model.partners) {
    const { name, avenant } = row.v;
    if (!name || known.originals.has(partnerKey(name))) continue;
    const k = partnerKey(name);
    const candidates = [...known.all, ...[...avenants.values()].flatMap((a) => [...a.partners.values()].map((p) => ({ label: p, keys: [p] })))];
    const suggestion = nearestPartner(k, candidates);
    if (!avenant) {
      ctx.emit('partner.without-avenant', row.ref.avenant, { text: name, suggestion, variant: 'none', originals, article });
      continue;
    }
    const a = avenants.get(avenantKey(avenant));
    if (!a) continue; // convention.unknown-avenant
    if (a.kind === 'montant') ctx.emit('partner.without-avenant', row.ref.avenant, { text: name, other: a.number, suggestion, variant: 'wrong-kind', originals, article });
    else if (!a.partners.has(k)) ctx.emit('partner.without-avenant', row.ref.avenant, { text: name, other: a.number, suggestion, variant: 'not-listed', originals, article });
    // Listed: in force, or its avenant's own finding says why not yet.
  }
};
