/**
 * The workbook's cells: what a read shows (a formula's result, an error, "" for a blank), what a
 * write makes of its input (cellInput.ts), clearing, the used range, inserting rows of cells, and
 * formulas following renamed and deleted sheets. The second layer of WorkbookModel.
 */
import { boxAt, quoteSheet, type Box } from '../address';
import { parseInput } from './cellInput';
import { EmulatorError, invalidArgument } from './errors';
import { SheetStore } from './sheets';
import type { Cell, RangeRef, Scalar, SheetModel } from './types';

const key = (r: number, c: number) => `${r}:${c}`;
const position = (k: string): [number, number] => k.split(':').map(Number) as [number, number];
const ERROR_TEXT = /^#[A-Z0-9/!?]+[!?]?$/;

export abstract class CellStore extends SheetStore {
  /** A formula's result, as Excel would show it in that cell (workbook.ts, with formula/). */
  protected abstract evaluate(s: SheetModel, r: number, c: number, formula: string, depth: number): Scalar;

  cell(s: SheetModel, r: number, c: number): Cell | undefined {
    return s.cells.get(key(r, c));
  }

  cellForWrite(s: SheetModel, r: number, c: number): Cell {
    let cell = s.cells.get(key(r, c));
    if (!cell) {
      cell = { value: null };
      s.cells.set(key(r, c), cell);
    }
    return cell;
  }

  /** What Range.values shows: a formula's result, an error text, "" for a blank cell. */
  value(s: SheetModel, r: number, c: number, depth = 0): Scalar {
    const cell = this.cell(s, r, c);
    if (!cell) return '';
    if (cell.error) return cell.error;
    if (cell.formula) return this.evaluate(s, r, c, cell.formula, depth);
    return cell.value ?? '';
  }

  valueType(s: SheetModel, r: number, c: number): string {
    const v = this.value(s, r, c);
    const cell = this.cell(s, r, c);
    if (cell?.error || (typeof v === 'string' && ERROR_TEXT.test(v) && cell?.formula)) return 'Error';
    if (v === '') return 'Empty';
    if (typeof v === 'number') return 'Double';
    if (typeof v === 'boolean') return 'Boolean';
    return 'String';
  }

  formula(s: SheetModel, r: number, c: number): Scalar {
    const cell = this.cell(s, r, c);
    if (!cell) return '';
    return cell.formula ?? cell.error ?? cell.value ?? '';
  }

  /** A write through Range.values or Range.formulas (see cellInput.ts); null leaves the cell as it is. */
  write(s: SheetModel, r: number, c: number, input: unknown): void {
    if (input === null || input === undefined) return;
    const parsed = parseInput(input);
    const cell = this.cellForWrite(s, r, c);
    delete cell.formula;
    delete cell.error;
    delete cell.quotePrefix;
    cell.value = parsed.value;
    if (parsed.formula) cell.formula = parsed.formula;
    if (parsed.quotePrefix) cell.quotePrefix = true;
    if (parsed.dateFormat) cell.numberFormat ??= parsed.dateFormat;
    if (cell.value === null && !cell.formula && !cell.numberFormat && !cell.fill) this.prune(s, r, c);
  }

