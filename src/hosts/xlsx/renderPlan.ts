/**
 * The ExcelJS renderer of sheet plans (core/sheets/): the one place a plan becomes the cells,
 * tables, formats, validations, conditional formats and page set-up of an .xlsx. Used by `init`,
 * the COPIL export, `reconcile --out` and the browser preview's workbook. ExcelJS writes no charts:
 * exports/xlsxCharts.ts adds a plan's charts to the written bytes (workbookBytes). The caller
 * brings the ExcelJS workbook: the CLI loads ExcelJS lazily (hosts/xlsx/excel.ts), the task pane
 * through its bundle.
 */
import type ExcelJS from 'exceljs';
import { cellAddress } from '../../core/cells';
import { tableBottom, type PlanCellValue, type PlanTable, type PlanTableColumn, type PlanTotal, type SheetPlan, type TextStyle } from '../../core/sheets/types';
import { addNativeCharts } from '../../exports/xlsxCharts';

function value(v: PlanCellValue): ExcelJS.CellValue {
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) return { formula: v.formula, result: v.result ?? undefined } as ExcelJS.CellFormulaValue;
  return v;
}

function font(s: TextStyle): Partial<ExcelJS.Font> {
  const f: Partial<ExcelJS.Font> = {};
  if (s.bold) f.bold = true;
  if (s.italic) f.italic = true;
  if (s.size) f.size = s.size;
  if (s.color) f.color = { argb: `FF${s.color}` };
  return f;
}

function totalColumn(total: PlanTotal, first: boolean): Partial<ExcelJS.TableColumnProperties> {
  // OOXML's default is "none"; ExcelJS spells it on every column but the first.
  if (total === null) return first ? {} : { totalsRowFunction: 'none' };
  if ('label' in total) {
    if (first) return { totalsRowLabel: total.label };
    // A total that cannot add up ("n.d. (CDC 2016 non fixé)"): a text formula, so the totals row still says why.
    return { totalsRowFunction: 'custom', totalsRowFormula: `"${total.label.replace(/"/g, '""')}"`, totalsRowResult: total.label } as Partial<ExcelJS.TableColumnProperties>;
  }
  if ('sum' in total) return { totalsRowFunction: 'sum' };
  return { totalsRowFunction: 'custom', totalsRowFormula: total.formula, totalsRowResult: total.result ?? undefined } as Partial<ExcelJS.TableColumnProperties>;
}

function columnStyle(c: PlanTableColumn): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (c.numberFormat) style.numFmt = c.numberFormat;
  if (c.wrap) style.alignment = { wrapText: true, vertical: 'top' };
  return style;
}

function addTable(ws: ExcelJS.Worksheet, t: PlanTable): void {
  const rows = t.rows.length ? t.rows : [t.columns.map(() => null)];
  const styles = t.columnStyles ? (c: PlanTableColumn) => ({ style: columnStyle(c) }) : () => ({});
  ws.addTable({
    name: t.name,
    ref: cellAddress(t.row, t.column),
    headerRow: true,
    totalsRow: !!t.totals,
    style: { theme: t.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
    columns: t.columns.map((c, i) => ({ name: c.header, filterButton: true, ...totalColumn(t.totals?.[i] ?? null, i === 0), ...styles(c) })) as ExcelJS.TableColumnProperties[],
    rows: rows.map((r) => t.columns.map((_, i) => value(r[i] ?? null))),
  });
  const bottom = tableBottom(t);
  t.columns.forEach((c, i) => {
    if (t.columnStyles || (!c.numberFormat && !c.wrap)) return;
    for (let r = t.row + 1; r <= bottom; r++) Object.assign(ws.getCell(r, t.column + i), columnStyle(c));
  });
  // Long headers (the rates) wrap rather than widen the whole column.
  if (t.wrapHeaders) t.columns.forEach((_, i) => (ws.getCell(t.row, t.column + i).alignment = { wrapText: true, vertical: 'middle' }));
}

type Validations = { add(address: string, v: ExcelJS.DataValidation): void };

/** Draws a plan into a new worksheet of `wb`. */
export function renderSheet(wb: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const views: Partial<ExcelJS.WorksheetView>[] = plan.freezeRows ? [{ state: 'frozen', ySplit: plan.freezeRows }] : plan.gridlines ? [] : [{ state: 'normal', showGridLines: false }];
  const ws = wb.addWorksheet(plan.name, views.length ? { views } : {});
  if (plan.hidden) ws.state = plan.hidden === 'very' ? 'veryHidden' : 'hidden';
  for (const c of plan.cells) {
    const cell = ws.getCell(c.address);
    cell.value = value(c.value);
    if (c.style) cell.font = font(c.style);
    if (c.numberFormat) cell.numFmt = c.numberFormat;
  }
  for (const t of plan.tables) addTable(ws, t);
  for (const w of plan.columnWidths) ws.getColumn(w.column).width = w.width;
  const validations = (ws as unknown as { dataValidations: Validations }).dataValidations;
  for (const v of plan.validations) {
    const alert = v.alert ? { showErrorMessage: true, errorStyle: v.alert.style, errorTitle: v.alert.title, error: v.alert.message } : {};
    if ('list' in v.rule) validations.add(v.range, { type: 'list', allowBlank: true, formulae: [`"${v.rule.list.join(',')}"`], ...alert });
    else if ('decimalMin' in v.rule) validations.add(v.range, { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [v.rule.decimalMin], ...alert });
    else validations.add(v.range, { type: 'whole', operator: 'between', allowBlank: true, formulae: [v.rule.whole.min, v.rule.whole.max], ...alert });
  }
  for (const cf of plan.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{ type: 'expression', priority: 1, formulae: [cf.formula], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${cf.fill}` } }, font: { color: { argb: `FF${cf.font}` }, ...(cf.bold ? { bold: true } : {}) } } }],
    });
  }
  const ps = plan.pageSetup;
  if (ps) {
    ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: ps.fitToWidth, fitToHeight: ps.fitToHeight, ...(ps.printArea ? { printArea: ps.printArea } : {}) };
    if (ps.leftHeader || ps.rightHeader || ps.centerFooter) ws.headerFooter = { oddHeader: `&L${ps.leftHeader ?? ''}&R${ps.rightHeader ?? ''}`, oddFooter: `&C${ps.centerFooter ?? ''}` };
  }
  return ws;
}

/** Draws the plans' sheets, in order, into a new ExcelJS workbook. */
export function renderWorkbook(wb: ExcelJS.Workbook, plans: SheetPlan[], options: { created?: Date; fullCalcOnLoad?: boolean } = {}): ExcelJS.Workbook {
  wb.creator = 'Suivi CES ESS';
  if (options.created) wb.created = options.created;
  // Excel recomputes every formula on opening: the file carries formulas, not stale results.
  if (options.fullCalcOnLoad) wb.calcProperties = { fullCalcOnLoad: true };
  for (const p of plans) renderSheet(wb, p);
  return wb;
}

/** The workbook's bytes, with the native charts of the plans that have some. */
export async function workbookBytes(wb: ExcelJS.Workbook, plans: SheetPlan[]): Promise<Uint8Array> {
  let bytes: Uint8Array = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  for (const p of plans) if (p.charts.length) bytes = await addNativeCharts(bytes, p);
  return bytes;
}
