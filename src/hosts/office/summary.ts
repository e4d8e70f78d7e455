/**
 * The "Synthèse COPIL" sheet written into the open workbook: the core's SummarySheetPlan rendered
 * with native tables and charts. The sheet is the add-in's own: rewritten as a whole, in place.
 */
import type { SheetCell, SheetText, SummarySheetPlan } from '../../core/summarySheet';
import { columnLetter } from '../../core/snapshot';
import { ALL_FEATURES, type ExcelFeatures } from './features';

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

/**
 * Queues the sheet's content into `ws` (new, or emptied in place by ownSheet.ts). Above ExcelApi
 * 1.7 only where Excel has it: gridlines off and the value axis' number format (1.8), the page
 * layout with its header and footer (1.9); without them the sheet prints with Excel's defaults.
 */
export function queueSummaryContent(ws: Excel.Worksheet, plan: SummarySheetPlan, features: ExcelFeatures = ALL_FEATURES): void {
  if (features.gridlines) ws.showGridlines = false;
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
    if (features.axisNumberFormat) chart.axes.valueAxis.numberFormat = c.valueNumberFormat;
    chart.legend.position = c.legend as Excel.ChartLegendPosition;
  }
  if (features.pageLayout) {
    const ps = plan.pageSetup;
    ws.pageLayout.orientation = ps.orientation as Excel.PageOrientation;
    ws.pageLayout.paperSize = ps.paperSize as Excel.PaperType;
    ws.pageLayout.zoom = { horizontalFitToPages: ps.fitToWidth, verticalFitToPages: ps.fitToHeight };
    ws.pageLayout.setPrintArea(ps.printArea);
    const hf = ws.pageLayout.headersFooters.defaultForAllPages;
    hf.leftHeader = ps.leftHeader;
    hf.rightHeader = ps.rightHeader;
    hf.centerFooter = ps.centerFooter;
  }
  ws.activate();
}

/** The hidden copy of the previous sheet while it is rewritten (see ownSheet.ts). */
export const SUMMARY_ASIDE = 'SuiviCES-synthese-prec';
