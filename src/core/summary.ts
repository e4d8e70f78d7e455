/**
 * The "Synthèse COPIL" as data (product.md, "Synthèse COPIL"): what each funder owes and gave, per
 * axis and per year, how far the money is committed and paid, and what the check found. Every host
 * and file format (Excel sheet, PDF, XLSX, CSV) renders this one object, so they cannot disagree.
 * Amounts are integer cents; the per funder and year lines are the analysis' own totals.
 */
import { analyse, type Analysis } from './analysis';
import { present, type CheckResult } from './present';
import { avenantKindLabel, axisLabel, type Lang } from './contract';
import { messages } from './i18n';
import type { LegalStatusId } from './legalStatus';
import { SEVERITY_ORDER, type Finding, type RawFinding, type RuleId, type Severity } from './findings';
import { amountsOf } from './ruleParams';
import { rate, type Cents } from './money';
import type { FunderKey, Model } from './model';
import { actState } from './acts';
import { avenantObjects } from './rules/avenants';
import { isoDate } from './text';
import type { AxisId, Profile, StatusId } from './profile';
import { ruleTitle } from './ruleWords';
import { funderName } from './rules/context';
import type { WorkbookSnapshot } from './snapshot';

export type ExecutionField = 'planned' | 'committed' | 'paid';

export interface Execution {
  /** Cents of the readable lines only where `notKnown` names the field (the charts draw them; no table shows them). */
  planned: Cents;
  committed: Cents;
  paid: Cents;
  /** Engagé / prévu in percent, one decimal ("96.0"), null when nothing is planned or either is n.d. */
  commitmentRate: string | null;
  /** Versé / engagé in percent, one decimal, null when nothing is committed or either is n.d. */
  paymentRate: string | null;
  /**
   * The amounts not known and why, worded ("montant illisible", "colonne absente"): every export
   * prints n.d. and the reason there and in the rates drawn from them, never the partial sum.
   */
  notKnown: Partial<Record<ExecutionField, string>>;
}

/** Why a figure of `e` is n.d. (an amount, or a rate whose either amount is), undefined when it is known. */
export function whyNotKnown(e: Execution, k: ExecutionField | 'commitmentRate' | 'paymentRate'): string | undefined {
  const n = e.notKnown;
  return k === 'commitmentRate' ? (n.committed ?? n.planned) : k === 'paymentRate' ? (n.paid ?? n.committed) : n[k];
}

/** `shown` where the figure is known, else "n.d. (why)" in `lang`: what the PDF and the CSV print. */
export function orNotKnown(e: Execution, k: Parameters<typeof whyNotKnown>[1], shown: string, lang: Lang): string {
  const why = whyNotKnown(e, k);
  return why === undefined ? shown : messages[lang].summary.notAvailable(why);
}

export interface FunderYearLine extends Execution {
  funderKey: FunderKey;
  funder: string;
  year: number;
  /** null where the Convention table holds no amount (CDC 2015-2016 before their decision) or an unreadable one. */
  convention: Cents | null;
  /** What the user typed in Statut. */
  statusId: StatusId | null;
  /** The amount's standing in the convention's terms: fixé, prévisionnel, reconduit sous réserve, décidé, non fixé… */
  legalStatusId: LegalStatusId;
  /** Its label in the summary's language: what every export prints in the Statut column. */
  status: string;
  /** Why convention or gap is not known ("montant illisible"…), null when both are. */
  unknown: string | null;
  /** null when a participation cell of this funder and year is unreadable (its sum would mislead). */
  participations: Cents | null;
  /** Participations − convention; null where the convention amount is unknown. */
  gap: Cents | null;
}

export interface SummaryFunder {
  key: FunderKey;
  label: string;
}

export interface AxisMatrix {
  /** null: the whole contract, 2014 to 2016. */
  year: number | null;
  rows: { axis: AxisId; label: string; /** In a narrow table: the profile's short name (« Axe 1 »). */ short: string; amounts: Cents[]; total: Cents }[];
  /** Per funder, in the order of Summary.funders. */
  totals: Cents[];
  total: Cents;
}

