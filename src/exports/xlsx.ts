/**
 * The COPIL summary as a standalone .xlsx: the "Synthèse COPIL" sheet plan (core/sheets/copil.ts)
 * drawn by the ExcelJS renderer (hosts/xlsx/renderPlan.ts).
 * Takes data, returns bytes (no fs): the CLI writes them, the task pane offers them as a download.
 * Totals are formulas with their cached results: Excel recomputes them on opening, and a reader
 * that does not compute (a viewer, a parser) still sees the right figures.
 * ExcelJS writes no charts: the renderer has xlsxCharts.ts add the plan's two as native chart parts.
 */
import ExcelJS from 'exceljs';
import { copilSheet } from '../core/sheets/copil';
import type { Summary } from '../core/summary';
import { renderWorkbook, workbookBytes } from '../hosts/xlsx/renderPlan';
import { addEvolutionsSheet } from './evolutionsXlsx';

/** The summary workbook's bytes. */
export async function summaryXlsx(summary: Summary): Promise<Uint8Array> {
  const sheet = copilSheet(summary);
  const wb = renderWorkbook(new ExcelJS.Workbook(), [sheet], { fullCalcOnLoad: true });
  addEvolutionsSheet(wb, summary); // report --since (issue 15): a second sheet, after the charted one
  return workbookBytes(wb, [sheet]);
}
