/** Range.format, .fill and .font: direct formatting of the cells (what the add-in sets). */
import type { Cell, RangeRef } from '../model/types';
import { ClientObject, properties } from './clientObject';

export class RangeFormat extends ClientObject<RangeRef> {
  declare columnWidth: number;
  declare wrapText: boolean;
  declare verticalAlignment: string;

  autofitColumns(): void {
    this._call(() => undefined);
  }
  autofitRows(): void {
    this._call(() => undefined);
  }
  get fill(): CellStyle {
    return this._child('fill', () => new CellStyle(this.context, this._r, 'fill'));
  }
  get font(): CellStyle {
    return this._child('font', () => new CellStyle(this.context, this._r, 'font'));
  }
}

/** Accepted and not modelled: Excel draws them, the add-in never reads them back. */
const ignored = () => undefined;

properties(RangeFormat, {
  columnWidth: {
    read: (e) => e.sheet.columnWidths.get(e.box.left) ?? 48,
    write: (e, w: number) => {
      for (let c = e.box.left; c <= e.box.right; c++) e.sheet.columnWidths.set(c, w);
    },
  },
  wrapText: { read: () => false, write: ignored },
  verticalAlignment: { write: ignored },
});

/** RangeFill and RangeFont (the properties the add-in uses). */
export class CellStyle extends ClientObject<RangeRef> {
  declare color: string;
  declare bold: boolean;
  declare italic: boolean;
  declare size: number;

  constructor(
    context: ClientObject['context'],
    r: () => RangeRef | null,
    readonly _which: 'fill' | 'font',
  ) {
    super(context, r);
  }

  protected override get _typeName(): string {
    return this._which === 'fill' ? 'RangeFill' : 'RangeFont';
  }

  /** The first cell: what Office.js answers for a uniform range. */
  _first(e: RangeRef): Cell | undefined {
    return this.context._model.cell(e.sheet, e.box.top, e.box.left);
  }

  _each(e: RangeRef, f: (c: Cell) => void): void {
    for (let r = e.box.top; r <= e.box.bottom; r++) for (let c = e.box.left; c <= e.box.right; c++) f(this.context._model.cellForWrite(e.sheet, r, c));
  }

  clear(): void {
    this._call((e) => this._each(e, (c) => (this._which === 'fill' ? delete c.fill : delete c.fontColor)));
  }
}

/** A property of every cell of the range, read from the first. */
const each = <K extends keyof Cell>(key: K, byDefault: Cell[K]) => ({
  read: (e: RangeRef, o: CellStyle) => o._first(e)?.[key] ?? byDefault,
  write: (e: RangeRef, v: Cell[K], o: CellStyle) => o._each(e, (c) => (c[key] = v)),
});

properties(CellStyle, {
  color: {
    read: (e, o) => (o._which === 'fill' ? (o._first(e)?.fill ?? '#FFFFFF') : (o._first(e)?.fontColor ?? '#000000')),
    write: (e, v: string, o) => o._each(e, (c) => (o._which === 'fill' ? (c.fill = v) : (c.fontColor = v))),
  },
  bold: each('bold', false),
  italic: each('italic', false),
  size: each('fontSize', 11),
});
