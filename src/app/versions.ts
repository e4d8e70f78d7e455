/**
 * Versions (issue 15): compare two workbooks; close or reopen a year. What `ess-budget diff`,
 * `close` and `reopen` do, on any host (the CLI's file host, hosts/xlsx/fileHost.ts): the comparison,
 * the decision (closing refused on errors, a year already closed), then the host's write of the record.
 */
import type { Lang } from '../core/contract';
import type { WorkbookSnapshot } from '../core/snapshot';
import { planClosing, planReopening, type ClosingPlan, type ReopeningPlan } from '../core/versions/closing';
import { diffSnapshots, type Diff } from '../core/versions/diff';
import type { ClosureWritten, WorkbookHost } from '../hosts/host';

/** What changed in the contract's tables, and the per-funder, per-year totals that moved. */
export function compareVersions(before: WorkbookSnapshot, after: WorkbookSnapshot, lang: Lang): Diff {
  return diffSnapshots(before, after, lang);
}

/** What a closing came to: refused (not a year of the convention, closed, not ended, errors) or planned and written (`written`). */
export type Closing = Exclude<ClosingPlan, { ok: true }> | (Extract<ClosingPlan, { ok: true }> & { written: ClosureWritten });

/**
 * Closes a year in the host's workbook: one read, the core's decision, and (when it may be closed)
 * the record and its Journal line written by the host. The host's write errors propagate (a sheet
 * that is the user's, a write that did not happen: the file as it was).
 */
export async function closeYearIn(host: WorkbookHost, o: { year: number; by: string; force: boolean; reason?: string; asOf: Date; lang: Lang; now: Date }): Promise<Closing> {
  const plan = planClosing(await host.readSnapshot(), o);
  if (!plan.ok) return plan;
  return { ...plan, written: await host.writeClosure(plan.rows, plan.journal) };
}

/** What a reopening came to: refused (not a year of the convention, not closed), or written. */
export type Reopening = Exclude<ReopeningPlan, { ok: true }> | { ok: true; written: ClosureWritten };

/** Reopens a closed year in the host's workbook: nothing written when it is refused. */
export async function reopenYearIn(host: WorkbookHost, o: { year: number; by: string; reason: string; lang: Lang; now: Date }): Promise<Reopening> {
  const plan = planReopening(await host.readSnapshot(), o);
  if (!plan.ok) return plan;
  return { ok: true, written: await host.writeClosure(plan.rows, plan.journal) };
}
