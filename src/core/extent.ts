/**
 * Where a contract table's data really ends, and which of its rows are no data: the one answer
 * `check` (model.ts), `diff` and `close` (versions/lines.ts) and the pane all read, so that an
 * edit read right by one is read the same by all.
 *
 * - An Excel table: its own rows, minus a total or subtotal line someone typed inside (an error on
 *   that row: it is never added); then the rows the host found just under it (LibreOffice never
 *   extends a table): read when they hold a value in a required column (an information says so and
 *   how to extend the table), otherwise named in a warning and left out.
 * - A plain range (no Excel table): every row down to the last one used in its columns, blank rows
 *   included (a blank row inside does not end it); its last line is an old totals row when it is
 *   labelled "Total" (left out, and said in the read report), any other total line is an error.
 */
import type { ColumnDef, TableDef } from './contract';
import type { Reader, Ref } from './modelTypes';
import type { ReadGap, TableRead } from './readReport';
import { cellAddress, type CellValue, type TableSnapshot } from './snapshot';
import { BLANK, tableGrid, type CellGrid } from './tableGrid';

/** "Total", "TOTAL Région", "Sous-total", "Subtotal", "Totaux": a line that adds others up. */
const TOTAL_LABEL = /^\s*(sous[\s-]*)?tota(l|ux)\b|^\s*sub-?totals?\b/i;

export function isTotalLabel(v: CellValue): boolean {
  if (typeof v !== 'string') return false;
  const c = v.charCodeAt(0) | 0x20;
  // The hot path (a million codes): only texts that may start a total reach the expression.
  return (c === 0x74 /* t */ || c === 0x73 /* s */ || v.charCodeAt(0) <= 0x20) && TOTAL_LABEL.test(v);
}

/** The columns a total's label stands in: the first column of the contract and the keys (funder, axis, body). */
function labelColumns(def: TableDef, columns: Record<string, number>): number[] {
  const keyed = def.columns.filter((c, k) => k === 0 || c.kind === 'funder' || c.kind === 'axis' || c.kind === 'instance');
  return [...new Set(keyed.map((c) => columns[c.key]).filter((i) => i >= 0))];
}

const rowBlank = (grid: CellGrid, i: number, cols: readonly number[]) => cols.every((c) => grid.state(i, c) === BLANK);

export interface Extent {
  /** Rows of the grid to read: 0 … rowCount − 1, minus `skip`. */
  rowCount: number;
  /** Rows within rowCount that are no data (a total line, the table's totals row, an unclear row under it). */
  skip: Set<number> | undefined;
  read: TableRead;
}

function spans(rows: number[], reason: ReadGap['reason']): ReadGap[] {
  const out: ReadGap[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.last === r - 1) {
      last.last = r;
      last.count++;
    } else out.push({ first: r, last: r, count: 1, reason });
  }
  return out;
}

/** Decides the rows of a located table (see the file's comment) and emits what the user must know. */
export function extent(def: TableDef, t: TableSnapshot, columns: Record<string, number>, r: Reader): Extent {
  const grid = tableGrid(t);
  const n = grid.rowCount;
  const present = Object.values(columns).filter((i) => i >= 0);
  const labels = labelColumns(def, columns);
  const sheetRow = (i: number) => t.headerRow + 1 + i;
  const skip = new Set<number>();
  const leftOut: ReadGap[] = [];
  const totalAt = (i: number): number => {
    for (const c of labels) if (isTotalLabel(grid.get(i, c))) return c;
    return -1;
  };
  const totalError = (i: number, c: number) => {
    skip.add(i);
    const ref: Ref = { sheet: t.sheet, cell: cellAddress(sheetRow(i), t.firstColumn + c) };
    r.emit('workbook.total-row', ref, { table: def.name, text: String(grid.get(i, c)).trim(), row: sheetRow(i) });
  };

  let own = t.isTable ? Math.min(n, t.declaredRows ?? n) : n;
  let rowCount = own;
  if (!t.isTable) {
    // A range: down to its last used row; an old totals row at its end is no data.
    while (own > 0 && rowBlank(grid, own - 1, present)) own--;
    rowCount = own;
    if (own > 0 && totalAt(own - 1) >= 0) {
      skip.add(own - 1);
      leftOut.push({ first: sheetRow(own - 1), last: sheetRow(own - 1), count: 1, reason: 'totals-row' });
      own--;
    }
  }
  for (let i = 0; i < own; i++) {
    const c = totalAt(i);
    if (c >= 0) totalError(i, c);
  }
  const totalLines = [...skip].filter((i) => i < own).map(sheetRow);
  leftOut.push(...spans(totalLines, 'total-row'));

  // The rows the host found under an Excel table.
  let below: TableRead['below'];
  if (t.isTable && n > own) {
    let from = own;
    if (t.totalsInRows) skip.add(from++);
    const required = def.columns.filter((c: ColumnDef) => c.required && columns[c.key] >= 0).map((c) => columns[c.key]);
    const readRows: number[] = [];
    const unclear: number[] = [];
    for (let i = from; i < n; i++) {
      if (rowBlank(grid, i, present)) break;
      if (totalAt(i) < 0 && !rowBlank(grid, i, required.length ? required : present)) readRows.push(i);
      else {
        skip.add(i);
        unclear.push(i);
      }
      rowCount = i + 1;
    }
    if (readRows.length) {
      const first = sheetRow(readRows[0]);
      const last = sheetRow(readRows[readRows.length - 1]);
      below = { first, last, count: readRows.length };
      const ref: Ref = { sheet: t.sheet, cell: `${cellAddress(first, t.firstColumn)}:${cellAddress(last, t.firstColumn + Math.max(0, t.headers.length - 1))}` };
      r.emit('workbook.rows-below', ref, { table: def.name, first, last, count: readRows.length });
    }
    for (const g of spans(unclear.map(sheetRow), 'below-unclear')) {
      leftOut.push(g);
      const ref: Ref = { sheet: t.sheet, cell: `${cellAddress(g.first, t.firstColumn)}:${cellAddress(g.last, t.firstColumn + Math.max(0, t.headers.length - 1))}` };
      r.emit('workbook.rows-below-unread', ref, { table: def.name, first: g.first, last: g.last, count: g.count });
    }
  }
  const lastRow = t.headerRow + Math.max(1, rowCount);
  const range = `${cellAddress(t.headerHidden ? t.headerRow + 1 : t.headerRow, t.firstColumn)}:${cellAddress(lastRow, t.firstColumn + Math.max(0, t.headers.length - 1))}`;
  const read: TableRead = {
    table: def.name,
    sheet: t.sheet,
    range,
    lines: 0,
    kind: !t.isTable ? 'range' : t.foundAs ? 'renamed' : 'table',
    ...(t.foundAs ? { foundAs: t.foundAs } : {}),
    ...(t.headerHidden ? { headerHidden: true } : {}),
    ...(below ? { below } : {}),
    leftOut,
  };
  return { rowCount, skip: skip.size ? skip : undefined, read };
}
