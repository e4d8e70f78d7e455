/**
 * The layout of the "Synthèse COPIL" sheet (pure data): its texts, its tables (header and data
 * rows in `range`, totals right below in `totalsRange` as formulas with their exact results),
 * its two charts (source: header + data rows, never the totals) and its print set-up (A4
 * landscape, one page wide; Excel header codes &P, &N, a literal & doubled). core/sheets/copil.ts
 * turns it into the sheet plan both renderers draw; the PDF shares its colours. User text is
 * neutralised (neutralise.ts).
 */
import type { Lang } from './contract';
import { messages } from './i18n';
import type { Cents } from './money';
import { neutralise } from './neutralise';
import { ruleTitle } from './ruleWords';
import { cellAddress, columnLetter } from './snapshot';
import { whyNotKnown, type Execution, type Summary } from './summary';
import { periodSpan } from './i18n/articles';
import { EURO_FORMAT, type PlanChart } from './sheets/types';

export type SheetCell = string | number | null | { formula: string; result: number | string | null };

export type SheetColumnKind = 'text' | 'year' | 'amount' | 'rate' | 'count';

export interface SheetColumn {
  header: string;
  kind: SheetColumnKind;
  /** Excel number format in the file's (en-US) syntax; null for text. */
  numberFormat: string | null;
  /** Long text (action titles, messages): wrap it in its cell. */
  wrap?: boolean;
}

export interface SheetTable {
  /** Stable id, for hosts and tests. */
  id: string;
  /** Excel table name, unique in the workbook. */
  name: string;
  title: string;
  titleCell: string;
  /** 1-based row of the header row, 1-based first column. */
  headerRow: number;
  firstColumn: number;
  /** Header + data rows, e.g. "A7:F16". */
  range: string;
  /** The totals row right below `range`, or null. */
  totalsRange: string | null;
  columns: SheetColumn[];
  rows: SheetCell[][];
  totals: SheetCell[] | null;
}

export type SheetChart = PlanChart;

export interface SheetText {
  address: string;
  value: string;
  style: 'title' | 'subtitle' | 'note' | 'section' | 'warning';
}

export interface SummarySheetPlan {
  sheet: string;
  /** Excel column widths in characters, from column A. */
  columnWidths: number[];
  cells: SheetText[];
  tables: SheetTable[];
  charts: SheetChart[];
  pageSetup: {
    paperSize: 'A4';
    orientation: 'Landscape';
    fitToWidth: 1;
    fitToHeight: 0;
    printArea: string;
    leftHeader: string;
    rightHeader: string;
    centerFooter: string;
  };
  /** Everything the plan writes: a host clears it before a refresh. */
  usedRange: string;
}

/** Signatories first, then co-funders; still told apart when printed in grey (dark, mid, light). */
export const FUNDER_COLOURS = ['1F4E79', 'C55A11', '70AD47', '7030A0', 'BF9000', '2E75B6', '843C0C'];
/** Planned, committed, paid: light to dark, as the money moves along. */
export const EXECUTION_COLOURS = ['9DC3E6', '2E75B6', '1F3864'];

export const RATE_FORMAT: Record<Lang, string> = { fr: '0.0\\ %', en: '0.0%' };
export const CHART_VALUE_FORMAT = '#,##0\\ "€"';
const YEAR_FORMAT = '0';
const COUNT_FORMAT = '0';

const FIRST_COLUMN = 1;
/** Charts stand right of the tables (one narrow column between), so the tables keep the left of the page. */
const CHART_WIDTH_COLUMNS = 8;
const CHART_HEIGHT_ROWS = 18;

const euros = (c: Cents) => c / 100;
const rateValue = (r: string | null) => (r === null ? null : Number(r) / 100);
const text = (s: string) => neutralise(s);

/** "26/11/2016" from "2016-11-26". */
export function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function displayDate(iso: string, lang: Lang): string {
  return lang === 'fr' ? frenchDate(iso) : iso;
}

/** Excel header/footer text: a lone & starts a code there. */
const headerText = (s: string) => s.replace(/&/g, '&&');

interface Builder {
  row: number;
  cells: SheetText[];
  tables: SheetTable[];
  lastColumn: number;
}

function amountCol(header: string): SheetColumn {
  return { header, kind: 'amount', numberFormat: EURO_FORMAT };
}
function rateCol(header: string, lang: Lang): SheetColumn {
  return { header, kind: 'rate', numberFormat: RATE_FORMAT[lang] };
}
function textCol(header: string, wrap = false): SheetColumn {
  return wrap ? { header, kind: 'text', numberFormat: null, wrap } : { header, kind: 'text', numberFormat: null };
}

