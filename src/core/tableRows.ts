/**
 * The lines of a contract table (Convention, Actions, Financements…) read into the model: each cell
 * read once (its finding emitted where it stands), the typed values kept by column (cents in a
 * Float64Array, years and funders as small integers, unreadable cells as one bit each) and each line
 * a small object that reads them back. When the host's cells cannot change (the .xlsx reader's
 * store), texts and plain amounts are read again from them instead of being kept twice. 1 000 000
 * financing lines are about 45 bytes a line, not the 180 of an object of values per line; cell
 * addresses are made only when a finding asks.
 */
import type { ColumnKind, TableDef } from './contract';
import { cellText, type CellReader } from './cellReader';
import type { FunderKey, LocatedTable, Ref, Row } from './modelTypes';
import { cellAddress, isBlank, type CellValue } from './snapshot';
import { tableGrid, type CellGrid } from './tableGrid';

/** readCellNumber's exact path: a number that is its cents over 100 (most amounts), never negative. */
function plainCents(raw: CellValue): number | undefined {
  if (typeof raw !== 'number') return undefined;
  const c = Math.round(raw * 100);
  return c / 100 === raw && c >= 0 && c < 1e15 ? c + 0 : undefined;
}

/** One table's typed values, by the def's column index k; a column the table lacks has none. */
class LineStore {
  /** Amounts (NaN: none). With a fixed grid only the amounts plainCents does not give, by line, in `aside`. */
  readonly amounts: (Float64Array | null)[];
  readonly aside: (Map<number, number> | null)[];
  /** Years, or funder numbers into `funderKeys` (1-based); 0: none. */
  readonly small: (Uint16Array | null)[];
  /** Other values (dates, ids), and texts when the grid may change. */
  readonly values: (unknown[] | null)[];
  readonly funderKeys: FunderKey[] = [];
  private readonly funderNumbers = new Map<FunderKey, number>();
  /** Unreadable cells: bit k for the def's column k. */
  readonly bad: Uint16Array | Uint32Array;

  constructor(
    readonly loc: LocatedTable,
    readonly grid: CellGrid,
    /** The grid column of each def column (-1: absent). */
    readonly at: number[],
  ) {
    const n = grid.rowCount;
    const kinds = loc.def.columns.map((c, k) => (at[k] < 0 ? null : c.kind));
    const stored = (kind: ColumnKind | null) => kind !== null && !(grid.fixed && (kind === 'text' || kind === 'amount'));
    this.amounts = kinds.map((kind) => (kind === 'amount' && stored(kind) ? new Float64Array(n).fill(NaN) : null));
    this.aside = kinds.map((kind) => (kind === 'amount' && !stored(kind) ? new Map() : null));
    this.small = kinds.map((kind) => (kind === 'year' || kind === 'funder' ? new Uint16Array(n) : null));
    this.values = kinds.map((kind) => (kind !== 'amount' && kind !== 'year' && kind !== 'funder' && stored(kind) ? new Array<unknown>(n) : null));
    this.bad = kinds.length > 16 ? new Uint32Array(n) : new Uint16Array(n);
  }

  set(k: number, i: number, v: unknown): void {
    const kind = this.loc.def.columns[k].kind;
    if (kind === 'amount') {
      if (this.amounts[k]) this.amounts[k]![i] = v as number;
      else if (plainCents(this.grid.get(i, this.at[k])) !== v) this.aside[k]!.set(i, v as number);
    } else if (kind === 'year') this.small[k]![i] = v as number;
    else if (kind === 'funder') {
      let no = this.funderNumbers.get(v as FunderKey);
      if (no === undefined) this.funderNumbers.set(v as FunderKey, (no = this.funderKeys.push(v as FunderKey)));
      this.small[k]![i] = no;
    } else if (this.values[k]) this.values[k]![i] = v;
  }

  amount(k: number, i: number): number | undefined {
    const a = this.amounts[k];
    if (a !== null) {
      const x = a[i];
      return x === x ? x : undefined;
    }
    // A cell that gave no amount is blank or holds no plain number: plainCents gives none either.
    return this.at[k] < 0 ? undefined : (plainCents(this.grid.get(i, this.at[k])) ?? this.aside[k]!.get(i));
  }

