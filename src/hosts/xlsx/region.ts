/**
 * The rectangles of a worksheet whose cells the reader keeps: a contract table's range, a header
 * search's first rows, or a ledger's whole sheet. Cells are kept by column (core/columns.ts), never
 * as an array per row.
 */
import { ColumnStore } from '../../core/columns';
import { cellAddress, type CellValue } from '../../core/snapshot';

/** A rectangle of the sheet whose cells are kept, rows indexed from `top`. */
export interface Region {
  top: number;
  /** Infinity while a plain range is still growing down (or for a ledger's whole sheet). */
  bottom: number;
  left: number;
  right: number;
  /** The kept cells: row 0 is `top`, column 0 is `left`. */
  cells: ColumnStore;
  /** Covered cells of merges that meet the region (not their top-left master), as [row, col]. */
  merged: [number, number][];
  /** A SUBTOTAL formula stands in the region's bottom row (a totals row whose flag was lost). */
  subtotalInBottom: boolean;
  /** Rows past `growFrom` end at the first blank one (the rows typed just under a table). */
  growing?: boolean;
  /** The last row of the region that does not end at a blank row (a table's own last row); `top` by default. */
  growFrom?: number;
  /** The table's own last row, where a lost totals row's SUBTOTAL is looked for (`bottom` by default). */
  declaredBottom?: number;
  /** A plain range read down to the sheet's last used row: its bottom is set at the end of the part. */
  open?: boolean;
}

/** `capacity`: rows the cells are sized for at once (a growing region may hold more). */
export function region(top: number, bottom: number, left: number, right: number, capacity = bottom - top + 1): Region {
  return { top, bottom, left, right, cells: new ColumnStore(capacity), merged: [], subtotalInBottom: false };
}

/** The last row written in the region (its top when none is). */
export const lastWritten = (g: Region) => Math.max(g.top, g.top + g.cells.rowCount - 1);

export const isBlankValue = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Whether row `ri` of the region (0-based from its top) holds nothing but blanks. */
export function rowIsBlank(g: Region, ri: number): boolean {
  if (ri >= g.cells.rowCount) return true;
  // A text-only row typed under a table is no blank row, though its shared strings are read later.
  for (let c = 0; c < g.cells.width; c++) if (!isBlankValue(g.cells.get(ri, c)) || g.cells.pendingString(ri, c)) return false;
  return true;
}

/** Row `ri` of the region as an array of `width` cells. */
export function regionRow(g: Region, ri: number, width: number): CellValue[] {
  const row = new Array<CellValue>(width);
  for (let c = 0; c < width; c++) row[c] = g.cells.get(ri, c);
  return row;
}

/** The covered cells' addresses, row by row (the order the findings name them in). */
export function mergedAddresses(g: Region): string[] {
  return [...g.merged].sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([r, c]) => cellAddress(r, c));
}
