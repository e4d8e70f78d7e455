/**
 * What a worksheet cell's start tag says (`<c r="B9" s="4" t="s">`), read from its bytes in one pass
 * and without making a string: its place, its style index and where its type is. The scanner reads
 * it for each cell, on the hot path of a 100 000-line sheet.
 */
import type { Buffer } from 'buffer';
import { APOS, COLON, digitsAt, EQ, find, GT, isSpace, LT, QUOT, SLASH } from './xmlNumbers';

export class CellTag {
  /** `r`: the row and column (1-based; 0 when there is none or it is no reference). */
  refRow = 0;
  refCol = 0;
  /** `s`: the style index, -1 when none. */
  style = -1;
  /** `t`: its bytes [typeStart, typeEnd) (equal: none). */
  typeStart = 0;
  typeEnd = 0;

  private reset(): void {
    this.refRow = 0;
    this.refCol = 0;
    this.style = -1;
    this.typeStart = this.typeEnd = 0;
  }

  /** The attributes in b[from, end), `end` being the tag's `>`: `r`, `s`, `t` (any prefix) read, others passed over. */
  read(b: Buffer, from: number, end: number): void {
    this.reset();
    let i = from;
    while (i < end) {
      while (i < end && (isSpace(b[i]) || b[i] === SLASH)) i++;
      if (i >= end) break;
      let ls = i;
      while (i < end && b[i] !== EQ && !isSpace(b[i])) {
        if (b[i] === COLON) ls = i + 1;
        i++;
      }
      const len = i - ls;
      while (i < end && b[i] !== QUOT && b[i] !== APOS) i++;
      const vs = i + 1;
      const ve = find(b, b[i], vs, end);
      if (ve >= end) return;
      i = ve + 1;
      if (len === 1) this.attribute(b, b[ls], vs, ve);
    }
  }

  /**
   * The attributes from `from` (just after the tag's name) to the tag's end, in the pass that finds
   * that end: returns the index of the `>` or of the `/` of `/>`, or -1 when the tag is not all in
   * b[.., n) or is not plainly written (`name="value"` or `name='value'` apart by white space; then
   * `read` reads it once its end is found).
   */
  scan(b: Buffer, from: number, n: number): number {
    this.reset();
    let i = from;
    for (;;) {
      if (i >= n) return -1;
      if (b[i] === GT || b[i] === SLASH) return i;
      // After the name or a value: white space, else this is no `c` tag (`<col`) or no plain attribute.
      if (!isSpace(b[i])) return -1;
      while (++i < n && isSpace(b[i]));
      if (i >= n) return -1;
      if (b[i] === GT || b[i] === SLASH) return i;
      // Sums and tests on every attribute, not on rare paths: one first met in optimised code (a prefix, a chunk's end) would throw it away.
      let colon = i - 1;
      while (i < n && b[i] !== EQ) {
        const ch = b[i];
        if (ch === COLON) colon = i;
        else if (isSpace(ch) || ch === GT || ch === SLASH || ch === QUOT || ch === APOS || ch === LT) return -1;
        i++;
      }
      if (i + 1 >= n) return -1;
      const q = b[i + 1];
      if (q !== QUOT && q !== APOS) return -1;
      const vs = i + 2;
      const ve = find(b, q, vs, n);
      if (ve >= n) return -1;
      if (i - colon === 2) this.attribute(b, b[colon + 1], vs, ve);
      i = ve + 1;
    }
  }

  /** A one-letter attribute `c0` whose value is b[vs, ve). */
  private attribute(b: Buffer, c0: number, vs: number, ve: number): void {
    if (c0 === 0x72 /* r */) this.ref(b, vs, ve);
    else if (c0 === 0x73 /* s */) this.style = digitsAt(b, vs, ve);
    else if (c0 === 0x74 /* t */) {
      this.typeStart = vs;
      this.typeEnd = ve;
    }
  }

  /** The reference in b[k, end) ("AB12", "$A$1") into refRow/refCol; left at 0 when it is none. */
  private ref(b: Buffer, k: number, end: number): void {
    if (b[k] === 0x24) k++;
    let col = 0;
    while (k < end) {
      const ch = b[k] | 0x20;
      if (ch < 0x61 || ch > 0x7a) break;
      col = col * 26 + (ch - 0x60);
      k++;
    }
    if (b[k] === 0x24) k++;
    const row = digitsAt(b, k, end);
    if (col === 0 || row <= 0) return;
    this.refCol = col;
    this.refRow = row;
  }
}
