/** Range.dataValidation: one rule per range (Excel refuses a second over the same cells until cleared). */
import { contains, intersects } from '../address';
import { EmulatorError } from '../model/errors';
import type { RangeRef, ValidationModel } from '../model/types';
import { ClientObject, properties } from './clientObject';

const RULE_TYPES: Record<string, string> = { list: 'List', decimal: 'Decimal', wholeNumber: 'WholeNumber', date: 'Date', custom: 'Custom', textLength: 'TextLength', time: 'Time' };

export class DataValidation extends ClientObject<RangeRef> {
  declare rule: Record<string, unknown>;
  declare readonly type: string;
  declare errorAlert: Record<string, unknown>;
  declare prompt: Record<string, unknown>;
  declare readonly ignoreBlanks: boolean;
  declare readonly valid: boolean;

  clear(): void {
    this._call((e) => {
      e.sheet.validations = e.sheet.validations.filter((x) => !intersects(x.box, e.box));
    });
  }
}

/** The validation over the range's cells, if any. */
const found = (e: RangeRef): ValidationModel | undefined => e.sheet.validations.find((v) => intersects(v.box, e.box));

/** errorAlert and prompt: settings of the validation found, ignored where there is none. */
const setting = (key: 'errorAlert' | 'prompt', byDefault: Record<string, unknown>) => ({
  read: (e: RangeRef) => found(e)?.[key] ?? byDefault,
  write: (e: RangeRef, v: Record<string, unknown>) => {
    const f = found(e);
    if (f) f[key] = v;
  },
});

properties(DataValidation, {
  rule: {
    read: (e) => found(e)?.rule ?? {},
    write: (e, v: Record<string, unknown>) => {
      if (Object.keys(v).length !== 1) throw new EmulatorError('InvalidArgument', 'A data validation rule has exactly one type.');
      e.sheet.validations = e.sheet.validations.filter((x) => !contains(e.box, x.box));
      if (e.sheet.validations.some((x) => intersects(x.box, e.box))) throw new EmulatorError('InvalidOperation', 'The range already holds another data validation: clear it first.');
      e.sheet.validations.push({ box: e.box, rule: v });
    },
  },
  type: { read: (e) => RULE_TYPES[Object.keys(found(e)?.rule ?? {})[0] ?? ''] ?? 'None' },
  errorAlert: setting('errorAlert', { showAlert: true, style: 'Stop', message: '', title: '' }),
  prompt: setting('prompt', { showPrompt: false, message: '', title: '' }),
  ignoreBlanks: { read: () => true },
  valid: { read: () => true },
});
