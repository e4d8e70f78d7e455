/**
 * Range: values, formulas and number formats read and written as Excel does (a write parses its
 * input; reads over 5 million cells fail), ranges derived from a range, copyFrom, select, clear.
 */
import { MAX_ROWS, type Box } from '../address';
import { EmulatorError, notFound } from '../model/errors';
import type { RangeRef, SheetModel } from '../model/types';
import { ClientObject, properties } from './clientObject';
import { ConditionalFormat, ConditionalFormatCollection } from './conditionalFormats';
import { DataValidation } from './dataValidation';
import { RangeFormat } from './format';

export class Range extends ClientObject<RangeRef> {
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare values: unknown[][];
  declare formulas: unknown[][];
  declare readonly formulasLocal: unknown[][];
  declare numberFormat: unknown[][];
  declare readonly valueTypes: string[][];
  declare readonly text: string[][];
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly cellCount: number;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;

  /** One value per cell of the range, refused over Excel's cell limit. */
  _grid<T>(e: RangeRef, f: (s: SheetModel, r: number, c: number) => T): T[][] {
    const { box } = e;
    if ((box.bottom - box.top + 1) * (box.right - box.left + 1) > this.context._emu.cellLimit) throw new EmulatorError('RangeExceedsLimit', 'The number of cells in the range has exceeded the maximum supported number.');
    const out: T[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: T[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(f(e.sheet, r, c));
      out.push(row);
    }
    return out;
  }

  /** A write through values or formulas: parsed as typed, and an edit event (source Local). */
  _writeCells(e: RangeRef, v: unknown[][]): void {
    const m = this.context._model;
    m.writeBlock(e.sheet, e.box, v);
    m.changes.push({ sheet: e.sheet, box: e.box, source: 'Local', changeType: 'RangeEdited' });
  }

  get format(): RangeFormat {
    return this._child('format', () => new RangeFormat(this.context, () => this._resolve()));
  }

  get conditionalFormats(): ConditionalFormatCollection {
    return this._child('conditionalFormats', () => new ConditionalFormatCollection(this.context, () => this._resolve()));
  }

  get dataValidation(): DataValidation {
    return this._child('dataValidation', () => new DataValidation(this.context, () => this._resolve()));
  }

  private derived(f: (b: Box) => Box): Range {
    return new Range(this.context, () => {
      const e = this._resolve();
      return e === null ? null : { sheet: e.sheet, box: f(e.box) };
    });
  }

  getCell(row: number, col: number): Range {
    return this.derived((b) => ({ top: b.top + row, left: b.left + col, bottom: b.top + row, right: b.left + col }));
  }
  getRow(i: number): Range {
    return this.derived((b) => ({ ...b, top: b.top + i, bottom: b.top + i }));
  }
  getColumn(i: number): Range {
    return this.derived((b) => ({ ...b, left: b.left + i, right: b.left + i }));
  }
  getLastRow(): Range {
    return this.derived((b) => ({ ...b, top: b.bottom }));
  }
  getResizedRange(dRows: number, dCols: number): Range {
    return this.derived((b) => ({ ...b, bottom: b.bottom + dRows, right: b.right + dCols }));
  }
  getOffsetRange(dRows: number, dCols: number): Range {
    return this.derived((b) => ({ top: b.top + dRows, bottom: b.bottom + dRows, left: b.left + dCols, right: b.right + dCols }));
  }
  /** Range.getRowsBelow (ExcelApi 1.2): `count` rows under the range, its columns; past the sheet's last row Excel refuses. */
  getRowsBelow(count = 1): Range {
    return this.derived((b) => {
      if (b.bottom + count > MAX_ROWS) throw new EmulatorError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      return { ...b, top: b.bottom + 1, bottom: b.bottom + count };
    });
  }
  /** Range.getUsedRangeOrNullObject (ExcelApi 1.4): the smallest box of this range holding every used cell; a null object when none. */
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(
      this.context,
      () => {
        const e = this._resolve();
        const used = e === null ? null : this.context._model.usedBox(e.sheet, valuesOnly, e.box);
        return e === null || used === null ? null : { sheet: e.sheet, box: used };
      },
      true,
    );
  }
  getEntireColumn(): Range {
    return this.derived((b) => ({ ...b, top: 1, bottom: MAX_ROWS }));
  }

  /** Range.copyFrom (ExcelApi 1.9): the source's cells (values and formats, or values only) onto this range's top-left corner. */
  copyFrom(source: Range | string, copyType: string = 'All'): void {
    this._call((e) => {
      const m = this.context._model;
      const src = typeof source === 'string' ? m.resolve(source, e.sheet) : source._resolve();
      if (!src) throw notFound('source range');
      m.copyCells(src, e, copyType);
    });
  }

  select(): void {
    this._call((e) => this.context._model.select(e));
  }

  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this._call((e) => this.context._model.clearRange(e, applyTo));
  }
}

const rows = (e: RangeRef) => e.box.bottom - e.box.top + 1;
const columns = (e: RangeRef) => e.box.right - e.box.left + 1;

properties(Range, {
  address: { read: (e, o) => o.context._model.address(e.sheet, e.box) },
  addressLocal: { read: (e, o) => o.context._model.address(e.sheet, e.box) },
  values: { read: (e, o) => o._grid(e, (s, r, c) => o.context._model.value(s, r, c)), write: (e, v, o) => o._writeCells(e, v) },
  formulas: { read: (e, o) => o._grid(e, (s, r, c) => o.context._model.formula(s, r, c)), write: (e, v, o) => o._writeCells(e, v) },
  formulasLocal: { read: (e, o) => o._grid(e, (s, r, c) => o.context._model.formula(s, r, c)) },
  numberFormat: {
    read: (e, o) => o._grid(e, (s, r, c) => o.context._model.cell(s, r, c)?.numberFormat ?? 'General'),
    write: (e, v: unknown[][], o) =>
      o.context._model.writeBlock(e.sheet, e.box, v, (s, r, c, f) => {
        if (f !== null && f !== undefined) o.context._model.cellForWrite(s, r, c).numberFormat = String(f);
      }),
  },
  valueTypes: { read: (e, o) => o._grid(e, (s, r, c) => o.context._model.valueType(s, r, c)) },
  text: { read: (e, o) => o._grid(e, (s, r, c) => String(o.context._model.value(s, r, c))) },
  rowCount: { read: rows },
  columnCount: { read: columns },
  cellCount: { read: (e) => rows(e) * columns(e) },
  rowIndex: { read: (e) => e.box.top - 1 },
  columnIndex: { read: (e) => e.box.left - 1 },
});

// A conditional format's range: declared here, where Range is, so that conditionalFormats.ts need
// not import this file that imports it (module augmentation, as in TypeScript's handbook).
declare module './conditionalFormats' {
  interface ConditionalFormat {
    getRange(): Range;
  }
}
ConditionalFormat.prototype.getRange = function (this: ConditionalFormat): Range {
  return new Range(this.context, () => {
    const cf = this._resolve();
    return cf ? { sheet: cf.sheet, box: cf.box } : null;
  });
};
