/** A table's rows: the body's rows as items, rows.add (at the end, or at an index, pushing cells down). */
import type { Box } from '../address';
import { notFound } from '../model/errors';
import type { RangeRef, TableModel } from '../model/types';
import { ClientObject, properties } from './clientObject';
import { TablePartCollection, type TablePart } from './tableParts';
import { Range } from './range';

/** The body's rows. */
export class TableRowCollection extends TablePartCollection<TableRow> {
  constructor(context: ClientObject['context'], t: () => TableModel | null) {
    super(context, t, (m, table) => {
      const b = m.bodyBox(table);
      return b.bottom - b.top + 1;
    });
  }

  _item({ t, i }: TablePart): TableRow {
    return new TableRow(
      this.context,
      () => {
        const b = this.context._model.bodyBox(t);
        return { sheet: t.sheet, box: { ...b, top: b.top + i, bottom: b.top + i } };
      },
      i,
    );
  }

  add(index?: number | null, values?: unknown[][]): TableRow {
    let box: Box | null = null;
    this.context._enqueue(() => {
      const t = this._t();
      if (t === null) throw notFound('table');
      box = this.context._model.addRows(t, index ?? null, values ?? null, values?.length ?? 1);
    }, values ?? null);
    return new TableRow(
      this.context,
      () => {
        const t = this._t();
        return t && box ? { sheet: t.sheet, box } : null;
      },
      index ?? -1,
    );
  }
}

export class TableRow extends ClientObject<RangeRef> {
  declare readonly index: number;
  declare readonly values: unknown[][];

  constructor(
    context: ClientObject['context'],
    r: () => RangeRef | null,
    readonly _index: number,
  ) {
    super(context, r);
  }

  getRange(): Range {
    return new Range(this.context, this._r);
  }
}

properties(TableRow, {
  index: { read: (_r, o) => o._index },
  values: {
    read: (r, o) => {
      const out: unknown[] = [];
      for (let c = r.box.left; c <= r.box.right; c++) out.push(o.context._model.value(r.sheet, r.box.top, c));
      return [out];
    },
  },
});
