/**
 * Where a contract table stands in a snapshot: the table itself (by name, or as the host found it
 * by its sheet and headers), its columns (by header, in either language and the words ledgers use),
 * its rows (extent.ts), its ranges for findings about the whole table, and, for hosts that found
 * no Excel table, the header row among a sheet's first rows. model.ts (check) and
 * versions/lines.ts (diff, close) both read through locate(): one reading.
 */
import { headerKeys, type TableDef } from './contract';
import { extent } from './extent';
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

/** "Engagé (k€)", "Versé (en milliers d'euros)", "Prévu (KEUR)": an amount in thousands, never read as euros. */
const THOUSANDS = /\(?\s*(en\s+)?(k\s*€|k\s*eur(os)?|milliers?\s+d\s*['’]?\s*(€|euros?))\s*\)?/i;

/** A header's key once its thousands unit is taken off, or null when it names none. */
function thousandsKey(h: string): string | null {
  return THOUSANDS.test(h) ? matchKey(h.replace(THOUSANDS, ' ')) : null;
}

/** The amount columns whose absence makes amounts unknown (n.d.), not zero: a warning names them. */
const NOTED_WHEN_ABSENT = new Set(['convention.amount', 'financements.committed', 'financements.paid']);

/** Which snapshot column holds each column of the def; reports the ambiguous, the thousands and the absent. */
function locateColumns(def: TableDef, table: TableSnapshot, r: Reader): { columns: Record<string, number>; ignored: string[] } {
  const keys = table.headers.map((h) => matchKey(h ?? ''));
  const columns: Record<string, number> = {};
  const ignored: string[] = [];
  const headerCell = (i: number): Ref => ({ sheet: table.sheet, cell: cellAddress(table.headerRow, table.firstColumn + i) });
  for (const c of def.columns) {
    const accepted = headerKeys(c);
    const found = keys.flatMap((k, i) => (accepted.includes(k) ? [i] : []));
    columns[c.key] = found.length ? found[0] : -1;
    if (found.length > 1) {
      const cells = found.map((i) => headerCell(i).cell);
      r.emit('workbook.column-duplicate', { sheet: table.sheet, cell: `${cells[0]}:${cells[cells.length - 1]}` }, { table: def.name, column: c.header.fr, headers: found.map((i) => table.headers[i]), cells });
    }
    if (found.length) continue;
    // An amount column in thousands is named, never read: its amounts are unknown.
    const inThousands = c.kind === 'amount' ? table.headers.findIndex((h) => { const k = thousandsKey(h ?? ''); return k !== null && accepted.includes(k); }) : -1;
    if (inThousands >= 0) {
      ignored.push(table.headers[inThousands]);
      r.emit('workbook.column-thousands', headerCell(inThousands), { table: def.name, column: c.header.fr, text: table.headers[inThousands] });
    } else if (c.required) r.emit('workbook.column-missing', headerRange(table), { table: def.name, column: c.header.fr });
    else if (NOTED_WHEN_ABSENT.has(`${def.key}.${c.key}`)) r.emit('workbook.column-optional-missing', headerRange(table), { table: def.name, column: c.header.fr });
  }
  return { columns, ignored };
}

/**
 * Finds the table, its columns and its rows; reports the missing table, a table found another way
 * (a range, a renamed table, a hidden header row), the columns that are missing, doubled or in
 * thousands, and the rows that are no data (extent.ts). Emits through `r` (lines.ts passes a
 * reader that keeps nothing: the check says it once).
 */
export function locate(snapshot: WorkbookSnapshot, def: TableDef, r: Reader): LocatedTable | undefined {
  const table = findTable(snapshot, def);
  if (!table) {
    r.emit('workbook.table-missing', { sheet: def.sheet.fr, cell: 'A1' }, { table: def.name, sheet: def.sheet.fr, variant: 'absent' });
    return undefined;
  }
  if (!table.isTable) r.emit('workbook.table-missing', headerRange(table), { table: def.name, sheet: table.sheet, variant: 'range' });
  else if (table.foundAs) r.emit('workbook.table-renamed', headerRange(table), { table: def.name, sheet: table.sheet, text: table.foundAs });
  if (table.headerHidden) r.emit('workbook.header-hidden', headerRange(table), { table: def.name, sheet: table.sheet });
  const { columns, ignored } = locateColumns(def, table, r);
  const { rowCount, skip, read } = extent(def, table, columns, r);
  if (ignored.length) read.ignoredColumns = ignored;
  return { def, table, columns, rowCount, skip, read };
}

/** A reader that keeps nothing: for a second reading (diff, close) whose findings the check already gives. */
export const silentReader: Reader = { emit: () => undefined };

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

/** Whether a table's headers hold every required column of `def` (a renamed table is recognised so). */
export function headersFit(def: TableDef, headers: readonly (string | null | undefined)[]): boolean {
  const keys = headers.map((h) => (typeof h === 'string' ? matchKey(h) : ''));
  return def.columns.filter((c) => c.required).every((c) => keys.some((k) => headerKeys(c).includes(k)));
}
