/**
 * Numbers read straight from the bytes of a part, without making a string: the hot path of a
 * 100 000-line worksheet (a style index, a row number, a cell's plain decimal value); and the byte
 * loops the scanner and the cell tags share.
 */

import type { Buffer } from 'buffer';

export const LT = 0x3c;
export const GT = 0x3e;
export const SLASH = 0x2f;
export const COLON = 0x3a;
export const QUOT = 0x22;
export const APOS = 0x27;
export const EQ = 0x3d;

export const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/** The first `byte` in b[from, n), or n. A loop, not Buffer.indexOf: the distances are a few bytes (`<v>42</v>`) and a call into C++ per tag cost more than the search. */
export function find(b: Uint8Array, byte: number, from: number, n: number): number {
  while (from < n && b[from] !== byte) from++;
  return from;
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** A non-negative integer in b[from, to) (a trailing space or decimal part ends it), or -1. */
export function digitsAt(b: Buffer, from: number, to: number): number {
  let v = 0;
  let seen = false;
  for (let k = from; k < to; k++) {
    const d = b[k] - 48;
    if (d < 0 || d > 9) return seen && (b[k] === 0x20 || b[k] === 0x2e) ? v : -1;
    v = v * 10 + d;
    seen = true;
  }
  return seen ? v : -1;
}

/**
 * b[from, to) as a number when it is a plain decimal of at most 15 digits ("250000", "-1234.56");
 * NaN otherwise (then decode the text). Exact: an integer below 2^53 divided by a power of ten up
 * to 10^22 is correctly rounded.
 */
export function plainDecimalAt(b: Buffer, from: number, to: number): number {
  let k = from;
  let neg = false;
  if (b[k] === 0x2d) {
    neg = true;
    k++;
  }
  let m = 0;
  let digits = 0;
  let decimals = -1;
  for (; k < to; k++) {
    const ch = b[k];
    if (ch === 0x2e && decimals < 0) decimals = 0;
    else {
      const d = ch - 48;
      if (d < 0 || d > 9) return NaN;
      m = m * 10 + d;
      digits++;
      if (decimals >= 0) decimals++;
    }
  }
  if (digits === 0 || digits > 15) return NaN;
  const v = decimals > 0 ? m / POW10[decimals] : m;
  return neg ? -v : v;
}
