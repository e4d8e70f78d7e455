/**
 * A table's cells stored by column, for hosts that read large tables (the .xlsx reader): no array or
 * object per row, numbers in typed arrays, strings as indexes into the workbook's shared strings.
 * 1 000 000 financing lines take about 30 bytes a line here instead of about 150 as arrays of rows.
 *
 * Each column has the form most of its values take: whole numbers (Int32), numbers (Float64) or
 * strings (Int32 codes). The few values of another kind (the header's text over a column of
 * numbers, a formula's error, a date, a text typed in an amount column) are kept aside by row; a
 * column where they stop being few becomes mixed (a plain array of its values: rare, and no more
 * than a table as arrays of rows costs).
 */
import { isBlank, type CellValue } from './snapshot';
import { BLANK, stateOf, TEXT, VALUE, type ByteSpan, type CellGrid, type CellState } from './tableGrid';

/**
 * A workbook's shared strings as a store reads them: an array, or a host's packed table (a million
 * distinct references cost 40 MB as strings, 16 MB as bytes). `at(i)` undefined: not kept.
 */
export interface StringTable {
  readonly length: number;
  at(i: number): string | undefined;
  /** Whether `at(i)` is undefined or white space only, told without making the string (a table that keeps bytes). */
  blank?(i: number): boolean;
  /** When string i is kept as Latin-1 bytes: `out` set to them, true; else false (read it with `at`). */
  bytes?(i: number, out: ByteSpan): boolean;
}

const EMPTY = 0;
const INT = 1;
const NUM = 2;
const STR = 3;
const MIXED = 4;

/** Blank in an INT column (no whole number takes it: it goes to a NUM column). */
const NO_INT = -2147483648;
/** String codes: ≥ 0 a shared string's index, -1 blank, ≤ -2 a string of the column's own (-2 - code). */
const NO_STR = -1;

/** Rows up to which a store grows by doubling (past them, to its whole range). */
const FEW_ROWS = 65_536;

/** Values a column takes in its main form before its first value of another kind stops changing that form. */
const SETTLED = 16;

/** A shared string kept aside: the strings may not be read yet. */
class Shared {
  constructor(readonly index: number) {}
}
type Aside = CellValue | Shared;

const kindOf = (v: Aside): number =>
  typeof v === 'number' ? ((v | 0) === v && v !== NO_INT && !Object.is(v, -0) ? INT : NUM) : typeof v === 'string' || v instanceof Shared ? STR : EMPTY;

function grown<A extends Int32Array | Float64Array | Uint8Array>(a: A | null, make: (n: number) => A, size: number, fill: number): A {
  const b = make(size);
  if (fill !== 0) b.fill(fill);
  if (a) b.set(a as never);
  return b;
}

class Column {
  kind = EMPTY;
  /** Values stored in the main form (a count, for choosing that form). */
  main = 0;
  /** INT values or STR codes. */
  ints: Int32Array | null = null;
  /** NUM values (NaN blank). */
  nums: Float64Array | null = null;
  /** A MIXED column's values. */
  mixed: Aside[] | null = null;
  /** Values not of the main form, by row. */
  aside: Map<number, Aside> | null = null;
  /**
   * The last row ever set aside (-1: none): a row below it is past every value aside, so it needs no
   * look there. A table's header (a text over a column of numbers) is aside, and every number under
   * it took the slow path for that alone.
   */
  asideLast = -1;
  /** Strings that are no shared string (inline strings, formula results). */
  own: string[] = [];

  constructor(size: number) {
    this.resize(size);
  }

  resize(size: number): void {
    if (this.kind === INT || this.kind === STR) this.ints = grown(this.ints, (n) => new Int32Array(n), size, this.kind === INT ? NO_INT : NO_STR);
    else if (this.kind === NUM) this.nums = grown(this.nums, (n) => new Float64Array(n), size, NaN);
    else if (this.kind === MIXED) {
      this.mixed ??= [];
      while (this.mixed.length < size) this.mixed.push(null);
    }
  }

  private code(v: string | Shared): number {
    return v instanceof Shared ? v.index : -2 - (this.own.push(v) - 1);
  }

  /** The raw value at row r: a number, a string or a Shared, another value, or null. */
  raw(r: number): Aside {
    switch (this.kind) {
      case INT: {
        const v = this.ints![r];
        if (v !== NO_INT) return v;
        break;
      }
      case NUM: {
        const v = this.nums![r];
        if (v === v) return v;
        break;
      }
      case STR: {
        const v = this.ints![r];
        if (v !== NO_STR) return v >= 0 ? new Shared(v) : this.own[-2 - v];
        break;
      }
      case MIXED:
        return this.mixed![r];
    }
    return this.aside?.get(r) ?? null;
  }

