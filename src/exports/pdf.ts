/**
 * The COPIL summary as a PDF, drawn by our own code with pdfkit (Excel on the web's
 * getFileAsync(Pdf) returns 0 bytes): A4 landscape, a header with the contract and the as-of date
 * and "Page n / N" on every page, the tables, and the two charts drawn as vector paths.
 *
 * Self-contained and loaded on demand: the task pane imports this module only when an export is
 * asked for (dynamic import), so pdfkit never weighs on its first paint. No fs here: the caller
 * hands the font bytes in and gets the PDF's bytes back.
 *
 * Fonts: DejaVu Sans, embedded (subset) from the @fontsource/dejavu-sans package's WOFF files,
 * which pdfkit reads through fontkit. It has every glyph the French amounts need (U+00A0 and
 * U+202F spaces, €, – and ’), so amounts print exactly as formatEuros writes them. In Node, read
 * `require.resolve(PDF_FONT_FILES.regular)`; in the browser, let the bundler emit the two files
 * as assets and fetch them.
 */
import PDFDocument from 'pdfkit';
import type { Lang } from '../core/contract';
import { messages } from '../core/i18n';
import { formatEuros, formatGap, formatRate, type Cents } from '../core/money';
import type { Execution, Summary } from '../core/summary';
import { displayDate, EXECUTION_COLOURS, FUNDER_COLOURS } from '../core/summarySheet';
import { evolutionsOf, evolutionTables } from '../core/versions/evolutions';

export const PDF_FONT_FILES = {
  regular: '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff',
  bold: '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff',
} as const;

export interface PdfFonts {
  regular: Uint8Array | ArrayBuffer;
  bold: Uint8Array | ArrayBuffer;
}

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
}

type Doc = PDFKit.PDFDocument;

/** zlib-wrapped deflate, with the platform's own decompressor (browsers and Node 18+). */
async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * WOFF → plain TrueType, once per export. fontkit reads WOFF itself but inflates a table again on
 * every access (the glyph table once per glyph): ten seconds for this PDF instead of a fraction.
 * Anything that is not WOFF (a TTF or OTF handed in) passes through untouched.
 */
export async function woffToSfnt(woff: Uint8Array): Promise<Uint8Array> {
  const inView = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.byteLength < 44 || inView.getUint32(0) !== 0x774f4646 /* wOFF */) return woff;
  const numTables = inView.getUint16(12);
  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const offset = inView.getUint32(e + 4);
    const compLength = inView.getUint32(e + 8);
    const origLength = inView.getUint32(e + 12);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({ tag: inView.getUint32(e), checksum: inView.getUint32(e + 16), data: compLength < origLength ? await inflate(raw) : raw });
  }
  const pad4 = (n: number) => (n + 3) & ~3;
  const headerSize = 12 + 16 * numTables;
  const out = new Uint8Array(headerSize + tables.reduce((s, t) => s + pad4(t.data.length), 0));
  const v = new DataView(out.buffer);
  let pow = 1;
  let log = 0;
  while (pow * 2 <= numTables) {
    pow *= 2;
    log += 1;
  }
  v.setUint32(0, inView.getUint32(4));
  v.setUint16(4, numTables);
  v.setUint16(6, pow * 16);
  v.setUint16(8, log);
  v.setUint16(10, numTables * 16 - pow * 16);
  let at = headerSize;
  tables.forEach((t, i) => {
    v.setUint32(12 + i * 16, t.tag);
    v.setUint32(16 + i * 16, t.checksum);
    v.setUint32(20 + i * 16, at);
    v.setUint32(24 + i * 16, t.data.length);
    out.set(t.data, at);
    at += pad4(t.data.length);
  });
  return out;
}

// A4 landscape, in points.
const PAGE_W = 841.89;
const PAGE_H = 595.28;
const MARGIN_X = 36;
const CONTENT_TOP = 62;
const CONTENT_BOTTOM = PAGE_H - 40;
const CONTENT_W = PAGE_W - 2 * MARGIN_X;

