/**
 * One worksheet part, streamed once: only the cells inside the regions asked for are kept (the
 * contract tables' ranges, a header search's first rows, or a ledger's whole sheet, sparse). Rows
 * and cells without `r=` take the next position; shared strings are kept as indices until the
 * shared strings part is read (then only the strings used are decoded); cached results of formulas
 * (shared ones too) are the values; `#N/A` stays `#N/A`. Data validations, conditional formats and
 * the like are passed over as tags, never expanded; a merge is applied only where it meets a region.
 */
import { cellAddress, type CellValue } from '../../core/snapshot';
import { InputError, LIMITS } from './guard';
import { unescapeOoxml } from './strings';
import type { XmlScanner, XmlSink } from './xml';
import { parseRange, serialToDate } from '../../core/cells';

/** A rectangle of the sheet whose cells are kept, rows indexed from `top`. */
export interface Region {
  top: number;
  /** Infinity while a plain range is still growing down (or for a ledger's whole sheet). */
  bottom: number;
  left: number;
  right: number;
  rows: (CellValue[] | undefined)[];
  /** Covered cells of merges that meet the region (not their top-left master), as [row, col]. */
  merged: [number, number][];
  /** A SUBTOTAL formula stands in the region's bottom row (a totals row whose flag was lost). */
  subtotalInBottom: boolean;
  /** A plain range that ends at its first blank row. */
  growing?: boolean;
}

export function region(top: number, bottom: number, left: number, right: number): Region {
  return { top, bottom, left, right, rows: [], merged: [], subtotalInBottom: false };
}

/** Excel serial → the Date ExcelJS would give (UTC, rounded to the millisecond). */

export const isBlankValue = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Covered cells noted per sheet at most: a merge over a whole table still blanks its cells, but names only so many. */
const MAX_MERGED_NOTED = 100_000;

const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

const TEXT_NONE = 0;
const TEXT_V = 1;
const TEXT_F = 2;
const TEXT_IS = 3;

export interface SheetReaderOptions {
  regions: Region[];
  dateStyles: Uint8Array | null;
  date1904: boolean;
  /** The shared strings when already read (ledgers, header searches); else indices are kept and fixed later. */
  sst: (string | undefined)[] | null;
  /** Called once when the scan passes a row, before that row is kept (a header search decides its range there). */
  probe?: { after: number; decide: (reader: SheetReader, ended: boolean) => void };
}

export class SheetReader implements XmlSink {
  readonly regions: Region[];
  private readonly dateStyles: Uint8Array | null;
  private readonly date1904: boolean;
  private readonly sst: (string | undefined)[] | null;
  private probe: SheetReaderOptions['probe'];

  /** Shared string indices used by kept cells (1 = needed). */
  needed = new Uint8Array(0);
  /** Kept rows holding shared string indices, and which of their columns (bit k = offset k, k < 31). */
  readonly fixRows: CellValue[][] = [];
  readonly fixMasks: number[] = [];
  readonly fixWide: [CellValue[], number][] = [];
  private lastFixRow: CellValue[] | null = null;

  private kept = 0;
  private mergedNoted = 0;
  private inSheetData = false;
  private row = 0;
  private col = 0;
  private active: Region[] = [];
  private activeLo = 1;
  private activeHi = 0;
  private masters = new Map<number, string>();

  // The cell being read.
  private target: Region | null = null;
  private type = T_NUMBER;
  private style = -1;
  private v: string | null = null;
  /** The value read straight from the bytes (plain decimals, shared string indices): no string made. */
  private vNum = 0;
  private vFast = false;
  private f: string | null = null;
  private hasF = false;
  private sharedSi = -1;
  private inlineText: string | null = null;
  private inIs = false;
  private phonetic = 0;
  private textTo = TEXT_NONE;

  constructor(options: SheetReaderOptions) {
    this.regions = options.regions;
    this.dateStyles = options.dateStyles;
    this.date1904 = options.date1904;
    this.sst = options.sst;
    this.probe = options.probe;
  }

  /** The current row (for a probe deciding). */
  get currentRow(): number {
    return this.row;
  }

  addRegion(r: Region): void {
    this.regions.push(r);
    this.activeHi = 0;
    this.activeLo = 1;
  }

