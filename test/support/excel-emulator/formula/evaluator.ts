/**
 * A formula's evaluation: a recursive-descent parser over the tokens (tokens.ts) with Excel's
 * operator precedence, references resolved against the workbook, and the functions of
 * functions.ts. Just enough of Excel's calculation for the formulas the workbook plan writes.
 */
import { parseBox, splitSheet } from '../address';
import type { Scalar, SheetModel } from '../model/types';
import { callFunction, type Arguments } from './functions';
import type { Tok } from './tokens';
import { arith, compare, COMPARISONS, concat, FError, isRange, toNumber, type FormulaWorkbook, type V } from './values';

const ERROR_VALUE = /^#(NAME\?|REF!|VALUE!|DIV\/0!|N\/A|NUM!|NULL!)$/;
/** How deep formulas may refer to formulas before a cell counts as 0 (a circular reference). */
const MAX_DEPTH = 64;

/** The binary operators, loosest first; each level's operands are the next level's expressions. */
const LEVELS: { ops: string[]; apply: (op: string, a: Scalar | FError, b: Scalar | FError) => Scalar | FError }[] = [
  { ops: COMPARISONS, apply: compare },
  { ops: ['&'], apply: (_op, a, b) => concat(a, b) },
  { ops: ['+', '-'], apply: arith },
  { ops: ['*', '/'], apply: arith },
];

export class Evaluator implements Arguments {
  private pos = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly wb: FormulaWorkbook,
    private readonly sheet: SheetModel,
    private readonly row: number,
    private readonly col: number,
    private readonly depth: number,
  ) {}

  run(): V {
    const v = this.binary(0);
    if (this.pos < this.toks.length) throw new FError('#NAME?');
    return v;
  }

  private isOp(...v: string[]): string | undefined {
    const t = this.toks[this.pos];
    return t?.t === 'op' && v.includes(t.v) ? t.v : undefined;
  }

  private expect(v: string): void {
    if (!this.isOp(v)) throw new FError('#NAME?');
    this.pos++;
  }

  /** Left-associative operators of LEVELS[level]; below the last level, a signed operand. */
  private binary(level: number): V {
    if (level === LEVELS.length) return this.unary();
    const { ops, apply } = LEVELS[level];
    let a = this.binary(level + 1);
    for (let op = this.isOp(...ops); op; op = this.isOp(...ops)) {
      this.pos++;
      const b = this.binary(level + 1);
      a = apply(op, this.scalar(a), this.scalar(b));
    }
    return a;
  }

  private unary(): V {
    const sign = this.isOp('-', '+');
    if (!sign) return this.power();
    this.pos++;
    const v = this.unary();
    return sign === '-' ? arith('-', 0, this.scalar(v)) : v;
  }

  private power(): V {
    let a = this.primary();
    while (this.isOp('^')) {
      this.pos++;
      a = arith('^', this.scalar(a), this.scalar(this.primary()));
    }
    return a;
  }

  private primary(): V {
    const t = this.toks[this.pos++];
    if (!t) throw new FError('#NAME?');
    if (t.t === 'num' || t.t === 'str') return t.v;
    if (t.t === 'op' && t.v === '(') {
      const v = this.binary(0);
      this.expect(')');
      return v;
    }
    if (t.t === 'ref') return this.reference(t.v);
    if (t.t === 'struct') return this.structured(t.table, t.column);
    if (t.t === 'name') {
      const up = t.v.toUpperCase();
      if (this.isOp('(')) return callFunction(up, this.argumentList(), this);
      if (up === 'TRUE') return true;
      if (up === 'FALSE') return false;
    }
    throw new FError('#NAME?');
  }

  /** "(a, b, …)" after a function's name. */
  private argumentList(): V[] {
    this.expect('(');
    const args: V[] = [];
    if (!this.isOp(')')) {
      args.push(this.binary(0));
      while (this.isOp(',')) {
        this.pos++;
        args.push(this.binary(0));
      }
    }
    this.expect(')');
    return args;
  }

  private reference(ref: string): V {
    const { sheet: name, local } = splitSheet(ref);
    const sheet = name === undefined ? this.sheet : this.wb.sheet(name);
    const box = parseBox(local);
    if (!sheet || !box) return new FError('#REF!');
    return { sheet, box };
  }

  /** Table[Column] (or [Column] inside the table): the column's body. */
  private structured(table: string, column: string): V {
    const t = table ? this.wb.table(table) : this.wb.tables.find((x) => x.sheet === this.sheet && this.row >= x.box.top && this.row <= x.box.bottom && this.col >= x.box.left && this.col <= x.box.right);
    if (!t) return new FError('#REF!');
    const i = this.wb.headers(t).findIndex((h) => h.toLowerCase() === column.replace(/'(.)/g, '$1').toLowerCase());
    if (i < 0) return new FError('#REF!');
    const body = this.wb.bodyBox(t);
    return { sheet: t.sheet, box: { ...body, left: t.box.left + i, right: t.box.left + i } };
  }

  /** A range where one value is wanted: a single cell gives its value (implicit intersection otherwise is not modelled). */
  scalar(v: V): Scalar | FError {
    if (!isRange(v)) return v;
    if (v.box.top !== v.box.bottom || v.box.left !== v.box.right) return new FError('#VALUE!');
    return this.cellValue(v.sheet, v.box.top, v.box.left);
  }

  private cellValue(s: SheetModel, r: number, c: number): Scalar | FError {
    if (this.depth > MAX_DEPTH) return 0;
    const v = this.wb.value(s, r, c, this.depth + 1);
    // An error only when computed or loaded as one: the text "#N/A" typed in a cell stays text.
    if (typeof v !== 'string' || !ERROR_VALUE.test(v)) return v;
    const cell = this.wb.cell(s, r, c);
    return cell?.formula || cell?.error ? new FError(v) : v;
  }

  flatten(args: V[]): { v: Scalar | FError; fromRange: boolean }[] {
    const out: { v: Scalar | FError; fromRange: boolean }[] = [];
    for (const a of args) {
      if (!isRange(a)) {
        out.push({ v: a, fromRange: false });
        continue;
      }
      const { box } = a;
      const area = (box.bottom - box.top + 1) * (box.right - box.left + 1);
      // A whole column or a long range: only the cells that exist can count.
      if (area > a.sheet.cells.size) for (const [r, c] of this.wb.cellsIn(a.sheet, box)) out.push({ v: this.cellValue(a.sheet, r, c), fromRange: true });
      else for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) out.push({ v: this.cellValue(a.sheet, r, c), fromRange: true });
    }
    return out;
  }

  numbers(args: V[]): number[] | FError {
    const out: number[] = [];
    for (const { v, fromRange } of this.flatten(args)) {
      if (v instanceof FError) return v;
      if (typeof v === 'number') out.push(v);
      else if (!fromRange) {
        const n = toNumber(v);
        if (n instanceof FError) return n;
        out.push(n);
      }
    }
    return out;
  }
}