export interface FunderExecution extends Execution {
  funderKey: FunderKey;
  funder: string;
}

export interface ActionLine extends Execution {
  code: string;
  /** As the user typed it (hosts neutralise it before writing it into a cell or a CSV). */
  title: string;
  axis: AxisId | null;
  /** false for a financing code the Actions table lacks (action.unknown says so). */
  known: boolean;
}

export interface RuleCount {
  rule: RuleId;
  severity: Severity;
  count: number;
}

/** Every finding of one rule: what the COPIL reads instead of a list of hundreds of lines. */
export interface FindingGroup extends RuleCount {
  /** The rule's title in the summary's language and its convention's words (ruleTitle); the id stays a secondary label. */
  title: string;
  /** The article(s) the findings cite, "Art. 3, Art. 5" when they differ; null for none. */
  article: string | null;
  /** The first findings' places, "Convention!C7", at most FIRST_CELLS. */
  cells: string[];
  /** The first finding's message, as an example of the group. */
  example: string;
}

export interface Summary {
  lang: Lang;
  /** ISO date the check was judged at. */
  asOf: string;
  contract: { title: string; shortTitle: string };
  /** The convention the findings were judged by: every export titles them in its words (core/ruleWords.ts ruleTitle). */
  profile: Profile;
  /** Made from the example of `init --example` (its "(exemple)" marks are still in the tables): every page and file says "EXEMPLE FICTIF". */
  example: boolean;
  /** The convention's own references, worded: deliberation, signature, avenants (page 1). */
  references: string;
  /** The model of acts in time and the usages held where the convention is silent, worded (profile.usages), then what was read per table. */
  method: string;
  /** The one-sentence conclusion: errors, warnings, and never a claim of compliance while warnings remain. */
  conclusion: string;
  years: number[];
  funders: SummaryFunder[];
  funderYears: FunderYearLine[];
  /**
   * Sums of funderYears. convention and gap are null as soon as one line's is unknown (a sum of the
   * known ones would not add up with the participations): `unknown` then says which and why.
   */
  funderYearsTotal: Execution & { convention: Cents | null; participations: Cents | null; gap: Cents | null; unknown: string | null };
  /** The axis × funder participations, one per year. */
  matrices: AxisMatrix[];
  /** The same over the three years: the source of the "participations by axis and funder" chart. */
  allYears: AxisMatrix;
  /** Execution per funder over the three years: the source of the "execution by funder" chart. */
  byFunder: FunderExecution[];
  byFunderTotal: Execution;
  actions: ActionLine[];
  actionsTotal: Execution;
  findings: {
    counts: Record<Severity, number>;
    byRule: RuleCount[];
    /** Every rule that fired, errors first, with count, article and first cells. */
    groups: FindingGroup[];
    /** Every finding, in the check's order (the CSV carries them all). */
    all: Finding[];
    /** The most important errors, at most TOP_ERRORS. */
    topErrors: Finding[];
    /** Errors left out of topErrors. */
    moreErrors: number;
  };
}

export const TOP_ERRORS = 10;
export const FIRST_CELLS = 3;

