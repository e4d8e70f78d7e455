/**
 * ExcelJS workbook → the core's snapshot, with no Node import (no fs, no zip guard): what the
 * browser preview uses on a file the user picked. The CLI reads files with reader.ts (streaming,
 * every producer's traits) and no longer with ExcelJS.
 */
import type ExcelJS from 'exceljs';
import { userTables } from '../../core/contract';
import { findHeaderRow } from '../../core/locate';
import { cellAddress, type CellValue, type TableSnapshot, type WorkbookSnapshot } from '../../core/snapshot';
import { matchKey } from '../../core/text';
import { parseRange } from '../../core/cells';

type ExcelValue = ExcelJS.CellValue;

/** ExcelJS.ValueType's values, as constants: a type-only import keeps ExcelJS out of what loads this module. */
const MERGE = 1;
const FORMULA = 6;

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

/** An Excel table as the file declares it. */
export interface GridTable {
  name: string;
  ref: string;
  totalsRow: boolean;
}

/**
 * One sheet as the snapshot needs it, from a workbook ExcelJS loaded whole (the browser preview).
 */
export interface Grid {
  name: string;
  rowCount: number;
  columnCount: number;
  tables: GridTable[];
  value(row: number, col: number): CellValue;
  /** Covered by a merge, not its top-left master. */
  isMerged(row: number, col: number): boolean;
}

/** A cell as ExcelJS gives it (full or streaming reader) → the core's value. */
export function cellValueOf(cell: ExcelJS.Cell | undefined): CellValue {
  if (!cell) return null;
  if (cell.type === MERGE) return null;
  if (cell.type === FORMULA) {
    // cell.value drops falsy results (a formula worth 0 would look uncalculated): read the model.
    const m = cell.model as unknown as { formula?: string; sharedFormula?: string; result?: ExcelValue };
    if (m.result === undefined || m.result === null) return { uncalculated: `=${m.formula ?? m.sharedFormula ?? ''}` };
    // The streaming reader turns an error result into NaN and loses its code.
    if (typeof m.result === 'number' && Number.isNaN(m.result)) return { error: '#ERREUR' };
    return toCellValue(m.result);
  }
  return toCellValue(cell.value);
}

type TableModel = { table: { name: string; tableRef?: string; ref?: string; totalsRow?: boolean } };

function excelGrid(ws: ExcelJS.Worksheet): Grid {
  const tables = Object.values((ws as unknown as { tables?: Record<string, TableModel> }).tables ?? {}).map((t) => ({
    name: t.table.name,
    ref: t.table.tableRef ?? t.table.ref ?? '',
    totalsRow: !!t.table.totalsRow,
  }));
  return {
    name: ws.name,
    rowCount: ws.rowCount,
    columnCount: ws.columnCount,
    tables,
    value: (r, c) => cellValueOf(ws.findCell(r, c)),
    isMerged: (r, c) => ws.findCell(r, c)?.type === MERGE,
  };
}

function readRange(g: Grid, name: string, top: number, left: number, right: number, bottom: number, isTable: boolean): TableSnapshot {
  const merged: string[] = [];
  const read = (r: number, c: number) => {
    if (g.isMerged(r, c)) {
      merged.push(cellAddress(r, c));
      return null;
    }
    return g.value(r, c);
  };
  const headers: string[] = [];
  for (let c = left; c <= right; c++) {
    const h = read(top, c);
    headers.push(h === null ? '' : typeof h === 'string' ? h : String(h));
  }
  const rows: CellValue[][] = [];
  for (let r = top + 1; r <= bottom; r++) {
    const row: CellValue[] = [];
    for (let c = left; c <= right; c++) row.push(read(r, c));
    rows.push(row);
  }
  return { name, sheet: g.name, headerRow: top, firstColumn: left, headers, rows, isTable, mergedCells: merged };
}

/** The last row of a plain range: the row before the first fully blank one. */
function rangeBottom(g: Grid, top: number, left: number, right: number): number {
  let r = top;
  while (r < g.rowCount) {
    const next = r + 1;
    let blank = true;
    for (let c = left; c <= right && blank; c++) {
      const v = g.value(next, c);
      if (!(v === null || (typeof v === 'string' && v.trim() === ''))) blank = false;
    }
    if (blank) break;
    r = next;
  }
  return r;
}

/** The contract tables no sheet declares: their data may still stand on their sheet as a plain range. */
export function tablesWithoutExcelTable(tableNames: string[]) {
  const have = new Set(tableNames.map(matchKey));
  return userTables.filter((def) => !have.has(matchKey(def.name)));
}

export function sheetMatches(sheetName: string, def: (typeof userTables)[number]): boolean {
  return [def.sheet.fr, def.sheet.en].some((n) => matchKey(n) === matchKey(sheetName));
}

export function snapshotOfGrids(grids: Grid[]): WorkbookSnapshot {
  const tables: TableSnapshot[] = [];
  for (const g of grids) {
    for (const t of g.tables) {
      const box = parseRange(t.ref);
      if (!box) continue;
      tables.push(readRange(g, t.name, box.top, box.left, box.right, box.bottom - (t.totalsRow ? 1 : 0), true));
    }
  }
  // A contract table that is not an Excel table (lost on a copy, or typed by hand): read the range
  // under its headers all the same, and the core reports that the table itself is missing.
  for (const def of tablesWithoutExcelTable(tables.map((t) => t.name))) {
    const g = grids.find((w) => sheetMatches(w.name, def));
    if (!g) continue;
    const firstRows: CellValue[][] = [];
    const width = Math.min(g.columnCount, 60);
    for (let r = 1; r <= Math.min(g.rowCount, 30); r++) {
      const row: CellValue[] = [];
      for (let c = 1; c <= width; c++) row.push(g.value(r, c));
      firstRows.push(row);
    }
    const at = findHeaderRow(def, firstRows);
    if (!at) continue;
    let right = at.column;
    while (right < width && firstRows[at.row - 1][right] !== null) right++;
    tables.push(readRange(g, def.name, at.row, at.column, right, rangeBottom(g, at.row, at.column, right), false));
  }
  return { sheets: grids.map((g) => g.name), tables };
}

export function snapshotOf(wb: ExcelJS.Workbook): WorkbookSnapshot {
  return snapshotOfGrids(wb.worksheets.map(excelGrid));
}
