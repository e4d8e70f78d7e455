/**
 * An OpenDocument spreadsheet's content.xml, streamed once with the same byte scanner as a
 * worksheet: every sheet's cells with a value (kept by column from A1, core/columns.ts), the
 * database ranges (LibreOffice saves an Excel table as one: the contract survives in an .ods), the
 * covered cells of merges and the rows where a SUBTOTAL formula stands (a totals row).
 *
 * Read the way LibreOffice reads it: `office:value-type` says what a cell holds (float, currency
 * and percentage are numbers from `office:value`, date and time from `office:date-value` and
 * `office:time-value`, boolean, string from its paragraphs or `office:string-value`), a cell
 * LibreOffice computed as an error (`calcext:value-type="error"`) is that error. Repeated rows and
 * columns (`number-rows-repeated` up to 1 048 576, usually empty) only move the position: nothing is
 * expanded unless it holds a value, and then only within the guard's limits. Comments
 * (`office:annotation`) are no cell text.
 */
import { dateToSerial, serialToDate } from '../../core/cells';
import type { CellValue } from '../../core/snapshot';
import { ColumnStore } from '../../core/columns';
import { InputError, LIMITS } from './guard';
import { decodeEntities } from './xmlText';
import type { XmlScanner, XmlSink } from './xml';

/** Excel's (and LibreOffice's) last column. */
const MAX_COLUMNS = 16_384;
/** Covered cells noted per sheet at most (a merge over a whole table still blanks its cells). */
const MAX_COVERED = 100_000;

export interface OdsSheet {
  name: string;
  /** Cells with a value; row 0 is sheet row 1, column 0 is column A. */
  cells: ColumnStore;
  /** Covered cells of merges, as 1-based [row, column]. */
  covered: [number, number][];
  /** 1-based rows where a cell holds a SUBTOTAL formula. */
  subtotalRows: Set<number>;
}