  put(r: number, v: Aside, rows: number, size: number): void {
    if (this.kind === MIXED) return void (this.mixed![r] = v);
    if (v !== null) {
      const k = kindOf(v);
      // A first value, a whole-number column meeting a fraction, or a form not settled yet: the form changes.
      if (k !== EMPTY && k !== this.kind && !(this.kind === NUM && k === INT) && (this.kind === EMPTY || (this.kind === INT && k === NUM) || this.main < SETTLED)) {
        this.become(k, rows, size);
      }
    }
    this.store(r, v);
    if (this.aside && this.aside.size > Math.max(64, this.main / 8)) this.become(MIXED, rows, size);
  }

  /** Stores v in the main form when it fits it, else aside. */
  private store(r: number, v: Aside): void {
    const k = v === null ? EMPTY : kindOf(v);
    // A date, a boolean, an error or a formula without result has no main form (EMPTY): always aside, even in a column holding nothing else yet.
    const fits = v !== null && k !== EMPTY && (k === this.kind || (this.kind === NUM && k === INT));
    this.aside?.delete(r);
    if (this.kind === INT) this.ints![r] = fits ? (v as number) : NO_INT;
    else if (this.kind === NUM) this.nums![r] = fits ? (v as number) : NaN;
    else if (this.kind === STR) this.ints![r] = fits ? this.code(v as string | Shared) : NO_STR;
    if (fits) this.main++;
    else if (v !== null) {
      (this.aside ??= new Map()).set(r, v);
      if (r > this.asideLast) this.asideLast = r;
    }
  }

  /** Takes the form `kind`, every value kept (those that do not fit it set aside). */
  private become(kind: number, rows: number, size: number): void {
    const values: Aside[] = [];
    for (let r = 0; r < rows; r++) values.push(this.raw(r));
    this.kind = kind;
    this.main = 0;
    this.ints = this.nums = null;
    this.mixed = null;
    this.aside = null;
    this.asideLast = -1;
    this.resize(size);
    for (let r = 0; r < rows; r++) {
      if (kind === MIXED) this.mixed![r] = values[r];
      else if (values[r] !== null) this.store(r, values[r]);
    }
  }
}

export class ColumnStore {
  private readonly columns: Column[] = [];
  private capacity = 0;
  /** Rows up to the last one written. */
  rowCount = 0;
  /** Columns up to the last one written. */
  width = 0;
  /** The workbook's shared strings, when known (they may come after the cells that use them). */
  sharedStrings: StringTable = [];

  /** `maxRows`: the rows the store can ever hold (a table's range); its arrays grow up to it as rows come. */
  constructor(private readonly maxRows = Infinity) {}

  /**
   * Room for row `r` in every column: doubling while the rows are few, then straight to the
   * table's full range (a table's range is what its rows fill), so that a million rows leave no
   * trail of outgrown arrays behind them. A range with no end (a ledger's sheet) keeps doubling.
   */
  private ensure(r: number): void {
    if (r < this.capacity) return;
    const doubled = Math.max(r + 1, this.capacity * 2, 1024);
    const size = doubled > FEW_ROWS && this.maxRows < Infinity ? Math.max(this.maxRows, r + 1) : Math.min(doubled, Math.max(this.maxRows, r + 1));
    for (const col of this.columns) col.resize(size);
    this.capacity = size;
  }

  private write(r: number, c: number, v: Aside): void {
    this.ensure(r);
    if (r >= this.rowCount) this.rowCount = r + 1;
    if (c >= this.width) this.width = c + 1;
    while (this.columns.length <= c) this.columns.push(new Column(this.capacity));
    this.columns[c].put(r, v, this.rowCount, this.capacity);
  }

  /** Stores a value (null blanks the cell). */
  set(r: number, c: number, v: CellValue): void {
    // The hot case (a number in a settled column of numbers, below anything set aside) written straight, without the checks of put.
    const col = r < this.capacity ? this.columns[c] : undefined;
    if (col !== undefined && r > col.asideLast && typeof v === 'number' && col.main >= SETTLED) {
      if (col.kind === NUM || (col.kind === INT && (v | 0) === v && v !== NO_INT && !Object.is(v, -0))) {
        if (r >= this.rowCount) this.rowCount = r + 1;
        if (col.kind === NUM) col.nums![r] = v;
        else col.ints![r] = v;
        col.main++;
        return;
      }
    }
    this.write(r, c, v);
  }

