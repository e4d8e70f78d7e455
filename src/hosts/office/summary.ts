/**
 * The "Synthèse COPIL" sheet written into the open workbook: the core's SummarySheetPlan rendered
 * with native tables and charts. The sheet is the add-in's own: it is replaced as a whole.
 */
import type { SheetCell, SheetText, SummarySheetPlan } from '../../core/summarySheet';
import { columnLetter } from '../../core/snapshot';

const TEXT_STYLE: Record<SheetText['style'], { bold?: boolean; italic?: boolean; size: number; color: string }> = {
  title: { bold: true, size: 16, color: '#1F4E79' },
  subtitle: { size: 11, color: '#404040' },
  warning: { bold: true, size: 11, color: '#C00000' },
  note: { italic: true, size: 10, color: '#595959' },
  section: { bold: true, size: 12, color: '#1F4E79' },
};

/** The plan's text is already neutralised where it looked like a formula; the rest still must not turn into a number or a date. */
function text(s: string): string {
  return s.startsWith("'") ? s : `'${s}`;
}

function cell(v: SheetCell): string | number {
  if (v === null) return '';
  if (typeof v === 'object') return `=${v.formula.replace(/^=/, '')}`;
  return typeof v === 'string' ? (v === '' ? '' : text(v)) : v;
}

/** Queues the whole sheet (its previous version deleted first when `existing`). */
export function queueSummarySheet(ctx: Excel.RequestContext, plan: SummarySheetPlan, existing: boolean): void {
  const wb = ctx.workbook;
  if (existing) wb.worksheets.getItem(plan.sheet).delete();
  const ws = wb.worksheets.add(plan.sheet);
  ws.showGridlines = false;
  plan.columnWidths.forEach((w, i) => {
    const L = columnLetter(i + 1);
    ws.getRange(`${L}:${L}`).format.columnWidth = Math.round(w * 7);
  });
  for (const t of plan.cells) {
    const r = ws.getRange(t.address);
    r.values = [[text(t.value)]];
    const st = TEXT_STYLE[t.style];
    r.format.font.size = st.size;
    r.format.font.color = st.color;
    if (st.bold) r.format.font.bold = true;
    if (st.italic) r.format.font.italic = true;
  }
  for (const t of plan.tables) {
    ws.getRange(t.range).values = [t.columns.map((c) => text(c.header)), ...t.rows.map((r) => r.map(cell))];
    const table = ws.tables.add(t.range, true);
    table.name = t.name;
    table.style = 'TableStyleMedium2';
    t.columns.forEach((c, i) => {
      const col = table.columns.getItemAt(i).getDataBodyRange();
      if (c.numberFormat) col.numberFormat = t.rows.map(() => [c.numberFormat]);
      if (c.wrap) {
        col.format.wrapText = true;
        col.format.verticalAlignment = 'Top';
      }
    });
    table.getHeaderRowRange().format.wrapText = true;
    if (t.totals && t.totalsRange) {
      table.showTotals = true;
      const totals = ws.getRange(t.totalsRange);
      totals.formulas = [t.totals.map(cell)];
      totals.numberFormat = [t.columns.map((c) => c.numberFormat ?? 'General')];
    }
  }
  for (const c of plan.charts) {
    const chart = ws.charts.add(c.type as Excel.ChartType, ws.getRange(c.source), c.seriesBy as Excel.ChartSeriesBy);
    chart.name = c.name;
    chart.title.text = c.title;
    chart.setPosition(c.topLeft, c.bottomRight);
    chart.axes.categoryAxis.title.text = c.categoryAxisTitle;
    chart.axes.valueAxis.title.text = c.valueAxisTitle;
    chart.axes.valueAxis.numberFormat = c.valueNumberFormat;
    chart.legend.position = c.legend as Excel.ChartLegendPosition;
  }
  const ps = plan.pageSetup;
  ws.pageLayout.orientation = ps.orientation as Excel.PageOrientation;
  ws.pageLayout.paperSize = ps.paperSize as Excel.PaperType;
  ws.pageLayout.zoom = { horizontalFitToPages: ps.fitToWidth, verticalFitToPages: ps.fitToHeight };
  ws.pageLayout.setPrintArea(ps.printArea);
  const hf = ws.pageLayout.headersFooters.defaultForAllPages;
  hf.leftHeader = ps.leftHeader;
  hf.rightHeader = ps.rightHeader;
  hf.centerFooter = ps.centerFooter;
  ws.activate();
}

/**
 * The previous summary sheet is set aside (renamed, hidden, its tables renamed so that the new
 * ones may take their names) and deleted only once the new sheet is written: a write that stops
 * half-way leaves the previous sheet to put back (restoreSummary) instead of a half-written one.
 */
export const SUMMARY_ASIDE = 'SuiviCES-synthese-prec';

export interface SummaryPlaces {
  previous: Excel.Worksheet;
  previousTables: Excel.TableCollection;
  aside: Excel.Worksheet;
}

/** Queued with the read: is there a previous sheet, and a leftover set aside by an interrupted write? */
export function queueSummaryPlaces(ctx: Excel.RequestContext, sheet: string): SummaryPlaces {
  const previous = ctx.workbook.worksheets.getItemOrNullObject(sheet);
  return { previous, previousTables: previous.tables.load('items/name'), aside: ctx.workbook.worksheets.getItemOrNullObject(SUMMARY_ASIDE) };
}

/** Aside name of the previous sheet's i-th table (a valid, unlikely table name). */
function asideTable(i: number): string {
  return `SuiviCES_prec_${i + 1}`;
}

/** Queues the replacement; returns the previous tables' names, for putting them back. */
export function queueSummaryReplacement(ctx: Excel.RequestContext, plan: SummarySheetPlan, places: SummaryPlaces): string[] {
  const wb = ctx.workbook;
  if (!places.aside.isNullObject) wb.worksheets.getItem(SUMMARY_ASIDE).delete();
  const names = places.previous.isNullObject ? [] : places.previousTables.items.map((t) => t.name);
  if (!places.previous.isNullObject) {
    names.forEach((n, i) => (wb.tables.getItem(n).name = asideTable(i)));
    const old = wb.worksheets.getItem(plan.sheet);
    // Visibility before the name: a proxy got by name is looked up by that name.
    old.visibility = 'Hidden' as Excel.SheetVisibility.hidden;
    old.name = SUMMARY_ASIDE;
  }
  queueSummarySheet(ctx, plan, false);
  if (!places.previous.isNullObject) wb.worksheets.getItem(SUMMARY_ASIDE).delete();
  return names;
}

/**
 * After a failed replacement: when the previous sheet is still set aside, the half-written new one
 * goes and the previous one comes back, as it was. Two round trips, only after a failure.
 */
export async function restoreSummary(ctx: Excel.RequestContext, sheet: string, tableNames: string[]): Promise<void> {
  const aside = ctx.workbook.worksheets.getItemOrNullObject(SUMMARY_ASIDE);
  const half = ctx.workbook.worksheets.getItemOrNullObject(sheet);
  await ctx.sync();
  if (aside.isNullObject) return;
  if (!half.isNullObject) half.delete();
  tableNames.forEach((n, i) => (ctx.workbook.tables.getItem(asideTable(i)).name = n));
  aside.visibility = 'Visible' as Excel.SheetVisibility.visible;
  aside.name = sheet;
  await ctx.sync();
}
