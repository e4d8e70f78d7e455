/**
 * One worksheet part, streamed once: only the cells inside the regions asked for are kept (the
 * contract tables' ranges, a header search's first rows, or a ledger's whole sheet, sparse). Rows
 * and cells without `r=` take the next position; shared strings are kept as indices until the
 * shared strings part is read (then only the strings used are decoded). Data validations,
 * conditional formats and the like are passed over as tags, never expanded; a merge is applied only
 * where it meets a region.
 */
import { InputError, LIMITS } from './guard';
import type { XmlScanner, XmlSink } from './xml';
import type { StringTable } from '../../core/columns';
import type { CellValue, OutsideCells } from '../../core/snapshot';
import { cellType, cellValue, T_NUMBER, T_SHARED, type CellParts } from './cellValue';
import { activeAt, applyMerge, lastWritten, rowIsBlank, type Region } from './region';
import { OutsideNotes } from './outsideNotes';

/** Covered cells noted per sheet at most: a merge over a whole table still blanks its cells, but names only so many. */
const MAX_MERGED_NOTED = 100_000;

const TEXT_NONE = 0;
const TEXT_V = 1;
const TEXT_F = 2;
const TEXT_IS = 3;
/** The text of a cell outside every region: only whether it holds anything is kept. */
const TEXT_OUT = 4;

export interface SheetReaderOptions {
  regions: Region[];
  dateStyles: Uint8Array | null;
  date1904: boolean;
  /** The shared strings when already read (ledgers, header searches); else indices are kept and resolved later. */
  sst: StringTable | null;
  /** Called once when the scan passes a row, before that row is kept (a header search decides its range there). */
  probe?: { after: number; decide: (reader: SheetReader, ended: boolean) => void };
}

export class SheetReader implements XmlSink {
  readonly regions: Region[];
  private readonly dateStyles: Uint8Array | null;
  private readonly date1904: boolean;
  private readonly sst: StringTable | null;
  private probe: SheetReaderOptions['probe'];

  /** Shared string indices used by kept cells (how many, up to 2: a string used once may be packed); empty when none is. */
  needed = new Uint8Array(0);

  private kept = 0;
  private mergedNoted = 0;
  private inSheetData = false;
  private row = 0;
  private col = 0;
  private active: Region[] = [];
  private activeLo = 1;
  private activeHi = 0;
  private masters = new Map<number, string>();

  /** What the sheet holds outside every region (core/outside.ts names it). */
  private readonly out = new OutsideNotes();
  get outside(): OutsideCells {
    return this.out.noted;
  }

  // The cell being read.
  private target: Region | null = null;
  private readonly cell: CellParts = { type: T_NUMBER, v: null, vFast: false, vNum: 0, inlineText: null, dateStyle: false };
  private f: string | null = null;
  private hasF = false;
  private sharedSi = -1;
  private inIs = false;
  private phonetic = 0;
  private textTo = TEXT_NONE;

  constructor(options: SheetReaderOptions) {
    this.regions = options.regions;
    this.dateStyles = options.dateStyles;
    this.date1904 = options.date1904;
    this.sst = options.sst;
    this.probe = options.probe;
    if (this.sst) for (const g of this.regions) g.cells.sharedStrings = this.sst;
    for (const g of this.regions) this.out.regionAt(g.top);
  }

  /** The current row (for a probe deciding). */
  get currentRow(): number {
    return this.row;
  }

  addRegion(r: Region): void {
    if (this.sst) r.cells.sharedStrings = this.sst;
    this.regions.push(r);
    this.out.regionAt(r.top);
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
    // A row skipped in the file is a blank row: a growing region ends before it (past its own rows).
    for (let k = 0; k < this.active.length; k++) {
      const g = this.active[k];
      if (g.growing && r > Math.max(g.growFrom ?? g.top, lastWritten(g)) + 1) this.stopGrowing(g, Math.max(g.growFrom ?? g.top, lastWritten(g)));
    }
    // A region that stopped growing above this row no longer holds it: what the row holds lies outside it.
    if (this.activeHi === 0) this.computeActive(r);
  }

  private stopGrowing(g: Region, bottom: number): void {
    g.cells.truncate(bottom - g.top + 1);
    g.bottom = bottom;
    g.growing = false;
    this.activeHi = 0;
    this.activeLo = 1;
  }

