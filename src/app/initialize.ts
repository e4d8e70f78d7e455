/**
 * Initialising a workbook (the contract's sheets and tables, the example's rows optionally) and
 * restoring the tables it lacks: the same for every host; the host never overwrites a table or a
 * user's cell (hosts/office/initialize.ts in Excel).
 */
import type { Lang } from '../core/contract';
import { buildWorkbookPlan } from '../core/template';
import type { InitializeReport, WorkbookHost } from '../hosts/host';

export function initializeWorkbook(host: WorkbookHost, o: { example: boolean; lang: Lang }): Promise<InitializeReport> {
  return host.initialize(buildWorkbookPlan(o));
}

/** Puts back the contract tables the workbook lacks: a plain range becomes a table again; a table gone is added empty. */
export function restoreWorkbook(host: WorkbookHost, lang: Lang): Promise<InitializeReport> {
  return host.initialize(buildWorkbookPlan({ example: false, lang }), { restore: true });
}
