/** A table's columns: lookups by name or position, columns.add (on the right), a column's ranges. */
import type { Box } from '../address';
import { EmulatorError, notFound } from '../model/errors';
import type { TableModel } from '../model/types';
import { ClientObject, properties, strict } from './clientObject';
import { TablePartCollection, type TablePart } from './tableParts';
import { Range } from './range';

export class TableColumnCollection extends TablePartCollection<TableColumn> {
  constructor(context: ClientObject['context'], t: () => TableModel | null) {
    super(context, t, (m, table) => m.headers(table).length);
  }

  _item(c: TablePart): TableColumn {
    return new TableColumn(this.context, () => c);
  }

  private find(key: string | number): TablePart | null {
    const t = this._t();
    if (t === null) return null;
    const headers = this.context._model.headers(t);
    const i = typeof key === 'number' ? key - 1 : headers.findIndex((h) => h.toLowerCase() === key.toLowerCase());
    return i >= 0 && i < headers.length ? { t, i } : null;
  }

  getItem(key: string | number): TableColumn {
    return new TableColumn(this.context, strict(() => this.find(key), String(key)));
  }

  getItemOrNullObject(key: string | number): TableColumn {
    return new TableColumn(this.context, () => this.find(key), true);
  }

  getItemAt(i: number): TableColumn {
    return new TableColumn(this.context, () => {
      const t = this._t();
      if (t === null) return null;
      if (i < 0 || t.box.left + i > t.box.right) throw notFound(`column ${i}`);
      return { t, i };
    });
  }

  /** New columns on the right only (what the add-in needs); cells to the right are not moved. */
  add(index?: number | null, values?: unknown[][], name?: string): TableColumn {
    let created: TablePart | null = null;
    this.context._enqueue(() => {
      const t = this._t();
      if (t === null) throw notFound('table');
      const m = this.context._model;
      const width = t.box.right - t.box.left + 1;
      if (index !== undefined && index !== null && index !== width) throw new EmulatorError('NotImplemented', 'The emulator adds table columns on the right only.');
      const c = t.box.right + 1;
      if (m.overlapsOther(t, { ...t.box, left: c, right: c })) throw new EmulatorError('InvalidOperation', 'The new column would overlap another table.');
      t.box = { ...t.box, right: c };
      if (values) m.writeBlock(t.sheet, { ...t.box, left: c, right: c, bottom: t.box.top + values.length - 1 }, values);
      if (name) m.write(t.sheet, t.box.top, c, `'${name}`);
      if (String(m.value(t.sheet, t.box.top, c)) === '') m.write(t.sheet, t.box.top, c, `Column${width + 1}`);
      created = { t, i: width };
    }, values ?? null);
    return new TableColumn(this.context, () => created);
  }
}

export class TableColumn extends ClientObject<TablePart> {
  declare readonly name: string;
  declare readonly index: number;
  declare readonly id: number;
  declare readonly values: unknown[][];

  /** The column's part of one of the table's boxes. */
  private part(f: (t: TableModel) => Box): Range {
    return new Range(this.context, () => {
      const e = this._resolve();
      if (!e) return null;
      const b = f(e.t);
      return { sheet: e.t.sheet, box: { ...b, left: e.t.box.left + e.i, right: e.t.box.left + e.i } };
    });
  }
  getDataBodyRange(): Range {
    return this.part((t) => this.context._model.bodyBox(t));
  }
  getHeaderRowRange(): Range {
    return this.part((t) => this.context._model.headerBox(t));
  }
  getRange(): Range {
    return this.part((t) => t.box);
  }
}

properties(TableColumn, {
  name: { read: ({ t, i }, o) => o.context._model.headers(t)[i] },
  index: { read: ({ i }) => i },
  id: { read: ({ i }) => i + 1 },
  values: {
    read: ({ t, i }, o) => {
      const out: unknown[][] = [];
      for (let r = t.box.top; r <= t.box.bottom; r++) out.push([o.context._model.value(t.sheet, r, t.box.left + i)]);
      return out;
    },
  },
});