const R = 'DejaVu';
const B = 'DejaVu-Bold';
const FONT_SIZE = 7.5;
const ROW_H = 12;
const PAD = 3;

const INK = '#1a1a1a';
const MUTED = '#595959';
const ACCENT = '#1f4e79';
const HEADER_FILL = '#dce6f1';
const TOTAL_FILL = '#f2f2f2';
const RULE = '#bfbfbf';
const ERROR = '#c00000';
const WARN = '#9c5700';

interface Column {
  header: string;
  width: number;
  align: 'left' | 'right';
  /** Wraps over up to this many lines instead of being cut. */
  wrap?: number;
}

interface TableOptions {
  x?: number;
  fontSize?: number;
}

interface TableRow {
  cells: string[];
  kind?: 'total';
  colour?: string;
}

/** Cuts a string to a width, with an ellipsis. */
function fit(doc: Doc, s: string, width: number): string {
  if (doc.widthOfString(s) <= width) return s;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(s.slice(0, mid) + '…') <= width) lo = mid;
    else hi = mid - 1;
  }
  return s.slice(0, lo).trimEnd() + '…';
}

/** Greedy word wrap on spaces (no-break spaces stay put), at most `max` lines, the last one cut. */
function wrapLines(doc: Doc, s: string, width: number, max: number): string[] {
  const words = s.split(/ +/);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    if (!cur || doc.widthOfString(next) <= width) cur = next;
    else {
      lines.push(cur);
      cur = w;
    }
  }
  if (cur) lines.push(cur);
  if (lines.length <= max) return lines.map((l) => fit(doc, l, width));
  const kept = lines.slice(0, max);
  kept[max - 1] = fit(doc, lines.slice(max - 1).join(' ') + ' …', width);
  return kept.map((l, i) => (i < max - 1 ? fit(doc, l, width) : l));
}

class Layout {
  y = CONTENT_TOP;
  constructor(readonly doc: Doc) {}

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

  private size = FONT_SIZE;

  private headerHeight(cols: Column[]): number {
    this.doc.font(B).fontSize(this.size);
    const lines = Math.max(...cols.map((c) => wrapLines(this.doc, c.header, c.width - 2 * PAD, 4).length));
    return lines * 9 + 5;
  }

  private drawHeader(cols: Column[], x: number, y: number, h: number): void {
    const doc = this.doc;
    const w = cols.reduce((s, c) => s + c.width, 0);
    doc.rect(x, y, w, h).fill(HEADER_FILL);
    let cx = x;
    doc.font(B).fontSize(this.size).fillColor(INK);
    for (const c of cols) {
      const lines = wrapLines(doc, c.header, c.width - 2 * PAD, 4);
      lines.forEach((l, i) => {
        const lw = doc.widthOfString(l);
        doc.text(l, c.align === 'right' ? cx + c.width - PAD - lw : cx + PAD, y + 3 + i * 9, { lineBreak: false });
      });
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

  /** The height a table takes, title included, if it does not break. */
  tableHeight(cols: Column[], rows: TableRow[], options: TableOptions = {}): number {
    this.size = options.fontSize ?? FONT_SIZE;
    return 15 + this.headerHeight(cols) + rows.reduce((s, r) => s + this.rowHeight(cols, r), 0) + 12;
  }

  /** A table that breaks across pages, repeating its header. */
  table(title: string, cols: Column[], rows: TableRow[], options: TableOptions = {}): void {
    const doc = this.doc;
    const x = options.x ?? MARGIN_X;
    this.size = options.fontSize ?? FONT_SIZE;
    const hh = this.headerHeight(cols);
    const w = cols.reduce((s, c) => s + c.width, 0);
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
      if (row.kind === 'total') doc.rect(x, this.y, w, h).fill(TOTAL_FILL);
      else if (ri % 2 === 1) doc.rect(x, this.y, w, h).fill('#f7f9fc');
      doc.font(row.kind === 'total' ? B : R).fontSize(this.size).fillColor(row.colour ?? INK);
      let cx = x;
      cols.forEach((c, i) => {
        const s = row.cells[i] ?? '';
        const inner = c.width - 2 * PAD;
        const lines = c.wrap ? wrapLines(doc, s, inner, c.wrap) : [fit(doc, s, inner)];
        lines.forEach((l, li) => {
          const lw = doc.widthOfString(l);
          doc.text(l, c.align === 'right' ? cx + c.width - PAD - lw : cx + PAD, this.y + 2.5 + li * 9, { lineBreak: false });
        });
        cx += c.width;
      });
      this.y += h;
      doc
        .moveTo(x, this.y)
        .lineTo(x + w, this.y)
        .lineWidth(row.kind === 'total' ? 0.8 : 0.3)
        .strokeColor(RULE)
        .stroke();
    });
    this.y += 12;
  }
}

