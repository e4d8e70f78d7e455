/**
 * Tables (workbook.tables, worksheet.tables): adding one over a range, lookups, and a table's
 * properties, ranges (header, body, totals) and lifecycle. Rows and columns: tableRows.ts and
 * tableColumns.ts.
 */
import { EmulatorError, notFound } from '../model/errors';
import type { RangeRef, SheetModel, TableModel } from '../model/types';
import type { Box } from '../address';
import { ClientObject, Collection, properties, strict } from './clientObject';
import { EventHandlers } from './events';
import { Range } from './range';
import { TableColumnCollection } from './tableColumns';
import { TableRowCollection } from './tableRows';

export class TableCollection extends Collection<Table, TableModel> {
  readonly onChanged: EventHandlers;

  constructor(
    context: ClientObject['context'],
    list: () => TableModel[] | null,
    private readonly _sheet?: () => SheetModel | null,
  ) {
    super(context, list);
    this.onChanged = new EventHandlers(context, { kind: 'tables', resolve: _sheet });
  }

  _item(t: TableModel): Table {
    return new Table(this.context, strict(() => (this.context._model.tables.includes(t) ? t : null), t.name));
  }

  add(address: string | Range, hasHeaders: boolean): Table {
    let created: TableModel | null = null;
    this.context._enqueue(
      () => {
        const m = this.context._model;
        let ref: RangeRef | null;
        if (typeof address === 'string') {
          const fixed = this._sheet?.();
          if (this._sheet && fixed === null) return;
          ref = m.resolve(address, fixed ?? undefined);
        } else ref = address._resolve();
        if (!ref) throw notFound('range');
        created = m.addTable(ref.sheet, ref.box, hasHeaders);
        m.changes.push({ sheet: ref.sheet, box: created.box, source: 'Local', changeType: 'RangeEdited' });
      },
      typeof address === 'string' ? address : null,
    );
    return new Table(this.context, () => created);
  }

  private byKey(key: string): TableModel | undefined {
    return (this._resolve() ?? []).find((x) => x.name.toLowerCase() === key.toLowerCase() || x.id === key);
  }

  getItem(key: string): Table {
    return new Table(this.context, strict(() => this.byKey(key), key));
  }

  getItemOrNullObject(key: string): Table {
    return new Table(this.context, () => this.byKey(key) ?? null, true);
  }

  getItemAt(i: number): Table {
    return new Table(this.context, strict(() => (this._resolve() ?? [])[i], `index ${i}`));
  }
}

export class Table extends ClientObject<TableModel> {
  declare readonly id: string;
  declare name: string;
  declare showTotals: boolean;
  declare showHeaders: boolean;
  declare style: string;

  get rows(): TableRowCollection {
    return this._child('rows', () => new TableRowCollection(this.context, () => this._resolve()));
  }
  get columns(): TableColumnCollection {
    return this._child('columns', () => new TableColumnCollection(this.context, () => this._resolve()));
  }
  get onChanged(): EventHandlers {
    return this._child('onChanged', () => new EventHandlers(this.context, { kind: 'table', resolve: () => this._resolve() }));
  }

  private range(f: (t: TableModel) => Box | null, what = 'range'): Range {
    return new Range(this.context, () => {
      const t = this._resolve();
      if (t === null) return null;
      const b = f(t);
      if (!b) throw notFound(what);
      return { sheet: t.sheet, box: b };
    });
  }
  getRange(): Range {
    return this.range((t) => (t.hiddenHeaders ? { ...t.box, top: t.box.top + 1 } : t.box));
  }
  /** A table whose header row is hidden has none: Excel refuses (to be confirmed by scriptlab/office-js-checks.yaml). */
  getHeaderRowRange(): Range {
    return this.range((t) => {
      if (t.hiddenHeaders) throw new EmulatorError('InvalidOperation', 'The table has no header row (showHeaders is false).');
      return this.context._model.headerBox(t);
    });
  }
  getDataBodyRange(): Range {
    return this.range((t) => this.context._model.bodyBox(t));
  }
  getTotalRowRange(): Range {
    return this.range((t) => (t.showTotals ? { ...t.box, top: t.box.bottom } : null), 'totals row');
  }
  delete(): void {
    this._call((t) => this.context._model.deleteTable(t));
  }
  /** Returns the cells the table held (the table itself is gone once this has run). */
  convertToRange(): Range {
    let held: RangeRef | null = null;
    this._call((t) => {
      const m = this.context._model;
      held = { sheet: t.sheet, box: t.box };
      m.tables = m.tables.filter((x) => x !== t);
    });
    return new Range(this.context, () => held);
  }
  resize(address: string | Range): void {
    this._call((t) => {
      const m = this.context._model;
      const ref = typeof address === 'string' ? m.resolve(address, t.sheet) : address._resolve();
      if (!ref || ref.sheet !== t.sheet || ref.box.top !== t.box.top) throw new EmulatorError('InvalidArgument', 'The header row must stay in place.');
      t.box = ref.box;
    });
  }
}

properties(Table, {
  id: { read: (t) => t.id },
  name: { read: (t) => t.name, write: (t, v: string, o) => o.context._model.renameTable(t, v) },
  showTotals: { read: (t) => t.showTotals, write: (t, v: boolean, o) => o.context._model.setShowTotals(t, v) },
  showHeaders: { read: (t) => t.hiddenHeaders === undefined, write: (t, v: boolean, o) => o.context._model.setShowHeaders(t, v) },
  style: { read: (t) => t.style, write: (t, v: string) => (t.style = v) },
});
