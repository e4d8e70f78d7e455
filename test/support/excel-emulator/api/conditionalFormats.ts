/**
 * Range.conditionalFormats (and RangeAreas'): the rules over a range, newest first as in Excel's
 * rules manager, and a rule's custom formula and format (customFormat.ts).
 */
import { intersects, type Box } from '../address';
import { EmulatorError, notFound } from '../model/errors';
import { cfAreas, type ConditionalFormatModel, type RangeRef } from '../model/types';
import { ClientObject, Collection, properties } from './clientObject';
import { CustomConditionalFormat } from './customFormat';

type Areas = RangeRef & { areas?: Box[] };

export class ConditionalFormatCollection extends Collection<ConditionalFormat, ConditionalFormatModel> {
  constructor(
    context: ClientObject['context'],
    private readonly _range: () => Areas | null,
  ) {
    super(context, () => {
      const e = _range();
      if (e === null) return null;
      const mine = e.areas ?? [e.box];
      return context._model.conditionalFormats.filter((cf) => cf.sheet === e.sheet && cfAreas(cf).some((a) => mine.some((b) => intersects(a, b)))).sort((a, b) => a.priority - b.priority);
    });
  }

  _item(cf: ConditionalFormatModel): ConditionalFormat {
    return this.find(() => (this.context._model.conditionalFormats.includes(cf) ? cf : undefined), `conditional format ${cf.id}`);
  }

  private find(f: () => ConditionalFormatModel | undefined, what: string): ConditionalFormat {
    return new ConditionalFormat(this.context, () => {
      const cf = f();
      if (!cf) throw notFound(what);
      return cf;
    });
  }

  add(type: string): ConditionalFormat {
    let created: ConditionalFormatModel | null = null;
    this.context._enqueue(() => {
      const e = this._range();
      if (e === null) return;
      const m = this.context._model;
      // A new rule goes first, as in Excel's rules manager.
      for (const cf of m.conditionalFormats) if (cf.sheet === e.sheet) cf.priority++;
      created = { id: m.id('CF'), sheet: e.sheet, box: e.box, ...(e.areas && e.areas.length > 1 ? { areas: e.areas } : {}), type, priority: 0 };
      m.conditionalFormats.push(created);
    }, type);
    return new ConditionalFormat(this.context, () => created);
  }

  clearAll(): void {
    this.context._enqueue(() => {
      const e = this._range();
      if (e === null) return;
      const m = this.context._model;
      m.conditionalFormats = m.conditionalFormats.filter((cf) => !(cf.sheet === e.sheet && cfAreas(cf).some((a) => intersects(a, e.box))));
    });
  }

  getItem(id: string): ConditionalFormat {
    return this.find(() => this.context._model.conditionalFormats.find((x) => x.id === id), id);
  }

  getItemAt(i: number): ConditionalFormat {
    return this.find(() => this._resolve()?.[i], `index ${i}`);
  }
}

export class ConditionalFormat extends ClientObject<ConditionalFormatModel> {
  declare readonly id: string;
  declare readonly type: string;
  declare readonly priority: number;
  declare readonly stopIfTrue: boolean;

  /** Throws at sync on a conditional format of another type, as Office.js does. */
  get custom(): CustomConditionalFormat {
    return this._child('custom', () =>
      new CustomConditionalFormat(this.context, () => {
        const cf = this._resolve();
        if (cf && cf.type !== 'Custom') throw new EmulatorError('InvalidOperation', `This conditional format is of type ${cf.type}, not Custom.`);
        return cf;
      }),
    );
  }

  get customOrNullObject(): CustomConditionalFormat {
    return this._child('customOrNullObject', () =>
      new CustomConditionalFormat(this.context, () => {
        const cf = this._resolve();
        return cf && cf.type === 'Custom' ? cf : null;
      }, true),
    );
  }

  delete(): void {
    this._call((cf) => {
      const m = this.context._model;
      m.conditionalFormats = m.conditionalFormats.filter((x) => x !== cf);
    });
  }
}

properties(ConditionalFormat, {
  id: { read: (cf) => cf.id },
  type: { read: (cf) => cf.type },
  priority: { read: (cf) => cf.priority },
  stopIfTrue: { read: () => false },
});
