/**
 * The readers of book.ts on Node: an .xlsx or .ods in memory or in an open file (then read piece by
 * piece, never held whole), through zipNode.ts.
 */
import { setFlagsFromString } from 'v8';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { bookSheetGrids, bookSnapshot, formatOf, savedDate, type BookFormat } from './book';
import { preflight } from './guard';
import type { SheetGrid } from './reader';
import { NodeZip } from './zipNode';

/**
 * What the reader keeps survives to the end (the tables' rows): a young generation grown to V8's
 * default 2 × 16 MB only adds to the peak (and, on a loaded machine, to the time spent faulting
 * pages in). Keeping it at its initial size is the one heap setting that can still change at run time.
 */
function smallNursery(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/** Reads the workbook's contract tables into the core's snapshot. */
export function readSnapshot(buf: Buffer): Promise<WorkbookSnapshot> {
  preflight(buf);
  smallNursery();
  return bookSnapshot(() => NodeZip.open(buf));
}

/** The same from a file open for reading (its size known, preflightHead passed), with the date its properties say it was saved. */
export async function readSnapshotFile(fd: number, size: number): Promise<{ snapshot: WorkbookSnapshot; savedOn: string | null; format: BookFormat }> {
  smallNursery();
  let zip: NodeZip | null = null;
  const snapshot = await bookSnapshot(async () => (zip = await NodeZip.openFile(fd, size)));
  const z = zip as NodeZip | null;
  return { snapshot, savedOn: z ? await savedDate(z) : null, format: z ? await formatOf(z) : 'xlsx' };
}

/** A ledger's sheets, one at a time (`use` returns true to stop). */
export function eachSheetGrid(buf: Buffer, use: (sheet: SheetGrid) => boolean): Promise<void> {
  preflight(buf);
  return bookSheetGrids(() => NodeZip.open(buf), use);
}
