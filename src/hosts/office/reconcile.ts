/**
 * The Rapprochement sheet written into the open workbook: the core's two tables (the lines, then
 * the totals per funder and year), as the CLI's --out writes them. The sheet is the add-in's own:
 * it is rewritten as a whole, in place (ownSheet.ts), so one read (is it there? are its table
 * names taken elsewhere?) and one write suffice.
 */
import type { ReconTable, ReconValue } from '../../core/reconcile/table';
import { cellAddress, columnLetter, type CellValue } from '../../core/snapshot';
import type { ReconciliationSheet } from '../host';
import { cellText } from './write';
import { parseRange } from '../../core/cells';

export const RECON_TABLES = { lines: 'Rapprochement', totals: 'RapprochementTotaux' } as const;
const EURO_FORMAT = '#,##0.00 "€";-#,##0.00 "€"';
const WIDTHS = [20, 22, 20, 12, 8, 12, 18, 18, 16, 18, 18, 16, 22, 28, 40];

/** The core already put an apostrophe before formula-like text; everything else still must not turn into a number or a date. */
function value(v: ReconValue): string | number {
  if (v === null || v === '') return '';
  if (typeof v === 'number') return v;
  return v.startsWith("'") ? v : cellText(v);
}

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

function queueTable(ws: Excel.Worksheet, name: string, top: number, t: ReconTable): number {
  const rows = t.rows.length ? t.rows : [t.headers.map(() => null)];
  const right = columnLetter(t.headers.length);
  const address = `A${top}:${right}${top + rows.length}`;
  ws.getRange(address).values = [t.headers.map((h) => cellText(h)), ...rows.map((r) => r.map(value))];
  const table = ws.tables.add(address, true);
  table.name = name;
  table.style = 'TableStyleMedium2';
  for (const c of t.amountColumns) {
    const L = columnLetter(c + 1);
    ws.getRange(`${L}${top + 1}:${L}${top + rows.length}`).numberFormat = rows.map(() => [EURO_FORMAT]);
  }
  return top + rows.length;
}

/** The hidden copy of the previous sheet while it is rewritten in place (see ownSheet.ts). */
export const RECON_ASIDE = 'SuiviCES-rapprochement-prec';

/** Queues the sheet's content into `ws` (new, or emptied in place by ownSheet.ts). */
export function queueReconciliationContent(ws: Excel.Worksheet, content: ReconciliationSheet, places: ReconPlaces, totalsTitle: string): void {
  const title = ws.getRange('A1');
  title.values = [[cellText(content.title)]];
  title.format.font.bold = true;
  title.format.font.size = 14;
  title.format.font.color = '#1F4E79';
  const last = queueTable(ws, places.names.lines, 3, content.lines);
  const heading = ws.getRange(`A${last + 2}`);
  heading.values = [[cellText(totalsTitle)]];
  heading.format.font.bold = true;
  queueTable(ws, places.names.totals, last + 3, content.totals);
  WIDTHS.forEach((w, i) => {
    const L = columnLetter(i + 1);
    ws.getRange(`${L}:${L}`).format.columnWidth = Math.round(w * 7);
  });
  ws.freezePanes.freezeRows(3);
  ws.activate();
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
