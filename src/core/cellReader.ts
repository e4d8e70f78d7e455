/**
 * One cell of a contract table → its typed value (cents, a year, a date, a funder's id…), or a
 * finding naming the cell and saying why it cannot be used (cell.*, period.outside, axis.unknown).
 */
import { resolveAxis, resolveAvenantKind, resolveFunder, resolveInstance, resolveStatus, type ColumnDef } from './contract';
import { rawFinding, type RawFinding, type RuleId } from './findings';
import type { RuleParams } from './ruleParams';
import { centsFromFrenchText, readCellNumber, type Cents } from './money';
import type { FunderKey, Ref } from './modelTypes';
import type { AxisId, Profile } from './profile';
import { isBlank, isCellError, isDate, isUncalculated, type CellValue } from './snapshot';
import { closest, matchKey, parseDateText } from './text';
import { dateToSerial, serialToDate } from './cells';
import { axisChoices, bodyNames, funderNames } from './conventionNames';

/**
 * The number a cell wearing a date format holds: a year typed in a column formatted as dates reads
 * as 2014, not 1905-07-06 (an amount so formatted stays unread: its finding names the number).
 * Whole days only: a real date-time is no number.
 */
export function dateAsNumber(v: CellValue): CellValue {
  if (!isDate(v) || Number.isNaN(v.getTime())) return v;
  const n = dateToSerial(v);
  return Number.isInteger(n) && n > 0 ? n : v;
}

/** What a text column reads from a cell: undefined for a blank, an error or a formula without a result. */
export function cellText(v: CellValue): string | undefined {
  // The hot cases first (every text cell of every line, read again by the rules): a string, a number.
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? undefined : t;
  }
  if (typeof v === 'number') return String(v);
  if (isBlank(v) || isCellError(v) || isUncalculated(v)) return undefined;
  return isDate(v) ? v.toISOString().slice(0, 10) : String(v).trim();
}

export class CellReader {
  private coFunderKeys = new Map<string, string>();
  constructor(
    private readonly out: RawFinding[],
    coFunders: string[],
    /** The convention of the workbook being read: its years, funders, axes, bodies. */
    readonly profile: Profile,
  ) {
    for (const c of coFunders) this.coFunderKeys.set(matchKey(c), c);
  }

  emit<R extends RuleId>(rule: R, ref: Ref, params: RuleParams[R]): void {
    this.out.push(rawFinding(rule, ref, params));
  }

  /** Shared answer for a cell that holds something of the wrong kind in a non-amount column. */
  private unusable(v: CellValue, ref: Ref, column: string, variant: 'error-value' | 'uncalculated' | 'not-a-date'): void {
    const text = isCellError(v) ? v.error : isUncalculated(v) ? v.uncalculated : String(v);
    this.emit('cell.required', ref, { column, variant, text });
  }

  text(v: CellValue, ref: Ref, column: string): string | undefined {
    if (isCellError(v) || isUncalculated(v)) this.unusable(v, ref, column, isCellError(v) ? 'error-value' : 'uncalculated');
    return cellText(v);
  }

  amount(v: CellValue, ref: Ref, column: string): Cents | undefined {
    if (isBlank(v)) return undefined;
    if (typeof v === 'number') {
      // readCellNumber's exact path without its object per cell (a third of the rule pass's garbage on 100 000 lines).
      const c = Math.round(v * 100);
      if (c / 100 === v && c >= 0 && c < 1e15) return c + 0;
      const r = readCellNumber(v);
      if (r.kind === 'sub-cent') {
        this.emit('cell.sub-cent', ref, { column, text: r.value });
        return undefined;
      }
      if (r.kind === 'not-finite') {
        this.emit('cell.not-a-number', ref, { column, text: String(v), variant: 'other' });
        return undefined;
      }
      if (r.cents < 0) {
        this.emit('cell.negative', ref, { column, actual: r.cents });
        return undefined;
      }
      return r.cents;
    }
    if (typeof v === 'string') {
      const suggested = centsFromFrenchText(v);
      this.emit('cell.not-a-number', ref, suggested === null ? { column, text: v, variant: 'text' } : { column, text: v, variant: 'text-amount', suggestion: String(suggested / 100) });
      return undefined;
    }
    const variant = isCellError(v) ? 'error-value' : isUncalculated(v) ? 'uncalculated' : isDate(v) ? 'date' : 'boolean';
    // A date in an amount column: n.d., the finding names the format and the number it holds (never read as euros unasked).
    const serial = dateAsNumber(v);
    const text = isCellError(v) ? v.error : isUncalculated(v) ? v.uncalculated : isDate(v) ? `${v.toISOString().slice(0, 10)}${typeof serial === 'number' ? `, ${serial}` : ''}` : String(v);
    this.emit('cell.not-a-number', ref, { column, text, variant });
    return undefined;
  }

