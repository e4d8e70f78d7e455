/**
 * The Office.js renderer of sheet plans (core/sheets/): the one place a plan becomes Excel's
 * cells, tables, formats, validations, conditional formats, charts and page layout, queued on a
 * request context (the caller syncs). What needs more than ExcelApi 1.7, the manifest's minimum,
 * is used only where Excel has it (features.ts): without 1.8 no validation lists, gridlines stay
 * and the chart axis keeps its format; without 1.9 no page layout.
 */
import { cellAddress, columnLetter, dateToSerial } from '../../core/cells';
import { tableBottom, type PlanCell, type PlanCellValue, type PlanChart, type PlanConditionalFormat, type PlanPageSetup, type PlanTable, type PlanTotal, type PlanValidation, type SheetPlan } from '../../core/sheets/types';
import { ALL_FEATURES, type ExcelFeatures } from './features';

/**
 * Text the add-in writes into a cell: the leading apostrophe is Excel's own "this is text" prefix
 * (not shown, not part of the value), so "=HYPERLINK(…)", "+33…", "2014" or "TRUE" stay the text
 * they are. Text a plan already neutralised (it starts with the apostrophe) keeps its one.
 */
export function officeText(s: string): string {
  return s === '' ? '' : s.startsWith("'") ? s : `'${s}`;
}

/** A plan value as Range.formulas takes it: text kept as text, formulas as formulas, dates as serials. */
export function officeCell(v: PlanCellValue): string | number {
  if (v === null) return '';
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === 'object') return `=${v.formula.replace(/^=/, '')}`;
  return typeof v === 'number' ? v : officeText(v);
}

function totalCell(t: PlanTotal, header: string): string | number {
  if (t === null) return '';
  if ('label' in t) return officeText(t.label);
  if ('sum' in t) return `=SUBTOTAL(109,[${header.replace(/([[\]#'])/g, "'$1")}])`;
  return officeCell(t);
}

export function queueCells(ws: Excel.Worksheet, cells: PlanCell[]): void {
  for (const c of cells) {
    const r = ws.getRange(c.address);
    r.formulas = [[officeCell(c.value)]];
    if (c.numberFormat) r.numberFormat = [[c.numberFormat]];
    const st = c.style;
    if (!st) continue;
    if (st.size) r.format.font.size = st.size;
    if (st.color) r.format.font.color = `#${st.color}`;
    if (st.bold) r.format.font.bold = true;
    if (st.italic) r.format.font.italic = true;
  }
}

/** Widths are in characters in the plan, in points in Office.js (about 7 per character in Calibri 11). */
export function queueColumnWidths(ws: Excel.Worksheet, widths: SheetPlan['columnWidths']): void {
  for (const w of widths) {
    const L = columnLetter(w.column);
    ws.getRange(`${L}:${L}`).format.columnWidth = Math.round(w.width * 7);
  }
}

/** The table's box (header to totals), as Excel addresses it. */
export function tableAddress(t: PlanTable): string {
  return `${cellAddress(t.row, t.column)}:${cellAddress(tableBottom(t), t.column + t.columns.length - 1)}`;
}

/** Queues one table on a sheet whose cells under it are blank. Returns the table proxy. */
export function queueTable(ws: Excel.Worksheet, t: PlanTable): Excel.Table {
  const rows = t.rows.length ? t.rows : [t.columns.map(() => null)];
  const right = columnLetter(t.column + t.columns.length - 1);
  const bodyTop = t.row + 1;
  const bodyBottom = t.row + rows.length;
  ws.getRange(`${cellAddress(t.row, t.column)}:${right}${t.row}`).values = [t.columns.map((c) => officeText(c.header))];
  ws.getRange(`${cellAddress(bodyTop, t.column)}:${right}${bodyBottom}`).formulas = rows.map((r) => t.columns.map((_, i) => officeCell(r[i] ?? null)));
  const table = ws.tables.add(`${cellAddress(t.row, t.column)}:${right}${bodyBottom}`, true);
  table.name = t.name;
  table.style = t.style;
  t.columns.forEach((c, i) => {
    if (!c.numberFormat && !c.wrap) return;
    const L = columnLetter(t.column + i);
    const body = ws.getRange(`${L}${bodyTop}:${L}${bodyBottom}`);
    if (c.numberFormat) body.numberFormat = rows.map(() => [c.numberFormat!]);
    if (c.wrap) {
      body.format.wrapText = true;
      body.format.verticalAlignment = 'Top';
    }
  });
  if (t.wrapHeaders) table.getHeaderRowRange().format.wrapText = true;
  if (t.totals) {
    table.showTotals = true;
    const totals = ws.getRange(`${cellAddress(bodyBottom + 1, t.column)}:${right}${bodyBottom + 1}`);
    totals.formulas = [t.columns.map((c, i) => totalCell(t.totals![i] ?? null, c.header))];
    totals.numberFormat = [t.columns.map((c) => c.numberFormat ?? 'General')];
  }
  return table;
}

