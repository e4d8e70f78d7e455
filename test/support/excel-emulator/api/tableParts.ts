/** What a table's rows and columns share: a collection of one table's parts, by position. */
import type { TableModel } from '../model/types';
import type { WorkbookModel } from '../model/workbook';
import { COUNT, Collection, properties, type ClientObject } from './clientObject';

/** A row of a table's body, or a column, by position. */
export interface TablePart {
  t: TableModel;
  i: number;
}

export abstract class TablePartCollection<I extends ClientObject> extends Collection<I, TablePart> {
  declare readonly count: number;

  constructor(
    context: ClientObject['context'],
    protected readonly _t: () => TableModel | null,
    howMany: (m: WorkbookModel, t: TableModel) => number,
  ) {
    super(context, () => {
      const t = _t();
      return t === null ? null : Array.from({ length: Math.max(0, howMany(context._model, t)) }, (_, i) => ({ t, i }));
    });
  }
}

properties(TablePartCollection, COUNT);