  private setRow(r: number): void {
    if (r > LIMITS.rowsPerSheet) throw new InputError('too-large', `ligne ${r} au-delà de la dernière ligne d'Excel (${LIMITS.rowsPerSheet.toLocaleString('fr-FR')})`);
    if (this.probe && r > this.probe.after) {
      const p = this.probe;
      this.probe = undefined;
      p.decide(this, false);
    }
    this.row = r;
    this.col = 0;
    if (r < this.activeLo || r > this.activeHi) this.computeActive(r);
    // A row skipped in the file is a blank row: a growing plain range ends before it.
    for (const g of this.active) if (g.growing && r > g.top + g.rows.length) this.stopGrowing(g, g.top + g.rows.length - 1);
  }

  private stopGrowing(g: Region, bottom: number): void {
    g.rows.length = Math.min(g.rows.length, bottom - g.top + 1);
    g.bottom = bottom;
    g.growing = false;
    this.activeHi = 0;
    this.activeLo = 1;
  }

  /** The end of the part: a header search not yet decided is, growing ranges end at their last row. */
  finish(): void {
    if (this.probe) {
      const p = this.probe;
      this.probe = undefined;
      p.decide(this, true);
    }
    for (const g of this.regions) if (g.growing) this.stopGrowing(g, g.top + g.rows.length - 1);
  }

  /** The regions row `r` falls in, and the span of rows over which that set stays the same. */
  private computeActive(r: number): void {
    let lo = 1;
    let hi = Infinity;
    const active: Region[] = [];
    for (const g of this.regions) {
      if (r < g.top) hi = Math.min(hi, g.top - 1);
      else if (r > g.bottom) lo = Math.max(lo, g.bottom + 1);
      else {
        active.push(g);
        lo = Math.max(lo, g.top);
        hi = Math.min(hi, g.bottom);
      }
    }
    this.active = active;
    this.activeLo = lo;
    this.activeHi = hi;
  }

  /** A growing plain range stops at its first blank row. */
  private endGrowing(r: number): void {
    for (const g of this.active) {
      if (!g.growing) continue;
      const cells = g.rows[r - g.top];
      if (!cells || cells.every(isBlankValue)) this.stopGrowing(g, r - 1);
    }
  }

  open(s: XmlScanner): void {
    const len = s.nameEnd - s.nameStart;
    const c0 = s.buf[s.nameStart];
    if (len === 1) {
      if (c0 === 0x63 /* c */) return this.openCell(s);
      if (this.target === null) return;
      if (c0 === 0x76 /* v */) {
        if (!s.selfClosing) {
          this.textTo = TEXT_V;
          this.v = '';
          this.vFast = false;
          s.wantText = true;
        }
      } else if (c0 === 0x66 /* f */) this.openFormula(s);
      else if (c0 === 0x74 /* t */ && this.inIs && this.phonetic === 0 && !s.selfClosing) {
        this.textTo = TEXT_IS;
        s.wantText = true;
      }
      return;
    }
    if (len === 3 && c0 === 0x72 /* row */ && s.is('row')) {
      if (!this.inSheetData) return;
      const r = s.attrInt('r');
      this.setRow(r > 0 ? r : this.row + 1);
      return;
    }
    if (this.target !== null) {
      if (s.is('is')) {
        this.inIs = !s.selfClosing;
        this.inlineText = '';
      } else if (s.is('rPh')) this.phonetic++;
      return;
    }
    if (s.is('sheetData')) {
      this.inSheetData = !s.selfClosing;
      this.row = 0;
    } else if (s.is('mergeCell')) this.merge(s.attr('ref'));
  }

