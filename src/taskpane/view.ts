/**
 * What the task pane shows, derived from the core's results: grouping and formatting only. The
 * judgement (what is an error, what the gap is) is the core's; nothing here decides a rule.
 */
import type { CheckResult, FunderYearCents } from '../core/check';
import type { Lang } from '../core/contract';
import { SEVERITY_ORDER, type Finding, type RuleId, type Severity } from '../core/findings';
import { messages } from '../core/i18n';
import type { Messages, UiMessages } from '../core/i18n/types';
import { formatEuros, formatGap, type Cents } from '../core/money';
import { funderName } from '../core/rules/context';
import { parseDateText } from '../core/text';
import { PROFILE_SHEET, problemText, type ProfileProblem } from '../core/profileWords';
import type { TableRead } from '../core/readReport';
import type { LineStatus, ReconcileResult } from '../core/reconcile/match';
import { reconCounts } from './tools';

export interface RuleGroup {
  rule: RuleId;
  article: string | null;
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  rules: RuleGroup[];
  count: number;
}

/** Findings by severity (errors first), then by rule in order of first appearance. */
export function groupFindings(findings: Finding[]): SeverityGroup[] {
  const bySeverity = new Map<Severity, Map<RuleId, RuleGroup>>();
  for (const f of findings) {
    let rules = bySeverity.get(f.severity);
    if (!rules) bySeverity.set(f.severity, (rules = new Map()));
    let g = rules.get(f.rule);
    if (!g) rules.set(f.rule, (g = { rule: f.rule, article: f.article, findings: [] }));
    g.findings.push(f);
  }
  return [...bySeverity.entries()]
    .sort(([a], [b]) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b])
    .map(([severity, rules]) => ({ severity, rules: [...rules.values()], count: [...rules.values()].reduce((n, g) => n + g.findings.length, 0) }));
}

export interface ConformityRow {
  key: string;
  funder: string;
  year: number;
  convention: string;
  participations: string;
  gap: string;
  /** The gap in cents (null when unknown): the grid shows it compact, the detail exact. */
  gapCents: Cents | null;
  /** 'unreadable': a convention amount or a participation the check could not read, so no gap. */
  state: 'conform' | 'gap' | 'no-amount' | 'unreadable';
  /** Why there is no gap ("participation illisible", "non fixé"), null when there is one. */
  reason: string | null;
}

const euros = (c: Cents | null, lang: Lang, signed = false) => (c === null ? '–' : signed ? formatGap(c, lang) : formatEuros(c, lang));

/** The analysis' totals in cents, worded in `lang` (the funder keeps the name the check gives it). */
export function conformityRows(totals: FunderYearCents[], lang: Lang): ConformityRow[] {
  const s = messages[lang].summary;
  return totals.map((t) => {
    // An amount that is unreadable is not "no amount": the grid says n.d. and why, as the summary does.
    const unreadable = t.unknown === 'unreadable-amount' || t.unknown === 'unreadable-participation';
    return {
      key: `${t.funderKey}|${t.year}`,
      funder: funderName(t.funderKey),
      year: t.year,
      convention: euros(t.convention, lang),
      participations: euros(t.participations, lang),
      gap: unreadable ? messages[lang].ui.dashboard.notAvailable : euros(t.gap, lang, true),
      gapCents: unreadable ? null : t.gap,
      state: unreadable ? 'unreadable' : t.gap === null ? 'no-amount' : t.gap === 0 ? 'conform' : 'gap',
      reason: t.unknown ? s.unknown[t.unknown] : null,
    };
  });
}

export interface ConformityGrid {
  years: number[];
  funders: { funder: string; cells: (ConformityRow | null)[] }[];
}

/** The same rows as a funder × year grid (3 × 3 for the contract), in the order the core gives them. */
export function conformityGrid(rows: ConformityRow[]): ConformityGrid {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const funders = new Map<string, (ConformityRow | null)[]>();
  for (const r of rows) {
    let cells = funders.get(r.funder);
    if (!cells) funders.set(r.funder, (cells = years.map(() => null)));
    cells[years.indexOf(r.year)] = r;
  }
  return { years, funders: [...funders].map(([funder, cells]) => ({ funder, cells })) };
}

