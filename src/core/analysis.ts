/**
 * The rule pass: snapshot in, typed findings and totals in cents out. Pure and synchronous; nothing
 * here is worded: present.ts (CLI, pane) and summary.ts (sheets, files) put it in words at output,
 * so a language switch re-words an analysis without running it again.
 */
import { RULES, SEVERITY_ORDER, type RawFinding, type Severity } from './findings';
import type { Cents } from './money';
import { readModel, type FunderKey, type Model } from './model';
import { profile, type StatusId } from './profile';
import { makeContext, type Rule } from './rules/context';
import { legalStatus, type LegalStatusId } from './legalStatus';
import { avenantIncomplete, avenantObjects, changeProblem, cdcUndecided, changedWithoutAvenant, duplicateRow, partnerWithoutAvenant, totalMismatch, unconfirmed, unknownAvenant, participationSums, participationUnreadable } from './rules/convention';
import { addedWithoutCopil, allocation, axisMismatch, duplicateAction, execution, tooManyActions, unknownAction } from './rules/actions';
import { closedYearChanged } from './rules/closedYears';
import { assembly, copil, finalBilanScope, missingBilan, missingEvaluation, noEvaluator, regionalMeeting, socialDialogue, technicalCommittee } from './rules/governance';
import type { WorkbookSnapshot } from './snapshot';
import { cellOrder } from './cells';

export const DOMAIN_RULES: Rule[] = [
  totalMismatch,
  duplicateRow,
  changedWithoutAvenant,
  unknownAvenant,
  avenantIncomplete,
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
  copil,
  assembly,
  socialDialogue,
  technicalCommittee,
  regionalMeeting,
  missingBilan,
  finalBilanScope,
  missingEvaluation,
  noEvaluator,
];

/** Why a convention amount or a gap is not known. */
export type UnknownReason = 'no-amount' | 'unreadable-amount' | 'unreadable-participation';

/** One funder and year, in cents: what the check's totals, the pane's grid and the summary show. */
export interface FunderYearCents {
  funderKey: FunderKey;
  year: number;
  /** null where the Convention table holds no amount (CDC 2015-2016 before their decision) or an unreadable one. */
  convention: Cents | null;
  /** What the user typed in Statut. */
  statusId: StatusId | null;
  /** The amount's standing in the convention's terms (legalStatus.ts). */
  legalStatus: LegalStatusId;
  unknown: UnknownReason | null;
  /** The sum of the readable participations (unknown says when one is not). */
  participations: Cents;
  /** Participations − convention; null where either is unknown. */
  gap: Cents | null;
  planned: Cents;
  committed: Cents;
  paid: Cents;
}

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

/** Per funder and year: the convention's amount, the participations, the gap and the execution. */
export function computeTotals(model: Model): FunderYearCents[] {
  const ctx = makeContext(model, new Date(0), []);
  const avenants = avenantObjects(ctx);
  const keys: { funder: FunderKey; year: number }[] = [];
  const seen = new Set<string>();
  const add = (funder: FunderKey, year: number) => {
    const k = `${funder}|${year}`;
    if (!seen.has(k)) {
      seen.add(k);
      keys.push({ funder, year });
    }
  };
  for (const year of profile.years) for (const f of profile.funders) add(f.id, year);
  for (const p of model.participations) for (const f of p.funders) add(f.key, p.year);
  for (const r of model.convention) if (r.v.funder && r.v.year !== undefined) add(r.v.funder, r.v.year);
  const exec = new Map<string, { planned: Cents; committed: Cents; paid: Cents }>();
  for (const f of model.financing) {
    if (!f.v.funder || f.v.year === undefined) continue;
    const k = `${f.v.funder}|${f.v.year}`;
    const e = exec.get(k) ?? { planned: 0, committed: 0, paid: 0 };
    e.planned += f.v.planned ?? 0;
    e.committed += f.v.committed ?? 0;
    e.paid += f.v.paid ?? 0;
    exec.set(k, e);
    add(f.v.funder, f.v.year);
  }
  return keys.map(({ funder, year }) => {
    const row = model.convention.find((r) => r.v.funder === funder && r.v.year === year);
    const amount = row?.v.amount;
    const parts = participationSums(ctx, funder, year) ?? 0;
    const partsUnknown = participationUnreadable(ctx, funder, year);
    const unknown: UnknownReason | null = row?.bad?.has('amount') ? 'unreadable-amount' : amount === undefined ? 'no-amount' : partsUnknown ? 'unreadable-participation' : null;
    const e = exec.get(`${funder}|${year}`) ?? { planned: 0, committed: 0, paid: 0 };
    return {
      funderKey: funder,
      year,
      convention: amount ?? null,
      statusId: (row?.v.status as StatusId | undefined) ?? null,
      legalStatus: legalStatus(funder, year, row, !!row && changeProblem(avenants, row) === null),
      unknown,
      participations: parts,
      gap: amount === undefined || partsUnknown ? null : parts - amount,
      planned: e.planned,
      committed: e.committed,
      paid: e.paid,
    };
  });
}

/** Reads and checks, once: everything the outputs need, nothing worded yet. */
export function analyse(snapshot: WorkbookSnapshot, asOf: Date): Analysis {
  const raw: RawFinding[] = [];
  const model = readModel(snapshot, raw);
  const ctx = makeContext(model, asOf, raw);
  for (const rule of DOMAIN_RULES) rule(ctx);
  closedYearChanged(snapshot, raw);
  const findings = raw.sort(compareRawFindings);
  return { asOf, model, findings, counts: countSeverities(findings), totals: computeTotals(model) };
}