// ---------- charts ----------

interface Series {
  name: string;
  colour: string;
  values: Cents[];
}

/** 1, 2 or 5 times a power of ten, in cents, so that about five gridlines cover `max`. */
function niceStep(max: Cents): Cents {
  // An empty chart (nothing planned yet) still gets round euro ticks, not cents.
  const raw = Math.max(max, 500_000) / 5;
  const pow = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / pow;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * pow;
}

/** "2 000 000 €" / "€2,000,000": tick labels are whole euros. */
function tickLabel(c: Cents, lang: Lang): string {
  const s = formatEuros(c, lang);
  return lang === 'fr' ? s.replace(/,00(?=\u00a0€$)/, '') : s.replace(/\.00$/, '');
}

function barChart(doc: Doc, lang: Lang, x: number, y: number, w: number, h: number, spec: { title: string; categoryTitle: string; valueTitle: string; categories: string[]; series: Series[] }): void {
  doc.font(B).fontSize(9).fillColor(ACCENT).text(spec.title, x, y, { lineBreak: false });
  const max = Math.max(0, ...spec.series.flatMap((s) => s.values));
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);

  doc.font(R).fontSize(6.5);
  const labelW = Math.max(...Array.from({ length: Math.round(top / step) + 1 }, (_, i) => doc.widthOfString(tickLabel(i * step, lang))));
  const legendH = 14;
  const catLabelH = 4 * 8 + 2;
  const axisTitleH = 10;
  const plot = { x: x + 14 + labelW + 4, y: y + 18, w: 0, h: 0 };
  plot.w = x + w - plot.x - 4;
  plot.h = y + h - legendH - axisTitleH - catLabelH - plot.y;

  // Gridlines and value labels.
  for (let v = 0; v <= top; v += step) {
    const gy = plot.y + plot.h - (v / top) * plot.h;
    doc
      .moveTo(plot.x, gy)
      .lineTo(plot.x + plot.w, gy)
      .lineWidth(v === 0 ? 0.8 : 0.3)
      .strokeColor(v === 0 ? '#7f7f7f' : '#d9d9d9')
      .stroke();
    const label = tickLabel(v, lang);
    doc.fillColor(MUTED).text(label, plot.x - 4 - doc.widthOfString(label), gy - 3, { lineBreak: false });
  }
  // Value axis title, turned along the axis.
  doc.save();
  doc.font(R).fontSize(7).fillColor(MUTED);
  const vt = spec.valueTitle;
  const vtW = doc.widthOfString(vt);
  doc.rotate(-90, { origin: [x + 4, plot.y + plot.h / 2] });
  doc.text(vt, x + 4 - vtW / 2, plot.y + plot.h / 2 - 4, { lineBreak: false });
  doc.restore();

  // Bars: one group per category, one bar per series, drawn as filled rectangles.
  const groupW = plot.w / spec.categories.length;
  const barW = Math.min(28, (groupW * 0.75) / spec.series.length);
  spec.categories.forEach((cat, ci) => {
    const gx = plot.x + ci * groupW + (groupW - barW * spec.series.length) / 2;
    spec.series.forEach((s, si) => {
      const v = s.values[ci] ?? 0;
      const bh = (v / top) * plot.h;
      if (bh > 0) doc.rect(gx + si * barW, plot.y + plot.h - bh, barW - 1, bh).fill(s.colour);
    });
    doc.font(R).fontSize(6.5).fillColor(INK);
    const lines = wrapLines(doc, cat, groupW - 6, 4);
    lines.forEach((l, li) => {
      doc.text(l, plot.x + ci * groupW + (groupW - doc.widthOfString(l)) / 2, plot.y + plot.h + 4 + li * 8, { lineBreak: false });
    });
  });
  doc.font(R).fontSize(7).fillColor(MUTED);
  const ct = spec.categoryTitle;
  doc.text(ct, plot.x + (plot.w - doc.widthOfString(ct)) / 2, plot.y + plot.h + catLabelH + 2, { lineBreak: false });

  // Legend, centred under the chart.
  doc.font(R).fontSize(7);
  const items = spec.series.map((s) => ({ s, w: 10 + doc.widthOfString(s.name) + 12 }));
  let lx = x + (w - items.reduce((a, i) => a + i.w, 0)) / 2;
  const ly = y + h - legendH + 3;
  for (const { s, w: iw } of items) {
    doc.rect(lx, ly, 7, 7).fill(s.colour);
    doc.fillColor(INK).text(s.name, lx + 10, ly, { lineBreak: false });
    lx += iw;
  }
}