/** With errors or warnings the pane shows the findings first: they are what the user came for. */
export function findingsFirst(result: CheckResult): boolean {
  return result.summary.errors + result.summary.warnings > 0;
}

export function severityCounts(result: CheckResult): { severity: Severity; count: number }[] {
  return [
    { severity: 'error', count: result.summary.errors },
    { severity: 'warning', count: result.summary.warnings },
    { severity: 'info', count: result.summary.infos },
  ];
}

/**
 * A table read otherwise than as its Excel table says (rows left out, rows read under it, columns
 * not read, found by its headers, header row off): shown without a click, under the counts.
 */
export function readToNote(r: TableRead): boolean {
  return r.leftOut.length > 0 || !!r.below || (r.ignoredColumns?.length ?? 0) > 0 || !!r.outside || r.kind !== 'table' || !!r.headerHidden;
}

/** The core reported a contract table missing: the pane offers to put the tables back. */
export function tablesMissing(result: CheckResult): boolean {
  return result.findings.some((f) => f.rule === 'workbook.table-missing');
}

export type PaneError =
  | { kind: 'sync' | 'init' | 'office'; detail: string }
  /** A message the host already put in words for the user. */
  | { kind: 'host'; detail: string }
  | { kind: 'open' | 'too-large'; file: string; detail: string }
  | { kind: 'select'; sheet: string; cell: string }
  | { kind: 'bad-date' };

export function errorText(e: PaneError, ui: UiMessages): string {
  switch (e.kind) {
    case 'sync':
      return ui.errors.sync(e.detail);
    case 'init':
      return ui.errors.init(e.detail);
    case 'office':
      return ui.errors.office;
    case 'host':
      return e.detail;
    case 'open':
      return ui.errors.open(e.file, e.detail);
    case 'too-large':
      return ui.errors.tooLarge(e.file, e.detail);
    case 'select':
      return ui.errors.select(e.sheet, e.cell);
    case 'bad-date':
      return ui.errors.badDate;
  }
}

/** An Error whose text a host already put in words for the user (Excel's refusals: hosts/office/errors.ts). */
export function isWorded(e: unknown): e is Error {
  return e instanceof Error && e.name === 'OfficeHostError';
}

type FileProblem = keyof Messages['ui']['acts']['errors']['file'];

/** The kind of an unusable file, from the readers' errors (InputError of hosts/xlsx/guard.ts, PreviewFileError), by shape: the pane does not load the readers to ask. */
function fileProblem(e: unknown, m: Messages): FileProblem | null {
  if (!(e instanceof Error)) return null;
  const kind = (e as { kind?: unknown }).kind;
  if (typeof kind === 'string' && kind in m.ui.acts.errors.file) return kind as FileProblem;
  const cause = (e as { cause?: unknown }).cause;
  return cause !== undefined && cause !== e ? fileProblem(cause, m) : null;
}

/**
 * What a user reads in place of an exception: why a file is unusable, in words, or a neutral
 * phrase. Never the exception's own text (« Cannot read properties of undefined… »): that goes to
 * the console, for whoever debugs the add-in.
 */
export function reason(e: unknown, m: Messages): string {
  const kind = fileProblem(e, m);
  if (kind) return m.ui.acts.errors.file[kind];
  console.error(e);
  return m.ui.acts.errors.unexpected;
}

/** Why a file could not be read: its problem in words, or « a shape the pane cannot read ». */
export function fileReason(e: unknown, m: Messages): string {
  const kind = fileProblem(e, m);
  if (!kind) console.error(e);
  return m.ui.acts.errors.file[kind ?? 'unknown'];
}

/**
 * A workbook whose convention cannot be trusted (core/profileStore.ts: the file readers'
 * ProfileSheetError, the core's ProfileUnreadableError), worded in the pane's language; null for
 * any other failure. By shape, through the causes: the pane does not load the readers to ask.
 */
