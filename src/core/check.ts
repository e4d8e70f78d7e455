/**
 * The check as every host calls it: analyse a snapshot once (analysis.ts), then put it in words
 * (present.ts). Pure and synchronous.
 */
import { analyse } from './analysis';
import type { WorkbookSnapshot } from './snapshot';
import type { Lang } from './contract';
import { present, type CheckResult } from './present';

export { analyse, computeTotals, DOMAIN_RULES, type Analysis, type FunderYearCents, type UnknownReason } from './analysis';
export { present, renderFinding, type CheckResult, type FunderYearTotal } from './present';

export interface CheckOptions {
  /** UTC date; "finished", "past due" and "has begun" are judged on it. */
  asOf: Date;
  lang?: Lang;
}

export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions): CheckResult {
  return present(analyse(snapshot, options.asOf), options.lang ?? 'fr');
}

/** Today at UTC midnight: the default as-of date. */
export function today(): Date {
  const n = new Date();
  return new Date(Date.UTC(n.getFullYear(), n.getMonth(), n.getDate()));
}
