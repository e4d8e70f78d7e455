/**
 * The lines of a contract table (Convention, Actions, Financements…) read into the model: each cell
 * read once (its finding emitted where it stands), the typed values kept by column (cents in a
 * Float64Array, years and funders as small integers, unreadable cells as one bit each) and each line
 * a small object that reads them back. When the host's cells cannot change (the .xlsx reader's
 * store), texts and plain amounts are read again from them instead of being kept twice. 1 000 000
 * financing lines are about 45 bytes a line, not the 180 of an object of values per line; cell
 * addresses are made only when a finding asks.
 */
import type { ColumnDef, ColumnKind, TableDef } from './contract';
import { cellText, type CellReader } from './cellReader';
import type { FunderKey, Lines, LocatedTable, Ref, Row } from './modelTypes';
import { cellAddress, type CellValue } from './snapshot';
import { BLANK, tableGrid, TEXT, type ByteSpan, type CellGrid } from './tableGrid';

/** readCellNumber's exact path: a number that is its cents over 100 (most amounts), never negative. */
function plainCents(raw: CellValue): number | undefined {
  if (typeof raw !== 'number') return undefined;
  const c = Math.round(raw * 100);
  return c / 100 === raw && c >= 0 && c < 1e15 ? c + 0 : undefined;
}

/**
 * One column's typed values, by line. One class for every kind, so that a line's getters always
 * meet the same shape (the rules stay fast); the kind decides where values are kept.
 */
class ColumnValues {
  /** null: a column the table lacks. */
  private readonly kind: ColumnKind | null;
  /** Amounts (NaN: none); null when they are read again from a fixed grid. */
  private readonly cents: Float64Array | null = null;
  /** With a fixed grid: the amounts plainCents does not give, by line. */
  private readonly aside: Map<number, number> | null = null;
  /** Years, or funder numbers into `funderKeys` (1-based); 0: none. */
  private readonly small: Uint16Array | null = null;
  private readonly funderKeys: FunderKey[] = [];
  private readonly funderNumbers = new Map<FunderKey, number>();
  /** Other values (dates, ids), and texts when the grid may change. */
  private readonly values: unknown[] | null = null;

  constructor(
    kind: ColumnKind | null,
    n: number,
    private readonly grid: CellGrid,
    private readonly ci: number,
  ) {
    this.kind = kind;
    // A store's cells never change: texts and plain amounts are read again from it rather than kept twice.
    if (kind === 'amount') {
      if (grid.fixed) this.aside = new Map();
      else this.cents = new Float64Array(n).fill(NaN);
    } else if (kind === 'year' || kind === 'funder') this.small = new Uint16Array(n);
    else if (kind !== null && (kind !== 'text' || !grid.fixed)) this.values = new Array<unknown>(n);
  }

  /** A text column read again from a grid that cannot change: a text that is not blank is all it needs to know of a cell. */
  get textFromGrid(): boolean {
    return this.kind === 'text' && this.values === null;
  }

  /** An amount column read again from a grid that cannot change: a plain amount (plainCents) is all it needs to know of a cell. */
  get amountsFromGrid(): boolean {
    return this.aside !== null;
  }

  /** `raw`: the cell v was read from (the grid's own value: not read from it a second time). */
  set(i: number, v: unknown, raw: CellValue): void {
    if (this.cents) this.cents[i] = v as number;
    else if (this.aside) {
      if (plainCents(raw) !== v) this.aside.set(i, v as number);
    } else if (this.kind === 'funder') {
      let no = this.funderNumbers.get(v as FunderKey);
      if (no === undefined) this.funderNumbers.set(v as FunderKey, (no = this.funderKeys.push(v as FunderKey)));
      this.small![i] = no;
    } else if (this.small) this.small[i] = v as number;
    else if (this.values) this.values[i] = v;
  }

  /** Line i's value (a line's getter): the column's reader, made once. */
  get(i: number): unknown {
    return (this.read ??= this.reader())(i);
  }
  private read: ((i: number) => unknown) | undefined;

  /** Line i's value as a function made for this column's kind: no kind to test again on each line (the rules read columns through it). */
  reader(): (i: number) => unknown {
    const { cents, aside, small, values, grid, ci } = this;
    if (cents) return (i) => (cents[i] === cents[i] ? cents[i] : undefined);
    if (aside) return (i) => plainCents(grid.get(i, ci)) ?? aside.get(i);
    if (small && this.kind === 'year') return (i) => (small[i] === 0 ? undefined : small[i]);
    if (small) {
      const keys = this.funderKeys;
      return (i) => (small[i] === 0 ? undefined : keys[small[i] - 1]);
    }
    if (values) return (i) => values[i];
    return this.kind === 'text' ? (i) => cellText(grid.get(i, ci)) : () => undefined;
  }

  /** A text column read again from the grid, when the grid keeps texts as bytes: line i's bytes (see CellGrid.bytes), untrimmed; else null. */
  bytesReader(): ((i: number, out: ByteSpan) => boolean) | null {
    const { grid, ci } = this;
    if (!this.textFromGrid || grid.bytes === undefined) return null;
    return (i, out) => grid.bytes!(i, ci, out);
  }
}