  year(v: CellValue, ref: Ref, column: string): number | undefined {
    if (isBlank(v)) return undefined;
    const typedDate = isDate(v) ? v : null;
    v = dateAsNumber(v);
    // A real date typed in a year column (01/06/2015 holds 42156) is no year: said as the date the user sees.
    if (typedDate && typeof v === 'number' && (v < 1900 || v > 2999)) {
      this.emit('cell.bad-year', ref, { column, text: typedDate.toISOString().slice(0, 10), years: this.profile.years });
      return undefined;
    }
    let n: number | undefined;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) n = Number(v);
    if (n === undefined || !Number.isInteger(n)) {
      if (isCellError(v) || isUncalculated(v)) this.unusable(v, ref, column, isCellError(v) ? 'error-value' : 'uncalculated');
      else this.emit('cell.bad-year', ref, { column, text: isDate(v) ? v.toISOString().slice(0, 10) : String(v), years: this.profile.years });
      return undefined;
    }
    if (!this.profile.years.includes(n)) {
      // « 15 » for 2015: a two-digit year of the period.
      const hinted = n >= 0 && n < 100 && this.profile.years.includes(2000 + n) ? String(2000 + n) : undefined;
      this.emit('period.outside', ref, { column, year: n, suggestion: hinted, years: this.profile.years });
      return undefined;
    }
    return n;
  }

  date(v: CellValue, ref: Ref, column: string): Date | undefined {
    if (isBlank(v)) return undefined;
    if (isDate(v) && !Number.isNaN(v.getTime())) return v;
    if (typeof v === 'number' && v > 1 && v < 2958466) return serialToDate(v);
    if (typeof v === 'string') {
      const d = parseDateText(v);
      if (d) return d;
    }
    if (isCellError(v) || isUncalculated(v)) this.unusable(v, ref, column, isCellError(v) ? 'error-value' : 'uncalculated');
    else this.unusable(v, ref, column, 'not-a-date');
    return undefined;
  }

  funder(v: CellValue, ref: Ref, column: string): FunderKey | undefined {
    const t = this.text(v, ref, column);
    if (t === undefined) return undefined;
    const id = resolveFunder(t, this.profile);
    if (id) return id;
    const co = this.coFunderKeys.get(matchKey(t));
    if (co) return `co:${co}`;
    const candidates = [...this.profile.funders.map((f) => ({ label: f.label.fr, keys: [f.label.fr, ...f.aliases] })), ...[...this.coFunderKeys.values()].map((c) => ({ label: c, keys: [c] }))];
    const best = closest(t, candidates, (c) => c.keys);
    this.emit('cell.unknown-funder', ref, { column, text: t, suggestion: best?.label, funders: funderNames(this.profile) });
    return undefined;
  }

  axis(v: CellValue, ref: Ref, column: string): AxisId | undefined {
    const t = typeof v === 'number' ? String(v) : this.text(v, ref, column);
    if (t === undefined) return undefined;
    const id = resolveAxis(t, this.profile);
    if (!id) this.emit('axis.unknown', ref, { column, text: t, ...axisChoices(this.profile) });
    return id;
  }

  /**
   * Apart from `read`: an arrow there that reads `this` made V8 allocate a context at every call of
   * `read`, for every cell of every column (36 MB of garbage on 100 000 financing lines, issue 22).
   */
  private status(v: CellValue, ref: Ref, column: string) {
    return this.choice(v, ref, column, (s) => resolveStatus(s, this.profile), 'status');
  }

  choice<T>(v: CellValue, ref: Ref, column: string, resolve: (s: string) => T | undefined, listVariant: 'status' | 'avenant-kind'): T | undefined {
    const t = this.text(v, ref, column);
    if (t === undefined) return undefined;
    const id = resolve(t);
    if (id === undefined) this.emit('cell.required', ref, { column, text: t, variant: listVariant });
    return id;
  }

  read(def: ColumnDef, v: CellValue, ref: Ref, header: string): unknown {
    switch (def.kind) {
      case 'text':
        return this.text(v, ref, header);
      case 'amount':
        return this.amount(v, ref, header);
      case 'year':
        return this.year(v, ref, header);
      case 'date':
        return this.date(v, ref, header);
      case 'funder':
        return this.funder(v, ref, header);
      case 'axis':
        return this.axis(v, ref, header);
      case 'status':
        return this.status(v, ref, header);
      case 'instance': {
        // A meeting the list does not know is still a meeting: a warning, never a blocking error.
        const t = this.text(v, ref, header);
        if (t === undefined) return undefined;
        const id = resolveInstance(t, this.profile);
        if (id === undefined) this.emit('governance.unknown-body', ref, { column: header, text: t, bodies: bodyNames(this.profile) });
        return id;
      }
      case 'avenant-kind':
        return this.choice(v, ref, header, resolveAvenantKind, 'avenant-kind');
    }
  }
}
