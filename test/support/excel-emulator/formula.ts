/**
 * Just enough of Excel's calculation for the formulas the workbook plan writes (SUM over a
 * sheet-qualified range, IF, SUBTOTAL over a table column…), so that reading a formula cell gives
 * its result as Excel would. Anything else evaluates to #NAME?, as an unknown function does in Excel.
 */
import { parseBox, type Box } from './address';
import type { Scalar, SheetModel, WorkbookModel } from './model';

class FError {
  constructor(readonly code: string) {}
}
interface RangeRef {
  sheet: SheetModel;
  box: Box;
}
type V = Scalar | FError | RangeRef;

const isRange = (v: V): v is RangeRef => typeof v === 'object' && v !== null && 'box' in v;

type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'op'; v: string } | { t: 'ref'; v: string } | { t: 'name'; v: string } | { t: 'struct'; table: string; column: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === ' ') {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = '';
      i++;
      while (i < src.length) {
        if (src[i] === '"' && src[i + 1] === '"') {
          s += '"';
          i += 2;
        } else if (src[i] === '"') break;
        else s += src[i++];
      }
      i++;
      out.push({ t: 'str', v: s });
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num && !/^\d+:\d+/.test(src.slice(i))) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    // What Excel leaves of a reference to a deleted sheet.
    if (src.startsWith('#REF!', i)) {
      out.push({ t: 'ref', v: '#REF!' });
      i += 5;
      continue;
    }
    // A reference: optional sheet ('quoted'! or Name!), a cell, optional :cell.
    const ref = /^((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?(?![A-Za-z0-9_(])/.exec(src.slice(i));
    if (ref) {
      out.push({ t: 'ref', v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const struct = /^([A-Za-z_][A-Za-z0-9_.]*)?\[([^\]]+)\]/.exec(src.slice(i));
    if (struct) {
      out.push({ t: 'struct', table: struct[1] ?? '', column: struct[2] });
      i += struct[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (name) {
      out.push({ t: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      out.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>(),:'.includes(ch)) {
      out.push({ t: 'op', v: ch });
      i++;
      continue;
    }
    throw new FError('#NAME?');
  }
  return out;
}

class Evaluator {
  private pos = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly wb: WorkbookModel,
    private readonly sheet: SheetModel,
    private readonly row: number,
    private readonly col: number,
    private readonly depth: number,
  ) {}

  run(): V {
    const v = this.comparison();
    if (this.pos < this.toks.length) throw new FError('#NAME?');
    return v;
  }

  private peek(): Tok | undefined {
    return this.toks[this.pos];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t?.t === 'op' && t.v === v;
  }
  private expect(v: string): void {
    if (!this.isOp(v)) throw new FError('#NAME?');
    this.pos++;
  }

  private comparison(): V {
    let a = this.concat();
    for (;;) {
      const t = this.peek();
      if (t?.t !== 'op' || !['=', '<>', '<', '>', '<=', '>='].includes(t.v)) return a;
      this.pos++;
      const b = this.concat();
      a = compare(t.v, this.scalar(a), this.scalar(b));
    }
  }
  private concat(): V {
    let a = this.additive();
    while (this.isOp('&')) {
      this.pos++;
      const b = this.additive();
      const x = this.scalar(a);
      const y = this.scalar(b);
      if (x instanceof FError) return x;
      if (y instanceof FError) return y;
      a = `${text(x)}${text(y)}`;
    }
    return a;
  }
  private additive(): V {
    let a = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.toks[this.pos++] as { v: string }).v;
      const b = this.term();
      a = arith(op, this.scalar(a), this.scalar(b));
    }
    return a;
  }
  private term(): V {
    let a = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.toks[this.pos++] as { v: string }).v;
      const b = this.unary();
      a = arith(op, this.scalar(a), this.scalar(b));
    }
    return a;
  }
  private unary(): V {
    if (this.isOp('-')) {
      this.pos++;
      return arith('-', 0, this.scalar(this.unary()));
    }
    if (this.isOp('+')) {
      this.pos++;
      return this.unary();
    }
    return this.power();
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
      const v = this.comparison();
      this.expect(')');
      return v;
    }
    if (t.t === 'ref') return this.reference(t.v);
    if (t.t === 'struct') return this.structured(t.table, t.column);
    if (t.t === 'name') {
      const up = t.v.toUpperCase();
      if (this.isOp('(')) {
        this.pos++;
        const args: V[] = [];
        if (!this.isOp(')')) {
          for (;;) {
            args.push(this.comparison());
            if (this.isOp(',')) {
              this.pos++;
              continue;
            }
            break;
          }
        }
        this.expect(')');
        return this.call(up, args);
      }
      if (up === 'TRUE') return true;
      if (up === 'FALSE') return false;
    }
    throw new FError('#NAME?');
  }

  private reference(ref: string): V {
    const bang = ref.lastIndexOf('!');
    let sheet: SheetModel | undefined = this.sheet;
    let local = ref;
    if (bang >= 0) {
      let n = ref.slice(0, bang);
      if (n.startsWith("'")) n = n.slice(1, -1).replace(/''/g, "'");
      sheet = this.wb.sheet(n);
      local = ref.slice(bang + 1);
    }
    const box = parseBox(local);
    if (!sheet || !box) return new FError('#REF!');
    return { sheet, box };
  }

  private structured(table: string, column: string): V {
    const t = table ? this.wb.table(table) : this.wb.tables.find((x) => x.sheet === this.sheet && this.row >= x.box.top && this.row <= x.box.bottom && this.col >= x.box.left && this.col <= x.box.right);
    if (!t) return new FError('#REF!');
    const headers = this.wb.headers(t);
    const i = headers.findIndex((h) => h.toLowerCase() === column.replace(/'(.)/g, '$1').toLowerCase());
    if (i < 0) return new FError('#REF!');
    const body = this.wb.bodyBox(t);
    return { sheet: t.sheet, box: { ...body, left: t.box.left + i, right: t.box.left + i } };
  }

  /** A range where one value is wanted: a single cell gives its value (implicit intersection otherwise is not modelled). */
  private scalar(v: V): Scalar | FError {
    if (!isRange(v)) return v;
    if (v.box.top !== v.box.bottom || v.box.left !== v.box.right) return new FError('#VALUE!');
    return this.cellValue(v.sheet, v.box.top, v.box.left);
  }

  private cellValue(s: SheetModel, r: number, c: number): Scalar | FError {
    if (this.depth > 64) return 0;
    const v = this.wb.value(s, r, c, this.depth + 1);
    if (typeof v === 'string' && /^#(NAME\?|REF!|VALUE!|DIV\/0!|N\/A|NUM!|NULL!)$/.test(v) && (this.wb.cell(s, r, c)?.formula || this.wb.cell(s, r, c)?.error)) return new FError(v);
    return v;
  }

  /** Every value an aggregate sees: the cells of ranges (text and blanks skipped by the caller) and the literal arguments. */
  private flatten(args: V[]): { v: Scalar | FError; fromRange: boolean }[] {
    const out: { v: Scalar | FError; fromRange: boolean }[] = [];
    for (const a of args) {
      if (isRange(a)) {
        const { box } = a;
        const area = (box.bottom - box.top + 1) * (box.right - box.left + 1);
        if (area > a.sheet.cells.size) {
          // A whole column or a long range: only the cells that exist can count.
          for (const k of a.sheet.cells.keys()) {
            const [r, c] = k.split(':').map(Number);
            if (r >= box.top && r <= box.bottom && c >= box.left && c <= box.right) out.push({ v: this.cellValue(a.sheet, r, c), fromRange: true });
          }
        } else for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) out.push({ v: this.cellValue(a.sheet, r, c), fromRange: true });
      } else out.push({ v: a, fromRange: false });
    }
    return out;
  }

  private numbers(args: V[]): number[] | FError {
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

  private call(name: string, args: V[]): V {
    const nums = () => this.numbers(args);
    switch (name) {
      case 'SUM': {
        const n = nums();
        return n instanceof FError ? n : n.reduce((a, b) => a + b, 0);
      }
      case 'SUBTOTAL': {
        const fn = this.scalar(args[0]);
        const n = this.numbers(args.slice(1));
        if (n instanceof FError) return n;
        switch (Number(fn) % 100) {
          case 9:
            return n.reduce((a, b) => a + b, 0);
          case 1:
            return n.length ? n.reduce((a, b) => a + b, 0) / n.length : new FError('#DIV/0!');
          case 2:
            return n.length;
          case 4:
            return n.length ? Math.max(...n) : 0;
          case 5:
            return n.length ? Math.min(...n) : 0;
          default:
            return new FError('#VALUE!');
        }
      }
      case 'MIN':
      case 'MAX': {
        const n = nums();
        if (n instanceof FError) return n;
        return n.length ? (name === 'MIN' ? Math.min(...n) : Math.max(...n)) : 0;
      }
      case 'COUNT':
        return this.flatten(args).filter((x) => typeof x.v === 'number').length;
      case 'COUNTA':
        return this.flatten(args).filter((x) => x.v !== '').length;
      case 'IF': {
        const c = this.scalar(args[0]);
        if (c instanceof FError) return c;
        const truth = typeof c === 'number' ? c !== 0 : typeof c === 'boolean' ? c : c.toUpperCase() === 'TRUE';
        const branch = truth ? args[1] : args[2];
        if (branch === undefined) return truth;
        return this.scalar(branch);
      }
      case 'AND':
      case 'OR': {
        const vals = this.flatten(args).map((x) => x.v);
        const err = vals.find((v) => v instanceof FError);
        if (err) return err;
        const bools = vals.filter((v) => typeof v !== 'string').map((v) => (typeof v === 'number' ? v !== 0 : v === true));
        return name === 'AND' ? bools.every(Boolean) : bools.some(Boolean);
      }
      case 'NOT': {
        const v = this.scalar(args[0]);
        return v instanceof FError ? v : !(typeof v === 'number' ? v !== 0 : v === true);
      }
      case 'ISNUMBER':
        return typeof this.scalar(args[0]) === 'number';
      case 'ISTEXT': {
        // A blank cell is not text, but the literal "" is.
        const v = this.scalar(args[0]);
        return typeof v === 'string' && (v !== '' || !isRange(args[0]));
      }
      case 'ISBLANK':
        return this.scalar(args[0]) === '';
      case 'ISERROR':
        return this.scalar(args[0]) instanceof FError;
      case 'ABS': {
        const n = toNumber(this.scalar(args[0]));
        return n instanceof FError ? n : Math.abs(n);
      }
      case 'ROUND': {
        const n = toNumber(this.scalar(args[0]));
        const d = toNumber(this.scalar(args[1] ?? 0));
        if (n instanceof FError) return n;
        if (d instanceof FError) return d;
        const f = 10 ** d;
        return Math.sign(n) * Math.round(Math.abs(n) * f + 1e-9) / f;
      }
      default:
        return new FError('#NAME?');
    }
  }
}

function toNumber(v: Scalar | FError): number | FError {
  if (v instanceof FError) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : new FError('#VALUE!');
}

function text(v: Scalar): string {
  return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
}

function arith(op: string, a: Scalar | FError, b: Scalar | FError): Scalar | FError {
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

function compare(op: string, a: Scalar | FError, b: Scalar | FError): Scalar | FError {
  if (a instanceof FError) return a;
  if (b instanceof FError) return b;
  // Excel compares a blank with "" or 0 as equal; text compares case-insensitively.
  const norm = (v: Scalar, other: Scalar) => (v === '' && typeof other === 'number' ? 0 : typeof v === 'string' ? v.toLowerCase() : v);
  const x = norm(a, b);
  const y = norm(b, a);
  const rank = (v: Scalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  const c = rank(x) !== rank(y) ? rank(x) - rank(y) : x < y ? -1 : x > y ? 1 : 0;
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0;
  }
}

/** The value Excel would show for `formula` ("=…") in the given cell. */
export function evaluateFormula(wb: WorkbookModel, sheet: SheetModel, row: number, col: number, formula: string, depth = 0): Scalar {
  try {
    const v = new Evaluator(tokenize(formula.replace(/^=/, '')), wb, sheet, row, col, depth).run();
    if (v instanceof FError) return v.code;
    if (isRange(v)) {
      if (v.box.top === v.box.bottom && v.box.left === v.box.right) return wb.value(v.sheet, v.box.top, v.box.left, depth + 1);
      return '#VALUE!';
    }
    return v;
  } catch (e) {
    if (e instanceof FError) return e.code;
    return '#NAME?';
  }
}
