/** Articles 3, 4, 5 (amounts), 6 and 7 (partners, avenants) of the convention. */
import { avenantKey } from '../contract';
import { profile, signedAmount, type AvenantKind, type FunderId } from '../profile';
import { levenshtein, matchKey, isoDate } from '../text';
import type { Cents } from '../money';
import type { AvenantProblem } from '../ruleParams';
import type { AvenantFields, ConventionFields, FunderKey, Ref, Row } from '../model';
import { funderName, hasBegun, type Rule, type RuleContext } from './context';

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

// ---- avenants: what each one changes ----

export interface AvenantObject {
  number: string;
  /** undefined: the table does not say what the avenant changes. */
  kind: AvenantKind | undefined;
  changes: { funder: FunderKey; year: number; amount: Cents | undefined }[];
  /** Partner names as partnerKey. */
  partners: Map<string, string>;
  date: Date | undefined;
  deliberation: string | undefined;
  rows: Row<AvenantFields>[];
}

/**
 * "Ville de Lyon", "VILLE DE LYON", "Lyon", "Commune de Lyon" → one key: case, accents, hyphens and
 * the words that only say what kind of body it is ("Ville de", "Commune de", "Mairie de") do not
 * make another collectivité.
 */
export function partnerKey(name: string): string {
  const plain = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .trim()
    .replace(/^(la |le )?(ville|commune|mairie)\s+(de\s+|d')/, '');
  return matchKey(plain);
}

export const splitPartners = (s: string): string[] =>
  s
    .split(/[;\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The avenants of the workbook by number; Avenant n°1 keeps what the convention says of it when its row does not. */
export function avenantObjects(ctx: RuleContext): Map<string, AvenantObject> {
  const out = new Map<string, AvenantObject>();
  for (const row of ctx.model.avenants) {
    const n = row.v.number;
    if (!n) continue;
    const k = avenantKey(n);
    let a = out.get(k);
    if (!a) out.set(k, (a = { number: n, kind: undefined, changes: [], partners: new Map(), date: undefined, deliberation: undefined, rows: [] }));
    a.rows.push(row);
    a.date ??= row.v.date;
    a.deliberation ??= row.v.deliberation;
    const kind = row.v.kind ?? (row.v.funder && row.v.year !== undefined ? 'montant' : row.v.partners ? 'partenaires' : undefined);
    if (kind) a.kind ??= kind;
    if (kind === 'montant' && row.v.funder && row.v.year !== undefined) a.changes.push({ funder: row.v.funder, year: row.v.year, amount: row.v.amount });
    if (kind === 'partenaires' && row.v.partners) for (const p of splitPartners(row.v.partners)) a.partners.set(partnerKey(p), p);
  }
  for (const known of profile.avenants) {
    const a = out.get(avenantKey(known.number));
    if (!a || a.kind !== undefined) continue;
    a.kind = known.kind;
    for (const p of known.partners) a.partners.set(partnerKey(p), p);
  }
  return out;
}

const yearEnd = (year: number) => new Date(Date.UTC(year, 11, 31));

/**
 * Why a Convention row's changed amount is not covered by the avenant it names, or null when it is
 * (or when the amount is the signed one). 'unknown-avenant' is convention.unknown-avenant's business.
 */
export function changeProblem(
  avenants: Map<string, AvenantObject>,
  row: Row<ConventionFields>,
  asOf?: Date,
): ChangeProblem | null {
  const { funder, year, amount, avenant } = row.v;
  if (!funder || funder.startsWith('co:') || year === undefined || amount === undefined) return null;
  const signed = signedAmount(funder as FunderId, year);
  if (!signed || signed.amount === null || signed.amount === amount) return null;
  if (!avenant) return { variant: 'none' };
  const a = avenants.get(avenantKey(avenant));
  if (!a) return { variant: 'unknown-avenant' };
  if (a.kind === undefined) return { variant: 'no-object', avenant: a };
  if (a.kind !== 'montant') return { variant: 'wrong-kind', avenant: a };
  const change = a.changes.find((c) => c.funder === funder && c.year === year);
  if (!change) return { variant: 'not-covering', avenant: a };
  if (change.amount !== undefined && change.amount !== amount) return { variant: 'other-amount', avenant: a, changeAmount: change.amount };
  if (a.date && a.date.getTime() > yearEnd(year).getTime()) return { variant: 'late', avenant: a, date: a.date };
  // Not yet signed at the as-of date: it covers nothing yet.
  if (asOf && a.date && a.date.getTime() > asOf.getTime()) return { variant: 'future', avenant: a, date: a.date };
  return null;
}

/** Why a changed amount is not covered, with the avenant at fault and what it says. */
export type ChangeProblem =
  | { variant: 'none' }
  | { variant: 'unknown-avenant' }
  | { variant: 'no-object' | 'wrong-kind' | 'not-covering'; avenant: AvenantObject }
  | { variant: 'other-amount'; avenant: AvenantObject; changeAmount: Cents }
  | { variant: 'late' | 'future'; avenant: AvenantObject; date: Date };

/** What convention.changed-without-avenant says about the avenant: its number, and what it changes or when it was signed. */
function avenantProblem(p: Exclude<ChangeProblem, { variant: 'unknown-avenant' }>): AvenantProblem {
  switch (p.variant) {
    case 'none':
      return { variant: 'none' };
    case 'not-covering':
      return { variant: p.variant, text: p.avenant.number, other: p.avenant.changes.map((c) => `${funderName(c.funder)} ${c.year}`).join(', ') };
    case 'other-amount':
      return { variant: p.variant, text: p.avenant.number, avenantAmount: p.changeAmount };
    case 'late':
    case 'future':
      return { variant: p.variant, text: p.avenant.number, due: isoDate(p.date) };
    default:
      return { variant: p.variant, text: p.avenant.number };
  }
}

/**
 * convention.changed-without-avenant (Art. 7): a signed amount changed needs an avenant *of that
 * kind* that fixes this funder, year and amount, signed by the end of that year.
 */
export const changedWithoutAvenant: Rule = (ctx) => {
  const avenants = avenantObjects(ctx);
  for (const row of firstRows(ctx)) {
    const problem = changeProblem(avenants, row, ctx.asOf);
    if (!problem || problem.variant === 'unknown-avenant') continue;
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

/** avenant.incomplete (Art. 7): an avenant is signed and deliberated; without a date or a deliberation it cannot be relied on. */
export const avenantIncomplete: Rule = (ctx) => {
  for (const a of avenantObjects(ctx).values()) {
    const row = a.rows[0];
    if (a.date && a.deliberation) continue;
    const variant = !a.date && !a.deliberation ? 'neither' : !a.date ? 'no-date' : 'no-deliberation';
    ctx.emit('avenant.incomplete', !a.date ? row.ref.date : row.ref.deliberation, { text: a.number, variant });
  }
};

/** convention.unconfirmed (Art. 3 or 4): Région and État amounts are renewed "sous réserve" until their own budget decision. */
export const unconfirmed: Rule = (ctx) => {
  for (const row of firstRows(ctx)) {
    const { funder, year, status, decision } = row.v;
    if ((funder !== 'region' && funder !== 'etat') || year === undefined || !status) continue;
    if ((status === 'sous-reserve' || status === 'previsionnel') && hasBegun(ctx, year) && !decision) {
      ctx.emit('convention.unconfirmed', row.ref.status, { funder: funderName(funder), year, variant: status, label: funder, article: articleOf(funder) });
    }
  }
};

/** convention.cdc-undecided (Art. 5): CDC 2015-2016 depend on the comité régional d'engagement. */
export const cdcUndecided: Rule = (ctx) => {
  const years = profile.signedAmounts.filter((s) => s.funder === 'cdc' && s.amount === null).map((s) => s.year);
  const conv = ctx.model.located.convention;
  for (const year of years) {
    if (!hasBegun(ctx, year) || !conv) continue;
    const row = ctx.model.convention.find((r) => r.v.funder === 'cdc' && r.v.year === year);
    if (!row) {
      ctx.emit('convention.cdc-undecided', { sheet: conv.table.sheet, cell: `A${conv.table.headerRow}` }, { year, variant: 'no-row' });
    } else if (row.v.amount === undefined) {
      // An amount typed wrongly has its own finding (cell.not-a-number): this one is about a blank.
      if (row.bad?.has('amount')) continue;
      ctx.emit('convention.cdc-undecided', row.ref.amount, { year, variant: 'no-amount' });
    } else if (!row.v.decision) {
      ctx.emit('convention.cdc-undecided', row.ref.decision, { year, variant: 'no-decision' });
    }
  }
};

const originalPartners = new Map(profile.partners.filter((p) => !p.avenant).flatMap((p) => [p.name, ...p.aliases].map((n) => [partnerKey(n), p.name] as const)));
const allKnownPartners = profile.partners.map((p) => ({ label: p.name, keys: [p.name, ...p.aliases] }));

/** The known name closest to `key` (a suggestion for the message, never a match). */
function nearestPartner(key: string, candidates: { label: string; keys: string[] }[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    for (const n of c.keys) {
      const d = levenshtein(key, partnerKey(n));
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
 * name is only a suggestion, never a match: a neighbouring commune is another collectivité.
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
  }
};
