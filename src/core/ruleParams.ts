/**
 * What each rule says, before it is put in words: one type per rule id, holding exactly what its
 * messages (i18n/fr.ts, en.ts) and its presentation (present.ts: funder, year, amounts, article)
 * read. Amounts stay cents and axes, bodies and statuses stay ids until a message words them.
 *
 * Keyed by the rule ids of findings.ts (which checks that both lists agree); this file imports
 * nothing from it so that neither depends on the other at run time or in a circle.
 */
import type { Cents } from './money';
import type { AxisId, FunderId, InstanceId, StatusId } from './profile';

/** A finding about one cell of a table: the column's header, when the table has one. */
export interface CellParams {
  column?: string;
}

/** A value read from the cell, as typed (trimmed text, an error code, a formula, an ISO date). */
export interface CellTextParams extends CellParams {
  text: string;
}

/** What the convention (or the plan) sets, what the workbook holds, and actual − expected. */
export interface AmountParams {
  expected: Cents;
  actual: Cents;
  gap: Cents;
}

/** A funder as the reader names it ("Région", a co-funder's header) and a year of the contract. */
export interface FunderYearParams {
  funder: string;
  year: number;
}

/** The article a finding cites when it is narrower than its rule's (the funder's own: Art. 3, 4 or 5). */
export interface ArticleParams {
  article?: string;
}

/** A finding about an action, named by its code. */
export interface ActionParams {
  code: string;
}

/** A body's meetings counted over one finished year (Art. 2 §4). */
export interface GovernanceParams {
  year: number;
  count: number;
  body: InstanceId;
}

/** Words in both languages, as the profile gives them (a label, an instrument). */
export interface Bilingual {
  fr: string;
  en: string;
}

/** The article the finding cites, which its message names too (the profile's: Art. 7 for the CES's avenants). */
export interface CitedParams {
  article: string;
}

/** A body of any convention (governance.meetings): what its text says, in the profile's words. */
export interface MeetingsParams extends GovernanceParams, CitedParams {
  label: Bilingual;
  min: number;
  max: number | null;
  /** The text's words (« se réunit au moins deux fois par an »). */
  words: string;
}

/** A ledger line or a workbook line of the reconciliation: its reference, else action · year · funder. */
export interface ReconcileLineParams {
  code: string;
  /** The line's funder and year, when it names them. */
  funder?: string;
  year?: number;
}

/** Where the ledger line(s) stand ("releve.csv, ligne 4"), or nothing for a single obvious one. */
export interface LedgerWhereParams {
  other?: string;
}

/** Why an avenant does not cover a change of a signed amount (convention.changed-without-avenant). */
export type AvenantProblem =
  | { variant: 'none' }
  | { variant: 'wrong-kind' | 'no-object'; text: string }
  /** other: the funders and years the avenant does change ("Région 2015, État 2016"), possibly none. */
  | { variant: 'not-covering'; text: string; other: string }
  | { variant: 'other-amount'; text: string; avenantAmount: Cents }
  /** The avenant exists but has no effect at the situation date: not dated, not yet signed, or no deliberation approving it. */
  | { variant: 'undated' | 'future' | 'unapproved'; text: string };

/** A closed year's record against the workbook now (period.closed-year-changed). */
export type ClosedYearChange =
  | { variant: 'added' }
  /** other: where the line stood at the closing ("Financements!A7"). */
  | { variant: 'removed'; other: string }
  /**
   * text: the value at the closing, other: the value now (canonical text, absent when blank);
   * expected / actual: the same two in cents when the column holds amounts.
   */
  | ({ variant: 'changed'; text?: string; other?: string; expected?: Cents; actual?: Cents } & CellParams);

