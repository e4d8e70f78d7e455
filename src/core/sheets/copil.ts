/**
 * The "Synthèse COPIL" sheet as a sheet plan: the layout of summarySheet.ts (texts, tables with
 * their totals, the two charts, the print set-up) with its text styles, written once here for the
 * .xlsx export and for Excel.
 */
import type { SheetCell, SheetText, SummarySheetPlan } from '../summarySheet';
import type { Summary } from '../summary';
import { buildSummarySheet } from '../summarySheet';
import { emptySheet, TITLE_COLOR, type PlanTotal, type SheetPlan, type TextStyle } from './types';

const TEXT_STYLE: Record<SheetText['style'], TextStyle> = {
  title: { bold: true, size: 16, color: TITLE_COLOR },
  subtitle: { size: 11, color: '404040' },
  warning: { bold: true, size: 11, color: 'C00000' },
  note: { italic: true, size: 10, color: '595959' },
  section: { bold: true, size: 12, color: TITLE_COLOR },
};

function total(v: SheetCell): PlanTotal {
  if (v === null) return null;
  if (typeof v === 'object') return v;
  return { label: String(v) };
}

/** The layout's plan, drawn by either renderer. */
export function copilSheetOf(p: SummarySheetPlan): SheetPlan {
  const sheet = emptySheet(p.sheet);
  sheet.gridlines = false;
  sheet.columnWidths = p.columnWidths.map((width, i) => ({ column: i + 1, width }));
  sheet.cells = p.cells.map((c) => ({ address: c.address, value: c.value, style: TEXT_STYLE[c.style] }));
  sheet.tables = p.tables.map((t) => ({
    name: t.name,
    row: t.headerRow,
    column: t.firstColumn,
    columns: t.columns.map((c) => ({ header: c.header, ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}), ...(c.wrap ? { wrap: true } : {}) })),
    rows: t.rows,
    ...(t.totals ? { totals: t.totals.map(total) } : {}),
    style: 'TableStyleMedium2',
    wrapHeaders: true,
    columnStyles: true,
  }));
  sheet.charts = p.charts;
  sheet.pageSetup = p.pageSetup;
  return sheet;
}

/** The Synthèse COPIL sheet of a summary. */
export function copilSheet(summary: Summary): SheetPlan {
  return copilSheetOf(buildSummarySheet(summary));
}
