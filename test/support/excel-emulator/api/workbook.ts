/** The workbook and its worksheets: lookups, adding a sheet, the active sheet, the selection. */
import { A1 } from '../address';
import { EmulatorError, notFound } from '../model/errors';
import type { SheetModel } from '../model/types';
import { ClientObject, Collection, properties, strict } from './clientObject';
import { EventHandlers } from './events';
import { Range } from './range';
import { TableCollection } from './tables';
import { Worksheet } from './worksheet';

export class Workbook extends ClientObject<unknown> {
  declare readonly name: string;
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;

  constructor(context: ClientObject['context']) {
    super(context, () => context._model);
    this.worksheets = new WorksheetCollection(context);
    this.tables = new TableCollection(context, () => this.context._model.tables);
  }

  /** Excel refuses a selection that is not one range (a chart, several areas). */
  getSelectedRange(): Range {
    return new Range(this.context, () => {
      const m = this.context._model;
      if (m.selectionIsNot) throw new EmulatorError('InvalidSelection', m.selectionIsNot === 'object' ? 'The current selection is not a range.' : 'The current selection is invalid for this operation (several areas).');
      if (m.selection) return m.selection;
      if (!m.activeSheet) throw notFound('selection');
      return { sheet: m.activeSheet, box: { ...A1 } };
    });
  }

  getActiveCell(): Range {
    return new Range(this.context, () => {
      const m = this.context._model;
      if (m.selection) return { sheet: m.selection.sheet, box: { ...m.selection.box, bottom: m.selection.box.top, right: m.selection.box.left } };
      if (!m.activeSheet) throw notFound('active cell');
      return { sheet: m.activeSheet, box: { ...A1 } };
    });
  }
}

properties(Workbook, { name: { read: () => 'Classeur1.xlsx' } });

export class WorksheetCollection extends Collection<Worksheet, SheetModel> {
  readonly onChanged: EventHandlers;
  readonly onActivated: EventHandlers;

  constructor(context: ClientObject['context']) {
    super(context, () => context._model.sheets);
    this.onChanged = new EventHandlers(context, { kind: 'worksheets' });
    this.onActivated = new EventHandlers(context, { kind: 'activated' });
  }

  _item(s: SheetModel): Worksheet {
    return new Worksheet(this.context, strict(() => (this.context._model.sheets.includes(s) ? s : null), s.name));
  }

  add(name?: string): Worksheet {
    let created: SheetModel | null = null;
    this.context._enqueue(() => {
      created = this.context._model.addSheet(name);
    }, name ?? '');
    return new Worksheet(this.context, strict(() => created, name ?? 'new sheet'));
  }

  private byKey(key: string): SheetModel | undefined {
    return this.context._model.sheet(key) ?? this.context._model.sheets.find((x) => x.id === key);
  }

  getItem(key: string): Worksheet {
    return new Worksheet(this.context, strict(() => this.byKey(key), key));
  }

  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.context, () => this.byKey(key) ?? null, true);
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, strict(() => this.context._model.activeSheet, 'active worksheet'));
  }
}
