/**
 * Initialising a workbook (the contract's sheets and tables, the example's rows optionally) and
 * restoring the tables it lacks: the same for every host; the host never overwrites a table or a
 * user's cell (hosts/office/initialize.ts in Excel).
 */
import type { Lang } from '../core/contract';
import type { InitializeReport, WorkbookHost } from '../hosts/host';

/** The plans (core/template.ts, with the example's rows) are loaded when asked for: the pane's first download does without them. */
const plan = async (o: { example: boolean; lang: Lang }) => (await import('../core/template')).buildWorkbookPlan(o);

export async function initializeWorkbook(host: WorkbookHost, o: { example: boolean; lang: Lang }): Promise<InitializeReport> {
  return host.initialize(await plan(o));
}

/** Puts back the contract tables the workbook lacks: a plain range becomes a table again; a table gone is added empty. */
export async function restoreWorkbook(host: WorkbookHost, lang: Lang): Promise<InitializeReport> {
  return host.initialize(await plan({ example: false, lang }), { restore: true });
}
