/**
 * The readers of book.ts on bytes in memory, with no Node: what the pane reads in the browser (the
 * preview's workbook, the previous version it compares with, an .xlsx or .ods ledger), through
 * zipBytes.ts. The same guard as the CLI's (size, container, zip bombs, DTDs), the same snapshot.
 */
import { Buffer } from 'buffer';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { bookSheetGrids, bookSnapshot, formatOf, savedDate, type BookFormat } from './book';
import { preflight } from './guard';
import type { SheetGrid } from './reader';
import { BytesZip } from './zipBytes';

export { InputError } from './guard';
export type { SheetGrid };

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);

/** An .xlsx or .ods in memory → its snapshot, its format and the date its properties say it was saved (null when they do not). */
export async function readBookBytes(bytes: Uint8Array): Promise<{ snapshot: WorkbookSnapshot; format: BookFormat; savedOn: string | null }> {
  preflight(asBuffer(bytes));
  let zip: BytesZip | null = null;
  const snapshot = await bookSnapshot(async () => (zip = BytesZip.open(bytes)));
  const z = zip as BytesZip | null;
  return { snapshot, format: z ? await formatOf(z) : 'xlsx', savedOn: z ? await savedDate(z) : null };
}

/** An .xlsx or .ods ledger in memory, one sheet at a time (`use` returns true to stop). */
export function eachSheetGridBytes(bytes: Uint8Array, use: (sheet: SheetGrid) => boolean): Promise<void> {
  preflight(asBuffer(bytes));
  return bookSheetGrids(async () => BytesZip.open(bytes), use);
}
