/** A custom conditional format (ExcelApi 1.6): its rule's formula, and the fill and font it applies. */
import { EmulatorError } from '../model/errors';
import type { ConditionalFormatModel } from '../model/types';
import { ClientObject, properties } from './clientObject';

export class CustomConditionalFormat extends ClientObject<ConditionalFormatModel> {
  get rule(): ConditionalRule {
    return this._child('rule', () => new ConditionalRule(this.context, this._r));
  }
  get format(): ConditionalRangeFormat {
    return this._child('format', () => new ConditionalRangeFormat(this.context, this._r));
  }
}

export class ConditionalRule extends ClientObject<ConditionalFormatModel> {
  declare formula: string;
  declare readonly formulaLocal: string;
}

properties(ConditionalRule, {
  formula: {
    read: (cf) => cf.formula ?? '',
    write: (cf, v: string) => {
      if (!v.startsWith('=')) throw new EmulatorError('InvalidArgument', 'A conditional format formula starts with "=".');
      cf.formula = v;
    },
  },
  formulaLocal: { read: (cf) => cf.formula ?? '' },
});

export class ConditionalRangeFormat extends ClientObject<ConditionalFormatModel> {
  get fill(): ConditionalStyle {
    return this._child('fill', () => new ConditionalStyle(this.context, this._r, 'fill'));
  }
  get font(): ConditionalStyle {
    return this._child('font', () => new ConditionalStyle(this.context, this._r, 'font'));
  }
}

export class ConditionalStyle extends ClientObject<ConditionalFormatModel> {
  declare color: string;
  declare bold: boolean;

  constructor(
    context: ClientObject['context'],
    r: () => ConditionalFormatModel | null,
    readonly _which: 'fill' | 'font',
  ) {
    super(context, r);
  }
}

properties(ConditionalStyle, {
  color: {
    read: (cf, o) => (o._which === 'fill' ? cf.fill : cf.fontColor) ?? null,
    write: (cf, v: string, o) => (o._which === 'fill' ? (cf.fill = v) : (cf.fontColor = v)),
  },
  bold: { read: (cf) => cf.bold ?? false, write: (cf, v: boolean) => (cf.bold = v) },
});
