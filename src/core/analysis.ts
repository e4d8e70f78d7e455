/**
 * The rule pass: snapshot in, typed findings and totals in cents out. Pure and synchronous; nothing
 * here is worded: present.ts (CLI, pane) and summary.ts (sheets, files) put it in words at output,
 * so a language switch re-words an analysis without running it again.
 */
import { RULES, SEVERITY_ORDER, type RawFinding, type Severity } from './findings';
import { readModel, type Model } from './model';
import { makeContext, type Rule } from './rules/context';
import { avenantAfterYear, avenantIncomplete, avenantIrregular, avenantPending } from './rules/avenants';
import { cdcUndecided, changedWithoutAvenant, duplicateRow, partnerWithoutAvenant, totalMismatch, unconfirmed, unknownAvenant } from './rules/convention';
import { addedWithoutCopil, allocation, axisMismatch, duplicateAction, duplicateReference, execution, tooManyActions, unknownAction } from './rules/actions';
import { closedYearChanged, closureRecordMissing } from './rules/closedYears';
import { assembly, copil, finalBilanScope, meetings, missingBilan, missingEvaluation, noEvaluator, regionalMeeting, socialDialogue, technicalCommittee } from './rules/governance';
import type { WorkbookSnapshot } from './snapshot';
import { cellOrder } from './cells';
import { computeTotals, type FunderYearCents } from './totals';

export { computeTotals, type FunderYearCents, type UnknownReason } from './totals';

export const DOMAIN_RULES: Rule[] = [
  totalMismatch,
  duplicateRow,
  changedWithoutAvenant,
  unknownAvenant,
  avenantIncomplete,
  avenantIrregular,
  avenantPending,
  avenantAfterYear,
  unconfirmed,
  cdcUndecided,
  partnerWithoutAvenant,
  duplicateAction,
  unknownAction,
  axisMismatch,
  addedWithoutCopil,
  tooManyActions,
  allocation,
  execution,
  duplicateReference,
  copil,
  assembly,
  socialDialogue,
  technicalCommittee,
  regionalMeeting,
  meetings,
  missingBilan,
  finalBilanScope,
  missingEvaluation,
  noEvaluator,
];

export interface Analysis {
  asOf: Date;
  /** Kept for the summary and the reconciliation: the workbook is read once. */
  model: Model;
  /** In the output's order: errors first, then by sheet and cell (as a compiler's). */
  findings: RawFinding[];
  counts: Record<Severity, number>;
  totals: FunderYearCents[];
}

const severityOf = (f: RawFinding): Severity => RULES[f.rule].severity;

/** Errors first, then by sheet and cell, so the text output reads top to bottom like a compiler's. */
export function compareRawFindings(a: RawFinding, b: RawFinding): number {
  return SEVERITY_ORDER[severityOf(a)] - SEVERITY_ORDER[severityOf(b)] || a.sheet.localeCompare(b.sheet) || cellOrder(a.cell) - cellOrder(b.cell) || a.rule.localeCompare(b.rule);
}

export function countSeverities(findings: readonly RawFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[severityOf(f)] += 1;
  return counts;
}

/** Reads and checks, once: everything the outputs need, nothing worded yet. */
export function analyse(snapshot: WorkbookSnapshot, asOf: Date): Analysis {
  const raw: RawFinding[] = [];
  const model = readModel(snapshot, raw);
  const ctx = makeContext(model, asOf, raw);
  for (const rule of DOMAIN_RULES) rule(ctx);
  closedYearChanged(snapshot, raw, asOf);
  closureRecordMissing(snapshot, raw);
  const findings = raw.sort(compareRawFindings);
  return { asOf, model, findings, counts: countSeverities(findings), totals: computeTotals(model, asOf) };
}
