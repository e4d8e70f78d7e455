/**
 * The COPIL summary as a standalone .xlsx: the "Synthèse COPIL" sheet plan rendered with ExcelJS.
 * Takes data, returns bytes (no fs): the CLI writes them, the task pane offers them as a download.
 * Totals are formulas with their cached results: Excel recomputes them on opening, and a reader
 * that does not compute (a viewer, a parser) still sees the right figures.
 * ExcelJS writes no charts: xlsxCharts.ts adds the plan's two as native chart parts.
 */
import ExcelJS from 'exceljs';
import { buildSummarySheet, type SheetCell, type SheetText, type SummarySheetPlan } from '../core/summarySheet';
import type { Summary } from '../core/summary';
import { addNativeCharts } from './xlsxCharts';
import { addEvolutionsSheet } from './evolutionsXlsx';
import { cellAddress } from '../core/snapshot';

const TEXT_STYLE: Record<SheetText['style'], Partial<ExcelJS.Font>> = {
  title: { bold: true, size: 16, color: { argb: 'FF1F4E79' } },
  subtitle: { size: 11, color: { argb: 'FF404040' } },
  warning: { bold: true, size: 11, color: { argb: 'FFC00000' } },
  note: { italic: true, size: 10, color: { argb: 'FF595959' } },
  section: { bold: true, size: 12, color: { argb: 'FF1F4E79' } },
};

function toExcel(v: SheetCell): ExcelJS.CellValue {
  if (v !== null && typeof v === 'object') return { formula: v.formula, result: v.result ?? undefined } as ExcelJS.CellFormulaValue;
  return v;
}

/** Writes the plan into a worksheet (which should be empty). */
export function renderSummarySheet(ws: ExcelJS.Worksheet, plan: SummarySheetPlan): void {
  plan.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const t of plan.cells) {
    const cell = ws.getCell(t.address);
    cell.value = t.value;
    cell.font = TEXT_STYLE[t.style];
  }
  for (const t of plan.tables) {
    ws.addTable({
      name: t.name,
      ref: cellAddress(t.headerRow, t.firstColumn),
      headerRow: true,
      totalsRow: t.totals !== null,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: t.columns.map((c, i) => {
        const total = t.totals?.[i] ?? null;
        const style: Partial<ExcelJS.Style> = {};
        if (c.numberFormat) style.numFmt = c.numberFormat;
        if (c.wrap) style.alignment = { wrapText: true, vertical: 'top' };
        if (i === 0) return { name: c.header, filterButton: true, totalsRowLabel: typeof total === 'string' ? total : undefined, style };
        if (total !== null && typeof total === 'object') {
          return { name: c.header, filterButton: true, totalsRowFunction: 'custom', totalsRowFormula: total.formula, totalsRowResult: total.result ?? undefined, style };
        }
        // A total that cannot add up ("n.d. (CDC 2016 non fixé)"): a text formula, so the totals row still says why.
        if (typeof total === 'string') {
          return { name: c.header, filterButton: true, totalsRowFunction: 'custom', totalsRowFormula: `"${total.replace(/"/g, '""')}"`, totalsRowResult: total, style };
        }
        return { name: c.header, filterButton: true, totalsRowFunction: 'none', style };
      }) as ExcelJS.TableColumnProperties[],
      rows: t.rows.map((r) => r.map(toExcel)),
    });
    // Long headers (the rates) wrap rather than widen the whole column.
    const header = ws.getRow(t.headerRow);
    t.columns.forEach((_, i) => (header.getCell(t.firstColumn + i).alignment = { wrapText: true, vertical: 'middle' }));
  }
  const ps = plan.pageSetup;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: ps.fitToWidth,
    fitToHeight: ps.fitToHeight,
    printArea: ps.printArea,
  };
  ws.headerFooter = { oddHeader: `&L${ps.leftHeader}&R${ps.rightHeader}`, oddFooter: `&C${ps.centerFooter}` };
}

/** The summary workbook's bytes. */
export async function summaryXlsx(summary: Summary): Promise<Uint8Array> {
  const plan = buildSummarySheet(summary);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Suivi CES ESS';
    wb.calcProperties = { fullCalcOnLoad: true };
  const ws = wb.addWorksheet(plan.sheet, { views: [{ state: 'normal', showGridLines: false }] });
  renderSummarySheet(ws, plan);
  addEvolutionsSheet(wb, summary); // report --since (issue 15): a second sheet, after the charted one
  const buf = await wb.xlsx.writeBuffer();
  return addNativeCharts(new Uint8Array(buf as ArrayBuffer), plan);
}

