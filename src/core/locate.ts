/**
 * Where a contract table stands in a snapshot: the table itself (by name), its columns (by header,
 * in either language), its ranges for findings about the whole table, and, for hosts that found no
 * Excel table, the header row among a sheet's first rows.
 */
import { headerKeys, type TableDef } from './contract';
import type { LocatedTable, Reader, Ref } from './modelTypes';
import { cellAddress, type CellValue, type TableSnapshot, type WorkbookSnapshot } from './snapshot';
import { tableGrid } from './tableGrid';
import { matchKey } from './text';

export function findTable(snapshot: WorkbookSnapshot, def: TableDef): TableSnapshot | undefined {
  const key = matchKey(def.name);
  return snapshot.tables.find((t) => matchKey(t.name) === key);
}

/** The header row's range (findings about a table's columns). */
export function headerRange(t: TableSnapshot): Ref {
  return { sheet: t.sheet, cell: `${cellAddress(t.headerRow, t.firstColumn)}:${cellAddress(t.headerRow, t.firstColumn + Math.max(0, t.headers.length - 1))}` };
}

/** The whole table, header and data rows (at least one data row, as Excel keeps one). */
export function tableRange(t: TableSnapshot): Ref {
  const lastRow = t.headerRow + Math.max(1, tableGrid(t).rowCount);
  return { sheet: t.sheet, cell: `${cellAddress(t.headerRow, t.firstColumn)}:${cellAddress(lastRow, t.firstColumn + Math.max(0, t.headers.length - 1))}` };
}

/** Maps the def's columns to the snapshot's; reports the missing table and the missing required columns. */
export function locate(snapshot: WorkbookSnapshot, def: TableDef, r: Reader): LocatedTable | undefined {
  const table = findTable(snapshot, def);
  if (!table) {
    r.emit('workbook.table-missing', { sheet: def.sheet.fr, cell: 'A1' }, { table: def.name, sheet: def.sheet.fr, variant: 'absent' });
    return undefined;
  }
  if (!table.isTable) {
    r.emit('workbook.table-missing', headerRange(table), { table: def.name, sheet: table.sheet, variant: 'range' });
  }
  const keys = table.headers.map((h) => matchKey(h ?? ''));
  const columns: Record<string, number> = {};
  const missing: string[] = [];
  for (const c of def.columns) {
    const accepted = headerKeys(c);
    const i = keys.findIndex((k) => accepted.includes(k));
    columns[c.key] = i;
    if (i < 0 && c.required) missing.push(c.header.fr);
  }
  for (const m of missing) r.emit('workbook.column-missing', headerRange(table), { table: def.name, column: m });
  return { def, table, columns };
}

/** Where a host that found no Excel table may find the header row: the first of the sheet's first rows that holds every required header. */
export function findHeaderRow(def: TableDef, firstRows: CellValue[][]): { row: number; column: number } | null {
  const required = def.columns.filter((c) => c.required).map(headerKeys);
  for (let r = 0; r < firstRows.length; r++) {
    const keys = firstRows[r].map((v) => (typeof v === 'string' ? matchKey(v) : ''));
    if (required.every((acc) => keys.some((k) => acc.includes(k)))) {
      const first = keys.findIndex((k) => k !== '');
      return { row: r + 1, column: first + 1 };
    }
  }
  return null;
}