  /** The end of the part: a header search not yet decided is, growing and open regions end at their last row. */
  finish(): void {
    if (this.probe) {
      const p = this.probe;
      this.probe = undefined;
      p.decide(this, true);
    }
    for (const g of this.regions) {
      if (g.growing) this.stopGrowing(g, Math.min(g.bottom, Math.max(g.growFrom ?? g.top, lastWritten(g))));
      else if (g.open) {
        g.bottom = Math.min(g.bottom, lastWritten(g));
        g.open = false;
      }
    }
  }

  /** The shared strings, once read: the kept cells' indices now read as their strings (a missing one as blank). */
  resolve(sst: StringTable): void {
    for (const g of this.regions) g.cells.sharedStrings = sst;
  }

  /** The regions row `r` falls in, and the span of rows over which that set stays the same (region.ts). */
  private computeActive(r: number): void {
    ({ active: this.active, lo: this.activeLo, hi: this.activeHi } = activeAt(this.regions, r));
  }

  /** A growing region stops at its first blank row past its own rows. */
  private endGrowing(r: number): void {
    for (const g of this.active) if (g.growing && r > (g.growFrom ?? g.top) && rowIsBlank(g, r - g.top)) this.stopGrowing(g, r - 1);
  }

  open(s: XmlScanner): void {
    const len = s.nameEnd - s.nameStart;
    const c0 = s.buf[s.nameStart];
    if (len === 1) {
      if (c0 === 0x63 /* c */) return this.openCell(s);
      if (this.target === null) {
        if (this.out.pending && this.out.child(c0) && !s.selfClosing) {
          this.textTo = TEXT_OUT;
          s.wantText = true;
        }
        // A shared formula's master outside every region still gives its text to the cells inside one
        // that share it (filled across into a table from a column beside it): without it they read "=".
        if (c0 === 0x66 /* f */ && this.inSheetData && !s.selfClosing && s.attr('t') === 'shared') this.openMaster(s);
        return;
      }
      if (c0 === 0x76 /* v */) {
        if (!s.selfClosing) {
          this.textTo = TEXT_V;
          this.cell.v = '';
          this.cell.vFast = false;
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
    if (this.out.pending && s.is('is')) {
      this.out.inlineOpen = !s.selfClosing;
      return;
    }
    if (this.target !== null) {
      if (s.is('is')) {
        this.inIs = !s.selfClosing;
        this.cell.inlineText = '';
      } else if (s.is('rPh')) this.phonetic++;
      return;
    }
    if (s.is('sheetData')) {
      this.inSheetData = !s.selfClosing;
      this.row = 0;
    } else if (s.is('mergeCell')) this.mergedNoted = applyMerge(this.regions, s.attr('ref'), this.kept, this.mergedNoted, MAX_MERGED_NOTED);
  }

  private openCell(s: XmlScanner): void {
    if (!this.inSheetData) return;
    s.cellAttrs();
    if (this.startCell(s)) {
      if (s.selfClosing) this.closeCell();
    } else if (s.selfClosing) this.out.pending = false;
  }

  /** The scanner's one step for an ordinary cell: what `<c>`, `<v>`, its text, `</v>` and `</c>` do as events. */
  wholeCell(s: XmlScanner): void {
    if (!this.inSheetData) {
      this.target = null;
      return;
    }
    if (!this.startCell(s)) {
      this.out.whole(s.buf, s.textStart, s.textEnd, s.selfClosing, this.row, this.col);
    } else {
      if (!s.selfClosing) {
        this.cell.v = '';
        this.cell.vFast = false;
        if (s.textEnd > s.textStart) {
          this.textTo = TEXT_V;
          this.text(s);
          this.textTo = TEXT_NONE;
        }
      }
      this.closeCell();
    }
    this.target = null;
  }

  /** A cell whose attributes are read: its position, and whether it falls in a region (then its parts are reset). */
  private startCell(s: XmlScanner): boolean {
    const tag = s.cellTag;
    if (tag.refRow > 0) {
      if (tag.refRow !== this.row) this.setRow(tag.refRow);
      this.col = tag.refCol;
    } else {
      if (this.row === 0) this.setRow(1);
      this.col++;
    }
    this.target = null;
    const col = this.col;
    // Indexed: once per cell, and for…of made an iterator result each time until optimised.
    for (let k = 0; k < this.active.length; k++) {
      const g = this.active[k];
      if (col >= g.left && col <= g.right) {
        this.target = g;
        break;
      }
    }
    if (this.target === null) {
      // Outside every region: what it holds is told by its events (or its whole tag), kept as a position and a kind.
      const type = cellType(s.buf, tag.typeStart, tag.typeEnd);
      this.out.start(type);
      return false;
    }
    const cell = this.cell;
    cell.type = cellType(s.buf, tag.typeStart, tag.typeEnd);
    cell.dateStyle = this.dateStyles !== null && tag.style >= 0 && this.dateStyles[tag.style] === 1;
    cell.v = null;
    cell.vFast = false;
    cell.inlineText = null;
    this.f = null;
    this.hasF = false;
    this.sharedSi = -1;
    this.inIs = false;
    this.phonetic = 0;
    return true;
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

  /** Only its text is kept (masters, by si): the cell itself is in no region. */
  private openMaster(s: XmlScanner): void {
    this.sharedSi = s.attrInt('si');
    if (this.sharedSi < 0) return;
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
        else if (this.out.pending) this.out.end(this.row, this.col);
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
    const cell = this.cell;
    switch (this.textTo) {
      case TEXT_V:
        if (cell.v === '' && !cell.vFast && (cell.type === T_NUMBER || cell.type === T_SHARED)) {
          const n = s.textFastNumber();
          if (!Number.isNaN(n)) {
            cell.vNum = n;
            cell.vFast = true;
            break;
          }
        }
        if (cell.vFast) {
          cell.v = String(cell.vNum);
          cell.vFast = false;
        }
        cell.v += s.text();
        break;
      case TEXT_F:
        this.f += s.text();
        break;
      case TEXT_IS:
        this.cell.inlineText += s.text();
        break;
      case TEXT_OUT:
        if (this.out.pending) this.out.value(s.text(), this.row, this.col);
        break;
    }
  }

  private closeCell(): void {
    const g = this.target!;
    this.target = null;
    const cell = this.cell;
    const r = this.row - g.top;
    const c = this.col - g.left;
    if (cell.type === T_SHARED) {
      const i = cell.vFast ? cell.vNum : cell.v === null ? NaN : Number(cell.v);
      if (!(i >= 0 && Number.isInteger(i)) || (this.sst && this.sst.at(i) === undefined)) return;
      this.count();
      g.cells.setShared(r, c, i);
      if (!this.sst) this.need(i);
    } else {
      const value = cell.type === T_NUMBER && cell.vFast && !cell.dateStyle ? cell.vNum : cellValue(cell, this.date1904, this.uncalculatedValue);
      if (value !== null) {
        this.count();
        g.cells.set(r, c, value);
      }
    }
    // The bottom row of a region: does a SUBTOTAL formula stand there (a totals row that lost its flag)?
    // A cell sharing its formula has its master's text (a totals row filled across from its first cell).
    if (this.row === (g.declaredBottom ?? g.bottom) && this.hasF) {
      const f = this.f || (this.sharedSi >= 0 ? this.masters.get(this.sharedSi) : undefined);
      if (f && /SUBTOTAL\s*\(/i.test(f)) g.subtotalInBottom = true;
    }
  }

  /** Made once, not per cell: a closure per cell was a tenth of the garbage of a 100 000-line read. */
  private readonly uncalculatedValue = () => this.uncalculated();

  private uncalculated(): CellValue {
    if (!this.hasF) return null;
    const text = this.f || (this.sharedSi >= 0 ? this.masters.get(this.sharedSi) : undefined) || '';
    return { uncalculated: `=${text}` };
  }

  private count(): void {
    if (++this.kept > LIMITS.keptCells) throw new InputError('too-large', `plus de ${LIMITS.keptCells.toLocaleString('fr-FR')} cellules à lire sur une feuille`);
  }

  private need(i: number): void {
    if (i >= this.needed.length) {
      const grown = new Uint8Array(Math.max(i + 1, this.needed.length * 2, 1024));
      grown.set(this.needed);
      this.needed = grown;
    }
    if (this.needed[i] < 2) this.needed[i]++;
  }
}
