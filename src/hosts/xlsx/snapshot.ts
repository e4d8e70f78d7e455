/**
 * ExcelJS workbook → the core's snapshot, with no Node import (no fs, no zip guard), so the browser
 * preview can use it on a file the user picked as well as the CLI on a file on disk.
 */
import ExcelJS from 'exceljs';
import { userTables } from '../../core/contract';
import { findHeaderRow } from '../../core/model';
import { cellAddress, type CellValue, type TableSnapshot, type WorkbookSnapshot } from '../../core/snapshot';
import { matchKey } from '../../core/text';

type ExcelValue = ExcelJS.CellValue;

/** ExcelJS's many value shapes → the core's few. */
export function toCellValue(v: ExcelValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  const o = v as unknown as Record<string, unknown>;
  if ('error' in o) return { error: String(o.error) };
  if ('richText' in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('formula' in o || 'sharedFormula' in o) {
    const result = o.result as ExcelValue | undefined;
    if (result === undefined || result === null) return { uncalculated: `=${String(o.formula ?? o.sharedFormula)}` };
    return toCellValue(result);
  }
  if ('text' in o) return toCellValue(o.text as ExcelValue);
  return String(v);
}

function parseRef(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref);
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { left: col(m[1]), top: Number(m[2]), right: col(m[3] ?? m[1]), bottom: Number(m[4] ?? m[2]) };
}

function readCell(ws: ExcelJS.Worksheet, row: number, col: number, merged: string[]): CellValue {
  const cell = ws.findCell(row, col);
  if (!cell) return null;
  if (cell.type === ExcelJS.ValueType.Merge) {
    merged.push(cellAddress(row, col));
    return null;
  }
  if (cell.type === ExcelJS.ValueType.Formula) {
    // cell.value drops falsy results (a formula worth 0 would look uncalculated): read the model.
    const m = cell.model as unknown as { formula?: string; sharedFormula?: string; result?: ExcelValue };
    if (m.result === undefined || m.result === null) return { uncalculated: `=${m.formula ?? m.sharedFormula ?? ''}` };
    return toCellValue(m.result);
  }
  return toCellValue(cell.value);
}

function readRange(ws: ExcelJS.Worksheet, name: string, top: number, left: number, right: number, bottom: number, isTable: boolean): TableSnapshot {
  const merged: string[] = [];
  const headers: string[] = [];
  for (let c = left; c <= right; c++) {
    const h = readCell(ws, top, c, merged);
    headers.push(h === null ? '' : typeof h === 'string' ? h : String(h));
  }
  const rows: CellValue[][] = [];
  for (let r = top + 1; r <= bottom; r++) {
    const row: CellValue[] = [];
    for (let c = left; c <= right; c++) row.push(readCell(ws, r, c, merged));
    rows.push(row);
  }
  return { name, sheet: ws.name, headerRow: top, firstColumn: left, headers, rows, isTable, mergedCells: merged };
}

/** The last row of a plain range: the row before the first fully blank one. */
function rangeBottom(ws: ExcelJS.Worksheet, top: number, left: number, right: number): number {
  let r = top;
  const last = ws.rowCount;
  while (r < last) {
    const next = r + 1;
    let blank = true;
    for (let c = left; c <= right && blank; c++) {
      const v = toCellValue(ws.findCell(next, c)?.value);
      if (!(v === null || (typeof v === 'string' && v.trim() === ''))) blank = false;
    }
    if (blank) break;
    r = next;
  }
  return r;
}

export function snapshotOf(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const tables: TableSnapshot[] = [];
  for (const ws of wb.worksheets) {
    const wsTables = (ws as unknown as { tables: Record<string, { table: { name: string; tableRef?: string; ref?: string; headerRow?: boolean; totalsRow?: boolean } }> }).tables ?? {};
    for (const t of Object.values(wsTables)) {
      const model = t.table;
      const box = parseRef(model.tableRef ?? model.ref ?? '');
      if (!box) continue;
      const bottom = box.bottom - (model.totalsRow ? 1 : 0);
      tables.push(readRange(ws, model.name, box.top, box.left, box.right, bottom, true));
    }
  }
  // A contract table that is not an Excel table (lost on a copy, or typed by hand): read the range
  // under its headers all the same, and the core reports that the table itself is missing.
  for (const def of userTables) {
    if (tables.some((t) => matchKey(t.name) === matchKey(def.name))) continue;
    const ws = wb.worksheets.find((w) => [def.sheet.fr, def.sheet.en].some((n) => matchKey(n) === matchKey(w.name)));
    if (!ws) continue;
    const firstRows: CellValue[][] = [];
    const width = Math.min(ws.columnCount, 60);
    for (let r = 1; r <= Math.min(ws.rowCount, 30); r++) {
      const row: CellValue[] = [];
      for (let c = 1; c <= width; c++) row.push(toCellValue(ws.findCell(r, c)?.value));
      firstRows.push(row);
    }
    const at = findHeaderRow(def, firstRows);
    if (!at) continue;
    let right = at.column;
    while (right < width && firstRows[at.row - 1][right] !== null) right++;
    tables.push(readRange(ws, def.name, at.row, at.column, right, rangeBottom(ws, at.row, at.column, right), false));
  }
  return { sheets: wb.worksheets.map((w) => w.name), tables };
}
