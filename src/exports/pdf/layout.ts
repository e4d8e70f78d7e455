/**
 * The flow of the pages: a cursor going down the page, sections, paragraphs and tables that break
 * across pages (repeating their header), and the header and footer stamped on every page once the
 * page count is known.
 */
import { ACCENT, B, CONTENT_BOTTOM, CONTENT_TOP, CONTENT_W, INK, MARGIN_X, MUTED, PAGE_H, PAGE_W, R, type Doc } from './style';
import { fit, wrapLines } from './text';

const FONT_SIZE = 7.5;
const ROW_H = 12;
const PAD = 3;
const HEADER_FILL = '#dce6f1';
const TOTAL_FILL = '#f2f2f2';
const BAND_FILL = '#f7f9fc';
const RULE = '#bfbfbf';

export interface Column {
  header: string;
  width: number;
  align: 'left' | 'right';
  /** Wraps over up to this many lines instead of being cut. */
  wrap?: number;
}

export interface TableOptions {
  x?: number;
  fontSize?: number;
}

export interface TableRow {
  cells: string[];
  kind?: 'total';
  colour?: string;
}

/** A cell's lines, each aligned in its column, 9 points apart from `top`. */
function cellLines(doc: Doc, lines: string[], c: Column, cx: number, top: number): void {
  lines.forEach((l, i) => {
    const lw = doc.widthOfString(l);
    doc.text(l, c.align === 'right' ? cx + c.width - PAD - lw : cx + PAD, top + i * 9, { lineBreak: false });
  });
}

const widthOf = (cols: Column[]) => cols.reduce((s, c) => s + c.width, 0);

export class Layout {
  y = CONTENT_TOP;
  constructor(readonly doc: Doc) {}

  /**
   * `cols` with its first column widened, as far as the page allows, to hold `texts` on one line: a
   * convention whose funders have long names (« Banque publique d’investissement ») is not cut to
   * « Banque publiq… »; short names (the CES ESS's) keep the column as drawn.
   */
  fitFirstColumn(cols: Column[], texts: string[]): Column[] {
    this.doc.font(R).fontSize(FONT_SIZE);
    const need = Math.max(0, ...texts.map((t) => this.doc.widthOfString(t))) + 2 * PAD;
    const [first, ...rest] = cols;
    if (need <= first.width) return cols;
    return [{ ...first, width: Math.min(need, first.width + Math.max(0, CONTENT_W - widthOf(cols))) }, ...rest];
  }

  newPage(): void {
    this.doc.addPage();
    this.y = CONTENT_TOP;
  }

  ensure(height: number): void {
    if (this.y + height > CONTENT_BOTTOM) this.newPage();
  }

  text(s: string, x: number, y: number, font: string, size: number, colour = INK): void {
    this.doc.font(font).fontSize(size).fillColor(colour).text(s, x, y, { lineBreak: false });
  }

  section(title: string, x = MARGIN_X): void {
    this.text(title, x, this.y, B, 9.5, ACCENT);
    this.y += 15;
  }

  /** Text over the content width, wrapped by pdfkit, the cursor moved under it. */
  paragraph(t: string, font: string, size: number, colour: string): void {
    const doc = this.doc;
    doc.font(font).fontSize(size).fillColor(colour);
    const h = doc.heightOfString(t, { width: CONTENT_W });
    doc.text(t, MARGIN_X, this.y, { width: CONTENT_W });
    this.y += h + 3;
  }

  private size = FONT_SIZE;

  private headerHeight(cols: Column[]): number {
    this.doc.font(B).fontSize(this.size);
    const lines = Math.max(...cols.map((c) => wrapLines(this.doc, c.header, c.width - 2 * PAD, 4).length));
    return lines * 9 + 5;
  }

  private drawHeader(cols: Column[], x: number, y: number, h: number): void {
    const doc = this.doc;
    doc.rect(x, y, widthOf(cols), h).fill(HEADER_FILL);
    let cx = x;
    doc.font(B).fontSize(this.size).fillColor(INK);
    for (const c of cols) {
      cellLines(doc, wrapLines(doc, c.header, c.width - 2 * PAD, 4), c, cx, y + 3);
      cx += c.width;
    }
  }

