/**
 * The values a formula computes with, and Excel's operators over them: errors (#VALUE!, #DIV/0!…)
 * that propagate, numbers from text and booleans, text from numbers, comparisons across types.
 */
import type { Box } from '../address';
import type { Cell, RangeRef, Scalar, SheetModel, TableModel } from '../model/types';

/** What a formula reads of the workbook (WorkbookModel, structurally: no import of the model). */
export interface FormulaWorkbook {
  readonly tables: readonly TableModel[];
  sheet(name: string): SheetModel | undefined;
  table(name: string): TableModel | undefined;
  headers(t: TableModel): string[];
  bodyBox(t: TableModel): Box;
  cell(s: SheetModel, r: number, c: number): Cell | undefined;
  value(s: SheetModel, r: number, c: number, depth?: number): Scalar;
  /** The positions of the cells that exist in a box. */
  cellsIn(s: SheetModel, box: Box): [number, number][];
}

export class FError {
  constructor(readonly code: string) {}
}

/** What an expression evaluates to: a value, an error, or a reference (to a cell or a range). */
export type V = Scalar | FError | RangeRef;

export const isRange = (v: V): v is RangeRef => typeof v === 'object' && v !== null && 'box' in v;

export function toNumber(v: Scalar | FError): number | FError {
  if (v instanceof FError) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : new FError('#VALUE!');
}

export function text(v: Scalar): string {
  return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
}

/** A condition's truth: a number other than 0, TRUE, or the text "TRUE". */
export function truth(v: Scalar): boolean {
  return typeof v === 'number' ? v !== 0 : typeof v === 'boolean' ? v : v.toUpperCase() === 'TRUE';
}

export function arith(op: string, a: Scalar | FError, b: Scalar | FError): Scalar | FError {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x instanceof FError) return x;
  if (y instanceof FError) return y;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? new FError('#DIV/0!') : x / y;
    default:
      return x ** y;
  }
}

export function concat(a: Scalar | FError, b: Scalar | FError): Scalar | FError {
  if (a instanceof FError) return a;
  if (b instanceof FError) return b;
  return `${text(a)}${text(b)}`;
}

const ORDER: Record<string, (c: number) => boolean> = {
  '=': (c) => c === 0,
  '<>': (c) => c !== 0,
  '<': (c) => c < 0,
  '>': (c) => c > 0,
  '<=': (c) => c <= 0,
  '>=': (c) => c >= 0,
};
export const COMPARISONS = Object.keys(ORDER);

export function compare(op: string, a: Scalar | FError, b: Scalar | FError): Scalar | FError {
  if (a instanceof FError) return a;
  if (b instanceof FError) return b;
  // Excel compares a blank with "" or 0 as equal; text compares case-insensitively.
  const norm = (v: Scalar, other: Scalar) => (v === '' && typeof other === 'number' ? 0 : typeof v === 'string' ? v.toLowerCase() : v);
  const x = norm(a, b);
  const y = norm(b, a);
  const rank = (v: Scalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  const c = rank(x) !== rank(y) ? rank(x) - rank(y) : x < y ? -1 : x > y ? 1 : 0;
  return ORDER[op](c);
}
