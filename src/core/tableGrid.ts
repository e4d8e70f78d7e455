/**
 * A table's data cells as the core reads them, whether the host gave arrays of rows (every host but
 * the .xlsx reader, and tests) or a compact store (the .xlsx reader, columns.ts). The model reads
 * through tableGrid(); TableSnapshot.rows stays what it was for every other reader: a compact
 * table makes its arrays on first use of `rows` (and from then on is an ordinary table).
 */
import { isBlank, type CellValue, type TableSnapshot } from './snapshot';

/**
 * What a cell holds, told without making its value (a shared string stays bytes): blank (empty, or
 * white space only), a text that is not blank, or another value (read it with `get`).
 */
export const BLANK = 0;
export const TEXT = 1;
export const VALUE = 2;
export type CellState = typeof BLANK | typeof TEXT | typeof VALUE;

/** A value's state (the grids that hold values as they are). */
export const stateOf = (v: CellValue): CellState => (isBlank(v) ? BLANK : typeof v === 'string' ? TEXT : VALUE);

/**
 * Where a text lies as Latin-1 bytes (one byte a character): `bytes[from, to)`. Filled by a grid
 * that keeps texts so (the .xlsx reader's packed shared strings), for a reading that needs no string
 * (duplicate references: a million distinct ones made strings only to be hashed).
 */
export interface ByteSpan {
  bytes: Uint8Array;
  from: number;
  to: number;
}

/** Row `r` (0-based among the data rows), column `c` (0-based in the table). */
export interface CellGrid {
  readonly rowCount: number;
  readonly width: number;
  get(r: number, c: number): CellValue;
  /** What `get(r, c)` would give, without making it: the model reads every line's cells, and most need no more. */
  state(r: number, c: number): CellState;
  /**
   * When the cell is a text the grid keeps as Latin-1 bytes: `out` set to them (the text as `get`
   * gives it, untrimmed), true; else false, `out` untouched (read it with `get`). Absent: never.
   */
  bytes?(r: number, c: number, out: ByteSpan): boolean;
  /** True when the cells cannot change after reading (a store, not arrays a caller may edit). */
  readonly fixed: boolean;
  /** The cells as arrays of rows (what TableSnapshot.rows holds). */
  toRows(): CellValue[][];
}

class RowsGrid implements CellGrid {
  readonly fixed = false;
  constructor(
    private readonly rows: CellValue[][],
    readonly width: number,
  ) {}
  get rowCount(): number {
    return this.rows.length;
  }
  get(r: number, c: number): CellValue {
    return this.rows[r][c] ?? null;
  }
  state(r: number, c: number): CellState {
    return stateOf(this.get(r, c));
  }
  toRows(): CellValue[][] {
    return this.rows;
  }
}

/** Tables whose `rows` have not been asked for yet, and their cells. */
const compact = new WeakMap<TableSnapshot, CellGrid>();

/** A table whose cells stay in `grid` until someone reads or replaces `rows`. */
export function compactTable(meta: Omit<TableSnapshot, 'rows'>, grid: CellGrid): TableSnapshot {
  const { name, sheet, headerRow, firstColumn, headers, isTable, mergedCells, ...edited } = meta;
  // Same keys in the same order as a table built with its rows (JSON, structuredClone, toEqual); what
  // only an edited table has (rows under it, a renamed table, a hidden header row) after them.
  const t: TableSnapshot = { name, sheet, headerRow, firstColumn, headers, rows: [], isTable, mergedCells, ...edited };
  const settle = (rows: CellValue[][]) => {
    compact.delete(t);
    Object.defineProperty(t, 'rows', { value: rows, writable: true, enumerable: true, configurable: true });
    return rows;
  };
  Object.defineProperty(t, 'rows', {
    enumerable: true,
    configurable: true,
    get: () => settle(grid.toRows()),
    set: (rows: CellValue[][]) => settle(rows),
  });
  compact.set(t, grid);
  return t;
}

/** The table's data cells, without making arrays of rows when the host did not. */
export function tableGrid(t: TableSnapshot): CellGrid {
  return compact.get(t) ?? new RowsGrid(t.rows, t.headers.length);
}
