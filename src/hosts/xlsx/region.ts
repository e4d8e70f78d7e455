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
  /** A plain range that ends at its first blank row. */
  growing?: boolean;
}

export function region(top: number, bottom: number, left: number, right: number): Region {
  return { top, bottom, left, right, cells: new ColumnStore(bottom - top + 1), merged: [], subtotalInBottom: false };
}

export const isBlankValue = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Whether row `ri` of the region (0-based from its top) holds nothing but blanks. */
export function rowIsBlank(g: Region, ri: number): boolean {
  if (ri >= g.cells.rowCount) return true;
  for (let c = 0; c < g.cells.width; c++) if (!isBlankValue(g.cells.get(ri, c))) return false;
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