/** One table's typed values: a column per column of the def (the table may lack some), and the unreadable cells. */
class LineStore {
  readonly cols: ColumnValues[];
  /** Unreadable cells: bit k for the def's column k. */
  readonly bad: Uint16Array | Uint32Array;
  constructor(readonly loc: LocatedTable) {
    const grid = tableGrid(loc.table);
    const n = loc.rowCount;
    this.cols = loc.def.columns.map((c) => {
      const ci = loc.columns[c.key];
      return new ColumnValues(ci < 0 ? null : c.kind, n, grid, ci);
    });
    this.bad = this.cols.length > 16 ? new Uint32Array(n) : new Uint16Array(n);
  }
}

/** A line: its values are its own properties (`v` is the line itself), read from its table's store. */
abstract class Line<T> implements Row<T> {
  // Declared, not defined as class fields: a million lines are made, and defining fields costs more than assigning them.
  declare readonly t: LineStore;
  declare readonly index: number;
  constructor(t: LineStore, index: number) {
    this.t = t;
    this.index = index;
  }
  get v(): Partial<T> {
    return this as unknown as Partial<T>;
  }
  get ref(): Record<keyof T, Ref> {
    const { def, table, columns } = this.t.loc;
    const sheetRow = table.headerRow + 1 + this.index;
    const ref: Record<string, Ref> = {};
    for (const c of def.columns) {
      const ci = columns[c.key];
      ref[c.key] = { sheet: table.sheet, cell: cellAddress(sheetRow, table.firstColumn + (ci >= 0 ? ci : 0)) };
    }
    return ref as Record<keyof T, Ref>;
  }
  get bad(): ReadonlySet<string> | undefined {
    const bits = this.t.bad[this.index];
    return bits === 0 ? undefined : new Set(this.t.loc.def.columns.filter((_, k) => bits & (1 << k)).map((c) => c.key));
  }
}

type LineClass = new (t: LineStore, index: number) => Line<unknown>;

/** One class per contract table, made once: every model's lines of that table share its shape. */
const lineClasses = new Map<TableDef, LineClass>();
function lineClass(def: TableDef): LineClass {
  let C = lineClasses.get(def);
  if (!C) {
    C = class extends Line<unknown> {};
    def.columns.forEach((c, k) =>
      Object.defineProperty(C!.prototype, c.key, {
        get(this: Line<unknown>) {
          return this.t.cols[k].get(this.index);
        },
        configurable: true,
      }),
    );
    lineClasses.set(def, C);
  }
  return C;
}

/**
 * Where the reader stands: one mutable object per table instead of a Ref per cell, because
 * 100 000 lines × 8 columns of address strings cost more than the whole rule pass. emit() copies
 * the address it needs, so reusing the cursor is safe.
 */
class Cursor implements Ref {
  row = 0;
  col = 0;
  constructor(readonly sheet: string) {}
  get cell(): string {
    return cellAddress(this.row, this.col);
  }
}

/**
 * A table's lines as read: their values stay in the store, and the rules that walk every line read
 * them column by column (Lines); the line objects (Row) are made only when someone asks for them,
 * all at once and then kept. A check of 1 000 000 financing lines made a million objects (47 MB)
 * that only the rules read, through a getter per value.
 */
export class TableLines<T> implements Lines<T> {
  private made: Row<T>[] | undefined;
  constructor(
    private readonly store: LineStore,
    /** Line j's row in the table's grid; null: line j is row j (no row skipped). */
    private readonly at: Int32Array | null,
    readonly length: number,
  ) {}

  private columnIndex(key: keyof T): number {
    return this.store.loc.def.columns.findIndex((c) => c.key === key);
  }

  column<K extends keyof T>(key: K): (i: number) => T[K] | undefined {
    const read = this.store.cols[this.columnIndex(key)].reader() as (i: number) => T[K] | undefined;
    const at = this.at;
    return at === null ? read : (j) => read(at[j]);
  }

  bytes(key: keyof T): ((i: number, out: ByteSpan) => boolean) | null {
    const read = this.store.cols[this.columnIndex(key)].bytesReader();
    const at = this.at;
    return read === null || at === null ? read : (j, out) => read(at[j], out);
  }

  unreadable(key: keyof T): (i: number) => boolean {
    const { bad } = this.store;
    const bit = 1 << this.columnIndex(key);
    const at = this.at;
    return at === null ? (i) => (bad[i] & bit) !== 0 : (j) => (bad[at[j]] & bit) !== 0;
  }

  ref(j: number, key: keyof T): Ref {
    const { table, columns } = this.store.loc;
    const ci = columns[key as string];
    return { sheet: table.sheet, cell: cellAddress(table.headerRow + 1 + (this.at === null ? j : this.at[j]), table.firstColumn + (ci >= 0 ? ci : 0)) };
  }

