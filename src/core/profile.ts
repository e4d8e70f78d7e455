/**
 * A convention as data: its document is JSON (profiles/*.json, schema profiles/schema.json), the
 * CES ESS 2014-2016 the built-in one (profiles/ces-ess-2014-2016.json: every fact with its article
 * and the line of ../shared/seed/000_3d1c0acb239d7dfe.txt it comes from). Rules read the object
 * made of it here; nothing else in the code repeats an amount, a year or a name.
 */
import type { Cents } from './money';
import cesEss from '../../profiles/ces-ess-2014-2016.json';

/** Funders, axes and bodies are the profile's data: ids checked against it when it is loaded (profiles/schema.json). */
export type FunderId = string;
export type AxisId = string;
export type StatusId = 'fixe' | 'previsionnel' | 'sous-reserve' | 'a-decider' | 'confirme';
export type InstanceId = string;

/** What an avenant changes (Art. 7): a signatory's amount for a year, or the list of partner collectivités. */
export type AvenantKind = 'montant' | 'partenaires';

export interface Funder {
  id: FunderId;
  label: { fr: string; en: string };
  /** Accepted spellings, compared by matchKey. */
  aliases: string[];
  article: string;
  /** The instrument that turns a renewed amount into a decision (Art. 3: budget; Art. 4: loi de finances; Art. 5: comité régional d'engagement). */
  instrument: { fr: string; en: string };
}

export interface SignedAmount {
  funder: FunderId;
  year: number;
  /** null: the convention fixes no amount (CDC 2015-2016 depend on later decisions, Art. 5). */
  amount: Cents | null;
  status: StatusId;
  article: string;
  line: string;
}

export interface Partner {
  name: string;
  /** Extra spellings seen in the documents. */
  aliases: string[];
  kind: string;
  deliberation: string;
  /** ISO date, or '' where the scan is illegible. */
  date: string;
  /** '' for the 16 original signatories, '1' for those added by Avenant n°1. */
  avenant: string;
}

export interface PlannedAction {
  code: string;
  axis: AxisId;
  title: string;
}

/** One usage: the tool's own value where the convention is silent, and why (never an article). */
export interface UsageDocument<T> {
  value: T;
  why: string;
}

/**
 * A convention as the JSON document of profiles/ (schema: profiles/schema.json): amounts are decimal
 * strings in euros ("2387500.00"), every fact has its article and its `source` (lines of the text).
 */
export interface ProfileDocument {
  $schema?: string;
  format: 1;
  id: string;
  title: string;
  shortTitle: string;
  document?: string;
  approval: { text: string; deliberation: string; date: string; source?: string };
  signature: { date: string; source?: string };
  period: { years: number[]; article: string; source?: string };
  funders: (Funder & { source?: string })[];
  statuses: { id: StatusId; label: { fr: string; en: string } }[];
  amounts: { funder: string; year: number; amount: string | null; status: StatusId; article: string; source: string }[];
  /** short: the name narrow tables use (the PDF's matrices); else the label up to its dash (« Axe 1 – Promotion » → « Axe 1 »). */
  axes: { id: string; number: number; label: { fr: string; en: string }; aliases: string[]; codePrefix: string | null; short?: { fr: string; en: string }; source?: string }[];
  actions: {
    max: number;
    maxWords?: string;
    maxSource?: string;
    article: string;
    addedBy: string;
    /** The text's words on that body integrating new actions (the CES's « statuera sur l’intégration de nouvelles actions »). */
    addedWords?: string;
    addedSource?: string;
    plan: { year: number; source?: string; actions: PlannedAction[] };
    bodies: string[];
    bodiesSource?: string;
  };
  avenants: {
    article: string;
    source?: string;
    words?: string;
    amountChange: boolean;
    newPartner: boolean;
    approvalBeforeSignature: boolean;
    list: { number: string; date: string; kind: AvenantKind; object: string; partners: string[]; deliberation: string; source?: string }[];
  };
  partners: (Partner & { source?: string })[];
  bodies: {
    id: string;
    label: { fr: string; en: string };
    aliases: string[];
    min: number;
    max: number | null;
    /** The governance rule that counts its meetings, or null for a body the text allows but does not count. */
    rule: string | null;
    duty: 'obligation' | 'possibility';
    words: string;
    article: string;
    source?: string;
  }[];
  bilans: { perYear: boolean; article: string; words?: string; source?: string; finalCoversActionPeriod: boolean; finalWords?: string; finalSource?: string };
  evaluations: { id: string; label: { fr: string; en: string }; words: string[]; due: string; thirdParty: boolean; article: string; source?: string }[];
  notThirdParties: string[];
  usages: {
    bilanGraceMonths: UsageDocument<number>;
    finalEvaluationGraceMonths: UsageDocument<number>;
    firstYearFrom: UsageDocument<'signature' | 'year-start'>;
    amountChangeDeadline: UsageDocument<'year-end' | 'none'>;
  };
}

