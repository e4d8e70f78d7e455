/**
 * The emulator's workbook: plain state (types.ts) and the rules Excel applies to it, in layers of
 * one job each: structure and addresses (sheets.ts), cells (cells.ts), tables (tables.ts), and
 * here what spans them all: formulas computed on read, what a sheet's name, visibility, deletion or
 * copy does to the rest, the selection, clearing a range with its rules. The proxies in
 * api/ only queue work against this; tests may inspect it directly.
 */
import { intersects, quoteSheet } from '../address';
import { evaluateFormula } from '../formula';
import { EmulatorError } from './errors';
import { TableStore } from './tables';
import { cfAreas, type RangeRef, type Scalar, type SheetModel } from './types';

const lastVisibleSheet = () => new EmulatorError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');

function cloneRecord(r: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
}

export class WorkbookModel extends TableStore {
  protected evaluate(s: SheetModel, r: number, c: number, formula: string, depth: number): Scalar {
    return evaluateFormula(this, s, r, c, formula, depth);
  }

  /** Worksheet.name: unique in the workbook; references follow the sheet (formulas and chart sources), as in Excel. */
  renameSheet(s: SheetModel, name: string): void {
    const other = this.sheet(name);
    if (other && other !== s) throw new EmulatorError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
    const before = `${quoteSheet(s.name)}!`;
    for (const sh of this.sheets) for (const c of sh.charts) if (c.source.startsWith(before)) c.source = `${quoteSheet(name)}!${c.source.slice(before.length)}`;
    if (s.name !== name) this.rewriteSheetReferences(s.name, name);
    s.name = name;
  }

  /** Excel keeps at least one sheet visible; a hidden sheet stops being the active one. */
  setVisibility(s: SheetModel, v: SheetModel['visibility']): void {
    if (v !== 'Visible' && s.visibility === 'Visible' && this.visibleCount() <= 1) throw lastVisibleSheet();
    s.visibility = v;
    if (v !== 'Visible' && this.activeSheet === s) this.activeSheet = this.sheets.find((x) => x.visibility === 'Visible') ?? null;
  }

  private visibleCount(): number {
    return this.sheets.filter((x) => x.visibility === 'Visible').length;
  }

  activate(s: SheetModel): void {
    if (s.visibility !== 'Visible') throw new EmulatorError('InvalidOperation', 'A hidden sheet cannot be activated.');
    this.activeSheet = s;
    if (this.selection && this.selection.sheet !== s) this.selection = null;
  }

  select(ref: RangeRef): void {
    if (ref.sheet.visibility !== 'Visible') throw new EmulatorError('InvalidOperation', 'A range on a hidden sheet cannot be selected.');
    this.activeSheet = ref.sheet;
    this.selection = { sheet: ref.sheet, box: ref.box };
    this.selectionIsNot = null;
  }

  /** Range.clear: clearing formats also removes the conditional formats and validations over the range. */
  clearRange(ref: RangeRef, applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.clear(ref.sheet, ref.box, applyTo);
    if (applyTo === 'Contents') return;
    this.conditionalFormats = this.conditionalFormats.filter((cf) => !(cf.sheet === ref.sheet && cfAreas(cf).some((a) => intersects(a, ref.box))));
    ref.sheet.validations = ref.sheet.validations.filter((v) => !intersects(v.box, ref.box));
  }

  deleteSheet(s: SheetModel): void {
    if (this.visibleCount() <= 1 && s.visibility === 'Visible') throw lastVisibleSheet();
    this.rewriteSheetReferences(s.name, null);
    this.sheets = this.sheets.filter((x) => x !== s);
    this.tables = this.tables.filter((t) => t.sheet !== s);
    this.conditionalFormats = this.conditionalFormats.filter((c) => c.sheet !== s);
    if (this.activeSheet === s) this.activeSheet = this.sheets[0] ?? null;
    if (this.selection?.sheet === s) this.selection = null;
  }

  /**
   * Worksheet.copy: a new sheet "Name (2)" after `after` (or at the end) with the cells, formats,
   * validations, charts, conditional formats and tables of `s`; the copied tables get new names,
   * as table names are the workbook's.
   */
  copySheet(s: SheetModel, after?: SheetModel): SheetModel {
    let i = 2;
    const base = s.name.length > 26 ? s.name.slice(0, 26) : s.name;
    while (this.sheet(`${base} (${i})`)) i++;
    const c = this.addSheet(`${base} (${i})`);
    for (const [k, cell] of s.cells) c.cells.set(k, { ...cell });
    c.columnWidths = new Map(s.columnWidths);
    c.frozenRows = s.frozenRows;
    c.tabColor = s.tabColor;
    c.validations = s.validations.map((v) => ({ ...v, box: { ...v.box } }));
    c.pageLayout = cloneRecord(s.pageLayout);
    c.charts = s.charts.map((ch) => ({ ...ch, id: this.id('CC'), position: ch.position && { ...ch.position }, settings: cloneRecord(ch.settings), source: ch.source.replace(/^[^!]*!/, `${quoteSheet(c.name)}!`) }));
    for (const cf of this.conditionalFormats.filter((x) => x.sheet === s)) this.conditionalFormats.push({ ...cf, id: this.id('CF'), sheet: c, box: { ...cf.box }, areas: cf.areas?.map((a) => ({ ...a })) });
    for (const t of this.tables.filter((x) => x.sheet === s)) {
      let n = 2;
      while (this.table(`${t.name}${n}`)) n++;
      this.tables.push({ ...t, id: this.id('T'), name: `${t.name}${n}`, sheet: c, box: { ...t.box } });
    }
    this.sheets = this.sheets.filter((x) => x !== c);
    const at = after ? this.sheets.indexOf(after) + 1 : this.sheets.length;
    this.sheets.splice(at, 0, c);
    return c;
  }
}