  /** The lines as objects (made once). */
  rows(): Row<T>[] {
    if (this.made) return this.made;
    const TableLine = lineClass(this.store.loc.def);
    const out = new Array<Row<T>>(this.length);
    for (let j = 0; j < this.length; j++) out[j] = new TableLine(this.store, this.at === null ? j : this.at[j]) as unknown as Row<T>;
    return (this.made = out);
  }
}

/**
 * Kinds whose reading of a text or a number depends on it alone and says nothing when it succeeds
 * (a funder's name, a year as a number or a text, an axis, a status…): a column repeats a few of
 * them on every line, and each is resolved once. Dates are left out (each line gets its own Date),
 * texts too (a trim costs less than a look-up, and references are all different).
 */
const RESOLVED_ONCE: ReadonlySet<ColumnKind> = new Set(['year', 'funder', 'axis', 'status', 'instance', 'avenant-kind']);
/** Values remembered per column at most (a column of distinct values stops filling its memo there). */
const MEMO_MAX = 4096;

/** Reads a table's cells (each finding emitted as it is met) into its lines. */
export function readLines<T>(loc: LocatedTable, r: CellReader): TableLines<T> {
  const { def, table, columns, skip } = loc;
  const grid = tableGrid(table);
  const n = loc.rowCount;
  const store = new LineStore(loc);
  const present = def.columns.map((c, k) => k).filter((k) => columns[def.columns[k].key] >= 0);
  const idx = present.map((k) => columns[def.columns[k].key]);
  // The lines: the rows that hold anything (an empty row inside a table is harmless, Excel users leave
  // them). Each line's row, sized once for every row (a million lines); dropped when no row is skipped.
  const at = new Int32Array(n);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    if (skip?.has(i)) continue;
    for (let p = 0; p < idx.length; p++) {
      if (grid.state(i, idx[p]) !== BLANK) {
        at[kept++] = i;
        break;
      }
    }
  }
  // Then column by column, each in one loop of its own kind. analyse sorts the findings by place, so
  // they come out as they did when read line by line.
  const column = new ColumnReading(loc, grid, r, store, at, kept);
  for (let p = 0; p < present.length; p++) column.read(present[p], idx[p]);
  loc.read.lines = kept;
  return new TableLines<T>(store, kept === n ? null : at.slice(0, kept), kept);
}

/** One table's columns being read into its store, line by line (see readLines). */
class ColumnReading {
  private readonly merged: Set<string> | undefined;
  private readonly cursor: Cursor;
  constructor(
    private readonly loc: LocatedTable,
    private readonly grid: CellGrid,
    private readonly r: CellReader,
    private readonly store: LineStore,
    /** The lines' rows in the grid, `count` of them. */
    private readonly lines: Int32Array,
    private readonly count: number,
  ) {
    this.merged = loc.table.mergedCells?.length ? new Set(loc.table.mergedCells) : undefined;
    this.cursor = new Cursor(loc.table.sheet);
  }

  /** The def's column k, at column ci of the table. */
  read(k: number, ci: number): void {
    const { grid, r, store, lines, count, cursor } = this;
    const { table } = this.loc;
    const c: ColumnDef = this.loc.def.columns[k];
    const header = table.headers[ci];
    const values = store.cols[k];
    const bad = store.bad;
    const bit = 1 << k;
    const textFromGrid = values.textFromGrid;
    const amountsFromGrid = values.amountsFromGrid;
    const memo = RESOLVED_ONCE.has(c.kind) ? new Map<string | number, unknown>() : null;
    const firstRow = table.headerRow + 1;
    cursor.col = table.firstColumn + ci;
    for (let j = 0; j < count; j++) {
      const i = lines[j];
      const state = grid.state(i, ci);
      if (state === BLANK) {
        if (c.required) {
          cursor.row = firstRow + i;
          r.emit('cell.required', cursor, { column: header, variant: this.merged?.has(cursor.cell) ? 'merged' : 'blank' });
        }
        continue;
      }
      // A text that is not blank, where the column reads its texts from the grid: nothing to keep, nothing to say.
      if (state === TEXT && textFromGrid) continue;
      const raw = grid.get(i, ci);
      // An amount in plain cents, where the column reads them from the grid: read as it is, nothing to keep or say (CellReader.amount's exact path).
      if (amountsFromGrid && plainCents(raw) !== undefined) continue;
      const key = memo !== null && (typeof raw === 'string' || typeof raw === 'number') ? raw : undefined;
      let val = key !== undefined ? memo!.get(key) : undefined;
      if (val === undefined) {
        cursor.row = firstRow + i;
        val = r.read(c, raw, cursor, header);
        if (val !== undefined && key !== undefined && memo!.size < MEMO_MAX) memo!.set(key, val);
      }
      if (val !== undefined) values.set(i, val, raw);
      else bad[i] |= bit;
    }
  }
}

/** Lines column by column from their rows: a model built by hand, or whose rows were made (and may have been edited). */
export function rowLines<T>(rows: readonly Row<T>[]): Lines<T> {
  return {
    length: rows.length,
    column: (key) => (i) => rows[i].v[key],
    unreadable: (key) => (i) => rows[i].bad?.has(key as string) ?? false,
    ref: (i, key) => rows[i].ref[key],
  };
}
