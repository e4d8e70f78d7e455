/**
 * A table's data cells as the core reads them, whether the host gave arrays of rows (every host but
 * the .xlsx reader, and tests) or a compact store (the .xlsx reader, columns.ts). The model reads
 * through tableGrid(); TableSnapshot.rows stays what it was for every other reader: a compact
 * table makes its arrays on first use of `rows` (and from then on is an ordinary table).
 */
import type { CellValue, TableSnapshot } from './snapshot';

/** Row `r` (0-based among the data rows), column `c` (0-based in the table). */
export interface CellGrid {
  readonly rowCount: number;
  readonly width: number;
  get(r: number, c: number): CellValue;
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
