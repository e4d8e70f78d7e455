/**
 * What the one read of an own sheet must know before its plan is drawn (are its table names
 * taken elsewhere?), and the user's selection, a ledger pasted into the workbook (the
 * Rapprochement tab).
 */
import { cellAddress, parseRange } from '../../core/cells';
import type { CellValue } from '../../core/snapshot';

/**
 * Queued with the read of an own sheet: which of these table names a table on ANOTHER sheet holds
 * (table names are the workbook's; a user's copy must not make the write fail).
 */
export function queueTakenElsewhere(ctx: Excel.RequestContext, sheet: string, names: string[]): () => Set<string> {
  const found = names.map((n) => {
    const table = ctx.workbook.tables.getItemOrNullObject(n);
    return { n, table, ws: table.worksheet.load('name') };
  });
  return () => new Set(found.filter((f) => !f.table.isNullObject && f.ws.name.toLowerCase() !== sheet.toLowerCase()).map((f) => f.n));
}

export interface SelectedGrid {
  sheet: string;
  /** The cells read, e.g. "B2:J81" (the selection within the sheet's used range). */
  address: string;
  firstRow: number;
  firstColumn: number;
  values: CellValue[][];
}


/**
 * The cells the user selected, a ledger pasted into the workbook: its addresses first, then only
 * the part within the sheet's used range (a whole column selected must not bring a million blank
 * rows). Two round trips; null when the selection holds nothing.
 */
export async function readSelectedGrid(ctx: Excel.RequestContext): Promise<SelectedGrid | null> {
  const sel = ctx.workbook.getSelectedRange().load('address');
  const ws = sel.worksheet.load('name');
  const used = sel.worksheet.getUsedRangeOrNullObject(true).load('address');
  await ctx.sync();
  if (used.isNullObject) return null;
  const s = parseRange(sel.address);
  const u = parseRange(used.address);
  if (!s || !u) return null;
  const top = Math.max(s.top, u.top);
  const left = Math.max(s.left, u.left);
  const bottom = Math.min(s.bottom, u.bottom);
  const right = Math.min(s.right, u.right);
  if (top > bottom || left > right) return null;
  const address = `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
  const r = ctx.workbook.worksheets.getItem(ws.name).getRange(address).load('values');
  await ctx.sync();
  return { sheet: ws.name, address, firstRow: top, firstColumn: left, values: (r.values as unknown[][]).map((row) => row.map((v) => (v === '' || v === undefined ? null : (v as CellValue)))) };
}