/** "2387500.00" → 238 750 000 cents, exactly (no floating point); the schema has checked the shape. */
export function centsOfDecimal(text: string): Cents {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`montant illisible : ${text}`);
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

/** « Axe 1 – Promotion » → « Axe 1 »: a label's head, before its dash (the whole label where it has none). */
export const labelHead = (label: string): string => label.split(/\s+[–—-]\s+/)[0];

/** The profile the rules read, from its document: the shape the code has always read (ids, cents). */
export function profileFromDocument(doc: ProfileDocument) {
  return {
    id: doc.id,
    title: doc.title,
    shortTitle: doc.shortTitle,
    approvedBy: doc.approval.text,
    deliberation: doc.approval.deliberation,
    approvedOn: doc.approval.date,
    signedOn: doc.signature.date,
    /**
     * Usages: what the tool holds where the convention is silent (a deadline, a grace period). Each is
     * the tool's own, never the text's: a finding that rests on one says « usage retenu par le suivi »
     * and cites no article; the summary's method note lists them (README « Usages là où la convention
     * ne dit rien »). Why each: its `why` in the JSON file.
     */
    usages: {
      bilanGraceMonths: doc.usages.bilanGraceMonths.value,
      finalEvaluationGraceMonths: doc.usages.finalEvaluationGraceMonths.value,
      firstYearFrom: doc.usages.firstYearFrom.value,
      amountChangeDeadline: doc.usages.amountChangeDeadline.value,
    },
    years: doc.period.years as readonly number[],
    funders: doc.funders.map(({ source: _s, ...f }) => f) as Funder[],
    signedAmounts: doc.amounts.map((a) => ({
      funder: a.funder as FunderId,
      year: a.year,
      amount: a.amount === null ? null : centsOfDecimal(a.amount),
      status: a.status,
      article: a.article,
      line: a.source,
    })) as SignedAmount[],
    axes: doc.axes.map((a) => ({ id: a.id as AxisId, number: a.number, label: a.label, aliases: a.aliases, codePrefix: a.codePrefix, short: a.short ?? { fr: labelHead(a.label.fr), en: labelHead(a.label.en) } })),
    statuses: doc.statuses,
    maxActions: doc.actions.max,
    actionPlanYear: doc.actions.plan.year,
    actionPlan2014: doc.actions.plan.actions as PlannedAction[],
    avenants: doc.avenants.list.map(({ source: _s, ...a }) => a),
    partners: doc.partners.map(({ source: _s, ...p }) => p) as Partner[],
    governance: doc.bodies.map((b) => ({ id: b.id as InstanceId, label: b.label, aliases: b.aliases, min: b.min, max: b.max, rule: b.rule, duty: b.duty, words: b.words, article: b.article })),
    actionBodies: doc.actions.bodies,
    evaluations: doc.evaluations.map((e) => ({ id: e.id, label: e.label, words: e.words, due: e.due, thirdParty: e.thirdParty, article: e.article })),
    notThirdParties: doc.notThirdParties,
    /** The articles the rules cite where no funder or body is narrower (the CES's: Art. 7, Art. 1 ; Art. 8, Art. 2 §3.1, Art. 2 §5). */
    articles: { avenants: doc.avenants.article, period: doc.period.article, actions: doc.actions.article, bilans: doc.bilans.article },
    /** The text's own words on the bilans (the CES's: « en année civile de préférence »), quoted by the messages. */
    bilanWords: doc.bilans.words ?? '',
    /** The body that integrates new actions (the CES's COPIL), and the text's words on it (quoted by the messages). */
    actionsAddedBy: doc.actions.addedBy,
    actionsAddedWords: doc.actions.addedWords ?? '',
    /** The text's words on the number of actions (the CES's « resserré autour d’une vingtaine d’actions »). */
    maxActionsWords: doc.actions.maxWords ?? '',
    /** The text's words on the last year's bilan (the CES's « fera également le bilan consolidé… »), '' where the profile has none. */
    finalBilanWords: doc.bilans.finalWords ?? '',
    document: doc,
  };
}