  private openCell(s: XmlScanner): void {
    if (!this.inSheetData) return;
    s.cellAttrs();
    if (s.refRow > 0) {
      if (s.refRow !== this.row) this.setRow(s.refRow);
      this.col = s.refCol;
    } else {
      if (this.row === 0) this.setRow(1);
      this.col++;
    }
    this.target = null;
    const col = this.col;
    for (const g of this.active) {
      if (col >= g.left && col <= g.right) {
        this.target = g;
        break;
      }
    }
    if (this.target === null) return;
    this.type = T_NUMBER;
    const len = s.cellTypeEnd - s.cellTypeStart;
    if (len > 0) {
      // "s", "str", "inlineStr", "b", "e", "d", "n", read from the bytes.
      const t0 = s.buf[s.cellTypeStart];
      if (len === 1) this.type = t0 === 0x73 ? T_SHARED : t0 === 0x62 ? T_BOOL : t0 === 0x65 ? T_ERROR : t0 === 0x64 ? T_DATE : T_NUMBER;
      else if (len === 3 && t0 === 0x73) this.type = T_STR;
      else if (len === 9 && t0 === 0x69) this.type = T_INLINE;
    }
    this.style = this.dateStyles ? s.cellStyle : -1;
    this.v = null;
    this.vFast = false;
    this.f = null;
    this.hasF = false;
    this.sharedSi = -1;
    this.inIs = false;
    this.inlineText = null;
    this.phonetic = 0;
    if (s.selfClosing) this.closeCell();
  }

  private openFormula(s: XmlScanner): void {
    this.hasF = true;
    const shared = s.attr('t') === 'shared';
    this.sharedSi = shared ? s.attrInt('si') : -1;
    if (s.selfClosing) return;
    this.f = '';
    this.textTo = TEXT_F;
    s.wantText = true;
  }

  close(s: XmlScanner): void {
    const len = s.nameEnd - s.nameStart;
    const c0 = s.buf[s.nameStart];
    if (len === 1) {
      if (c0 === 0x63 /* c */) {
        if (this.target !== null && !s.selfClosing) this.closeCell();
        this.target = null;
      } else if (this.textTo !== TEXT_NONE && (c0 === 0x76 || c0 === 0x66 || c0 === 0x74)) {
        if (this.textTo === TEXT_F && this.sharedSi >= 0 && this.f) this.masters.set(this.sharedSi, this.f);
        this.textTo = TEXT_NONE;
        s.wantText = false;
      }
      return;
    }
    if (this.target !== null) {
      if (s.is('is')) this.inIs = false;
      else if (s.is('rPh')) this.phonetic--;
      return;
    }
    if (len === 3 && c0 === 0x72 && s.is('row')) {
      if (this.active.length && this.active.some((g) => g.growing)) this.endGrowing(this.row);
    } else if (s.is('sheetData')) this.inSheetData = false;
  }

  text(s: XmlScanner): void {
    switch (this.textTo) {
      case TEXT_V:
        if (this.v === '' && !this.vFast && (this.type === T_NUMBER || this.type === T_SHARED)) {
          const n = s.textFastNumber();
          if (!Number.isNaN(n)) {
            this.vNum = n;
            this.vFast = true;
            break;
          }
        }
        if (this.vFast) {
          this.v = String(this.vNum);
          this.vFast = false;
        }
        this.v += s.text();
        break;
      case TEXT_F:
        this.f += s.text();
        break;
      case TEXT_IS:
        this.inlineText += s.text();
        break;
    }
  }

  private closeCell(): void {
    const g = this.target!;
    this.target = null;
    const v = this.v;
    let value: CellValue;
    switch (this.type) {
      case T_SHARED: {
        const i = this.vFast ? this.vNum : v === null ? NaN : Number(v);
        if (!(i >= 0 && Number.isInteger(i))) return;
        if (this.sst) {
          const str = this.sst[i];
          if (str === undefined) return;
          value = str;
        } else {
          this.store(g, i, true);
          return;
        }
        break;
      }
      case T_STR:
        value = v === null ? this.uncalculated() : unescapeOoxml(v);
        break;
      case T_INLINE:
        value = unescapeOoxml(this.inlineText ?? v ?? '');
        break;
      case T_BOOL:
        value = v === null ? this.uncalculated() : v.trim() === '1' || v.trim().toLowerCase() === 'true';
        break;
      case T_ERROR:
        value = v === null ? this.uncalculated() : { error: v.trim() };
        break;
      case T_DATE: {
        if (v === null || v.trim() === '') {
          value = this.uncalculated();
          break;
        }
        const iso = v.trim();
        const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes('T') ? (iso.includes('T') ? iso : `${iso}T00:00:00Z`) : `${iso}Z`);
        value = Number.isNaN(d.getTime()) ? iso : d;
        break;
      }
      default: {
        if (!this.vFast && (v === null || v === '')) {
          value = this.uncalculated();
          break;
        }
        const n = this.vFast ? this.vNum : Number(v);
        if (Number.isNaN(n)) value = v;
        else if (this.style >= 0 && this.dateStyles !== null && this.dateStyles[this.style] === 1) {
          // A serial no calendar holds (1e20 in a date cell) stays the number it is: never an Invalid Date.
          const d = serialToDate(n, this.date1904);
          value = Number.isNaN(d.getTime()) ? n : d;
        } else value = n;
      }
    }
    if (value !== null) this.store(g, value, false);
    // The bottom row of a region: does a SUBTOTAL formula stand there (a totals row that lost its flag)?
    if (this.row === g.bottom && this.f !== null && /SUBTOTAL\s*\(/i.test(this.f)) g.subtotalInBottom = true;
  }

