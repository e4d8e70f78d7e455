/**
 * The preview's reader, loaded on demand (dynamic import) so that it stays out of the task pane's
 * first download: the CLI's own streaming reader on the bytes in memory (hosts/xlsx/bytesRead.ts),
 * .xlsx or .ods, guarded the same way.
 */
import type { WorkbookSnapshot } from '../../core/snapshot';
import { readBookBytes } from '../xlsx/bytesRead';

export async function readXlsx(data: ArrayBuffer): Promise<WorkbookSnapshot> {
  return (await readBookBytes(new Uint8Array(data))).snapshot;
}