  /** Stores shared string `index`, read from the shared strings once they are known. */
  setShared(r: number, c: number, index: number): void {
    // The hot case (a settled column of strings, below anything set aside): the index is the code, no object made per cell.
    const col = r < this.capacity ? this.columns[c] : undefined;
    if (col !== undefined && col.kind === STR && r > col.asideLast && col.main >= SETTLED) {
      if (r >= this.rowCount) this.rowCount = r + 1;
      col.ints![r] = index;
      col.main++;
      return;
    }
    this.write(r, c, new Shared(index));
  }

  /** Blanks a cell already within the rows and columns written (a merge never widens the store). */
  clear(r: number, c: number): void {
    const col = this.columns[c];
    if (col !== undefined && r < this.rowCount) col.put(r, null, this.rowCount, this.capacity);
  }

  /** Forgets the rows from `rows` on (a plain range that ended before them). */
  truncate(rows: number): void {
    for (let r = rows; r < this.rowCount; r++) for (const col of this.columns) col.put(r, null, this.rowCount, this.capacity);
    this.rowCount = Math.min(this.rowCount, rows);
  }

  /**
   * Whether the cell at row `r`, column `c` holds a string that is not read yet: a shared string,
   * before the workbook's shared strings are (they come after the sheets), is a value all the same.
   */
  pendingString(r: number, c: number): boolean {
    const col = this.columns[c];
    if (col === undefined || r >= this.rowCount || this.sharedStrings.length > 0) return false;
    if (col.kind === STR) return col.ints![r] >= 0;
    return col.raw(r) instanceof Shared;
  }

  /** The cell at row `r`, column `c` (0-based), null when blank or never written. */
  get(r: number, c: number): CellValue {
    const col = this.columns[c];
    if (col === undefined || r >= this.rowCount) return null;
    // The hot cases first: a number or a string in a column of its kind.
    const kind = col.kind;
    if (kind === STR) {
      const code = col.ints![r];
      if (code >= 0) return this.sharedStrings.at(code) ?? null;
      if (code < NO_STR) return col.own[-2 - code];
    } else if (kind === INT) {
      const v = col.ints![r];
      if (v !== NO_INT) return v;
    } else if (kind === NUM) {
      const v = col.nums![r];
      if (v === v) return v;
    }
    const v = col.raw(r);
    return v instanceof Shared ? (this.sharedStrings.at(v.index) ?? null) : v;
  }

  /** What `get(r, c)` would give (see CellState): a shared string is not made a string to tell it. */
  state(r: number, c: number): CellState {
    const col = this.columns[c];
    if (col === undefined || r >= this.rowCount) return BLANK;
    const kind = col.kind;
    if (kind === STR) {
      const code = col.ints![r];
      if (code >= 0) {
        const table = this.sharedStrings;
        return (table.blank ? table.blank(code) : isBlank(table.at(code) ?? null)) ? BLANK : TEXT;
      }
      if (code < NO_STR) return isBlank(col.own[-2 - code]) ? BLANK : TEXT;
    } else if (kind === INT) {
      if (col.ints![r] !== NO_INT) return VALUE;
    } else if (kind === NUM) {
      const v = col.nums![r];
      if (v === v) return VALUE;
    }
    return stateOf(this.get(r, c));
  }

  /** A shared string the table keeps as bytes (see CellGrid.bytes); false for any other cell. */
  bytes(r: number, c: number, out: ByteSpan): boolean {
    const col = this.columns[c];
    if (col === undefined || r >= this.rowCount || col.kind !== STR) return false;
    const code = col.ints![r];
    const table = this.sharedStrings;
    return code >= 0 && table.bytes !== undefined && table.bytes(code, out);
  }

  /** Rows `from` … `from + count - 1` as a table's data cells. */
  grid(from: number, count: number, width: number): CellGrid {
    return new StoreGrid(this, from, count, width);
  }
}

class StoreGrid implements CellGrid {
  readonly fixed = true;
  constructor(
    private readonly store: ColumnStore,
    private readonly from: number,
    readonly rowCount: number,
    readonly width: number,
  ) {}
  get(r: number, c: number): CellValue {
    return this.store.get(this.from + r, c);
  }
  state(r: number, c: number): CellState {
    return this.store.state(this.from + r, c);
  }
  bytes(r: number, c: number, out: ByteSpan): boolean {
    return this.store.bytes(this.from + r, c, out);
  }
  toRows(): CellValue[][] {
    const rows: CellValue[][] = new Array(this.rowCount);
    for (let r = 0; r < this.rowCount; r++) {
      const row = new Array<CellValue>(this.width);
      for (let c = 0; c < this.width; c++) row[c] = this.get(r, c);
      rows[r] = row;
    }
    return rows;
  }
}