/** Without ExcelApi 1.8 there are no validations: returns whether some were left out. */
export function queueValidations(ws: Excel.Worksheet, validations: PlanValidation[], features: ExcelFeatures = ALL_FEATURES): boolean {
  if (!features.dataValidation) return validations.length > 0;
  for (const v of validations) {
    const dv = ws.getRange(v.range).dataValidation;
    dv.clear();
    if ('list' in v.rule) dv.rule = { list: { inCellDropDown: true, source: v.rule.list.join(',') } };
    else if ('decimalMin' in v.rule) dv.rule = { decimal: { formula1: v.rule.decimalMin, operator: 'GreaterThanOrEqualTo' as Excel.DataValidationOperator.greaterThanOrEqualTo } };
    else dv.rule = { wholeNumber: { formula1: v.rule.whole.min, formula2: v.rule.whole.max, operator: 'Between' as Excel.DataValidationOperator.between } };
    if (v.alert) dv.errorAlert = { showAlert: true, style: (v.alert.style === 'stop' ? 'Stop' : 'Warning') as Excel.DataValidationAlertStyle, title: v.alert.title, message: v.alert.message };
  }
  return false;
}

export function queueConditionalFormats(ws: Excel.Worksheet, formats: PlanConditionalFormat[]): void {
  for (const f of formats) {
    const cf = ws.getRange(f.range).conditionalFormats.add('Custom' as Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = `=${f.formula}`;
    cf.custom.format.fill.color = `#${f.fill}`;
    cf.custom.format.font.color = `#${f.font}`;
    if (f.bold) cf.custom.format.font.bold = true;
  }
}

export function queueCharts(ws: Excel.Worksheet, charts: PlanChart[], features: ExcelFeatures = ALL_FEATURES): void {
  for (const c of charts) {
    const chart = ws.charts.add(c.type as Excel.ChartType, ws.getRange(c.source), c.seriesBy as Excel.ChartSeriesBy);
    chart.name = c.name;
    chart.title.text = c.title;
    chart.setPosition(c.topLeft, c.bottomRight);
    chart.axes.categoryAxis.title.text = c.categoryAxisTitle;
    chart.axes.valueAxis.title.text = c.valueAxisTitle;
    if (features.axisNumberFormat) chart.axes.valueAxis.numberFormat = c.valueNumberFormat;
    chart.legend.position = c.legend as Excel.ChartLegendPosition;
  }
}

/** The print set-up (ExcelApi 1.9); without it the sheet prints with Excel's defaults. */
export function queuePageSetup(ws: Excel.Worksheet, ps: PlanPageSetup | undefined, features: ExcelFeatures = ALL_FEATURES): void {
  if (!ps || !features.pageLayout) return;
  ws.pageLayout.orientation = ps.orientation as Excel.PageOrientation;
  ws.pageLayout.paperSize = ps.paperSize as Excel.PaperType;
  ws.pageLayout.zoom = { horizontalFitToPages: ps.fitToWidth, verticalFitToPages: ps.fitToHeight };
  if (ps.printArea) ws.pageLayout.setPrintArea(ps.printArea);
  if (ps.leftHeader === undefined && ps.rightHeader === undefined && ps.centerFooter === undefined) return;
  const hf = ws.pageLayout.headersFooters.defaultForAllPages;
  if (ps.leftHeader !== undefined) hf.leftHeader = ps.leftHeader;
  if (ps.rightHeader !== undefined) hf.rightHeader = ps.rightHeader;
  if (ps.centerFooter !== undefined) hf.centerFooter = ps.centerFooter;
}

/** What belongs to the sheet rather than to one table: texts, widths, frozen rows, gridlines, print set-up. */
export function queueSheetSettings(ws: Excel.Worksheet, plan: SheetPlan, features: ExcelFeatures = ALL_FEATURES): void {
  if (!plan.gridlines && features.gridlines) ws.showGridlines = false;
  if (plan.hidden) ws.visibility = (plan.hidden === 'very' ? 'VeryHidden' : 'Hidden') as Excel.SheetVisibility;
  queueColumnWidths(ws, plan.columnWidths);
  queueCells(ws, plan.cells);
  if (plan.freezeRows) ws.freezePanes.freezeRows(plan.freezeRows);
  queuePageSetup(ws, plan.pageSetup, features);
}

/** The whole plan into `ws` (new, or emptied in place by ownSheet.ts); the sheet is activated. */
export function queueSheet(ws: Excel.Worksheet, plan: SheetPlan, features: ExcelFeatures = ALL_FEATURES): void {
  queueSheetSettings(ws, plan, features);
  for (const t of plan.tables) queueTable(ws, t);
  queueValidations(ws, plan.validations, features);
  queueConditionalFormats(ws, plan.conditionalFormats);
  queueCharts(ws, plan.charts, features);
  if (!plan.hidden) ws.activate();
}