export interface RuleParams {
  'workbook.table-missing': { table: string; sheet: string; variant: 'absent' | 'range' };
  'workbook.column-missing': { table: string; column: string };
  // Issue 19: tables, columns and rows as users change them (locate.ts, extent.ts, participations.ts).
  'workbook.table-renamed': { table: string; sheet: string; text: string };
  'workbook.header-hidden': { table: string; sheet: string };
  'workbook.column-duplicate': { table: string; column: string; headers: string[]; cells: string[] };
  'workbook.column-thousands': { table: string; column: string; text: string };
  'workbook.column-optional-missing': { table: string; column: string };
  'workbook.column-ignored': { table: string; text: string };
  'workbook.total-row': { table: string; text: string; row: number };
  'workbook.rows-below': { table: string; first: number; last: number; count: number };
  'workbook.rows-below-unread': { table: string; first: number; last: number; count: number };
  /** The sheet's contract tables; the first ranges ("I4:I19"); how many cells in all; how many not in those ranges. */
  'workbook.values-outside': { tables: string[]; ranges: string[]; count: number; more: number };
  'workbook.notes-outside': { tables: string[]; ranges: string[]; count: number; more: number };
  'cell.required': CellParams &
    ({ variant: 'blank' | 'merged' } | { variant: 'error-value' | 'uncalculated' | 'not-a-date' | 'status' | 'avenant-kind'; text: string });
  'cell.not-a-number': CellTextParams &
    ({ variant: 'other' | 'text' | 'error-value' | 'uncalculated' | 'date' | 'boolean' } | { variant: 'text-amount'; suggestion: string });
  'cell.negative': CellParams & { actual: Cents };
  'cell.sub-cent': CellTextParams;
  /** funders: the convention's, as its profile labels them (the message lists them). */
  'cell.unknown-funder': CellTextParams & { suggestion?: string; funders: readonly Bilingual[] };
  /** years: the convention's (the workbook's profile); absent for a ledger's cell, read before any workbook: the built-in CES ESS's. */
  'cell.bad-year': CellTextParams & { years?: readonly number[] };
  /** years: the convention's period, from the workbook's profile. */
  'period.outside': CellParams & { year: number; suggestion?: string; years: readonly number[] };
  /** axes: the convention's (French labels); numbered: how many its text counts; article: the one that sets them (the CES's Art. 1). */
  'axis.unknown': CellTextParams & ArticleParams & { axes: readonly string[]; numbered: number };
  /** other: the Convention amount's cell ("Convention!C7"). */
  'convention.total-mismatch': FunderYearParams & AmountParams & ArticleParams & { other: string };
  /** other: the first row's cell. */
  'convention.duplicate-row': FunderYearParams & ArticleParams & { other: string };
  /** label: the signed amount's status in the convention. */
  'convention.changed-without-avenant': FunderYearParams & AmountParams & CitedParams & { label: StatusId } & AvenantProblem;
  'convention.unknown-avenant': { text: string };
  /** other: what the avenant would cover once dated and approved (« État 2015, Ville de Bron »). */
  'avenant.incomplete': CitedParams & { text: string; variant: 'neither' | 'no-date' | 'no-deliberation'; other?: string };
  /** due: the avenant's signature (ISO); other: the convention's signature, or the deliberation's date (ISO). */
  'avenant.irregular': CitedParams & { text: string; variant: 'before-convention' | 'approved-after'; due: string; other: string };
  /** other: what the avenant will cover once signed. */
  'avenant.pending': CitedParams & { text: string; other?: string };
  /**
   * due: the avenant's signature (ISO), after the year whose amount it changes; avenantArticle: the
   * article on avenants its message names (the finding cites none: the deadline is a usage).
   */
  'avenant.after-year': FunderYearParams & { text: string; due: string; avenantArticle: string };
  /**
   * variant: the convention's own status for the amount; label: whose decision is awaited; typed:
   * the status the user typed; decision: none recorded, one without a date (text), or one dated
   * after the situation date; instrument: the decision awaited, in the profile's words.
   */
  'convention.unconfirmed': FunderYearParams &
    CitedParams & { variant: 'previsionnel' | 'sous-reserve'; label: FunderId; instrument: Bilingual; typed?: StatusId; decision?: 'none' | 'undated' | 'future'; text?: string };
  /**
   * label: the funder whose amount is left to a later decision (the CES's CDC), instrument: that
   * decision, both in the profile's words; text: the decision as typed, when it has no date.
   */
  'convention.cdc-undecided': CitedParams & {
    year: number;
    label: Bilingual;
    instrument: Bilingual;
    variant: 'no-row' | 'no-amount' | 'no-decision' | 'undated-decision' | 'future-decision';
    text?: string;
  };
  /** text: the partner's name; other: the avenant's number; originals: how many partners signed the convention itself. */
  'partner.without-avenant': CitedParams & { text: string; suggestion?: string; originals: number } & ({ variant: 'none' } | { variant: 'wrong-kind' | 'not-listed'; other: string });
  /** other: the cell of the code's first use. */
  'action.duplicate': ActionParams & { other: string };
  'action.unknown': ActionParams;
  /** axisName, codeAxisName: the two axes in the profile's words. */
  'action.axis-mismatch': ActionParams & { axis: AxisId; codeAxis: AxisId; axisName: Bilingual; codeAxisName: Bilingual };
  /**
   * variant 'future': the COPIL decision named is dated after the situation date. body: the body that
   * integrates new actions (the CES's COPIL), article: its, words: the text's on it ('' where none).
   */
  'action.added-without-copil': ActionParams & ArticleParams & { year: number; variant?: 'future'; body: string; words: string };
  /** words: the text's on the number of actions ('' where none); body: the one to check with (the CES's COPIL). */
  'actions.too-many': { count: number; max: number; words: string; body: string };
  'allocation.over': FunderYearParams & AmountParams & { axis: AxisId; axisName: Bilingual };
  'allocation.under': FunderYearParams & AmountParams & { axis: AxisId; axisName: Bilingual };
  /** code: absent on a financing line whose code is blank (cell.required says so). */
  'execution.commitment-over-plan': Partial<ActionParams> & AmountParams;
  'execution.payment-over-commitment': Partial<ActionParams> & AmountParams;
  'governance.copil': GovernanceParams;
  'governance.assembly': GovernanceParams;
  'governance.social-dialogue': GovernanceParams;
  'governance.technical-committee': GovernanceParams;
  'governance.regional-meeting': GovernanceParams;
  // Issue 23: the bodies of any convention, from its profile (an obligation; a possibility is an information).
  'governance.meetings': MeetingsParams;
  'governance.meetings-possibility': MeetingsParams;
  /** bodies: the convention's (French labels, the profile's order). */
  'governance.unknown-body': CellTextParams & { bodies: readonly string[] };
  /** due: the bilan's deadline (ISO). */
  /** bilanArticle, words: the convention's article on the bilans and its own words (quoted). */
  'reporting.missing-bilan': ActionParams & { year: number; due: string; bilanArticle: string; words: string };
  /**
   * period: the action's own period of implementation (« 2015-2016 » for an action entered in 2015);
   * article: the bilans'; words: the text's on the last year's bilan, '' where the profile quotes none.
   */
  'reporting.final-bilan-scope': ActionParams & CitedParams & { year: number; period: string; words: string };
  /** label: the evaluation's name; due: the convention's deadline (ISO). */
  /** usage: the due date is the profile's usage, not the text's (the final evaluation, « à l'issue du contrat »). */
  'evaluation.missing': { label: string; due: string; variant: 'no-row' | 'not-done'; usage?: boolean };
  /** label: the milestone; text: the evaluator named. */
  /** evaluationArticle: the article that entrusts the evaluation to a third party. */
  'evaluation.no-evaluator': { label: string; evaluationArticle: string } & ({ variant: 'none' } | { variant: 'not-third-party'; text: string });
  'reconciliation.amount-mismatch': ReconcileLineParams & AmountParams & LedgerWhereParams & { variant: 'committed' | 'paid' };
  /** actual: the workbook line's commitment. */
  'reconciliation.missing-in-ledger': ReconcileLineParams & { actual: Cents };
  /** actual: the ledger's amount (committed, else paid); label: the ledger's wording or beneficiary. */
  'reconciliation.missing-in-workbook': ReconcileLineParams & LedgerWhereParams & { actual: Cents; variant: 'committed' | 'paid'; label?: string };
  /** code: the reference; other: the other line's cell. */
  'reconciliation.duplicate-reference': { code: string; other: string; variant: 'workbook' | 'conflict' | 'repeated' };
  /** count: the ledger's references; inCommon: how many of them the workbook holds. */
  'reconciliation.matched-by-key': { count: number; inCommon: number };
  /** due: the closing's date (ISO); label: the line ("I_01 · 2014 · Région"). */
  'period.closed-year-changed': { year: number; due: string; label: string } & ClosedYearChange;
  /** due: the closing's date as the Journal line gives it (ISO, or '' when unreadable). */
  'period.closure-record-missing': { year: number; due: string };
  /** As period.closed-year-changed, for a closing dated after the situation date (due). */
  'period.closed-later-changed': { year: number; due: string; label: string } & ClosedYearChange;
  /** code: the reference; other: the cell of the first line that carries it. */
  'financing.duplicate-reference': { code: string; other: string };
}

/** The parameters of any rule: what present.ts and the summary read through the accessors below. */
export type AnyRuleParams = RuleParams[keyof RuleParams];

/** The funder, year and amounts a finding carries, for the JSON output and the summary's ranking. */
export function amountsOf(p: AnyRuleParams): { funder?: string; year?: number; expected?: Cents; actual?: Cents; gap?: Cents } {
  return {
    funder: 'funder' in p ? p.funder : undefined,
    year: 'year' in p ? p.year : undefined,
    expected: 'expected' in p ? p.expected : undefined,
    actual: 'actual' in p ? p.actual : undefined,
    gap: 'gap' in p ? p.gap : undefined,
  };
}

/** The article a finding cites instead of its rule's, if any. */
export const articleOf = (p: AnyRuleParams): string | undefined => ('article' in p ? p.article : undefined);
