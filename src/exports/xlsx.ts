/**
 * The COPIL summary as a standalone .xlsx: the "Synthèse COPIL" sheet plan (core/sheets/copil.ts),
 * and the Évolutions one (core/sheets/evolutions.ts) after it, drawn by the ExcelJS renderer (hosts/xlsx/renderPlan.ts).
 * Takes data, returns bytes (no fs): the CLI writes them, the task pane offers them as a download.
 * Totals are formulas with their cached results: Excel recomputes them on opening, and a reader
 * that does not compute (a viewer, a parser) still sees the right figures.
 * ExcelJS writes no charts: the renderer has xlsxCharts.ts add the plan's two as native chart parts.
 */
import ExcelJS from 'exceljs';
import { copilSheet } from '../core/sheets/copil';
import type { Summary } from '../core/summary';
import { renderWorkbook, workbookBytes } from '../hosts/xlsx/renderPlan';
import { evolutionsSheets } from '../core/sheets/evolutions';

/** The summary workbook's bytes. */
export async function summaryXlsx(summary: Summary): Promise<Uint8Array> {
  // report --since (issue 15): the Évolutions sheet comes second, after the charted one.
  const sheets = [copilSheet(summary), ...evolutionsSheets(summary)];
  return workbookBytes(renderWorkbook(new ExcelJS.Workbook(), sheets, { fullCalcOnLoad: true }), sheets);
}
