/**
 * Avenants (Art. 7, L1185-L1190): « Toute modification … portant sur le montant des aides de la
 * Région, de l'Etat, et de la Caisse des Dépôts … fera l'objet d'un avenant … soumis, préalablement à
 * sa signature » (to the parties' approval: the deliberation comes before the signature); « l'ajout
 * de nouveaux signataires … fera l'objet d'un avenant ». An avenant covers what it changes only once
 * it exists at the situation date (acts.ts): dated, signed after the convention itself (15/11/2014),
 * on or before the situation date, approved by a recorded deliberation not dated after it. The text
 * sets no deadline; the year-end one is a usage of the profile (avenant.after-year).
 */
import { actState, dateInText } from '../acts';
import { avenantKey } from '../contract';
import { signatureDate, signedAmount, type AvenantKind, type Profile } from '../profile';
import { isoDate, matchKey } from '../text';
import type { Cents } from '../money';
import type { AvenantFields, ConventionFields, FunderKey, Row } from '../model';
import { funderName, nameOf, type Rule, type RuleContext } from './context';

export interface AvenantObject {
  number: string;
  /** undefined: the table does not say what the avenant changes. */
  kind: AvenantKind | undefined;
  changes: { funder: FunderKey; year: number; amount: Cents | undefined }[];
  /** Partner names as partnerKey. */
  partners: Map<string, string>;
  /** Its signature. */
  date: Date | undefined;
  deliberation: string | undefined;
  /** The approval's date, read from the Délibération text (« CP du 05/02/2016 »), when it gives one. */
  deliberationDate: Date | undefined;
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
export function avenantObjects(ctx: Pick<RuleContext, 'model'>): Map<string, AvenantObject> {
  const out = new Map<string, AvenantObject>();
  for (const row of ctx.model.avenants) {
    const n = row.v.number;
    if (!n) continue;
    const k = avenantKey(n);
    let a = out.get(k);
    if (!a) out.set(k, (a = { number: n, kind: undefined, changes: [], partners: new Map(), date: undefined, deliberation: undefined, deliberationDate: undefined, rows: [] }));
    a.rows.push(row);
    a.date ??= row.v.date;
    if (a.deliberation === undefined && row.v.deliberation) {
      a.deliberation = row.v.deliberation;
      a.deliberationDate = dateInText(row.v.deliberation);
    }
    const kind = row.v.kind ?? (row.v.funder && row.v.year !== undefined ? 'montant' : row.v.partners ? 'partenaires' : undefined);
    if (kind) a.kind ??= kind;
    if (kind === 'montant' && row.v.funder && row.v.year !== undefined) a.changes.push({ funder: row.v.funder, year: row.v.year, amount: row.v.amount });
    if (kind === 'partenaires' && row.v.partners) for (const p of splitPartners(row.v.partners)) a.partners.set(partnerKey(p), p);
  }
  for (const known of ctx.model.profile.avenants) {
    const a = out.get(avenantKey(known.number));
    if (!a || a.kind !== undefined) continue;
    a.kind = known.kind;
    for (const p of known.partners) a.partners.set(partnerKey(p), p);
  }
  return out;
}

/**
 * Whether an avenant has effect at `asOf`, or why not: not dated (undated), signed before the
 * convention it amends (before-convention), its approval dated after its signature
 * (approved-after), not yet signed (future), no deliberation recorded (unapproved).
 */
export type AvenantStanding = 'in-force' | 'undated' | 'before-convention' | 'approved-after' | 'future' | 'unapproved';

export function avenantStanding(a: AvenantObject, asOf: Date, profile: Profile): AvenantStanding {
  const state = actState(a.date, asOf);
  if (state === 'undated') return 'undated';
  if (state === 'future') return 'future';
  if (a.date!.getTime() < signatureDate(profile).getTime()) return 'before-convention';
  if (a.deliberationDate && a.deliberationDate.getTime() > a.date!.getTime()) return 'approved-after';
  if (!a.deliberation) return 'unapproved';
  return 'in-force';
}

/** What an avenant would cover once in force, in words: « État 2015 (900 000,00 €) », « Ville de Bron ». */
export function avenantCovers(a: AvenantObject, profile: Profile): string {
  const amounts = a.changes.map((c) => `${funderName(c.funder, 'fr', profile)} ${c.year}`);
  return [...amounts, ...a.partners.values()].join(', ');
}

/** Why a changed amount is not covered, with the avenant at fault and what it says. */
export type ChangeProblem =
  | { variant: 'none' }
  | { variant: 'unknown-avenant' }
  | { variant: 'no-object' | 'wrong-kind' | 'not-covering'; avenant: AvenantObject }
  | { variant: 'other-amount'; avenant: AvenantObject; changeAmount: Cents }
  | { variant: Exclude<AvenantStanding, 'in-force'>; avenant: AvenantObject };

/**
 * Why a Convention row's changed amount is not covered at `asOf` by the avenant it names, or null
 * when it is (or when the amount is the signed one). 'unknown-avenant' is convention.unknown-avenant's business.
 */
export function changeProblem(avenants: Map<string, AvenantObject>, row: Row<ConventionFields>, asOf: Date, profile: Profile): ChangeProblem | null {
  const { funder, year, amount, avenant } = row.v;
  if (!funder || funder.startsWith('co:') || year === undefined || amount === undefined) return null;
  const signed = signedAmount(profile, funder, year);
  if (!signed || signed.amount === null || signed.amount === amount) return null;
  if (!avenant) return { variant: 'none' };
  const a = avenants.get(avenantKey(avenant));
  if (!a) return { variant: 'unknown-avenant' };
  if (a.kind === undefined) return { variant: 'no-object', avenant: a };
  if (a.kind !== 'montant') return { variant: 'wrong-kind', avenant: a };
  const change = a.changes.find((c) => c.funder === funder && c.year === year);
  if (!change) return { variant: 'not-covering', avenant: a };
  if (change.amount !== undefined && change.amount !== amount) return { variant: 'other-amount', avenant: a, changeAmount: change.amount };
  const standing = avenantStanding(a, asOf, profile);
  return standing === 'in-force' ? null : { variant: standing, avenant: a };
}

/** avenant.incomplete (Art. 7): an avenant is signed and approved; undated it covers nothing yet, and says what it would cover. */
export const avenantIncomplete: Rule = (ctx) => {
  for (const a of avenantObjects(ctx).values()) {
    const row = a.rows[0];
    if (a.date && a.deliberation) continue;
    const variant = !a.date && !a.deliberation ? 'neither' : !a.date ? 'no-date' : 'no-deliberation';
    const covers = avenantCovers(a, ctx.profile);
    ctx.emit('avenant.incomplete', !a.date ? row.ref.date : row.ref.deliberation, { text: a.number, variant, article: ctx.profile.articles.avenants, ...(covers ? { other: covers } : {}) });
  }
};

/**
 * avenant.irregular (Art. 7): an avenant signed before the convention it amends (15/11/2014), or
 * approved after its signature (« soumis, préalablement à sa signature »). Judged once it is signed.
 */
export const avenantIrregular: Rule = (ctx) => {
  for (const a of avenantObjects(ctx).values()) {
    const standing = avenantStanding(a, ctx.asOf, ctx.profile);
    const row = a.rows[0];
    const article = ctx.profile.articles.avenants;
    if (standing === 'before-convention') ctx.emit('avenant.irregular', row.ref.date, { text: a.number, variant: standing, due: isoDate(a.date!), other: ctx.profile.signedOn, article });
    else if (standing === 'approved-after') ctx.emit('avenant.irregular', row.ref.deliberation, { text: a.number, variant: standing, due: isoDate(a.date!), other: isoDate(a.deliberationDate!), article });
  }
};

/**
 * avenant.pending (information, Art. 7): an avenant dated after the situation date does not exist
 * yet; what it will cover (partners, amounts) does not count. Its date is not repeated: the summary
 * at that date names no act that came after it.
 */
export const avenantPending: Rule = (ctx) => {
  for (const a of avenantObjects(ctx).values()) {
    if (avenantStanding(a, ctx.asOf, ctx.profile) !== 'future') continue;
    const covers = avenantCovers(a, ctx.profile);
    ctx.emit('avenant.pending', a.rows[0].ref.date, { text: a.number, article: ctx.profile.articles.avenants, ...(covers ? { other: covers } : {}) });
  }
};

/**
 * avenant.after-year (warning, no article: a usage of the profile, usages.amountChangeDeadline): an
 * amount avenant in force but signed after the year whose amount it changes. Art. 7 sets no such
 * deadline; the tool asks for a look because that year's commitments were decided meanwhile.
 */
export const avenantAfterYear: Rule = (ctx) => {
  if (ctx.profile.usages.amountChangeDeadline !== 'year-end') return;
  const avenantArticle = ctx.profile.articles.avenants;
  for (const a of avenantObjects(ctx).values()) {
    if (a.kind !== 'montant' || avenantStanding(a, ctx.asOf, ctx.profile) !== 'in-force') continue;
    for (const c of a.changes) {
      if (a.date!.getTime() <= Date.UTC(c.year, 11, 31)) continue;
      ctx.emit('avenant.after-year', a.rows[0].ref.date, { text: a.number, funder: nameOf(ctx, c.funder), year: c.year, due: isoDate(a.date!), avenantArticle });
    }
  }
};