export interface DatabaseRange {
  name: string;
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A cell reference of a range address: "'Participations 2014'.A4", "$Feuille1.$B$5", ".E9". */
const CELL_REF = /^(?:\$?('(?:[^']|'')*'|[^.']*)\.)?\$?([A-Za-z]{1,3})\$?(\d+)$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "Convention.A4:Convention.I13" → the sheet and the box; null when it is no single range of one sheet. */
export function parseRangeAddress(address: string): Omit<DatabaseRange, 'name'> | null {
  const parts = address.trim().split(/:(?=(?:[^']*'[^']*')*[^']*$)/);
  if (parts.length !== 2) return null;
  const a = CELL_REF.exec(parts[0]);
  const b = CELL_REF.exec(parts[1]);
  if (!a || !b) return null;
  const unquote = (s: string | undefined) => (s === undefined || s === '' ? undefined : s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s);
  const sheet = unquote(a[1]);
  const sheetB = unquote(b[1]);
  if (!sheet || (sheetB && sheetB !== sheet)) return null;
  const [r1, r2] = [Number(a[3]), Number(b[3])];
  const [c1, c2] = [columnNumber(a[2]), columnNumber(b[2])];
  return { sheet, top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}

/** A tag's attributes by qualified name (the value types need the prefix: office: or calcext:). */
function attributes(s: XmlScanner): Map<string, string> {
  const tag = s.buf.toString('utf8', s.nameEnd, s.tagEnd);
  const out = new Map<string, string>();
  const re = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out.set(m[1], decodeEntities(m[2] ?? m[3] ?? ''));
  return out;
}

const local = (qname: string) => qname.slice(qname.indexOf(':') + 1);
/** An attribute by local name, a given prefix first ("office:value" before any other "value"). */
function get(attrs: Map<string, string>, name: string, prefix = 'office'): string | undefined {
  const direct = attrs.get(`${prefix}:${name}`);
  if (direct !== undefined) return direct;
  for (const [k, v] of attrs) if (local(k) === name) return v;
  return undefined;
}

/** "2015-03-31" or "2015-03-31T10:30:00" (no zone: the sheet's own clock, read as UTC like every date here). */
function odsDate(text: string): CellValue {
  const t = text.trim();
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : t.includes('T') ? `${t}Z` : `${t}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? t : d;
}

/** "PT12H30M00S" (a time of day, as a fraction of a day on Excel's day zero, as an .xlsx time cell reads). */
function odsTime(text: string): CellValue {
  const m = /^(-)?P(?:(\d+)D)?T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(text.trim());
  if (!m) return text;
  const days = Number(m[2] ?? 0) + (Number(m[3] ?? 0) + (Number(m[4] ?? 0) + Number(m[5] ?? 0) / 60) / 60) / 24;
  return serialToDate((m[1] ? -days : days) + dateToSerial(new Date(Date.UTC(1899, 11, 30))));
}

export class OdsContent implements XmlSink {
  readonly sheets: OdsSheet[] = [];
  readonly ranges: DatabaseRange[] = [];

  private sheet: OdsSheet | null = null;
  private depth = 0;
  private row = 0;
  private col = 0;
  private rowRepeat = 1;
  private rowCells: [number, CellValue][] = [];
  private rowCovered: number[] = [];
  private rowSubtotal = false;
  private kept = 0;

  // The cell being read.
  private inCell = false;
  private cellRepeat = 1;
  private covered = false;
  private kind: string | undefined;
  private attrs: Map<string, string> = new Map();
  private paragraphs: string[] = [];
  private inParagraph = 0;
  private inAnnotation = 0;

  open(s: XmlScanner): void {
    if (this.inCell) return this.openInCell(s);
    if (s.is('table-cell') || s.is('covered-table-cell')) return this.openCell(s);
    if (s.is('table-row')) {
      if (!this.sheet) return;
      const n = Number(get(attributes(s), 'number-rows-repeated', 'table') ?? 1);
      this.rowRepeat = Number.isInteger(n) && n > 0 ? n : 1;
      this.col = 0;
      this.rowCells = [];
      this.rowCovered = [];
      this.rowSubtotal = false;
      if (s.selfClosing) this.closeRow();
    } else if (s.is('table')) {
      // A table inside a drawing or a cell (rare) is no sheet: only the spreadsheet's own are.
      if (this.depth++ > 0) return;
      const name = get(attributes(s), 'name', 'table') ?? `Feuille${this.sheets.length + 1}`;
      this.sheet = { name, cells: new ColumnStore(), covered: [], subtotalRows: new Set() };
      this.sheets.push(this.sheet);
      this.row = 0;
      this.kept = 0;
    } else if (s.is('database-range')) {
      const a = attributes(s);
      const name = get(a, 'name', 'table');
      const box = parseRangeAddress(get(a, 'target-range-address', 'table') ?? '');
      if (name && box) this.ranges.push({ name, ...box });
    }
  }

  close(s: XmlScanner): void {
    if (this.inCell) {
      if (s.is('table-cell') || s.is('covered-table-cell')) this.closeCell();
      else this.closeInCell(s);
      return;
    }
    if (s.is('table-row')) {
      if (this.sheet && !s.selfClosing) this.closeRow();
    } else if (s.is('table') && this.depth > 0) {
      if (--this.depth === 0) this.sheet = null;
    }
  }

  text(s: XmlScanner): void {
    if (this.inParagraph > 0 && this.inAnnotation === 0) this.paragraphs[this.paragraphs.length - 1] += s.text();
  }

  private openCell(s: XmlScanner): void {
    if (!this.sheet) return;
    this.covered = s.is('covered-table-cell');
    this.attrs = attributes(s);
    const n = Number(get(this.attrs, 'number-columns-repeated', 'table') ?? 1);
    this.cellRepeat = Number.isInteger(n) && n > 0 ? n : 1;
    this.kind = get(this.attrs, 'value-type');
    this.paragraphs = [];
    this.inParagraph = 0;
    this.inAnnotation = 0;
    this.inCell = true;
    if (s.selfClosing) this.closeCell();
  }

  private openInCell(s: XmlScanner): void {
    if (s.is('annotation')) {
      if (!s.selfClosing) this.inAnnotation++;
    } else if (this.inAnnotation > 0) return;
    else if (s.is('p') || s.is('h')) {
      this.paragraphs.push('');
      if (!s.selfClosing) {
        this.inParagraph++;
        s.wantText = true;
      }
    } else if (this.inParagraph > 0) {
      const last = this.paragraphs.length - 1;
      if (s.is('s')) this.paragraphs[last] += ' '.repeat(Math.min(1000, Math.max(1, Number(get(attributes(s), 'c', 'text') ?? 1) || 1)));
      else if (s.is('tab')) this.paragraphs[last] += '\t';
      else if (s.is('line-break')) this.paragraphs[last] += '\n';
    }
  }

  private closeInCell(s: XmlScanner): void {
    if (s.is('annotation')) {
      if (!s.selfClosing) this.inAnnotation--;
    } else if (this.inAnnotation === 0 && (s.is('p') || s.is('h')) && !s.selfClosing) {
      if (--this.inParagraph === 0) s.wantText = false;
    }
  }

  /** The cell's value as LibreOffice holds it; null when it holds none. */
  private value(): CellValue {
    const a = this.attrs;
    const text = () => this.paragraphs.join('\n');
    if (get(a, 'value-type', 'calcext') === 'error') return { error: text() || '#N/A' };
    // LibreOffice's TRUE and FALSE from an .xlsx are the formulas =TRUE() and =FALSE() over 1 and 0: a boolean, as it shows them.
    const logical = /^(?:of:)?=(TRUE|FALSE)\(\)$/i.exec(get(a, 'formula', 'table') ?? '');
    if (logical) return logical[1].toUpperCase() === 'TRUE';
    switch (this.kind) {
      case 'float':
      case 'percentage':
      case 'currency': {
        const v = Number(get(a, 'value'));
        return Number.isNaN(v) ? text() : v;
      }
      case 'date':
        return odsDate(get(a, 'date-value') ?? text());
      case 'time':
        return odsTime(get(a, 'time-value') ?? text());
      case 'boolean':
        return /^(true|1)$/i.test(get(a, 'boolean-value') ?? '');
      case 'string':
        return get(a, 'string-value') ?? text();
      case undefined: {
        // A formula without its result (a file no spreadsheet computed); else only the text.
        const f = get(a, 'formula', 'table');
        if (f) return { uncalculated: f.replace(/^[a-z]+:(?==)/, '') };
        return text() || null;
      }
      default:
        return text();
    }
  }

  private closeCell(): void {
    this.inCell = false;
    const from = this.col;
    this.col += this.cellRepeat;
    if (from >= MAX_COLUMNS) return;
    const to = Math.min(this.col, MAX_COLUMNS);
    if (this.covered) {
      for (let c = from; c < to; c++) this.rowCovered.push(c);
      return;
    }
    if (/SUBTOTAL\s*\(/i.test(get(this.attrs, 'formula', 'table') ?? '')) this.rowSubtotal = true;
    const v = this.value();
    if (v === null) return;
    for (let c = from; c < to; c++) this.rowCells.push([c, v]);
  }

  private closeRow(): void {
    const sheet = this.sheet!;
    const first = this.row;
    this.row += this.rowRepeat;
    if (!this.rowCells.length && !this.rowCovered.length && !this.rowSubtotal) return;
    if (this.row > LIMITS.rowsPerSheet) throw new InputError('too-large', `ligne ${this.row} au-delà de la dernière ligne d'un tableur (${LIMITS.rowsPerSheet.toLocaleString('fr-FR')})`);
    for (let r = first; r < this.row; r++) {
      if (this.rowSubtotal) sheet.subtotalRows.add(r + 1);
      for (const c of this.rowCovered) if (sheet.covered.length < MAX_COVERED) sheet.covered.push([r + 1, c + 1]);
      for (const [c, v] of this.rowCells) {
        if (++this.kept > LIMITS.keptCells) throw new InputError('too-large', `plus de ${LIMITS.keptCells.toLocaleString('fr-FR')} cellules à lire sur la feuille ${sheet.name}`);
        sheet.cells.set(r, c, v);
      }
    }
  }
}