  year(k: number, i: number): number | undefined {
    const x = this.small[k]?.[i] ?? 0;
    return x === 0 ? undefined : x;
  }

  funder(k: number, i: number): FunderKey | undefined {
    const x = this.small[k]?.[i] ?? 0;
    return x === 0 ? undefined : this.funderKeys[x - 1];
  }

  text(k: number, i: number): string | undefined {
    const a = this.values[k];
    if (a !== null) return a[i] as string | undefined;
    return this.at[k] < 0 ? undefined : cellText(this.grid.get(i, this.at[k]));
  }

  value(k: number, i: number): unknown {
    return this.values[k]?.[i];
  }
}

/** A line: its values are its own properties (`v` is the line itself), read from its table's store. */
abstract class Line<T> implements Row<T> {
  // Declared, not defined as class fields: a million lines are made, and defining fields costs more than assigning them.
  protected declare readonly t: LineStore;
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

/** A getter per kind, each its own function, so that each stays specialised to its kind. */
function getter(kind: ColumnKind, k: number): (this: Line<unknown>) => unknown {
  type Inside = { t: LineStore; index: number };
  switch (kind) {
    case 'amount':
      return function (this: Line<unknown>) {
        return (this as unknown as Inside).t.amount(k, this.index);
      };
    case 'year':
      return function (this: Line<unknown>) {
        return (this as unknown as Inside).t.year(k, this.index);
      };
    case 'funder':
      return function (this: Line<unknown>) {
        return (this as unknown as Inside).t.funder(k, this.index);
      };
    case 'text':
      return function (this: Line<unknown>) {
        return (this as unknown as Inside).t.text(k, this.index);
      };
    default:
      return function (this: Line<unknown>) {
        return (this as unknown as Inside).t.value(k, this.index);
      };
  }
}

/** One class per contract table, made once: every model's lines of that table share its shape (the rules stay fast). */
const lineClasses = new Map<TableDef, LineClass>();
function lineClass(def: TableDef): LineClass {
  let C = lineClasses.get(def);
  if (!C) {
    C = class extends Line<unknown> {};
    def.columns.forEach((c, k) => Object.defineProperty(C!.prototype, c.key, { get: getter(c.kind, k), configurable: true }));
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

export function readRows<T>(loc: LocatedTable | undefined, r: CellReader): Row<T>[] {
  if (!loc) return [];
  const { def, table, columns } = loc;
  const grid = tableGrid(table);
  const n = grid.rowCount;
  const store = new LineStore(loc, grid, def.columns.map((c) => columns[c.key]));
  const TableLine = lineClass(def);
  const merged = table.mergedCells?.length ? new Set(table.mergedCells) : undefined;
  const present = def.columns.map((c, k) => k).filter((k) => columns[def.columns[k].key] >= 0);
  const idx = present.map((k) => columns[def.columns[k].key]);
  const headers = idx.map((ci) => table.headers[ci]);
  // Sized once for every row, cut to the lines kept: no copies while it grows (a million lines).
  const out = new Array<Row<T>>(n);
  let kept = 0;
  const raws = new Array<CellValue>(present.length);
  const at = new Cursor(table.sheet);
  for (let i = 0; i < n; i++) {
    // An empty row inside a table is harmless (Excel users leave them): skip it.
    let empty = true;
    for (let p = 0; p < idx.length; p++) if (!isBlank((raws[p] = grid.get(i, idx[p])))) empty = false;
    if (empty) continue;
    at.row = table.headerRow + 1 + i;
    for (let p = 0; p < present.length; p++) {
      const k = present[p];
      const c = def.columns[k];
      const raw = raws[p];
      at.col = table.firstColumn + idx[p];
      if (isBlank(raw)) {
        if (c.required) r.emit('cell.required', at, { column: headers[p], variant: merged?.has(at.cell) ? 'merged' : 'blank' });
        continue;
      }
      const val = r.read(c, raw, at, headers[p]);
      if (val !== undefined) store.set(k, i, val);
      else store.bad[i] |= 1 << k;
    }
    out[kept++] = new TableLine(store, i) as unknown as Row<T>;
  }
  out.length = kept;
  return out;
}
