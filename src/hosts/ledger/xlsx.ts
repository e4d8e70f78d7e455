/**
 * XLSX ledgers from an ExcelJS workbook already loaded: no file system and no zip guard here, so
 * the browser preview can call it on a file the user picked (after its own checks); the CLI goes
 * through file.ts, which reads the bytes with the streaming reader (hosts/xlsx/reader.ts).
 */
import type ExcelJS from 'exceljs';
import { parseLedgerRows, type LedgerParseOptions, type LedgerParseResult, type LedgerProblem } from '../../core/reconcile/ledger';
import type { CellValue } from '../../core/snapshot';
import { toCellValue } from '../xlsx/snapshot';

export type LedgerWorkbookOptions = Omit<LedgerParseOptions, 'kind' | 'decimal' | 'sheet' | 'firstRow' | 'firstColumn' | 'lineNumbers'>;

/** A sheet as a grid of core values, from A1; ExcelJS's sparse rows become null cells. */
export function gridOf(ws: ExcelJS.Worksheet): CellValue[][] {
  const grid: CellValue[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: CellValue[] = new Array(width).fill(null);
    const xr = ws.findRow(r);
    if (xr) {
      for (let c = 1; c <= width; c++) {
        const cell = xr.findCell(c);
        if (!cell || cell.type === 1 /* ExcelJS.ValueType.Merge */) continue;
        row[c - 1] = toCellValue(cell.value);
      }
    }
    grid.push(row);
  }
  return grid;
}

/** The first sheet that reads as a ledger; otherwise the most telling problem (the sheet with the most headers). */
export function parseLedgerWorkbook(wb: ExcelJS.Workbook, options: LedgerWorkbookOptions = {}): LedgerParseResult {
  let problem: LedgerProblem = { kind: 'empty' };
  const weight = (p: LedgerProblem) => (p.kind === 'empty' ? 0 : 'headersFound' in p ? 1 + p.headersFound.length : 1);
  for (const ws of wb.worksheets) {
    const r = parseLedgerRows(gridOf(ws), { ...options, sheet: ws.name, kind: 'xlsx' });
    if (r.ok) return r;
    // A mapping error is the user's to fix whatever the sheet: report it first.
    if (r.problem.kind === 'unknown-map-field') return r;
    if (weight(r.problem) > weight(problem)) problem = r.problem;
  }
  return { ok: false, problem };
}
