/** Clustered bar charts drawn as vector paths: gridlines with euro ticks, bars, category labels, a legend. */
import type { Lang } from '../../core/contract';
import { formatEuros, type Cents } from '../../core/money';
import { ACCENT, B, INK, MUTED, R, type Doc } from './style';
import { wrapLines } from './text';

export interface Series {
  name: string;
  colour: string;
  /** null: not known (n.d.): no bar, the label `notKnown` stands in its place, never a partial sum drawn as known. */
  values: (Cents | null)[];
}

export interface BarChartSpec {
  title: string;
  categoryTitle: string;
  valueTitle: string;
  categories: string[];
  series: Series[];
  /** The words for an amount not known: on the bar's place (« n.d. ») and in the legend (« n.d. : non connu »). */
  notKnown?: { label: string; legend: string };
}

interface Plot {
  x: number;
  y: number;
  w: number;
  h: number;
}

const LEGEND_H = 14;
const CAT_LABEL_H = 4 * 8 + 2;
const AXIS_TITLE_H = 10;

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

/** Gridlines with their value labels, and the value axis title turned along the axis. */
function valueAxis(doc: Doc, lang: Lang, x: number, plot: Plot, top: number, step: number, title: string): void {
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
  doc.save();
  doc.font(R).fontSize(7).fillColor(MUTED);
  const vtW = doc.widthOfString(title);
  doc.rotate(-90, { origin: [x + 4, plot.y + plot.h / 2] });
  doc.text(title, x + 4 - vtW / 2, plot.y + plot.h / 2 - 4, { lineBreak: false });
  doc.restore();
}

/** One group per category, one bar per series, drawn as filled rectangles; the category labels and title under them. */
function bars(doc: Doc, plot: Plot, top: number, spec: BarChartSpec): void {
  const groupW = plot.w / spec.categories.length;
  const barW = Math.min(28, (groupW * 0.75) / spec.series.length);
  spec.categories.forEach((cat, ci) => {
    const gx = plot.x + ci * groupW + (groupW - barW * spec.series.length) / 2;
    spec.series.forEach((s, si) => {
      const v = s.values[ci];
      if (v === null) return notKnownMark(doc, gx + si * barW, barW - 1, plot.y + plot.h, s.colour, spec.notKnown?.label ?? 'n.d.');
      const bh = ((v ?? 0) / top) * plot.h;
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
  doc.text(ct, plot.x + (plot.w - doc.widthOfString(ct)) / 2, plot.y + plot.h + CAT_LABEL_H + 2, { lineBreak: false });
}

/**
 * An amount not known: no bar (its height would be a partial sum), only a short outline of the
 * series' colour on the axis and « n.d. » standing up from it, so the gap reads as unknown, not as 0.
 */
function notKnownMark(doc: Doc, x: number, w: number, base: number, colour: string, label: string): void {
  doc.save();
  doc.rect(x + 0.5, base - 3, w - 1, 3).lineWidth(0.6).dash(1.5, { space: 1.5 }).strokeColor(colour).stroke();
  doc.undash();
  doc.font(R).fontSize(7).fillColor(INK);
  const tw = doc.widthOfString(label);
  // Standing up from the axis, centred on the bar's place: it reads at any bar width.
  doc.rotate(-90, { origin: [x + w / 2, base - 6] });
  doc.text(label, x + w / 2, base - 6 - 3.5, { lineBreak: false, width: tw + 2 });
  doc.restore();
}

/** The series' swatches and names, centred under the chart; « n.d. » said when a bar is not drawn. */
function legend(doc: Doc, x: number, y: number, w: number, h: number, spec: BarChartSpec): void {
  doc.font(R).fontSize(7);
  const unknown = spec.notKnown && spec.series.some((s) => s.values.includes(null)) ? spec.notKnown.legend : null;
  const items = spec.series.map((s) => ({ s, w: 10 + doc.widthOfString(s.name) + 12 }));
  let lx = x + (w - items.reduce((a, i) => a + i.w, 0) - (unknown ? doc.widthOfString(unknown) : 0)) / 2;
  const ly = y + h - LEGEND_H + 3;
  for (const { s, w: iw } of items) {
    doc.rect(lx, ly, 7, 7).fill(s.colour);
    doc.fillColor(INK).text(s.name, lx + 10, ly, { lineBreak: false });
    lx += iw;
  }
  if (unknown) doc.fillColor(MUTED).text(unknown, lx, ly, { lineBreak: false });
}

/** A clustered bar chart in the box (x, y, w, h), its title on top. */
export function barChart(doc: Doc, lang: Lang, x: number, y: number, w: number, h: number, spec: BarChartSpec): void {
  doc.font(B).fontSize(9).fillColor(ACCENT).text(spec.title, x, y, { lineBreak: false });
  const max = Math.max(0, ...spec.series.flatMap((s) => s.values.filter((v): v is Cents => v !== null)));
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);

  doc.font(R).fontSize(6.5);
  const labelW = Math.max(...Array.from({ length: Math.round(top / step) + 1 }, (_, i) => doc.widthOfString(tickLabel(i * step, lang))));
  const plot: Plot = { x: x + 14 + labelW + 4, y: y + 18, w: 0, h: 0 };
  plot.w = x + w - plot.x - 4;
  plot.h = y + h - LEGEND_H - AXIS_TITLE_H - CAT_LABEL_H - plot.y;

  valueAxis(doc, lang, x, plot, top, step, spec.valueTitle);
  bars(doc, plot, top, spec);
  legend(doc, x, y, w, h, spec);
}
