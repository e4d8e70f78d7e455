/**
 * THE ONE PLACE the Office.js host (src/hosts/office/) plugs into the task pane. Loaded on demand so
 * that the browser preview never downloads it.
 */
import type { Lang } from '../core/contract';
import type { WorkbookHost } from '../hosts/host';

export async function createOfficeHost(lang: Lang): Promise<WorkbookHost> {
  const office = await import(/* webpackChunkName: "office-host" */ '../hosts/office');
  return office.createOfficeHost({ lang });
}