  private rowHeight(cols: Column[], row: TableRow): number {
    this.doc.font(row.kind === 'total' ? B : R).fontSize(this.size);
    let lines = 1;
    cols.forEach((c, i) => {
      if (c.wrap) lines = Math.max(lines, wrapLines(this.doc, row.cells[i] ?? '', c.width - 2 * PAD, c.wrap).length);
    });
    return ROW_H + (lines - 1) * 9;
  }

  /** One row at the cursor: its band, its cells (cut or wrapped), the rule under it. */
  private drawRow(cols: Column[], row: TableRow, banded: boolean, x: number, h: number): void {
    const doc = this.doc;
    const w = widthOf(cols);
    if (row.kind === 'total') doc.rect(x, this.y, w, h).fill(TOTAL_FILL);
    else if (banded) doc.rect(x, this.y, w, h).fill(BAND_FILL);
    doc.font(row.kind === 'total' ? B : R).fontSize(this.size).fillColor(row.colour ?? INK);
    let cx = x;
    cols.forEach((c, i) => {
      const s = row.cells[i] ?? '';
      const inner = c.width - 2 * PAD;
      cellLines(doc, c.wrap ? wrapLines(doc, s, inner, c.wrap) : [fit(doc, s, inner)], c, cx, this.y + 2.5);
      cx += c.width;
    });
    this.y += h;
    doc
      .moveTo(x, this.y)
      .lineTo(x + w, this.y)
      .lineWidth(row.kind === 'total' ? 0.8 : 0.3)
      .strokeColor(RULE)
      .stroke();
  }

  /** The height a table takes, title included, if it does not break. */
  tableHeight(cols: Column[], rows: TableRow[], options: TableOptions = {}): number {
    this.size = options.fontSize ?? FONT_SIZE;
    return 15 + this.headerHeight(cols) + rows.reduce((s, r) => s + this.rowHeight(cols, r), 0) + 12;
  }

  /** A table that breaks across pages, repeating its header. */
  table(title: string, cols: Column[], rows: TableRow[], options: TableOptions = {}): void {
    const x = options.x ?? MARGIN_X;
    this.size = options.fontSize ?? FONT_SIZE;
    const hh = this.headerHeight(cols);
    // Title, header and the first rows stay together.
    const firstRows = rows.slice(0, 3).reduce((s, r) => s + this.rowHeight(cols, r), 0);
    this.ensure(15 + hh + firstRows);
    this.section(title, x);
    this.drawHeader(cols, x, this.y, hh);
    this.y += hh;
    rows.forEach((row, ri) => {
      const h = this.rowHeight(cols, row);
      if (this.y + h > CONTENT_BOTTOM) {
        this.newPage();
        this.drawHeader(cols, x, this.y, hh);
        this.y += hh;
      }
      this.drawRow(cols, row, ri % 2 === 1, x, h);
    });
    this.y += 12;
  }
}

export interface PageFrame {
  left: string;
  leftColour: string;
  right: string;
  /** "Page n / N". */
  page: (n: number, count: number) => string;
}

/** Header (left and right, over a rule) and page number on every buffered page; returns the page count. */
export function stampPages(doc: Doc, frame: PageFrame): number {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font(B).fontSize(8).fillColor(frame.leftColour).text(frame.left, MARGIN_X, 26, { lineBreak: false });
    doc.font(R).fontSize(8).fillColor(INK);
    doc.text(frame.right, PAGE_W - MARGIN_X - doc.widthOfString(frame.right), 26, { lineBreak: false });
    doc
      .moveTo(MARGIN_X, 40)
      .lineTo(PAGE_W - MARGIN_X, 40)
      .lineWidth(0.6)
      .strokeColor(ACCENT)
      .stroke();
    const page = frame.page(i - range.start + 1, range.count);
    doc.font(R).fontSize(7.5).fillColor(MUTED);
    doc.text(page, (PAGE_W - doc.widthOfString(page)) / 2, PAGE_H - 28, { lineBreak: false });
  }
  return range.count;
}
