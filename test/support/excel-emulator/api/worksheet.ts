/**
 * Worksheet: name, position, visibility, page layout, freeze panes, activation, copy, and the
 * ranges, tables and charts of a sheet. Also the way back to a sheet from its ranges and tables.
 */
import { A1, MAX_COLUMNS, MAX_ROWS, boxAddress } from '../address';
import type { RangeRef, SheetModel } from '../model/types';
import { ClientObject, properties } from './clientObject';
import { ChartCollection } from './charts';
import { EventHandlers } from './events';
import { Range } from './range';
import { RangeAreas } from './rangeAreas';
import { settingsObject } from './settings';
import { Table, TableCollection } from './tables';

export class Worksheet extends ClientObject<SheetModel> {
  declare name: string;
  declare readonly id: string;
  declare position: number;
  declare visibility: string;
  declare readonly tabColor: string;
  declare showGridlines: boolean;

  get tables(): TableCollection {
    return this._child('tables', () =>
      new TableCollection(
        this.context,
        () => {
          const s = this._resolve();
          return s === null ? null : this.context._model.tables.filter((t) => t.sheet === s);
        },
        () => this._resolve(),
      ),
    );
  }

  get charts(): ChartCollection {
    return this._child('charts', () => new ChartCollection(this.context, () => this._resolve()));
  }

  get onChanged(): EventHandlers {
    return this._child('onChanged', () => new EventHandlers(this.context, { kind: 'worksheet', resolve: () => this._resolve() }));
  }

  get pageLayout(): Record<string, unknown> {
    return this._child('pageLayout', () =>
      settingsObject(this.context, () => this._resolve()?.pageLayout ?? null, {
        setPrintArea: (rec, area) => (rec.printArea = typeof area === 'string' ? area : boxAddress((area as Range)._resolve()!.box)),
      }),
    );
  }

  get freezePanes(): { freezeRows(n: number): void; unfreeze(): void } {
    return {
      freezeRows: (n: number) => this._call((s) => (s.frozenRows = n)),
      unfreeze: () => this._call((s) => (s.frozenRows = 0)),
    };
  }

  activate(): void {
    this._call((s) => {
      this.context._model.activate(s);
      this.context._emu._fire({ kind: 'activated' }, { type: 'WorksheetActivated', worksheetId: s.id });
    });
  }

  delete(): void {
    this._call((s) => this.context._model.deleteSheet(s));
  }

  /** Worksheet.copy (ExcelApi 1.7): "End" or "After" another sheet. */
  copy(positionType?: string, relativeTo?: Worksheet): Worksheet {
    let created: SheetModel | null = null;
    this._call((s) => {
      const after = positionType === 'After' && relativeTo ? (relativeTo._resolve() ?? undefined) : undefined;
      created = this.context._model.copySheet(s, after);
    });
    return new Worksheet(this.context, () => created);
  }

  /** A range of this sheet, resolved at sync; null on a null sheet. */
  private on(f: (s: SheetModel) => RangeRef | null, nullable = false): Range {
    return new Range(
      this.context,
      () => {
        const s = this._resolve();
        return s === null ? null : f(s);
      },
      nullable,
    );
  }

  getRange(address?: string): Range {
    return this.on((s) => (address === undefined || address === '' ? { sheet: s, box: { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS } } : this.context._model.resolve(address, s)));
  }

  /** Worksheet.getRanges (ExcelApi 1.9): "A1:A3,C5,F7:F9", a multi-area range. */
  getRanges(address: string): RangeAreas {
    return new RangeAreas(this.context, () => {
      const s = this._resolve();
      if (s === null) return null;
      const boxes = address.split(',').map((a) => this.context._model.resolve(a.trim(), s).box);
      return { sheet: s, box: boxes[0], areas: boxes };
    });
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): Range {
    return this.on((s) => ({ sheet: s, box: { top: row + 1, left: col + 1, bottom: row + rowCount, right: col + colCount } }));
  }

  getCell(row: number, col: number): Range {
    return this.getRangeByIndexes(row, col, 1, 1);
  }

  /** Excel answers A1 for an empty sheet. */
  getUsedRange(valuesOnly = false): Range {
    return this.on((s) => ({ sheet: s, box: this.context._model.usedBox(s, valuesOnly) ?? { ...A1 } }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this.on((s) => {
      const b = this.context._model.usedBox(s, valuesOnly);
      return b ? { sheet: s, box: b } : null;
    }, true);
  }
}

properties(Worksheet, {
  name: { read: (s) => s.name, write: (s, v: string, o) => o.context._model.renameSheet(s, v) },
  id: { read: (s) => s.id },
  position: { read: (s, o) => o.context._model.sheets.indexOf(s), write: (s, v: number, o) => o.context._model.moveSheet(s, v) },
  visibility: { read: (s) => s.visibility, write: (s, v: SheetModel['visibility'], o) => o.context._model.setVisibility(s, v) },
  tabColor: { read: (s) => s.tabColor },
  showGridlines: { write: (s, v: boolean) => (s.pageLayout.showGridlines = v) },
});

// The way back from a range or a table to its sheet: declared here, where Worksheet is, so that
// range.ts and tables.ts need not import this file that imports them (module augmentation, as in
// TypeScript's handbook).
declare module './range' {
  interface Range {
    readonly worksheet: Worksheet;
  }
}
declare module './tables' {
  interface Table {
    readonly worksheet: Worksheet;
  }
}
for (const cls of [Range, Table]) {
  Object.defineProperty(cls.prototype, 'worksheet', {
    configurable: true,
    get(this: Range | Table): Worksheet {
      return this._child('worksheet', () => new Worksheet(this.context, () => this._resolve()?.sheet ?? null));
    },
  });
}