/** Sum of a data column, as a formula with its exact result. */
function sumOf(t: { firstColumn: number; headerRow: number; rows: unknown[] }, col: number, resultCents: Cents): SheetCell {
  const L = columnLetter(t.firstColumn + col);
  return { formula: `SUM(${L}${t.headerRow + 1}:${L}${t.headerRow + t.rows.length})`, result: euros(resultCents) };
}

/** A rate in the totals row from two totals cells of the same row. */
function rateOf(t: { firstColumn: number; headerRow: number; rows: unknown[] }, partCol: number, wholeCol: number, part: Cents, whole: Cents): SheetCell {
  const r = t.headerRow + t.rows.length + 1;
  const P = `${columnLetter(t.firstColumn + partCol)}${r}`;
  const W = `${columnLetter(t.firstColumn + wholeCol)}${r}`;
  return { formula: `IF(${W}=0,"",${P}/${W})`, result: whole === 0 ? '' : part / whole };
}

function addTable(b: Builder, id: string, name: string, title: string, columns: SheetColumn[], rows: SheetCell[][], totals: ((t: SheetTable) => SheetCell[]) | null): SheetTable {
  const titleRow = b.row;
  const headerRow = titleRow + 1;
  const firstColumn = FIRST_COLUMN;
  const lastCol = firstColumn + columns.length - 1;
  const lastDataRow = headerRow + rows.length;
  const t: SheetTable = {
    id,
    name,
    title,
    titleCell: cellAddress(titleRow, firstColumn),
    headerRow,
    firstColumn,
    range: `${cellAddress(headerRow, firstColumn)}:${cellAddress(lastDataRow, lastCol)}`,
    totalsRange: totals ? `${cellAddress(lastDataRow + 1, firstColumn)}:${cellAddress(lastDataRow + 1, lastCol)}` : null,
    columns,
    rows,
    totals: null,
  };
  if (totals) t.totals = totals(t);
  b.cells.push({ address: t.titleCell, value: title, style: 'section' });
  b.tables.push(t);
  b.lastColumn = Math.max(b.lastColumn, lastCol);
  b.row = lastDataRow + (totals ? 1 : 0) + 2;
  return t;
}

/** The five execution cells, an amount not known (or a rate drawn from one) written as n.d. and why, never a partial sum. */
function executionCells(e: Execution, lang: Lang, known: [SheetCell, SheetCell, SheetCell, SheetCell, SheetCell]): SheetCell[] {
  const keys = ['planned', 'committed', 'paid', 'commitmentRate', 'paymentRate'] as const;
  return keys.map((k, i) => {
    const why = whyNotKnown(e, k);
    return why === undefined ? known[i] : messages[lang].summary.notAvailable(why);
  });
}

function executionLine(e: Execution, lang: Lang): SheetCell[] {
  return executionCells(e, lang, [euros(e.planned), euros(e.committed), euros(e.paid), rateValue(e.commitmentRate), rateValue(e.paymentRate)]);
}

/** Totals for [planned, committed, paid, commitment rate, payment rate] starting at column `c0`. */
function executionTotals(t: SheetTable, c0: number, e: Execution, lang: Lang): SheetCell[] {
  return executionCells(e, lang, [sumOf(t, c0, e.planned), sumOf(t, c0 + 1, e.committed), sumOf(t, c0 + 2, e.paid), rateOf(t, c0 + 1, c0, e.committed, e.planned), rateOf(t, c0 + 2, c0 + 1, e.paid, e.committed)]);
}

