/**
 * Check a workbook: what `ess-budget check` prints and the task pane shows on opening. A snapshot
 * in (each caller reads it where the workbook lives), the analysis and its words out.
 */
import { analyse, present, type Analysis, type CheckResult } from '../core/check';
import type { Lang } from '../core/contract';
import type { WorkbookSnapshot } from '../core/snapshot';

export interface Checked {
  /** Typed (cents, rule parameters): kept to be worded again in another language. */
  analysis: Analysis;
  result: CheckResult;
}

export function checkSnapshot(snapshot: WorkbookSnapshot, options: { asOf: Date; lang: Lang }): Checked {
  const analysis = analyse(snapshot, options.asOf);
  return { analysis, result: present(analysis, options.lang) };
}

/** The exit status of check, report and reconcile (product.md): 1 with an error-level finding, else 0. */
export const exitStatus = (summary: { errors: number }): 0 | 1 => (summary.errors > 0 ? 1 : 0);