/** The CES ESS 2014-2016: the built-in profile, and every workbook's that carries none. */
export const profile = profileFromDocument(cesEss as ProfileDocument);

export type Profile = ReturnType<typeof profileFromDocument>;

/**
 * What is derived from a profile once (an index, a map of names), memoised per profile object: the
 * workbook being checked carries its own, the built-in CES ESS is only the default.
 */
export function perProfile<T>(make: (p: Profile) => T): (p: Profile) => T {
  const cache = new WeakMap<Profile, T>();
  return (p) => {
    let v = cache.get(p);
    if (v === undefined) cache.set(p, (v = make(p)));
    return v;
  };
}

/** The convention a workbook follows: the one it carries, else the built-in CES ESS 2014-2016. */
export const profileOf = (snapshot: { profile?: Profile }): Profile => snapshot.profile ?? profile;

/** Last day of the contract (the CES's Art. 8): 31/12 of its last year. */
export const contractEnd = (p: Profile): Date => new Date(Date.UTC(p.years[p.years.length - 1], 11, 31));

/** The last day of the month `months` after `from`'s month: 31/12/2016 + 6 → 30/06/2017. */
export function endOfMonthAfter(from: Date, months: number): Date {
  return new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months + 1, 0));
}

/** When an evaluation is past due: its date in the text (end 2015 for the CES's intermediate one), else — "end", « à l'issue du contrat » — the contract's end plus the usage's grace. */
export function evaluationDue(p: Profile, id: string): Date {
  const due = p.evaluations.find((e) => e.id === id)?.due ?? 'end';
  return due === 'end' ? endOfMonthAfter(contractEnd(p), p.usages.finalEvaluationGraceMonths) : new Date(`${due}T00:00:00Z`);
}

/** When the bilan of `year` is past due: the end of that year plus the grace. */
export function bilanDue(p: Profile, year: number): Date {
  return endOfMonthAfter(new Date(Date.UTC(year, 11, 31)), p.usages.bilanGraceMonths);
}

export const signatureDate = (p: Profile): Date => new Date(`${p.signedOn}T00:00:00Z`);

/** Whether a funder's signed amount for some year awaits a decision (the CES's CDC: « sous réserve … », no amount). */
export const awaitsDecision = (p: Profile, funder: FunderId): boolean => p.signedAmounts.some((s) => s.funder === funder && s.amount === null);

/** The body that integrates new actions (the CES's COPIL), when the profile's governance names it. */
export const actionsAddedBody = (p: Profile) => p.governance.find((g) => g.id === p.actionsAddedBy);

export function signedAmount(p: Profile, funder: FunderId, year: number): SignedAmount | undefined {
  return p.signedAmounts.find((s) => s.funder === funder && s.year === year);
}

/** Axes by code prefix, longest first (III before II before I), each matched before an underscore. */
const prefixes = perProfile((p) =>
  p.axes
    .filter((a): a is typeof a & { codePrefix: string } => !!a.codePrefix)
    .map((a) => ({ prefix: a.codePrefix.toUpperCase(), id: a.id }))
    .sort((a, b) => b.prefix.length - a.prefix.length),
);

/** Prefix of an action code → its axis (the profile's codePrefix): I_ → Axe 1, II_ → Axe 2, III_ → Axe 3 for the CES. */
export function axisOfCode(p: Profile, code: string): AxisId | null {
  const c = code.trim().toUpperCase();
  return prefixes(p).find((a) => c.startsWith(`${a.prefix}_`))?.id ?? null;
}