/** The marks the example leaves in the tables ("(exemple)", "Exemple fictif", "[code fictif, exemple]"). */
const EXAMPLE_MARK = /\(exemple\b|exemple fictif|code fictif/i;

/** Whether the workbook still holds the example's data: any of its marks in a text the example writes. */
export function isExample(model: Model): boolean {
  const texts = [
    ...model.convention.map((r) => r.v.decision),
    ...model.actions.flatMap((r) => [r.v.holder, r.v.title, r.v.copilDecision]),
    ...model.financing.map((r) => r.v.comment),
    ...model.instances.map((r) => r.v.object),
    ...model.bilans.map((r) => r.v.comment),
    ...model.avenants.map((r) => r.v.deliberation),
  ];
  return texts.some((t) => t !== undefined && EXAMPLE_MARK.test(t));
}

function groupFindings(findings: Finding[], lang: Lang, profile: Profile): FindingGroup[] {
  const groups = new Map<RuleId, FindingGroup & { articles: Set<string> }>();
  for (const f of findings) {
    let g = groups.get(f.rule);
    if (!g) {
      g = { rule: f.rule, severity: f.severity, count: 0, title: ruleTitle(f.rule, lang, profile), article: null, cells: [], example: f.message, articles: new Set() };
      groups.set(f.rule, g);
    }
    g.count += 1;
    if (f.article) g.articles.add(f.article);
    const place = `${f.sheet}!${f.cell}`;
    if (g.cells.length < FIRST_CELLS && !g.cells.includes(place)) g.cells.push(place);
  }
  return [...groups.values()]
    .map(({ articles, ...g }) => ({ ...g, article: articles.size ? [...articles].join(', ') : null }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || rankOf(a.rule) - rankOf(b.rule) || b.count - a.count || a.rule.localeCompare(b.rule));
}

function execution(planned: Cents, committed: Cents, paid: Cents, notKnown: Execution['notKnown'] = {}): Execution {
  const e: Execution = { planned, committed, paid, commitmentRate: null, paymentRate: null, notKnown };
  if (!whyNotKnown(e, 'commitmentRate')) e.commitmentRate = rate(committed, planned);
  if (!whyNotKnown(e, 'paymentRate')) e.paymentRate = rate(paid, committed);
  return e;
}

const EXECUTION_FIELDS: readonly ExecutionField[] = ['planned', 'committed', 'paid'];

/** The first reason of each field over `xs`: a sum including an n.d. amount is n.d. */
function mergeNotKnown(xs: readonly { notKnown: Execution['notKnown'] }[]): Execution['notKnown'] {
  const out: Execution['notKnown'] = {};
  for (const x of xs) for (const k of EXECUTION_FIELDS) out[k] ??= x.notKnown[k];
  for (const k of EXECUTION_FIELDS) if (out[k] === undefined) delete out[k];
  return out;
}

/**
 * Which errors a COPIL should read first: a broken workbook makes every other figure doubtful, then
 * what breaks the convention's amounts, then over-allocation and over-execution, then the rest.
 */
const ERROR_RANK: [RegExp, number][] = [
  [/^workbook\./, 0],
  [/^convention\./, 1],
  [/^allocation\./, 2],
  [/^execution\./, 3],
  [/^reconciliation\./, 4],
  [/^(cell|period|axis)\./, 5],
];
const rankOf = (rule: string) => ERROR_RANK.find(([re]) => re.test(rule))?.[1] ?? 6;
/** The first errors to read; `worded` is `raw` in words, in the same order. */
export function topErrors(raw: readonly RawFinding[], worded: readonly Finding[], max = TOP_ERRORS): Finding[] {
  const errors = worded
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.severity === 'error')
    .map((e) => ({ ...e, rank: rankOf(e.f.rule), gap: Math.abs(amountsOf(raw[e.i].params).gap ?? 0) }));
  // Stable: within a rank, the larger gap first, then the check's own order (sheet, cell).
  errors.sort((a, b) => a.rank - b.rank || b.gap - a.gap || a.i - b.i);
  return errors.slice(0, max).map(({ f }) => f);
}

const sum = (xs: Cents[]): Cents => xs.reduce((s, x) => s + x, 0);

function sumExecution(xs: Execution[]): Execution {
  return execution(sum(xs.map((x) => x.planned)), sum(xs.map((x) => x.committed)), sum(xs.map((x) => x.paid)), mergeNotKnown(xs));
}

function matrix(model: Model, funders: SummaryFunder[], year: number | null, lang: Lang): AxisMatrix {
  const tables = model.participations.filter((p) => year === null || p.year === year);
  const rows = model.profile.axes.map((a) => {
    const amounts = funders.map((f) => {
      let s = 0;
      for (const t of tables) for (const c of t.cells) if (c.axis === a.id && c.funder === f.key) s += c.amount;
      return s;
    });
    return { axis: a.id, label: axisLabel(a.id, lang, model.profile), short: a.short[lang], amounts, total: sum(amounts) };
  });
  const totals = funders.map((_, i) => sum(rows.map((r) => r.amounts[i])));
  return { year, rows, totals, total: sum(totals) };
}

/** The summary of an analysis, in `lang`; `result` is the same analysis presented in `lang`. */
export function buildSummary(analysis: Analysis, lang: Lang, result: CheckResult = present(analysis, lang)): Summary {
  const { model } = analysis;
  const { profile } = model;
  const funders: SummaryFunder[] = [];
  for (const t of analysis.totals) {
    if (!funders.some((f) => f.key === t.funderKey)) funders.push({ key: t.funderKey, label: funderName(t.funderKey, lang, profile) });
  }
  const m = messages[lang].summary;
  const funderYears: FunderYearLine[] = analysis.totals.map((t) => ({
    funderKey: t.funderKey,
    funder: funderName(t.funderKey, lang, profile),
    year: t.year,
    convention: t.convention,
    statusId: t.statusId,
    legalStatusId: t.legalStatus,
    status: m.legalStatus[t.legalStatus],
    unknown: t.unknown === null ? null : m.unknown[t.unknown],
    participations: t.unknown === 'unreadable-participation' ? null : t.participations,
    gap: t.gap,
    ...execution(t.planned, t.committed, t.paid, Object.fromEntries(t.executionUnknown.map((u) => [u.field, u.reason === 'no-column' ? m.noColumn : m.unknown['unreadable-amount']]))),
  }));
  const years = [...new Set([...profile.years, ...funderYears.map((l) => l.year)])].sort((a, b) => a - b);
  const byFunder: FunderExecution[] = funders.map((f) => ({
    funderKey: f.key,
    funder: f.label,
    ...sumExecution(funderYears.filter((l) => l.funderKey === f.key)),
  }));

  // Per action, the lines the totals count: those with a funder and a year (computeTotals' rule).
  const counted = model.financing.filter((l) => l.v.funder && l.v.year !== undefined && l.v.code);
  const actionCodes = new Map<string, { title: string; axis: AxisId | null; known: boolean }>();
  for (const a of model.actions) if (a.v.code && !actionCodes.has(a.v.code)) actionCodes.set(a.v.code, { title: a.v.title ?? '', axis: a.v.axis ?? null, known: true });
  for (const l of counted) if (!actionCodes.has(l.v.code!)) actionCodes.set(l.v.code!, { title: '', axis: null, known: false });
  // One pass over the lines: a ledger of 100 000 lines with thousands of codes stays linear.
  // An amount column the table lacks makes that amount n.d. on every line; an unreadable cell, on its line's.
  const cols = model.located.financements?.columns;
  const absent: Execution['notKnown'] = {};
  if (cols) for (const k of EXECUTION_FIELDS) if (cols[k] < 0) absent[k] = m.noColumn;
  type Sums = { planned: Cents; committed: Cents; paid: Cents; notKnown: Execution['notKnown'] };
  const addLine = (e: Sums, l: (typeof counted)[number]) => {
    e.planned += l.v.planned ?? 0;
    e.committed += l.v.committed ?? 0;
    e.paid += l.v.paid ?? 0;
    if (l.bad) for (const k of EXECUTION_FIELDS) if (l.bad.has(k)) e.notKnown[k] ??= m.unknown['unreadable-amount'];
  };
  const perCode = new Map<string, Sums>();
  for (const l of counted) {
    let e = perCode.get(l.v.code!);
    if (!e) perCode.set(l.v.code!, (e = { planned: 0, committed: 0, paid: 0, notKnown: { ...absent } }));
    addLine(e, l);
  }
  const actions: ActionLine[] = [...actionCodes].map(([code, a]) => {
    const e = perCode.get(code) ?? { planned: 0, committed: 0, paid: 0, notKnown: {} };
    return { code, ...a, ...execution(e.planned, e.committed, e.paid, e.notKnown) };
  });
  // Lines without a code still count in the totals: keep them visible rather than lose money.
  const uncoded = model.financing.filter((l) => l.v.funder && l.v.year !== undefined && !l.v.code);
  if (uncoded.length) {
    const e: Sums = { planned: 0, committed: 0, paid: 0, notKnown: { ...absent } };
    for (const l of uncoded) addLine(e, l);
    actions.push({ code: '', title: '', axis: null, known: false, ...execution(e.planned, e.committed, e.paid, e.notKnown) });
  }

  const byRule = new Map<RuleId, RuleCount>();
  for (const f of result.findings) {
    const c = byRule.get(f.rule) ?? { rule: f.rule, severity: f.severity, count: 0 };
    c.count += 1;
    byRule.set(f.rule, c);
  }
  const top = topErrors(analysis.findings, result.findings);

  // A total adds up or says why not: the lines whose amount is not known, by name.
  const notKnown = funderYears.filter((l) => l.convention === null || l.gap === null);
  const totalUnknown = notKnown.length ? notKnown.map((l) => `${l.funder} ${l.year} ${l.unknown ?? ''}`.trim()).join(', ') : null;

  // Page 1 names only the avenants that exist at the situation date, or are undated (and say they have no effect):
  // the same avenants, read the same way, as the rules' (rules/avenants.ts).
  const avenants = [...avenantObjects({ model }).values()]
    .filter((a) => actState(a.date, analysis.asOf) !== 'future')
    .map((a) => ({ number: a.number, date: a.date ? isoDate(a.date) : null, kind: a.kind ? avenantKindLabel(a.kind, lang) : null }));

  return {
    lang,
    asOf: result.asOf,
    contract: { title: profile.title, shortTitle: profile.shortTitle },
    profile,
    example: isExample(model),
    references: m.references({ deliberation: profile.deliberation, approvedOn: profile.approvedOn, signedOn: profile.signedOn, avenants }),
    // The method, then what was read per table in the words `check` prints: "0 erreur" is worth what was read.
    method: `${m.method({
      signedOn: profile.signedOn,
      firstYear: profile.years[0],
      avenantArticle: profile.articles.avenants,
      bilanGraceMonths: profile.usages.bilanGraceMonths,
      finalEvaluationGraceMonths: profile.usages.finalEvaluationGraceMonths,
      amountChangeDeadline: profile.usages.amountChangeDeadline === 'year-end',
      firstYearFrom: profile.usages.firstYearFrom,
    })} ${m.readNote(...result.read.map((r) => r.text))}`,
    conclusion: m.conclusion(result.summary.errors, result.summary.warnings, result.summary.infos),
    years,
    funders,
    funderYears,
    funderYearsTotal: {
      convention: totalUnknown && funderYears.some((l) => l.convention === null) ? null : sum(funderYears.map((l) => l.convention ?? 0)),
      participations: funderYears.some((l) => l.participations === null) ? null : sum(funderYears.map((l) => l.participations ?? 0)),
      gap: totalUnknown ? null : sum(funderYears.map((l) => l.gap ?? 0)),
      unknown: totalUnknown,
      ...sumExecution(funderYears),
    },
    matrices: profile.years.map((y) => matrix(model, funders, y, lang)),
    allYears: matrix(model, funders, null, lang),
    byFunder,
    byFunderTotal: sumExecution(byFunder),
    actions,
    actionsTotal: sumExecution(actions),
    findings: {
      counts: { error: result.summary.errors, warning: result.summary.warnings, info: result.summary.infos },
      byRule: [...byRule.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count || a.rule.localeCompare(b.rule)),
      groups: groupFindings(result.findings, lang, profile),
      all: result.findings,
      topErrors: top,
      moreErrors: result.summary.errors - top.length,
    },
  };
}

/** The summary and the check's result of one analysis, both in `lang`. */
export function summaryOf(analysis: Analysis, lang: Lang): { summary: Summary; result: CheckResult } {
  const result = present(analysis, lang);
  return { summary: buildSummary(analysis, lang, result), result };
}

/** Checks a snapshot (once) and summarises it. */
export function summarise(snapshot: WorkbookSnapshot, options: { asOf: Date; lang?: Lang }): { summary: Summary; result: CheckResult } {
  return summaryOf(analyse(snapshot, options.asOf), options.lang ?? 'fr');
}
