/**
 * THE ONE PLACE the Office.js host plugs into the task pane (src/hosts/office/, built separately).
 * Loaded on demand so that the browser preview never downloads it.
 */
import type { WorkbookHost } from '../hosts/host';

export async function createOfficeHost(): Promise<WorkbookHost> {
  // OFFICE HOST PLUG-IN POINT: when src/hosts/office/index.ts exists, this becomes
  //   const office = await import(/* webpackChunkName: "office-host" */ '../hosts/office');
  //   return office.createOfficeHost();
  throw new Error('Office host not available in this build');
}
