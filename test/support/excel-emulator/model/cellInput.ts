/**
 * What Excel makes of a value written through Range.values or Range.formulas, in a French-locale
 * Excel: a leading "=" (or "+", "-", "@" that is not a number) starts a formula, a numeric string
 * becomes a number, "31/12/2015" a date, a leading apostrophe keeps the rest as text.
 */
import { invalidArgument } from './errors';
import type { Scalar } from './types';

/** Excel's 1900 date system: days since 1899-12-30. */
export function dateToSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

export interface ParsedInput {
  value: Scalar | null;
  formula?: string;
  quotePrefix?: true;
  /** The number format Excel gives a cell that had none when a date is typed into it. */
  dateFormat?: string;
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2}))?$/;
const PERCENT = /^[+-]?\d+(\.\d+)?%$/;

/** The cell content for `input` (not null or undefined: those leave the cell as it is). Throws InvalidArgument for what Excel refuses. */
export function parseInput(input: unknown): ParsedInput {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw invalidArgument();
    return { value: input };
  }
  if (typeof input === 'boolean') return { value: input };
  // A Date object is refused by Office.js: the add-in writes serial numbers.
  if (typeof input !== 'string') throw invalidArgument();
  return parseText(input);
}

function parseText(input: string): ParsedInput {
  if (input === '') return { value: null };
  if (input.startsWith("'")) return { value: input.slice(1) === '' ? null : input.slice(1), quotePrefix: true };
  if (input.startsWith('=') && input.length > 1) return { value: null, formula: input };
  const t = input.trim();
  if (NUMERIC.test(t)) return { value: Number(t) };
  const date = FRENCH_DATE.exec(t);
  if (date) {
    const [, d, mo, y, h, mi] = date;
    return { value: dateToSerial(new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0)))), dateFormat: h ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy' };
  }
  if (PERCENT.test(t)) return { value: Number(t.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  if (/^[+\-@]/.test(input) && input.length > 1) return { value: null, formula: `=${input.startsWith('@') ? input.slice(1) : input}` };
  return { value: input };
}
