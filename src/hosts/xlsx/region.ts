/**
 * The rectangles of a worksheet whose cells the reader keeps: a contract table's range, a header
 * search's first rows, or a ledger's whole sheet. Cells are kept by column (core/columns.ts), never
 * as an array per row.
 */
import { ColumnStore } from '../../core/columns';
import { parseRange } from '../../core/cells';
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

/** The regions row `r` falls in, and the span of rows lo…hi over which that set stays the same. */
export function activeAt(regions: readonly Region[], r: number): { active: Region[]; lo: number; hi: number } {
  let lo = 1;
  let hi = Infinity;
  const active: Region[] = [];
  for (const g of regions) {
    if (r < g.top) hi = Math.min(hi, g.top - 1);
    else if (r > g.bottom) lo = Math.max(lo, g.bottom + 1);
    else {
      active.push(g);
      lo = Math.max(lo, g.top);
      hi = Math.min(hi, g.bottom);
    }
  }
  return { active, lo, hi };
}

/**
 * A merged range (`ref`) once cells are kept (`kept` > 0): only where it meets a region are its covered
 * cells blanked and noted, never expanded beyond; `noted` of them so far, at most `max`. Returns how many now.
 */
export function applyMerge(regions: readonly Region[], ref: string | undefined, kept: number, noted: number, max: number): number {
  const box = ref ? parseRange(ref) : null;
  if (!box || kept === 0) return noted;
  const { top, left, bottom, right } = box;
  for (const g of regions) {
    const r0 = Math.max(top, g.top);
    const r1 = Math.min(bottom, g.bottom === Infinity ? g.top + g.cells.rowCount - 1 : g.bottom);
    const c0 = Math.max(left, g.left);
    // A ledger's whole sheet: only its used cells can be covered.
    const c1 = Math.min(right, g.right === Infinity ? g.left + g.cells.width - 1 : g.right);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        if (r === top && c === left) continue;
        if (g.right !== Infinity && noted++ < max) g.merged.push([r, c]);
        g.cells.clear(r - g.top, c - g.left);
      }
    }
  }
  return noted;
}