  /** Writes a rectangle of values (a 1×1 array fills the whole box, as Office.js allows). */
  writeBlock(s: SheetModel, box: Box, values: unknown[][], setter: (s: SheetModel, r: number, c: number, v: unknown) => void = (sh, r, c, v) => this.write(sh, r, c, v)): void {
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    if (!Array.isArray(values) || values.some((r) => !Array.isArray(r))) throw invalidArgument();
    const single = values.length === 1 && values[0].length === 1;
    if (!single && (values.length !== rows || values.some((r) => r.length !== cols))) {
      throw new EmulatorError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${values.length}×${values[0]?.length ?? 0} for ${rows}×${cols}).`);
    }
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) setter(s, box.top + r, box.left + c, single ? values[0][0] : values[r][c]);
  }

  private prune(s: SheetModel, r: number, c: number): void {
    const cell = s.cells.get(key(r, c));
    if (cell && cell.value === null && !cell.formula && !cell.error && !cell.numberFormat && !cell.fill && !cell.fontColor && !cell.bold && !cell.italic && !cell.fontSize) s.cells.delete(key(r, c));
  }

  clear(s: SheetModel, box: Box, applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    for (const [k, cell] of [...s.cells]) {
      const [r, c] = position(k);
      if (r < box.top || r > box.bottom || c < box.left || c > box.right) continue;
      if (applyTo !== 'Formats') {
        cell.value = null;
        delete cell.formula;
        delete cell.error;
        delete cell.quotePrefix;
      }
      if (applyTo !== 'Contents') {
        delete cell.numberFormat;
        delete cell.fill;
        delete cell.fontColor;
        delete cell.bold;
        delete cell.italic;
        delete cell.fontSize;
      }
      this.prune(s, r, c);
    }
    if (applyTo !== 'Formats') this.changes.push({ sheet: s, box, source: 'Local', changeType: 'RangeEdited' });
  }

  /**
   * Range.copyFrom (ExcelApi 1.9): the source's cells (values and formats, values only, or formats
   * only) onto `dest`'s top-left corner; a formula copied as a value becomes its result.
   */
  copyCells(src: RangeRef, dest: RangeRef, copyType: string): void {
    const copies: [number, number, Cell | undefined][] = [];
    for (let r = src.box.top; r <= src.box.bottom; r++) for (let c = src.box.left; c <= src.box.right; c++) copies.push([r - src.box.top, c - src.box.left, this.cell(src.sheet, r, c)]);
    for (const [dr, dc, cell] of copies) {
      const r = dest.box.top + dr;
      const c = dest.box.left + dc;
      if (!cell) {
        if (copyType !== 'Formats') this.write(dest.sheet, r, c, '');
        continue;
      }
      const to = this.cellForWrite(dest.sheet, r, c);
      if (copyType !== 'Formats') {
        to.value = cell.formula && copyType === 'Values' ? this.value(src.sheet, src.box.top + dr, src.box.left + dc) : cell.value;
        if (copyType !== 'Values' && cell.formula) to.formula = cell.formula;
        else delete to.formula;
        if (cell.quotePrefix) to.quotePrefix = true;
      }
      if ((copyType === 'All' || copyType === 'Formats') && cell.numberFormat) to.numberFormat = cell.numberFormat;
    }
    const box = boxAt(dest.box.top, dest.box.left, src.box.bottom - src.box.top + 1, src.box.right - src.box.left + 1);
    this.changes.push({ sheet: dest.sheet, box, source: 'Local', changeType: 'RangeEdited' });
  }

  /** The positions of the cells that exist in `box` (a whole column costs what the sheet holds). */
  cellsIn(s: SheetModel, box: Box): [number, number][] {
    const out: [number, number][] = [];
    for (const k of s.cells.keys()) {
      const [r, c] = position(k);
      if (r >= box.top && r <= box.bottom && c >= box.left && c <= box.right) out.push([r, c]);
    }
    return out;
  }

  /** The smallest box holding every non-blank cell (valuesOnly) or every touched cell. */
  usedBox(s: SheetModel, valuesOnly: boolean, within?: Box): Box | null {
    let b: Box | null = null;
    for (const [k, cell] of s.cells) {
      if (valuesOnly && cell.value === null && !cell.formula && !cell.error) continue;
      const [r, c] = position(k);
      if (within && (r < within.top || r > within.bottom || c < within.left || c > within.right)) continue;
      b = b ? { top: Math.min(b.top, r), left: Math.min(b.left, c), bottom: Math.max(b.bottom, r), right: Math.max(b.right, c) } : { top: r, left: c, bottom: r, right: c };
    }
    return b;
  }

  /** Inserts `count` rows of cells at `row` within columns left..right, moving what lies below down (tables too). */
  insertCells(s: SheetModel, row: number, left: number, right: number, count: number): void {
    const moved: [number, number, Cell][] = [];
    for (const [k, cell] of [...s.cells]) {
      const [r, c] = position(k);
      if (r >= row && c >= left && c <= right) {
        s.cells.delete(k);
        moved.push([r + count, c, cell]);
      }
    }
    for (const [r, c, cell] of moved) s.cells.set(key(r, c), cell);
    for (const t of this.tables) {
      if (t.sheet !== s || t.box.top < row || t.box.right < left || t.box.left > right) continue;
      t.box = { ...t.box, top: t.box.top + count, bottom: t.box.bottom + count };
    }
  }

  /**
   * Formulas follow their sheets as in Excel: a renamed sheet's references are rewritten with its
   * new name; a deleted sheet's become #REF! for good (a sheet of the same name added later does
   * not bring them back).
   */
  rewriteSheetReferences(oldName: string, newName: string | null): void {
    const quoted = `'${oldName.replace(/'/g, "''")}'`;
    const names = [quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')];
    if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(oldName)) names.push(`(?<![A-Za-z0-9_.'])${oldName.replace(/\./g, '\\.')}`);
    const cell = '\\$?[A-Za-z]{1,3}\\$?\\d+(?::\\$?[A-Za-z]{1,3}\\$?\\d+)?';
    const re = new RegExp(`(?:${names.join('|')})!${newName === null ? cell : ''}`, 'gi');
    const to = newName === null ? '#REF!' : `${quoteSheet(newName)}!`;
    for (const sh of this.sheets) {
      for (const c of sh.cells.values()) {
        if (!c.formula) continue;
        // Text inside quotes is not a reference.
        c.formula = c.formula.split('"').map((part, i) => (i % 2 ? part : part.replace(re, to))).join('"');
      }
    }
  }
}