export function conventionProblem(e: unknown, m: Messages): string | null {
  for (let x = e, depth = 0; x && typeof x === 'object' && depth < 4; x = (x as { cause?: unknown }).cause, depth++) {
    const problem = (x as { problem?: ProfileProblem }).problem;
    if (problem && typeof problem === 'object' && typeof problem.kind === 'string') return m.profileStore.unreadableHere(PROFILE_SHEET, problemText(m.profileStore.why, problem));
  }
  return null;
}

/** An action's failure as a sentence: the host's own words, or the action's sentence around `reason`. */
export function paneErrorText(e: unknown, wrap: (detail: string) => string, m: Messages): string {
  return isWorded(e) ? e.message : wrap(reason(e, m));
}

/**
 * An amount for a narrow grid cell: exact below 1 000 €, else « 2,4 M€ » / « 537,5 k€ » (one
 * decimal), so a figure always fits its cell and is never cut; `exact` is what the tooltip shows.
 */
/**
 * One decimal, per language: made once, because `toLocaleString` with options builds a formatter at
 * every call — a third of the preview's rendering of a workbook's Synthèse (profile, issue 22).
 */
const oneDecimal: Partial<Record<Lang, Intl.NumberFormat>> = {};

export function compactEuros(c: Cents, lang: Lang, signed = false): { text: string; exact: string; compact: boolean } {
  const exact = signed ? formatGap(c, lang) : formatEuros(c, lang);
  const a = Math.abs(c) / 100;
  if (a < 1000) return { text: exact, exact, compact: false };
  const format = (oneDecimal[lang] ??= new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const one = (v: number) => format.format(v);
  // 999 960 € rounds to « 1 000,0 k€ »: say « 1,0 M€ » instead.
  const mega = a >= 999_950;
  const n = one(mega ? a / 1e6 : a / 1e3);
  const unit = mega ? 'M' : 'k';
  const sign = c < 0 ? '-' : signed && c > 0 ? '+' : '';
  return { text: lang === 'fr' ? `${sign}${n}\u00a0${unit}€` : `${sign}€${n}${unit}`, exact, compact: true };
}

/** Earliest and latest situation year the pane accepts: a typo (22015) is refused, not checked against. */
export const AS_OF_YEARS = { min: 2000, max: 2099 } as const;

/** Why a situation date typed in the settings cannot be used, or null when it can. */
export function asOfProblem(iso: string): 'invalid' | 'range' | null {
  const y = /^(\d+)-\d\d-\d\d$/.exec(iso.trim())?.[1];
  if (y !== undefined && (Number(y) < AS_OF_YEARS.min || Number(y) > AS_OF_YEARS.max)) return 'range';
  if (!parseDateText(iso)) return 'invalid';
  const year = parseDateText(iso)!.getUTCFullYear();
  return year < AS_OF_YEARS.min || year > AS_OF_YEARS.max ? 'range' : null;
}

/** Findings of one rule that point at the same place (16 meetings on « Instances, A4:C5 »): shown as one. */
export interface PlaceGroup {
  key: string;
  findings: Finding[];
}

export function groupByPlace(findings: Finding[]): PlaceGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.sheet}!${f.cell}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  return [...groups].map(([key, fs]) => ({ key, findings: fs }));
}

/**
 * The reconciliation's counts with the money behind them: per status, the committed amount (the
 * workbook's, else the ledger's) and, for lines found on both sides, the gap (ledger − workbook).
 */
export function reconAmounts(result: Pick<ReconcileResult, 'counts' | 'lines'>): { status: LineStatus; count: number; amount: Cents; gap: Cents | null }[] {
  return reconCounts(result).map(({ status, count }) => {
    const lines = result.lines.filter((l) => l.status === status);
    const amount = lines.reduce((n, l) => n + (l.workbook?.committed ?? l.ledger?.committed ?? 0), 0);
    const both = lines.filter((l) => l.gapCommitted !== null);
    return { status, count, amount, gap: both.length ? both.reduce((n, l) => n + (l.gapCommitted ?? 0), 0) : null };
  });
}
