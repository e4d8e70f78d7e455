/**
 * The worksheet functions the add-in's formulas use (SUM, SUBTOTAL, IF, AND…), with Excel's rules
 * for text, blanks and errors in ranges. Any other name is #NAME?, as an unknown function in Excel.
 */
import { FError, isRange, toNumber, truth, type V } from './values';
import type { Scalar } from '../model/types';

/** What a function needs of the evaluator: its arguments as one value, as every value, as numbers. */
export interface Arguments {
  /** A range where one value is wanted: a single cell gives its value. */
  scalar(v: V): Scalar | FError;
  /** Every value an aggregate sees: the cells of ranges and the literal arguments. */
  flatten(args: V[]): { v: Scalar | FError; fromRange: boolean }[];
  /** The numbers among them (text and blanks in ranges skipped, literal text converted). */
  numbers(args: V[]): number[] | FError;
}

type Fn = (args: V[], a: Arguments) => V;

const sum = (n: number[]) => n.reduce((x, y) => x + y, 0);
const min = (n: number[]) => (n.length ? Math.min(...n) : 0);
const max = (n: number[]) => (n.length ? Math.max(...n) : 0);

/** An aggregate over numbers, errors propagating. */
const over =
  (f: (n: number[]) => V): Fn =>
  (args, a) => {
    const n = a.numbers(args);
    return n instanceof FError ? n : f(n);
  };

/** A function of one number. */
const numeric =
  (f: (n: number) => V): Fn =>
  (args, a) => {
    const n = toNumber(a.scalar(args[0]));
    return n instanceof FError ? n : f(n);
  };

/** SUBTOTAL's function numbers (101… ignore hidden rows, which the emulator has none of). */
const SUBTOTALS: Record<number, (n: number[]) => V> = {
  1: (n) => (n.length ? sum(n) / n.length : new FError('#DIV/0!')),
  2: (n) => n.length,
  4: max,
  5: min,
  9: sum,
};

const logical =
  (combine: (bools: boolean[]) => boolean): Fn =>
  (args, a) => {
    const vals = a.flatten(args).map((x) => x.v);
    const err = vals.find((v) => v instanceof FError);
    if (err) return err;
    return combine(vals.filter((v) => typeof v !== 'string').map((v) => (typeof v === 'number' ? v !== 0 : v === true)));
  };

const FUNCTIONS = new Map<string, Fn>([
  ['SUM', over(sum)],
  ['MIN', over(min)],
  ['MAX', over(max)],
  [
    'SUBTOTAL',
    (args, a) => {
      const fn = a.scalar(args[0]);
      const n = a.numbers(args.slice(1));
      if (n instanceof FError) return n;
      return SUBTOTALS[Number(fn) % 100]?.(n) ?? new FError('#VALUE!');
    },
  ],
  ['COUNT', (args, a) => a.flatten(args).filter((x) => typeof x.v === 'number').length],
  ['COUNTA', (args, a) => a.flatten(args).filter((x) => x.v !== '').length],
  [
    'IF',
    (args, a) => {
      const c = a.scalar(args[0]);
      if (c instanceof FError) return c;
      const branch = truth(c) ? args[1] : args[2];
      return branch === undefined ? truth(c) : a.scalar(branch);
    },
  ],
  ['AND', logical((b) => b.every(Boolean))],
  ['OR', logical((b) => b.some(Boolean))],
  [
    'NOT',
    (args, a) => {
      const v = a.scalar(args[0]);
      return v instanceof FError ? v : !(typeof v === 'number' ? v !== 0 : v === true);
    },
  ],
  ['ISNUMBER', (args, a) => typeof a.scalar(args[0]) === 'number'],
  // A blank cell is not text, but the literal "" is.
  [
    'ISTEXT',
    (args, a) => {
      const v = a.scalar(args[0]);
      return typeof v === 'string' && (v !== '' || !isRange(args[0]));
    },
  ],
  ['ISBLANK', (args, a) => a.scalar(args[0]) === ''],
  ['ISERROR', (args, a) => a.scalar(args[0]) instanceof FError],
  ['ABS', numeric(Math.abs)],
  [
    'ROUND',
    (args, a) => {
      const d = toNumber(a.scalar(args[1] ?? 0));
      return numeric((n) => {
        if (d instanceof FError) return d;
        const f = 10 ** d;
        return (Math.sign(n) * Math.round(Math.abs(n) * f + 1e-9)) / f;
      })(args, a);
    },
  ],
]);

export function callFunction(name: string, args: V[], a: Arguments): V {
  return FUNCTIONS.get(name)?.(args, a) ?? new FError('#NAME?');
}
