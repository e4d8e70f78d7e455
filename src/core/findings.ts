/**
 * Rule ids, severities and articles (product.md, "Rules": a public contract), and the finding
 * every rule produces. Messages live in i18n/fr.ts and i18n/en.ts, one place per language. The
 * articles here are the CES ESS's; ruleArticles.ts reads each from the workbook's profile.
 */
import type { RuleParams } from './ruleParams';

export type Severity = 'error' | 'warning' | 'info';

export const RULES = {
  'workbook.table-missing': { severity: 'error', article: null },
  'workbook.column-missing': { severity: 'error', article: null },
  'workbook.table-renamed': { severity: 'warning', article: null },
  'workbook.header-hidden': { severity: 'warning', article: null },
  'workbook.column-duplicate': { severity: 'error', article: null },
  'workbook.column-thousands': { severity: 'error', article: null },
  'workbook.column-optional-missing': { severity: 'warning', article: null },
  'workbook.column-ignored': { severity: 'warning', article: null },
  'workbook.total-row': { severity: 'error', article: null },
  'workbook.rows-below': { severity: 'info', article: null },
  'workbook.rows-below-unread': { severity: 'warning', article: null },
  // Cells of a contract sheet outside its tables (core/outside.ts): a number may be an amount the totals miss; a text is a note.
  'workbook.values-outside': { severity: 'warning', article: null },
  'workbook.notes-outside': { severity: 'info', article: null },
  'cell.required': { severity: 'error', article: null },
  'cell.not-a-number': { severity: 'error', article: null },
  'cell.negative': { severity: 'error', article: null },
  'cell.sub-cent': { severity: 'error', article: null },
  'cell.unknown-funder': { severity: 'error', article: null },
  'cell.bad-year': { severity: 'error', article: null },
  'period.outside': { severity: 'error', article: 'Art. 8' },
  'axis.unknown': { severity: 'error', article: 'Art. 1' },
  // The rule's basis; each finding cites its funder's own article (Art. 3 Région, 4 État, 5 CDC).
  'convention.total-mismatch': { severity: 'error', article: 'Art. 3, 4 ou 5' },
  'convention.duplicate-row': { severity: 'error', article: 'Art. 3, 4 ou 5' },
  'convention.changed-without-avenant': { severity: 'error', article: 'Art. 7' },
  'convention.unknown-avenant': { severity: 'error', article: 'Art. 7' },
  'avenant.incomplete': { severity: 'warning', article: 'Art. 7' },
  // Issue 20: avenants in time (rules/avenants.ts). after-year is a usage of the profile, not an article.
  'avenant.irregular': { severity: 'error', article: 'Art. 7' },
  'avenant.pending': { severity: 'info', article: 'Art. 7' },
  'avenant.after-year': { severity: 'warning', article: null },
  'convention.unconfirmed': { severity: 'warning', article: 'Art. 3 ou 4' },
  'convention.cdc-undecided': { severity: 'warning', article: 'Art. 5' },
  'partner.without-avenant': { severity: 'error', article: 'Art. 7' },
  'action.duplicate': { severity: 'error', article: null },
  'action.unknown': { severity: 'error', article: null },
  'action.axis-mismatch': { severity: 'error', article: 'Art. 1' },
  'action.added-without-copil': { severity: 'warning', article: 'Art. 2 §4.1' },
  'actions.too-many': { severity: 'warning', article: 'Art. 2 §3.1' },
  // The workbook's own plan: the convention fixes no amount per axis, so no article is cited.
  'allocation.over': { severity: 'error', article: null },
  'allocation.under': { severity: 'info', article: null },
  'execution.commitment-over-plan': { severity: 'error', article: null },
  'execution.payment-over-commitment': { severity: 'error', article: null },
  'governance.copil': { severity: 'warning', article: 'Art. 2 §4.1' },
  'governance.assembly': { severity: 'warning', article: 'Art. 2 §4.1' },
  'governance.social-dialogue': { severity: 'warning', article: 'Art. 2 §4.1' },
  // « pourront se réunir au moins deux fois par an » (L1002-L1003): a possibility, hence an information.
  'governance.technical-committee': { severity: 'info', article: 'Art. 2 §4.1' },
  'governance.regional-meeting': { severity: 'warning', article: 'Art. 2 §4.2' },
  'governance.unknown-body': { severity: 'warning', article: 'Art. 2 §4' },
  // Issue 23: the bodies of another convention (profile.governance, rule "governance.meetings"); each finding cites its body's article.
  'governance.meetings': { severity: 'warning', article: null },
  'governance.meetings-possibility': { severity: 'info', article: null },
  'reporting.missing-bilan': { severity: 'warning', article: 'Art. 2 §5' },
  'reporting.final-bilan-scope': { severity: 'warning', article: 'Art. 2 §5' },
  'evaluation.missing': { severity: 'warning', article: 'Art. 2 §5' },
  'evaluation.no-evaluator': { severity: 'warning', article: 'Art. 2 §5' },
  'reconciliation.amount-mismatch': { severity: 'error', article: null },
  'reconciliation.missing-in-ledger': { severity: 'warning', article: null },
  'reconciliation.missing-in-workbook': { severity: 'warning', article: null },
  'reconciliation.duplicate-reference': { severity: 'warning', article: null },
  'reconciliation.matched-by-key': { severity: 'info', article: null },
  'period.closed-year-changed': { severity: 'error', article: 'Art. 8' },
  // Issue 19: a closure the Journal records but whose record (Clôtures) is gone; a reference two financing lines share.
  'period.closure-record-missing': { severity: 'error', article: 'Art. 8' },
  // A closed year's cell changed since a closing dated after the situation date: the closing does not count yet (an act counts once dated, at the latest at the situation date), the change is still said.
  'period.closed-later-changed': { severity: 'warning', article: 'Art. 8' },
  'financing.duplicate-reference': { severity: 'warning', article: null },
} as const satisfies Record<string, { severity: Severity; article: string | null }>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** Every rule id has its parameters (ruleParams.ts), and only rule ids have: a compile-time check both ways. */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _everyRuleHasParams: SameKeys<RuleId, keyof RuleParams> = true;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  article: string | null;
  message: string;
  sheet: string;
  /** A cell ("B7") or a range ("C2:C5"). */
  cell: string;
  /** Present when the finding is about an amount: JSON strings with two decimals. */
  funder?: string;
  year?: number;
  expected?: string;
  actual?: string;
  gap?: string;
}

/** A finding as a rule emits it: its id, where it points, and that rule's own parameters. */
export type RawFindingOf<R extends RuleId> = { rule: R; sheet: string; cell: string; params: RuleParams[R] };
export type RawFinding = { [R in RuleId]: RawFindingOf<R> }[RuleId];

/** The finding `rule` emits at `ref`: TypeScript cannot see that a generic R picks one member of the union, hence the one cast. */
export const rawFinding = <R extends RuleId>(rule: R, ref: { sheet: string; cell: string }, params: RuleParams[R]): RawFinding =>
  ({ rule, sheet: ref.sheet, cell: ref.cell, params }) as RawFinding;

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
