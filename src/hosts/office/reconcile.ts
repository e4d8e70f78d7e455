/**
 * The Rapprochement sheet in the open workbook: what the one read must know before its plan
 * (core/sheets/rapprochement.ts) is drawn (are its table names taken elsewhere?), and the user's
 * selection, a ledger pasted into the workbook. The sheet is the add-in's own: rewritten as a
 * whole, in place (ownSheet.ts), so one read and one write suffice.
 */
import { cellAddress, parseRange } from '../../core/cells';
import { RECON_TABLES } from '../../core/sheets/rapprochement';
import type { CellValue } from '../../core/snapshot';

export interface ReconPlaces {
  /** The sheet is there already (it is replaced). */
  existing: boolean;
  /** Table names to use: the usual ones unless a table elsewhere in the workbook holds them. */
  names: { lines: string; totals: string };
}

/** Queues the lookups of the one read: the sheet, and the two table names (workbook-wide in Excel). */
export function queueReconRead(ctx: Excel.RequestContext, sheet: string): () => ReconPlaces {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
  const tables = {
    lines: ctx.workbook.tables.getItemOrNullObject(RECON_TABLES.lines),
    totals: ctx.workbook.tables.getItemOrNullObject(RECON_TABLES.totals),
  };
  const sheets = {
    lines: tables.lines.worksheet.load('name'),
    totals: tables.totals.worksheet.load('name'),
  };
  return () => {
    // A table of the same name on another sheet (a user's copy): ours takes a suffixed name rather than fail.
    const free = (k: 'lines' | 'totals') => tables[k].isNullObject || sheets[k].name.toLowerCase() === sheet.toLowerCase();
    return {
      existing: !ws.isNullObject,
      names: { lines: free('lines') ? RECON_TABLES.lines : `${RECON_TABLES.lines}_1`, totals: free('totals') ? RECON_TABLES.totals : `${RECON_TABLES.totals}_1` },
    };
  };
}

/** The hidden copy of the previous sheet while it is rewritten in place (see ownSheet.ts). */
export const RECON_ASIDE = 'SuiviCES-rapprochement-prec';

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
