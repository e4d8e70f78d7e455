/** Office.js values as the core's cells: errors, blanks, and a number in a date-formatted cell read as its date. */
import { serialToDate } from '../../core/cells';
import type { CellValue } from '../../core/snapshot';

/** A number in a date-formatted cell is a date; Excel hands it over as its serial. */
export function isDateFormat(f: string | undefined): boolean {
  if (!f || f === 'General') return false;
  const bare = f.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(bare) && !/[0#]/.test(bare);
}


/**
 * What Excel shows for an error value. Reading `values` alone (not `valueTypes` too) halves the
 * answer, so a workbook of 50 000 lines still fits in one; the price is that a cell where someone
 * typed the text "#N/A" reads as the error it looks like.
 */
const EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#PYTHON!', '#TIMEOUT!', '#EXTERNAL!']);

/** Office.js values → the core's cells; `formats` are per column (one row) or per cell. */
export function toRows(values: unknown[][], types: string[][] | undefined, formats: string[] | string[][] | undefined): CellValue[][] {
  const formatAt = (r: number, c: number): string | undefined => {
    const f = formats?.[Array.isArray(formats?.[0]) ? r : c];
    return Array.isArray(f) ? f[c] : f;
  };
  return values.map((row, r) =>
    row.map((v, c): CellValue => {
      const t = types?.[r]?.[c];
      if (t === 'Error' || (t === undefined && typeof v === 'string' && EXCEL_ERRORS.has(v))) return { error: String(v) };
      if (t === 'Empty' || v === '' || v === null || v === undefined) return null;
      if (typeof v === 'number') return isDateFormat(formatAt(r, c)) ? serialToDate(v) : v;
      if (typeof v === 'boolean' || typeof v === 'string') return v;
      return String(v);
    }),
  );
}
