/**
 * The rule pass: snapshot in, findings and totals out. Pure and synchronous; every host calls it.
 */
import type { Lang } from './contract';
import { statusLabel } from './contract';
import { RULES, SEVERITY_ORDER, type Finding, type RawFinding, type Severity } from './findings';
import { messages } from './i18n';
import { centsToDecimalString, type Cents } from './money';
import { readModel, type FunderKey, type Model } from './model';
import { profile, type StatusId } from './profile';
import { makeContext, funderName, type Rule } from './rules/context';
import { legalStatus, type LegalStatusId } from './legalStatus';
import { avenantIncomplete, avenantObjects, changeProblem, cdcUndecided, changedWithoutAvenant, duplicateRow, partnerWithoutAvenant, totalMismatch, unconfirmed, unknownAvenant, participationSums, participationUnreadable } from './rules/convention';
import { addedWithoutCopil, allocation, axisMismatch, duplicateAction, execution, tooManyActions, unknownAction } from './rules/actions';
import { closedYearChanged } from './rules/closedYears';
import { assembly, copil, finalBilanScope, missingBilan, missingEvaluation, noEvaluator, regionalMeeting, socialDialogue, technicalCommittee } from './rules/governance';
import type { WorkbookSnapshot } from './snapshot';
import { clip, isoDate } from './text';
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

export interface CheckOptions {
  /** UTC date; "finished", "past due" and "has begun" are judged on it. */
  asOf: Date;
  lang?: Lang;
}

export interface FunderYearTotal {
  funder: string;
  funderKey: FunderKey;
  year: number;
  /** null where the Convention table holds no amount (CDC 2015-2016 before their decision) or an unreadable one. */
  convention: string | null;
  status: string | null;
  /** The amount's standing in the convention's terms (legalStatus.ts): fixe, previsionnel, reconduit, decide, non-fixe, avenant, sans-avenant, hors-convention. */
  legalStatus: LegalStatusId;
  /** Why convention or gap is null: 'no-amount', 'unreadable-amount', 'unreadable-participation'. */
  unknown: 'no-amount' | 'unreadable-amount' | 'unreadable-participation' | null;
  participations: string;
  gap: string | null;
  planned: string;
  committed: string;
  paid: string;
}

export interface CheckResult {
  asOf: string;
  summary: { errors: number; warnings: number; infos: number };
  findings: Finding[];
  totals: FunderYearTotal[];
}

export function renderFinding(raw: RawFinding, lang: Lang): Finding {
  const def = RULES[raw.rule];
  const p = raw.params.text === undefined && raw.params.code === undefined ? raw.params : { ...raw.params, text: clip(raw.params.text), code: clip(raw.params.code) };
  const f: Finding = {
    rule: raw.rule,
    severity: def.severity,
    article: raw.params.article ?? def.article,
    message: messages[lang].rules[raw.rule](p),
    sheet: raw.sheet,
    cell: raw.cell,
  };
  if (p.funder !== undefined) f.funder = p.funder;
  if (p.year !== undefined) f.year = p.year;
  if (p.expected !== undefined) f.expected = centsToDecimalString(p.expected);
  if (p.actual !== undefined) f.actual = centsToDecimalString(p.actual);
  if (p.gap !== undefined) f.gap = centsToDecimalString(p.gap);
  return f;
}

/** Errors first, then by sheet and cell, so the text output reads top to bottom like a compiler's. */
function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.sheet.localeCompare(b.sheet) || cellOrder(a.cell) - cellOrder(b.cell) || a.rule.localeCompare(b.rule);
}


export function computeTotals(model: Model): FunderYearTotal[] {
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
    const unknown = row?.bad?.has('amount') ? 'unreadable-amount' : amount === undefined ? 'no-amount' : partsUnknown ? 'unreadable-participation' : null;
    const e = exec.get(`${funder}|${year}`) ?? { planned: 0, committed: 0, paid: 0 };
    return {
      funder: funderName(funder),
      funderKey: funder,
      year,
      convention: amount === undefined ? null : centsToDecimalString(amount),
      status: row?.v.status ? statusLabel(row.v.status as StatusId, 'fr') : null,
      legalStatus: legalStatus(funder, year, row, !!row && changeProblem(avenants, row) === null),
      unknown,
      participations: centsToDecimalString(parts),
      gap: amount === undefined || partsUnknown ? null : centsToDecimalString(parts - amount),
      planned: centsToDecimalString(e.planned),
      committed: centsToDecimalString(e.committed),
      paid: centsToDecimalString(e.paid),
    };
  });
}

export interface Analysis {
  model: Model;
  raw: RawFinding[];
}

/** Reads and checks; the model is kept for the summary and the reconciliation. */
export function analyse(snapshot: WorkbookSnapshot, asOf: Date): Analysis {
  const raw: RawFinding[] = [];
  const model = readModel(snapshot, raw);
  const ctx = makeContext(model, asOf, raw);
  for (const rule of DOMAIN_RULES) rule(ctx);
  closedYearChanged(snapshot, raw);
  return { model, raw };
}

export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions): CheckResult {
  const lang = options.lang ?? 'fr';
  const { model, raw } = analyse(snapshot, options.asOf);
  const findings = raw.map((r) => renderFinding(r, lang)).sort(compareFindings);
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    asOf: isoDate(options.asOf),
    summary: { errors: count('error'), warnings: count('warning'), infos: count('info') },
    findings,
    totals: computeTotals(model),
  };
}

/** Today at UTC midnight: the default as-of date. */
export function today(): Date {
  const n = new Date();
  return new Date(Date.UTC(n.getFullYear(), n.getMonth(), n.getDate()));
}