  private uncalculated(): CellValue {
    if (!this.hasF) return null;
    const text = this.f || (this.sharedSi >= 0 ? this.masters.get(this.sharedSi) : undefined) || '';
    return { uncalculated: `=${text}` };
  }

  private store(g: Region, value: CellValue | number, sharedIndex: boolean): void {
    if (++this.kept > LIMITS.keptCells) throw new InputError('too-large', `plus de ${LIMITS.keptCells.toLocaleString('fr-FR')} cellules à lire sur une feuille`);
    const ri = this.row - g.top;
    let cells = g.rows[ri];
    if (cells === undefined) {
      cells = g.right === Infinity ? [] : new Array<CellValue>(g.right - g.left + 1).fill(null);
      g.rows[ri] = cells;
    }
    const ci = this.col - g.left;
    cells[ci] = value as CellValue;
    if (!sharedIndex) return;
    const i = value as number;
    if (i >= this.needed.length) {
      const grown = new Uint8Array(Math.max(i + 1, this.needed.length * 2, 1024));
      grown.set(this.needed);
      this.needed = grown;
    }
    this.needed[i] = 1;
    if (ci >= 31) {
      this.fixWide.push([cells, ci]);
      return;
    }
    if (this.lastFixRow !== cells) {
      this.lastFixRow = cells;
      this.fixRows.push(cells);
      this.fixMasks.push(0);
    }
    this.fixMasks[this.fixMasks.length - 1] |= 1 << ci;
  }

  /** Replaces the kept shared string indices by their strings (a missing string reads as blank). */
  resolve(sst: (string | undefined)[]): void {
    for (let k = 0; k < this.fixRows.length; k++) {
      const cells = this.fixRows[k];
      let mask = this.fixMasks[k];
      for (let ci = 0; mask !== 0; ci++, mask >>>= 1) if (mask & 1) cells[ci] = sst[cells[ci] as number] ?? null;
    }
    for (const [cells, ci] of this.fixWide) cells[ci] = sst[cells[ci] as number] ?? null;
  }

  /** A merged range: only where it meets a region are its covered cells noted (never expanded beyond). */
  private merge(ref: string | undefined): void {
    const box = ref ? parseRange(ref) : null;
    if (!box || this.kept === 0) return;
    const { top, left, bottom, right } = box;
    for (const g of this.regions) {
      const r0 = Math.max(top, g.top);
      const r1 = Math.min(bottom, g.bottom === Infinity ? g.top + g.rows.length - 1 : g.bottom);
      const c0 = Math.max(left, g.left);
      if (r0 > r1) continue;
      for (let r = r0; r <= r1; r++) {
        const cells = g.rows[r - g.top];
        // A ledger's whole sheet: only its used cells can be covered.
        const c1 = Math.min(right, g.right === Infinity ? g.left + (cells?.length ?? 0) - 1 : g.right);
        for (let c = c0; c <= c1; c++) {
          if (r === top && c === left) continue;
          if (g.right !== Infinity && this.mergedNoted++ < MAX_MERGED_NOTED) g.merged.push([r, c]);
          if (cells) cells[c - g.left] = null;
        }
      }
    }
  }
}

/** The covered cells' addresses, row by row (the order the findings name them in). */
export function mergedAddresses(g: Region): string[] {
  return [...g.merged].sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([r, c]) => cellAddress(r, c));
}