export function buildSummarySheet(summary: Summary): SummarySheetPlan {
  const lang = summary.lang;
  const m = messages[lang].summary;
  const sev = messages[lang].severityPlural;
  const c = m.columns;
  const date = displayDate(summary.asOf, lang);
  const counts = summary.findings.counts;
  const b: Builder = { row: 1, cells: [], tables: [], lastColumn: 1 };

  // Page 1 of the sheet: what it is (and whether it is the fictitious example), where the contract
  // stands, the convention's references, and the method where the convention is silent.
  const head: SheetText[] = [
    { address: '', value: `${summary.example ? `${m.exampleTag} – ` : ''}${m.title} – ${summary.contract.shortTitle}`, style: 'title' },
    ...(summary.example ? [{ address: '', value: m.exampleBanner, style: 'warning' as const }] : []),
    { address: '', value: summary.contract.title, style: 'subtitle' },
    { address: '', value: `${m.asOf(date)} · ${m.counts(counts.error, counts.warning, counts.info)}`, style: counts.error > 0 ? 'warning' : 'subtitle' },
    { address: '', value: summary.conclusion, style: counts.error + counts.warning > 0 ? 'warning' : 'subtitle' },
    { address: '', value: summary.references, style: 'note' },
    { address: '', value: summary.method, style: 'note' },
    { address: '', value: m.source, style: 'note' },
  ];
  head.forEach((t, i) => b.cells.push({ ...t, address: `A${i + 1}` }));
  b.row = head.length + 2;
  const firstTableRow = b.row;

  const funderHeaders = summary.funders.map((f) => text(f.label));

  addTable(
    b,
    'convention',
    'SyntheseConvention',
    m.sections.convention,
    [textCol(c.funder), { header: c.year, kind: 'year', numberFormat: YEAR_FORMAT }, textCol(c.status), amountCol(c.convention), amountCol(c.participations), amountCol(c.gap)],
    summary.funderYears.map((l) => [text(l.funder), l.year, text(l.status), l.convention === null ? null : euros(l.convention), l.participations === null ? null : euros(l.participations), l.gap === null ? null : euros(l.gap)]),
    // A total that cannot add up says so, and why, instead of summing the known amounts only.
    (t) => {
      const tot = summary.funderYearsTotal;
      const na = m.notAvailable(tot.unknown ?? '');
      return [m.total, null, null, tot.convention === null ? na : sumOf(t, 3, tot.convention), tot.participations === null ? na : sumOf(t, 4, tot.participations), tot.gap === null ? na : sumOf(t, 5, tot.gap)];
    },
  );

  addTable(
    b,
    'execution',
    'SyntheseExecution',
    m.sections.execution,
    [textCol(c.funder), { header: c.year, kind: 'year', numberFormat: YEAR_FORMAT }, amountCol(c.planned), amountCol(c.committed), amountCol(c.paid), rateCol(c.commitmentRate, lang), rateCol(c.paymentRate, lang)],
    summary.funderYears.map((l) => [text(l.funder), l.year, ...executionLine(l, lang)]),
    (t) => [m.total, null, ...executionTotals(t, 2, summary.funderYearsTotal, lang)],
  );

  const byFunder = addTable(
    b,
    'byFunder',
    'SyntheseFinanceurs',
    m.sections.byFunder(periodSpan(summary)),
    [textCol(c.funder), amountCol(c.planned), amountCol(c.committed), amountCol(c.paid), rateCol(c.commitmentRate, lang), rateCol(c.paymentRate, lang)],
    summary.byFunder.map((f) => [text(f.funder), ...executionLine(f, lang)]),
    (t) => [m.total, ...executionTotals(t, 1, summary.byFunderTotal, lang)],
  );

  const matrixTable = (id: string, name: string, title: string, mx: Summary['allYears']) =>
    addTable(
      b,
      id,
      name,
      title,
      [textCol(c.axis), ...funderHeaders.map(amountCol), amountCol(c.total)],
      mx.rows.map((r) => [text(r.label), ...r.amounts.map(euros), euros(r.total)]),
      (t) => [m.total, ...mx.totals.map((v, i) => sumOf(t, 1 + i, v)), sumOf(t, 1 + mx.totals.length, mx.total)],
    );
  const allYears = matrixTable('allYears', 'SyntheseAxes', m.sections.allYears(periodSpan(summary)), summary.allYears);
  for (const mx of summary.matrices) matrixTable(`year${mx.year}`, `SyntheseAxes${mx.year}`, m.sections.year(mx.year!), mx);

  addTable(
    b,
    'actions',
    'SyntheseActions',
    m.sections.actions(periodSpan(summary)),
    // The PDF's order: code, then title.
    [textCol(c.code), textCol(c.title, true), amountCol(c.planned), amountCol(c.committed), amountCol(c.paid), rateCol(c.commitmentRate, lang), rateCol(c.paymentRate, lang)],
    summary.actions.map((a) => [a.code === '' ? null : text(a.code), text(a.code === '' ? m.uncoded : a.known ? a.title : m.unknownAction), ...executionLine(a, lang)]),
    (t) => [m.total, null, ...executionTotals(t, 2, summary.actionsTotal, lang)],
  );

  addTable(
    b,
    'findings',
    'SyntheseControles',
    m.sections.findings,
    [textCol(c.severity), { header: c.count, kind: 'count', numberFormat: COUNT_FORMAT }],
    (['error', 'warning', 'info'] as const).map((s) => [sev[s], counts[s]]),
    null,
  );

  if (summary.findings.groups.length) {
    addTable(
      b,
      'groups',
      'SyntheseConstats',
      m.sections.groups,
      [textCol(c.severity), textCol(c.rule, true), { header: c.count, kind: 'count', numberFormat: COUNT_FORMAT }, textCol(c.article), textCol(c.firstCells, true), textCol(c.ruleId)],
      summary.findings.groups.map((g) => [messages[lang].severity[g.severity], g.title, g.count, g.article, g.cells.map(text).join(', '), g.rule]),
      null,
    );
  }

  if (summary.findings.topErrors.length) {
    const errors = addTable(
      b,
      'topErrors',
      'SyntheseErreurs',
      m.sections.topErrors,
      [textCol(c.message, true), textCol(c.rule), textCol(c.article), textCol(c.sheet), textCol(c.cell)],
      summary.findings.topErrors.map((f) => [text(f.message), ruleTitle(f.rule, lang, summary.profile), f.article, text(f.sheet), f.cell]),
      null,
    );
    if (summary.findings.moreErrors > 0) {
      const r = errors.headerRow + errors.rows.length + 1;
      b.cells.push({ address: cellAddress(r, FIRST_COLUMN), value: m.moreErrors(summary.findings.moreErrors), style: 'note' });
      b.row = r + 2;
    }
  } else {
    b.cells.push({ address: cellAddress(b.row, FIRST_COLUMN), value: m.sections.topErrors, style: 'section' });
    b.cells.push({ address: cellAddress(b.row + 1, FIRST_COLUMN), value: summary.conclusion, style: 'note' });
    b.row += 3;
  }

  const chartColumn = Math.max(b.lastColumn, 7) + 2;
  const chartAt = (top: number) => ({
    topLeft: cellAddress(top, chartColumn),
    bottomRight: cellAddress(top + CHART_HEIGHT_ROWS - 1, chartColumn + CHART_WIDTH_COLUMNS - 1),
  });
  const sourceOf = (t: SheetTable, columns: number) => `${cellAddress(t.headerRow, t.firstColumn)}:${cellAddress(t.headerRow + t.rows.length, t.firstColumn + columns - 1)}`;
  const charts: SheetChart[] = [
    {
      id: 'participations',
      name: 'GraphiqueParticipations',
      title: m.charts.participations.title(periodSpan(summary)),
      type: 'ColumnClustered',
      seriesBy: 'Columns',
      sourceTable: allYears.name,
      // Axis + one column per funder: the Total column would dwarf the funders' bars.
      source: sourceOf(allYears, 1 + summary.funders.length),
      ...chartAt(firstTableRow),
      categoryAxisTitle: m.charts.participations.category,
      valueAxisTitle: m.charts.participations.value,
      valueNumberFormat: CHART_VALUE_FORMAT,
      legend: 'Bottom',
      seriesNames: funderHeaders,
      seriesColours: funderHeaders.map((_, i) => FUNDER_COLOURS[i % FUNDER_COLOURS.length]),
      categories: summary.allYears.rows.map((r) => text(r.label)),
    },
    {
      id: 'execution',
      name: 'GraphiqueExecution',
      title: m.charts.execution.title(periodSpan(summary)),
      type: 'ColumnClustered',
      seriesBy: 'Columns',
      sourceTable: byFunder.name,
      // Funder + planned, committed, paid: rates are another scale.
      source: sourceOf(byFunder, 4),
      ...chartAt(firstTableRow + CHART_HEIGHT_ROWS + 2),
      categoryAxisTitle: m.charts.execution.category,
      valueAxisTitle: m.charts.execution.value,
      valueNumberFormat: CHART_VALUE_FORMAT,
      legend: 'Bottom',
      seriesNames: [c.planned, c.committed, c.paid],
      seriesColours: EXECUTION_COLOURS,
      categories: summary.byFunder.map((f) => text(f.funder)),
    },
  ];

  const lastRow = Math.max(b.row, firstTableRow + 2 * CHART_HEIGHT_ROWS + 2);
  const lastCol = chartColumn + CHART_WIDTH_COLUMNS - 1;
  const widths = [46, ...Array.from({ length: chartColumn - 3 }, () => 18), 3];
  return {
    sheet: m.sheetName,
    columnWidths: widths,
    cells: b.cells,
    tables: b.tables,
    charts,
    pageSetup: {
      paperSize: 'A4',
      orientation: 'Landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: `A1:${cellAddress(lastRow, lastCol)}`,
      // The banner on every printed page of the example.
      leftHeader: headerText(`${summary.example ? `${m.exampleTag} – ` : ''}${summary.contract.title} – ${m.title}`),
      rightHeader: headerText(m.asOf(date)),
      centerFooter: m.page('&P', '&N'),
    },
    usedRange: `A1:${cellAddress(lastRow, lastCol)}`,
  };
}
