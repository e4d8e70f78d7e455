/**
 * One worksheet cell's parts (its `t` type, its `<v>` text or the number read from its bytes, its
 * inline string, whether its style is a date) → the core's value. Cached results of formulas are
 * the values; `#N/A` stays `#N/A`; a serial no calendar holds stays a number.
 */
import type { Buffer } from 'buffer';
import type { CellValue } from '../../core/snapshot';
import { serialToDate } from '../../core/cells';
import { unescapeOoxml } from './strings';

export const T_NUMBER = 0;
export const T_SHARED = 1;
export const T_STR = 2;
export const T_INLINE = 3;
export const T_BOOL = 4;
export const T_ERROR = 5;
export const T_DATE = 6;

/** The `t` attribute's bytes ("s", "str", "inlineStr", "b", "e", "d", "n") → its type, without making a string. */
export function cellType(buf: Buffer, start: number, end: number): number {
  const len = end - start;
  if (len === 0) return T_NUMBER;
  const t0 = buf[start];
  if (len === 1) return t0 === 0x73 ? T_SHARED : t0 === 0x62 ? T_BOOL : t0 === 0x65 ? T_ERROR : t0 === 0x64 ? T_DATE : T_NUMBER;
  if (len === 3 && t0 === 0x73) return T_STR;
  if (len === 9 && t0 === 0x69) return T_INLINE;
  return T_NUMBER;
}

export interface CellParts {
  type: number;
  /** The `<v>` text, null when the cell has none. */
  v: string | null;
  /** The `<v>` read straight from the bytes as a plain decimal (then `v` is unused). */
  vFast: boolean;
  vNum: number;
  inlineText: string | null;
  dateStyle: boolean;
}

/** An ISO date of a `t="d"` cell (with or without a time or a zone) → the UTC date; kept as text when no date. */
function isoDate(text: string): CellValue {
  const iso = text.trim();
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes('T') ? (iso.includes('T') ? iso : `${iso}T00:00:00Z`) : `${iso}Z`);
  return Number.isNaN(d.getTime()) ? iso : d;
}

/** The value of a cell that is no shared string; `uncalculated` for a formula without a cached result. */
export function cellValue(p: CellParts, date1904: boolean, uncalculated: () => CellValue): CellValue {
  const v = p.v;
  switch (p.type) {
    case T_STR:
      return v === null ? uncalculated() : unescapeOoxml(v);
    case T_INLINE:
      return unescapeOoxml(p.inlineText ?? v ?? '');
    case T_BOOL:
      return v === null ? uncalculated() : v.trim() === '1' || v.trim().toLowerCase() === 'true';
    case T_ERROR:
      return v === null ? uncalculated() : { error: v.trim() };
    case T_DATE:
      return v === null || v.trim() === '' ? uncalculated() : isoDate(v);
    default: {
      if (!p.vFast && (v === null || v === '')) return uncalculated();
      const n = p.vFast ? p.vNum : Number(v);
      if (Number.isNaN(n)) return v;
      if (!p.dateStyle) return n;
      // A serial no calendar holds (1e20 in a date cell) stays the number it is: never an Invalid Date.
      const d = serialToDate(n, date1904);
      return Number.isNaN(d.getTime()) ? n : d;
    }
  }
}
