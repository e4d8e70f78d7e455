/**
 * The Rapprochement sheet: the reconciliation's lines, then its totals per funder and year (the
 * core's two ReconTables, reconcile/table.ts), under a title. The same plan for `reconcile --out`
 * (a new file, dated) and for the pane's "write the Rapprochement sheet" in Excel.
 */
import type { Lang } from '../contract';
import { messages } from '../i18n';
import type { ReconTable } from '../reconcile/table';
import { DATE_FORMAT, emptySheet, EURO_FORMAT, TITLE_COLOR, type PlanTable, type SheetPlan } from './types';

/** What the Rapprochement sheet holds: the core's two tables, worded in `lang`. */
export interface ReconciliationContent {
  lang: Lang;
  /** The sheet's title line ("Rapprochement de … avec …"). */
  title: string;
  lines: ReconTable;
  totals: ReconTable;
}

export const RECON_TABLES = { lines: 'Rapprochement', totals: 'RapprochementTotaux' } as const;
const WIDTHS = [20, 22, 20, 12, 8, 12, 18, 18, 16, 18, 18, 16, 22, 28, 40];
const TITLE_ROW = 1;
const FIRST_TABLE_ROW = 3;

function table(name: string, row: number, t: ReconTable): PlanTable {
  return {
    name,
    row,
    column: 1,
    columns: t.headers.map((header, i) => (t.amountColumns.includes(i) ? { header, numberFormat: EURO_FORMAT } : { header })),
    rows: t.rows,
    style: 'TableStyleMedium2',
  };
}

/**
 * The sheet's plan. `names`: the table names to use (Excel's are the workbook's: a user's table
 * may hold the usual ones); `writtenOn`: a date under the title (the file's; Excel's sheet has none).
 */
export function rapprochementSheet(content: ReconciliationContent, options: { names?: { lines: string; totals: string }; writtenOn?: Date } = {}): SheetPlan {
  const m = messages[content.lang].reconcile;
  const names = options.names ?? RECON_TABLES;
  const sheet = emptySheet(m.sheet);
  sheet.cells.push({ address: `A${TITLE_ROW}`, value: content.title, style: { bold: true, size: 14, color: TITLE_COLOR } });
  if (options.writtenOn) sheet.cells.push({ address: 'A2', value: options.writtenOn, numberFormat: DATE_FORMAT });
  const lines = table(names.lines, FIRST_TABLE_ROW, content.lines);
  const last = FIRST_TABLE_ROW + Math.max(1, content.lines.rows.length);
  sheet.cells.push({ address: `A${last + 2}`, value: m.totalsTitle, style: { bold: true } });
  sheet.tables.push(lines, table(names.totals, last + 3, content.totals));
  sheet.columnWidths = WIDTHS.map((width, i) => ({ column: i + 1, width }));
  sheet.freezeRows = FIRST_TABLE_ROW;
  return sheet;
}

/** The table names to use when a table on another sheet holds the usual ones: a suffixed name rather than a failed write. */
export function reconTableNames(takenElsewhere: Set<string>): { lines: string; totals: string } {
  const name = (n: string) => (takenElsewhere.has(n) ? `${n}_1` : n);
  return { lines: name(RECON_TABLES.lines), totals: name(RECON_TABLES.totals) };
}
