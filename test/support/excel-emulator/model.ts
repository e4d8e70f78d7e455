/**
 * The emulator's workbook: plain state and the rules Excel applies to it (what a typed string
 * becomes, how a table grows, what a change event says). The proxies in api.ts only queue work
 * against this; tests may inspect it directly.
 */
import { boxAddress, intersects, parseBox, quoteSheet, type Box } from './address';
import { evaluateFormula } from './formula';

export type Scalar = number | string | boolean;

export interface Cell {
  /** A constant; for a formula cell, nothing (the result is computed on read). */
  value: Scalar | null;
  formula?: string;
  /** An error value such as "#REF!" loaded from a file (Excel itself only produces them from formulas). */
  error?: string;
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** Set when a string was written with a leading apostrophe: Excel keeps the text as text. */
  quotePrefix?: boolean;
}

export interface ValidationModel {
  box: Box;
  rule: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position?: { start: string; end?: string };
  /** Axes, legend and other presentation settings, as set (chart.axes.valueAxis.title.text…). */
  settings: Record<string, unknown>;
}

export interface SheetModel {
  id: string;
  name: string;
  cells: Map<string, Cell>;
  columnWidths: Map<number, number>;
  frozenRows: number;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  validations: ValidationModel[];
  charts: ChartModel[];
  tabColor: string;
  /** pageLayout settings as set (orientation, zoom, headersFooters…, printArea). */
  pageLayout: Record<string, unknown>;
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  /** Header, body and totals row. */
  box: Box;
  showTotals: boolean;
  style: string;
  /** Set while the header row is hidden (showHeaders = false): the column names. */
  hiddenHeaders?: string[];
}

export interface ConditionalFormatModel {
  id: string;
  sheet: SheetModel;
  /** The first (or only) area the rule applies to. */
  box: Box;
  /** Every area, for a rule over a multi-area range (RangeAreas, ExcelApi 1.9). */
  areas?: Box[];
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  priority: number;
}

export type ChangeSource = 'Local' | 'Remote';

export interface ChangeRecord {
  sheet: SheetModel;
  box: Box;
  source: ChangeSource;
  changeType: string;
}

export class EmulatorError extends Error {
  /** What OfficeExtension.Error carries. */
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation };
  }
}

const key = (r: number, c: number) => `${r}:${c}`;

function structuredCloneRecord(r: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
}

