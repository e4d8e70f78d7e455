/**
 * The cells a worksheet holds outside every region the reader keeps (sheet.ts): each is noted by its
 * place and kind, never kept, so the core can name it (core/outside.ts). A cell is followed through its
 * events (`<v>`, an inline `<t>`, `<f>`) or seen whole in one step; only whether it holds anything counts.
 */
import { isCaption } from '../../core/outside';
import { OUTSIDE_NOTED, type OutsideCells } from '../../core/snapshot';
import { T_INLINE, T_SHARED, T_STR } from './cellValue';

/** Whether bytes start…end hold more than XML white space (a value read by events is trimmed the same way). */
export function holdsText(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return true;
  }
  return false;
}

export class OutsideNotes {
  readonly noted: OutsideCells = { sheet: '', cells: [], values: 0, texts: 0 };
  /** A cell outside every region is being read through its events. */
  pending = false;
  /** Its type is a text; it has a <v>, an <f>; an inline string is open. */
  private text = false;
  private v = false;
  private f = false;
  inlineOpen = false;
  /** The first row of the topmost region: texts above it are the sheet's captions. */
  private firstTop = Infinity;

  regionAt(top: number): void {
    this.firstTop = Math.min(this.firstTop, top);
  }

  /** A cell outside every region starts (its `t=` read as cellValue.ts's type). */
  start(type: number): void {
    this.pending = true;
    this.text = type === T_SHARED || type === T_STR || type === T_INLINE;
    this.v = this.f = this.inlineOpen = false;
  }

  /** The cell read in one step: its value's bytes. */
  whole(buf: Uint8Array, start: number, end: number, selfClosing: boolean, row: number, col: number): void {
    if (!selfClosing && holdsText(buf, start, end)) this.note(this.text, row, col);
    this.pending = false;
  }

  /** A child of the cell: true when its text is to be looked at (a <v>, or an inline <t>). */
  child(c0: number): boolean {
    if (c0 === 0x66 /* f */) this.f = true;
    else if (c0 === 0x76 /* v */ || (c0 === 0x74 /* t */ && this.inlineOpen)) {
      if (c0 === 0x76) this.v = true;
      return true;
    }
    return false;
  }

  /** Text of its <v> or inline <t>. */
  value(text: string, row: number, col: number): void {
    if (this.pending && text.trim() !== '') this.note(this.text, row, col);
  }

  /** Its end: a formula without a result (never calculated) holds something too. */
  end(row: number, col: number): void {
    if (this.f && !this.v) this.note(false, row, col);
    this.pending = false;
  }

  /** A cell holds something: noted (the first OUTSIDE_NOTED by position), counted; a caption left out. */
  note(text: boolean, row: number, col: number): void {
    this.pending = false;
    if (isCaption(text, row, this.firstTop)) return;
    const o = this.noted;
    if (text) o.texts++;
    else o.values++;
    if (o.cells.length < OUTSIDE_NOTED) o.cells.push({ row, col, text });
  }
}