// ---------- the document ----------

const amount = (c: Cents | null, lang: Lang, none: string) => (c === null ? none : formatEuros(c, lang));

export async function summaryPdf(summary: Summary, fonts: PdfFonts): Promise<PdfResult> {
  const lang = summary.lang;
  const m = messages[lang].summary;
  const c = m.columns;
  const date = displayDate(summary.asOf, lang);
  const counts = summary.findings.counts;

  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 20, bottom: 10, left: MARGIN_X, right: MARGIN_X },
    bufferPages: true,
    // No default font: the standard Helvetica would need its metrics file, and is not embedded.
    font: null as unknown as string,
    info: { Title: `${m.title} – ${summary.contract.shortTitle}`, Subject: `${summary.contract.title} – ${m.asOf(date)}`, Author: 'Suivi CES ESS', Creator: 'Suivi CES ESS' },
    lang: lang === 'fr' ? 'fr-FR' : 'en-GB',
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions);
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const bytesOf = (b: Uint8Array | ArrayBuffer) => (b instanceof Uint8Array ? b : new Uint8Array(b));
  const [regular, bold] = await Promise.all([woffToSfnt(bytesOf(fonts.regular)), woffToSfnt(bytesOf(fonts.bold))]);
  doc.registerFont(R, regular as unknown as Buffer);
  doc.registerFont(B, bold as unknown as Buffer);
  doc.font(R);

  const L = new Layout(doc);
  const eur = (v: Cents | null) => amount(v, lang, m.noAmount);
  const pct = (r: string | null) => formatRate(r, lang);
  const exec = (e: Execution) => [eur(e.planned), eur(e.committed), eur(e.paid), pct(e.commitmentRate), pct(e.paymentRate)];
  const AMT = 92;
  const RATE = 78;

  // Page 1: what this is, where the contract stands, what the check concludes, the convention's references.
  L.text(`${m.title} – ${summary.contract.shortTitle}`, MARGIN_X, L.y, B, 15, ACCENT);
  L.y += 20;
  const para = (t: string, font: string, size: number, colour: string) => {
    doc.font(font).fontSize(size).fillColor(colour);
    const h = doc.heightOfString(t, { width: CONTENT_W });
    doc.text(t, MARGIN_X, L.y, { width: CONTENT_W });
    L.y += h + 3;
  };
  if (summary.example) {
    doc.rect(MARGIN_X, L.y - 2, CONTENT_W, 14).fill('#fde9e7');
    para(m.exampleBanner, B, 8.5, ERROR);
  }
  para(`${m.asOf(date)} · ${m.counts(counts.error, counts.warning, counts.info)}`, B, 9, counts.error > 0 ? ERROR : INK);
  para(summary.conclusion, B, 8.5, counts.error > 0 ? ERROR : counts.warning > 0 ? WARN : INK);
  para(summary.references, R, 7.5, INK);
  para(summary.method, R, 7, MUTED);
  para(m.source, R, 7, MUTED);
  L.y += 8;

  const gapText = (g: Cents | null) => (g === null ? '' : formatGap(g, lang));
  const tot = summary.funderYearsTotal;
  const na = m.notAvailable(tot.unknown ?? '');
  L.table(
    m.sections.convention,
    [
      { header: c.funder, width: 70, align: 'left' },
      { header: c.year, width: 40, align: 'right' },
      { header: c.status, width: 124, align: 'left', wrap: 2 },
      { header: c.convention, width: AMT + 40, align: 'right', wrap: 3 },
      { header: c.participations, width: AMT + 30, align: 'right', wrap: 3 },
      { header: c.gap, width: AMT + 40, align: 'right', wrap: 3 },
    ],
    [
      ...summary.funderYears.map((l) => ({
        cells: [
          l.funder,
          String(l.year),
          l.status,
          l.convention === null ? (l.unknown ?? m.noAmount) : eur(l.convention),
          l.participations === null ? m.notAvailable(l.unknown ?? '') : eur(l.participations),
          l.gap === null ? m.notAvailable(l.unknown ?? m.noAmount) : gapText(l.gap),
        ],
        colour: l.gap !== null && l.gap !== 0 ? ERROR : undefined,
      })),
      // A total that cannot add up says "n.d." and why, in the row itself.
      { cells: [m.total, '', '', tot.convention === null ? na : eur(tot.convention), tot.participations === null ? na : eur(tot.participations), tot.gap === null ? na : gapText(tot.gap)], kind: 'total' as const },
    ],
  );
  // Every rule that fired, warnings included, with its count and first cells.
  if (summary.findings.groups.length) {
    const sevWords = messages[lang].severity;
    L.table(
      m.sections.groups,
      [
        { header: c.severity, width: 66, align: 'left' },
        { header: c.rule, width: 230, align: 'left', wrap: 2 },
        { header: c.count, width: 46, align: 'right' },
        { header: c.article, width: 80, align: 'left' },
        { header: c.firstCells, width: CONTENT_W - 66 - 230 - 46 - 80 - 170, align: 'left', wrap: 2 },
        { header: c.ruleId, width: 170, align: 'left' },
      ],
      summary.findings.groups.map((g) => ({
        cells: [sevWords[g.severity], g.title, String(g.count), g.article ?? '', g.cells.join(', '), g.rule],
        colour: g.severity === 'error' ? ERROR : g.severity === 'warning' ? WARN : undefined,
      })),
    );
  }
  if (summary.findings.topErrors.length) {
    L.table(
      m.sections.topErrors,
      [
        { header: c.message, width: CONTENT_W - 150 - 50 - 100 - 56, align: 'left', wrap: 4 },
        { header: c.rule, width: 150, align: 'left', wrap: 3 },
        { header: c.article, width: 50, align: 'left' },
        { header: c.sheet, width: 100, align: 'left' },
        { header: c.cell, width: 56, align: 'left' },
      ],
      summary.findings.topErrors.map((f) => ({ cells: [f.message, messages[lang].ruleTitles[f.rule], f.article ?? '', f.sheet, f.cell] })),
    );
    if (summary.findings.moreErrors > 0) {
      L.ensure(14);
      L.text(m.moreErrors(summary.findings.moreErrors), MARGIN_X, L.y - 6, R, 7.5, MUTED);
      L.y += 14;
    }
  }

  // The money's execution after what is wrong: page 1 is the COPIL's agenda.
  L.table(
    m.sections.execution,
    [
      { header: c.funder, width: 90, align: 'left' },
      { header: c.year, width: 44, align: 'right' },
      { header: c.planned, width: AMT + 6, align: 'right' },
      { header: c.committed, width: AMT + 6, align: 'right' },
      { header: c.paid, width: AMT + 6, align: 'right' },
      { header: c.commitmentRate, width: RATE, align: 'right' },
      { header: c.paymentRate, width: RATE, align: 'right' },
    ],
    [...summary.funderYears.map((l) => ({ cells: [l.funder, String(l.year), ...exec(l)] })), { cells: [m.total, '', ...exec(summary.funderYearsTotal)], kind: 'total' as const }],
  );

  // Then the charts (from page 2 for the example), then the figures they draw.
  const chartH = 215;
  L.ensure(chartH + 14);
  const chartW = (CONTENT_W - 24) / 2;
  barChart(doc, lang, MARGIN_X, L.y, chartW, chartH, {
    title: m.charts.participations.title,
    categoryTitle: m.charts.participations.category,
    valueTitle: m.charts.participations.value,
    categories: summary.allYears.rows.map((r) => r.label),
    series: summary.funders.map((f, i) => ({ name: f.label, colour: `#${FUNDER_COLOURS[i % FUNDER_COLOURS.length]}`, values: summary.allYears.rows.map((r) => r.amounts[i]) })),
  });
  barChart(doc, lang, MARGIN_X + chartW + 24, L.y, chartW, chartH, {
    title: m.charts.execution.title,
    categoryTitle: m.charts.execution.category,
    valueTitle: m.charts.execution.value,
    categories: summary.byFunder.map((f) => f.funder),
    series: [
      { name: c.planned, colour: `#${EXECUTION_COLOURS[0]}`, values: summary.byFunder.map((f) => f.planned) },
      { name: c.committed, colour: `#${EXECUTION_COLOURS[1]}`, values: summary.byFunder.map((f) => f.committed) },
      { name: c.paid, colour: `#${EXECUTION_COLOURS[2]}`, values: summary.byFunder.map((f) => f.paid) },
    ],
  });
  L.y += chartH + 14;

  // The axis × funder matrices: two abreast where they fit (short axis names: the chart above
  // spells them out), else one under the other with the full names.
  const matrixRows = (mx: Summary['allYears'], short: boolean) => [
    ...mx.rows.map((r) => ({ cells: [short ? m.axisShort[r.axis] : r.label, ...r.amounts.map((v) => eur(v)), eur(r.total)] })),
    { cells: [m.total, ...mx.totals.map((v) => eur(v)), eur(mx.total)], kind: 'total' as const },
  ];
  const matrices: [string, Summary['allYears']][] = [...summary.matrices.map((mx) => [m.sections.year(mx.year!), mx] as [string, Summary['allYears']]), [m.sections.allYears, summary.allYears]];
  const gridGap = 20;
  const half = (CONTENT_W - gridGap) / 2;
  const shortCols: Column[] = [{ header: c.axis, width: 64, align: 'left' }, ...summary.funders.map((f) => ({ header: f.label, width: 72, align: 'right' as const })), { header: c.total, width: 80, align: 'right' }];
  if (shortCols.reduce((a, col) => a + col.width, 0) <= half) {
    const opts = { fontSize: 7 };
    for (let i = 0; i < matrices.length; i += 2) {
      const pair = matrices.slice(i, i + 2);
      L.ensure(Math.max(...pair.map(([, mx]) => L.tableHeight(shortCols, matrixRows(mx, true), opts))));
      const y0 = L.y;
      let y1 = y0;
      pair.forEach(([title, mx], k) => {
        L.y = y0;
        L.table(title, shortCols, matrixRows(mx, true), { ...opts, x: MARGIN_X + k * (half + gridGap) });
        y1 = Math.max(y1, L.y);
      });
      L.y = y1;
    }
  } else {
    const fullCols: Column[] = [{ header: c.axis, width: 250, align: 'left' }, ...summary.funders.map((f) => ({ header: f.label, width: AMT, align: 'right' as const })), { header: c.total, width: AMT + 6, align: 'right' }];
    for (const [title, mx] of matrices) L.table(title, fullCols, matrixRows(mx, false), { fontSize: 7 });
  }

  L.table(
    m.sections.byFunder,
    [
      { header: c.funder, width: 134, align: 'left' },
      { header: c.planned, width: AMT + 6, align: 'right' },
      { header: c.committed, width: AMT + 6, align: 'right' },
      { header: c.paid, width: AMT + 6, align: 'right' },
      { header: c.commitmentRate, width: RATE, align: 'right' },
      { header: c.paymentRate, width: RATE, align: 'right' },
    ],
    [...summary.byFunder.map((f) => ({ cells: [f.funder, ...exec(f)] })), { cells: [m.total, ...exec(summary.byFunderTotal)], kind: 'total' as const }],
  );

  L.table(
    m.sections.actions,
    [
      { header: c.code, width: 56, align: 'left' },
      { header: c.title, width: CONTENT_W - 56 - 3 * 84 - 2 * 68, align: 'left', wrap: 2 },
      { header: c.planned, width: 84, align: 'right' },
      { header: c.committed, width: 84, align: 'right' },
      { header: c.paid, width: 84, align: 'right' },
      { header: c.commitmentRate, width: 68, align: 'right' },
      { header: c.paymentRate, width: 68, align: 'right' },
    ],
    [
      ...summary.actions.map((a) => ({ cells: [a.code, a.code === '' ? m.uncoded : a.known ? a.title : m.unknownAction, ...exec(a)] })),
      { cells: [m.total, '', ...exec(summary.actionsTotal)], kind: 'total' as const },
    ],
  );

  // Évolutions depuis le … (report --since, issue 15): the section is laid out from its text tables.
  for (const t of evolutionsOf(summary) ? evolutionTables(evolutionsOf(summary)!, lang) : []) L.table(t.title, t.columns.map((col) => ({ ...col, width: col.width * CONTENT_W, wrap: 2 })), t.rows.map((cells) => ({ cells })));

  // Header and footer on every page, now that the page count is known.
  const range = doc.bufferedPageRange();
  const headerLeft = summary.example ? `${m.exampleTag} – ${summary.contract.title}` : summary.contract.title;
  const headerRight = `${m.title} · ${m.asOf(date)}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font(B).fontSize(8).fillColor(summary.example ? ERROR : ACCENT).text(headerLeft, MARGIN_X, 26, { lineBreak: false });
    doc.font(R).fontSize(8).fillColor(INK);
    doc.text(headerRight, PAGE_W - MARGIN_X - doc.widthOfString(headerRight), 26, { lineBreak: false });
    doc
      .moveTo(MARGIN_X, 40)
      .lineTo(PAGE_W - MARGIN_X, 40)
      .lineWidth(0.6)
      .strokeColor(ACCENT)
      .stroke();
    const page = m.page(i - range.start + 1, range.count);
    doc.font(R).fontSize(7.5).fillColor(MUTED);
    doc.text(page, (PAGE_W - doc.widthOfString(page)) / 2, PAGE_H - 28, { lineBreak: false });
  }
  const pages = range.count;
  doc.end();
  await done;
  const size = chunks.reduce((s, ch) => s + ch.length, 0);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const ch of chunks) {
    bytes.set(ch, at);
    at += ch.length;
  }
  return { bytes, pages };
}