/** Excel's 1900 date system: days since 1899-12-30. */
export function dateToSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2}))?$/;

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  activeSheet: SheetModel | null = null;
  selection: { sheet: SheetModel; box: Box } | null = null;
  /**
   * What the user selected when it is not one range: a chart or a shape ('object'), or several
   * areas ('areas'). Workbook.getSelectedRange then fails with InvalidSelection, as in Excel.
   */
  selectionIsNot: 'object' | 'areas' | null = null;
  /** Filled by every change, drained by the emulator into onChanged events. */
  changes: ChangeRecord[] = [];
  private nextId = 1;

  id(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, '0')}}`;
  }

  // ---------- sheets ----------

  sheet(name: string): SheetModel | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  addSheet(name?: string): SheetModel {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheet(`Feuil${i}`)) i++;
      n = `Feuil${i}`;
    }
    if (!n || n.length > 31 || /[\\/?*[\]:]/.test(n) || n.startsWith("'") || n.endsWith("'")) throw new EmulatorError('InvalidArgument', `Nom de feuille invalide : ${n}`);
    if (this.sheet(n)) throw new EmulatorError('ItemAlreadyExists', `A resource with the same name or identifier already exists: ${n}`);
    const s: SheetModel = { id: this.id('S'), name: n, cells: new Map(), columnWidths: new Map(), frozenRows: 0, visibility: 'Visible', validations: [], charts: [], tabColor: '', pageLayout: {} };
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = s;
    return s;
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

  deleteSheet(s: SheetModel): void {
    if (this.sheets.filter((x) => x.visibility === 'Visible').length <= 1 && s.visibility === 'Visible') throw new EmulatorError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
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
    c.pageLayout = structuredCloneRecord(s.pageLayout);
    c.charts = s.charts.map((ch) => ({ ...ch, id: this.id('CC'), position: ch.position && { ...ch.position }, settings: structuredCloneRecord(ch.settings), source: ch.source.replace(/^[^!]*!/, `${quoteSheet(c.name)}!`) }));
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

  /** Worksheet.position: the sheet moves to that index, the others keep their order. */
  moveSheet(s: SheetModel, position: number): void {
    if (position < 0 || position >= this.sheets.length) throw new EmulatorError('InvalidArgument', 'The position is out of range.');
    this.sheets = this.sheets.filter((x) => x !== s);
    this.sheets.splice(position, 0, s);
  }

  // ---------- cells ----------

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
    if (cell.formula) return evaluateFormula(this, s, r, c, cell.formula, depth);
    return cell.value ?? '';
  }

  valueType(s: SheetModel, r: number, c: number): string {
    const v = this.value(s, r, c);
    const cell = this.cell(s, r, c);
    if (cell?.error || (typeof v === 'string' && /^#[A-Z0-9/!?]+[!?]?$/.test(v) && (cell?.formula || cell?.error))) return 'Error';
    if (v === '') return 'Empty';
    if (typeof v === 'number') return 'Double';
    if (typeof v === 'boolean') return 'Boolean';
    return 'String';
  }

  formula(s: SheetModel, r: number, c: number): Scalar {
    const cell = this.cell(s, r, c);
    if (!cell) return '';
    if (cell.formula) return cell.formula;
    if (cell.error) return cell.error;
    return cell.value ?? '';
  }

  /**
   * What Excel makes of a value written through Range.values or Range.formulas: a leading "=" (or
   * "+", "-", "@" that is not a number) starts a formula, a numeric string becomes a number, a
   * leading apostrophe keeps the rest as text. null leaves the cell as it is.
   */
  write(s: SheetModel, r: number, c: number, input: unknown): void {
    if (input === null || input === undefined) return;
    const cell = this.cellForWrite(s, r, c);
    delete cell.formula;
    delete cell.error;
    delete cell.quotePrefix;
    if (typeof input === 'number') {
      if (!Number.isFinite(input)) throw new EmulatorError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      cell.value = input;
    } else if (typeof input === 'boolean') cell.value = input;
    else if (input instanceof Date) throw new EmulatorError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    else if (typeof input === 'string') {
      if (input === '') cell.value = null;
      else if (input.startsWith("'")) {
        cell.value = input.slice(1) === '' ? null : input.slice(1);
        cell.quotePrefix = true;
      } else if (input.startsWith('=') && input.length > 1) {
        cell.value = null;
        cell.formula = input;
      } else if (NUMERIC.test(input.trim())) cell.value = Number(input.trim());
      else if (FRENCH_DATE.test(input.trim())) {
        // A French-locale Excel reads "31/12/2015" (and "31/12/2015 14:05") as a date.
        const [, d, mo, y, h, mi] = FRENCH_DATE.exec(input.trim())!;
        cell.value = dateToSerial(new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0))));
        cell.numberFormat ??= h ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy';
      } else if (/^[+-]?\d+(\.\d+)?%$/.test(input.trim())) cell.value = Number(input.trim().slice(0, -1)) / 100;
      else if (/^(true|false)$/i.test(input.trim())) cell.value = input.trim().toLowerCase() === 'true';
      else if (/^[+\-@]/.test(input) && input.length > 1) {
        cell.value = null;
        cell.formula = `=${input.startsWith('@') ? input.slice(1) : input}`;
      } else cell.value = input;
    } else throw new EmulatorError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    if (cell.value === null && !cell.formula && !cell.numberFormat && !cell.fill) this.prune(s, r, c);
  }

  private prune(s: SheetModel, r: number, c: number): void {
    const cell = s.cells.get(key(r, c));
    if (cell && cell.value === null && !cell.formula && !cell.error && !cell.numberFormat && !cell.fill && !cell.fontColor && !cell.bold && !cell.italic && !cell.fontSize) s.cells.delete(key(r, c));
  }

  clear(s: SheetModel, box: Box, applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    for (const [k, cell] of [...s.cells]) {
      const [r, c] = k.split(':').map(Number);
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

  /** The smallest box holding every non-blank cell (valuesOnly) or every touched cell. */
  usedBox(s: SheetModel, valuesOnly: boolean): Box | null {
    let b: Box | null = null;
    for (const [k, cell] of s.cells) {
      if (valuesOnly && cell.value === null && !cell.formula && !cell.error) continue;
      const [r, c] = k.split(':').map(Number);
      b = b ? { top: Math.min(b.top, r), left: Math.min(b.left, c), bottom: Math.max(b.bottom, r), right: Math.max(b.right, c) } : { top: r, left: c, bottom: r, right: c };
    }
    return b;
  }

  /** Inserts `count` rows of cells at `row` within columns left..right, moving what lies below down. */
  insertCells(s: SheetModel, row: number, left: number, right: number, count: number): void {
    const moved: [number, number, Cell][] = [];
    for (const [k, cell] of [...s.cells]) {
      const [r, c] = k.split(':').map(Number);
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

  // ---------- tables ----------

  table(name: string): TableModel | undefined {
    const k = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === k || t.id === name);
  }

  addTable(s: SheetModel, box: Box, hasHeaders: boolean): TableModel {
    let b = box;
    if (this.tables.some((t) => t.sheet === s && intersects(t.box, b))) throw new EmulatorError('InvalidOperation', "A table can't overlap another table.");
    if (!hasHeaders) {
      // Excel inserts a header row above the data and names the columns Column1, Column2…
      this.insertCells(s, b.top, b.left, b.right, 1);
      b = { ...b, bottom: b.bottom + 1 };
      for (let c = b.left; c <= b.right; c++) this.write(s, b.top, c, `Column${c - b.left + 1}`);
    } else {
      // Blank or duplicate headers get Excel's generated names.
      const seen = new Set<string>();
      for (let c = b.left; c <= b.right; c++) {
        let h = String(this.value(s, b.top, c));
        if (h === '') h = `Column${c - b.left + 1}`;
        let name = h;
        let i = 2;
        while (seen.has(name.toLowerCase())) name = `${h}${i++}`;
        seen.add(name.toLowerCase());
        if (name !== String(this.value(s, b.top, c))) this.write(s, b.top, c, `'${name}`);
      }
    }
    if (b.bottom === b.top) b = { ...b, bottom: b.top + 1 };
    let n = 1;
    while (this.table(`Table${n}`)) n++;
    const t: TableModel = { id: this.id('T'), name: `Table${n}`, sheet: s, box: b, showTotals: false, style: 'TableStyleMedium2' };
    this.tables.push(t);
    return t;
  }

  renameTable(t: TableModel, name: string): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rcRC]$/.test(name)) throw new EmulatorError('InvalidArgument', `Nom de tableau invalide : ${name}`);
    const other = this.table(name);
    if (other && other !== t) throw new EmulatorError('InvalidArgument', `A table named ${name} already exists.`);
    t.name = name;
  }

  headerBox(t: TableModel): Box {
    return { ...t.box, bottom: t.box.top };
  }

  bodyBox(t: TableModel): Box {
    return { ...t.box, top: t.box.top + 1, bottom: t.box.bottom - (t.showTotals ? 1 : 0) };
  }

  /**
   * Table.showHeaders: hidden, the header row leaves the table (its cells blank, the names kept by
   * the table, as Excel does) and comes back when shown again. `box` keeps the header row's place.
   */
  setShowHeaders(t: TableModel, on: boolean): void {
    const hidden = t.hiddenHeaders !== undefined;
    if (on === !hidden) return;
    if (!on) {
      t.hiddenHeaders = this.headers(t);
      for (let c = t.box.left; c <= t.box.right; c++) this.write(t.sheet, t.box.top, c, '');
    } else {
      const names = t.hiddenHeaders!;
      delete t.hiddenHeaders;
      names.forEach((n, i) => this.write(t.sheet, t.box.top, t.box.left + i, `'${n}`));
    }
  }

  headers(t: TableModel): string[] {
    if (t.hiddenHeaders) return [...t.hiddenHeaders];
    const h: string[] = [];
    for (let c = t.box.left; c <= t.box.right; c++) h.push(String(this.value(t.sheet, t.box.top, c)));
    return h;
  }

  setShowTotals(t: TableModel, on: boolean): void {
    if (on === t.showTotals) return;
    if (on) {
      const row = t.box.bottom + 1;
      if (this.tables.some((o) => o !== t && o.sheet === t.sheet && intersects(o.box, { ...t.box, top: row, bottom: row }))) throw new EmulatorError('InvalidOperation', 'The totals row would overlap another table.');
      t.box = { ...t.box, bottom: row };
      for (let c = t.box.left; c <= t.box.right; c++) this.write(t.sheet, row, c, '');
      this.write(t.sheet, row, t.box.left, "'Total");
    } else {
      this.clear(t.sheet, { ...t.box, top: t.box.bottom });
      t.box = { ...t.box, bottom: t.box.bottom - 1 };
    }
    t.showTotals = on;
  }

  /** Table.rows.add: new rows at the end of the body (or at `index`), cells below pushed down. */
  addRows(t: TableModel, index: number | null, values: unknown[][] | null, count: number): Box {
    const body = this.bodyBox(t);
    const bodyRows = body.bottom - body.top + 1;
    // A table created over a header alone has one blank body row, which the first added row fills.
    const blankOnly = bodyRows === 1 && this.isBlankRow(t.sheet, body.top, body.left, body.right);
    const at = index === null || index === undefined ? bodyRows : index;
    if (at < 0 || at > bodyRows) throw new EmulatorError('InvalidArgument', 'The index is out of range.');
    let first: number;
    let insert = count;
    if (blankOnly && at >= 0) {
      first = body.top;
      insert = count - 1;
      if (insert > 0) this.insertCells(t.sheet, body.top + 1, t.box.left, t.box.right, insert);
      if (insert > 0) t.box = { ...t.box, bottom: t.box.bottom + insert };
    } else {
      first = body.top + at;
      this.insertCells(t.sheet, first, t.box.left, t.box.right, count);
      // insertCells moved the table itself when it starts at or below the insertion row; it does not here.
      t.box = { ...t.box, bottom: t.box.bottom + count };
    }
    // Formats follow the column, as in an Excel table.
    for (let i = 0; i < count; i++) {
      for (let c = t.box.left; c <= t.box.right; c++) {
        const above = this.cell(t.sheet, first - 1 > t.box.top ? first - 1 : first + count, c);
        if (above?.numberFormat) this.cellForWrite(t.sheet, first + i, c).numberFormat = above.numberFormat;
      }
    }
    const box = { top: first, left: t.box.left, bottom: first + count - 1, right: t.box.right };
    if (values) this.writeBlock(t.sheet, box, values);
    this.changes.push({ sheet: t.sheet, box, source: 'Local', changeType: 'RowInserted' });
    return box;
  }

  private isBlankRow(s: SheetModel, r: number, left: number, right: number): boolean {
    for (let c = left; c <= right; c++) if (this.value(s, r, c) !== '') return false;
    return true;
  }

  deleteTable(t: TableModel): void {
    this.clear(t.sheet, t.box);
    this.tables = this.tables.filter((x) => x !== t);
  }

  /** Writes a rectangle of values (a 1×1 array fills the whole box, as Office.js allows). */
  writeBlock(s: SheetModel, box: Box, values: unknown[][], setter: (s: SheetModel, r: number, c: number, v: unknown) => void = (sh, r, c, v) => this.write(sh, r, c, v)): void {
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    if (!Array.isArray(values) || values.some((r) => !Array.isArray(r))) throw new EmulatorError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    const single = values.length === 1 && values[0].length === 1;
    if (!single && (values.length !== rows || values.some((r) => r.length !== cols))) {
      throw new EmulatorError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${values.length}×${values[0]?.length ?? 0} for ${rows}×${cols}).`);
    }
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) setter(s, box.top + r, box.left + c, single ? values[0][0] : values[r][c]);
  }

  // ---------- addresses ----------

  address(s: SheetModel, box: Box): string {
    return `${quoteSheet(s.name)}!${boxAddress(box)}`;
  }

  resolve(address: string, defaultSheet?: SheetModel): { sheet: SheetModel; box: Box } {
    const bang = address.lastIndexOf('!');
    let sheet = defaultSheet;
    let local = address;
    if (bang >= 0) {
      let n = address.slice(0, bang);
      if (n.startsWith("'") && n.endsWith("'")) n = n.slice(1, -1).replace(/''/g, "'");
      sheet = this.sheet(n);
      local = address.slice(bang + 1);
      if (!sheet) throw new EmulatorError('ItemNotFound', `The requested resource doesn't exist: ${n}`);
    }
    const box = parseBox(local);
    if (!sheet || !box) throw new EmulatorError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${address}`);
    return { sheet, box };
  }
}
