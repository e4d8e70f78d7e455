/**
 * The sections of the COPIL summary, in the order the COPIL reads them: page 1 says where the
 * contract stands and what the check concludes; the money's execution, the charts and the figures
 * they draw follow.
 */
import type { Lang } from '../../core/contract';
import { messages } from '../../core/i18n';
import type { SummaryMessages } from '../../core/i18n/types';
import { formatEuros, formatGap, formatRate, type Cents } from '../../core/money';
import { ruleTitle } from '../../core/ruleWords';
import { orNotKnown, type Execution, type Summary } from '../../core/summary';
import { periodSpan } from '../../core/i18n/articles';
import { EXECUTION_COLOURS, FUNDER_COLOURS } from '../../core/summarySheet';
import { evolutionsOf, evolutionTables } from '../../core/versions/evolutions';
import { barChart } from './charts';
import type { Column, Layout, TableRow } from './layout';
import { ACCENT, B, CONTENT_W, ERROR, INK, MARGIN_X, MUTED, R, WARN } from './style';

/** What every section draws with: the layout, the summary and its words. */
export interface Page {
  L: Layout;
  summary: Summary;
  lang: Lang;
  m: SummaryMessages;
  c: SummaryMessages['columns'];
  /** An amount, or the words for none. */
  eur: (v: Cents | null) => string;
  /** Planned, committed, paid and the two rates, as cells. */
  exec: (e: Execution) => string[];
}

const AMT = 92;
const RATE = 78;

export function pageOf(L: Layout, summary: Summary): Page {
  const lang = summary.lang;
  const m = messages[lang].summary;
  const eur = (v: Cents | null) => (v === null ? m.noAmount : formatEuros(v, lang));
  const pct = (r: string | null) => formatRate(r, lang);
  // An amount not known, or a rate drawn from one, says n.d. and why (never the partial sum).
  const nd = (e: Execution, k: Parameters<typeof orNotKnown>[1], shown: string) => orNotKnown(e, k, shown, lang);
  const exec = (e: Execution) => [nd(e, 'planned', eur(e.planned)), nd(e, 'committed', eur(e.committed)), nd(e, 'paid', eur(e.paid)), nd(e, 'commitmentRate', pct(e.commitmentRate)), nd(e, 'paymentRate', pct(e.paymentRate))];
  return { L, summary, lang, m, c: m.columns, eur, exec };
}

/**
 * The five execution columns (planned, committed, paid, the two rates) at the given widths. An
 * amount or rate n.d. says why on a second line rather than cut ("n.d. (colonne ab…").
 */
function executionColumns(c: SummaryMessages['columns'], amountW: number, rateW: number): Column[] {
  return [
    { header: c.planned, width: amountW, align: 'right', wrap: 2 },
    { header: c.committed, width: amountW, align: 'right', wrap: 2 },
    { header: c.paid, width: amountW, align: 'right', wrap: 2 },
    { header: c.commitmentRate, width: rateW, align: 'right', wrap: 2 },
    { header: c.paymentRate, width: rateW, align: 'right', wrap: 2 },
  ];
}

/** Title, the example banner, the as-of date with the counts, the conclusion, references and method. */
export function cover({ L, summary, m }: Page, date: string): void {
  const counts = summary.findings.counts;
  L.text(`${m.title} – ${summary.contract.shortTitle}`, MARGIN_X, L.y, B, 15, ACCENT);
  L.y += 20;
  if (summary.example) {
    L.doc.rect(MARGIN_X, L.y - 2, CONTENT_W, 14).fill('#fde9e7');
    L.paragraph(m.exampleBanner, B, 8.5, ERROR);
  }
  L.paragraph(`${m.asOf(date)} · ${m.counts(counts.error, counts.warning, counts.info)}`, B, 9, counts.error > 0 ? ERROR : INK);
  L.paragraph(summary.conclusion, B, 8.5, counts.error > 0 ? ERROR : counts.warning > 0 ? WARN : INK);
  L.paragraph(summary.references, R, 7.5, INK);
  L.paragraph(summary.method, R, 7, MUTED);
  L.paragraph(m.source, R, 7, MUTED);
  L.y += 8;
}

/** Each funder-year against the convention, its gap in red. */
export function conventionTable({ L, summary, lang, m, c, eur }: Page): void {
  const gapText = (g: Cents | null) => (g === null ? '' : formatGap(g, lang));
  const tot = summary.funderYearsTotal;
  const na = m.notAvailable(tot.unknown ?? '');
  const funders = summary.funderYears.map((l) => l.funder);
  L.table(
    m.sections.convention,
    L.fitFirstColumn([
      { header: c.funder, width: 70, align: 'left' },
      { header: c.year, width: 40, align: 'right' },
      { header: c.status, width: 124, align: 'left', wrap: 2 },
      { header: c.convention, width: AMT + 40, align: 'right', wrap: 3 },
      { header: c.participations, width: AMT + 30, align: 'right', wrap: 3 },
      { header: c.gap, width: AMT + 40, align: 'right', wrap: 3 },
    ], funders),
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
}

/** Every rule that fired, warnings included, with its count and first cells; then the first errors. */
export function findingsTables({ L, summary, lang, m, c }: Page): void {
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
      summary.findings.topErrors.map((f) => ({ cells: [f.message, ruleTitle(f.rule, lang, summary.profile), f.article ?? '', f.sheet, f.cell] })),
    );
    if (summary.findings.moreErrors > 0) {
      L.ensure(14);
      L.text(m.moreErrors(summary.findings.moreErrors), MARGIN_X, L.y - 6, R, 7.5, MUTED);
      L.y += 14;
    }
  }
}

/** The money's execution per funder-year. */
export function executionTable({ L, summary, m, c, exec }: Page): void {
  L.table(
    m.sections.execution,
    L.fitFirstColumn([{ header: c.funder, width: 90, align: 'left' }, { header: c.year, width: 44, align: 'right' }, ...executionColumns(c, AMT + 6, RATE)], summary.funderYears.map((l) => l.funder)),
    [...summary.funderYears.map((l) => ({ cells: [l.funder, String(l.year), ...exec(l)] })), { cells: [m.total, '', ...exec(summary.funderYearsTotal)], kind: 'total' as const }],
  );
}

/** The two charts side by side: participations per year and funder, execution per funder. */
export function chartsRow({ L, summary, lang, m, c }: Page): void {
  const chartH = 215;
  L.ensure(chartH + 14);
  const chartW = (CONTENT_W - 24) / 2;
  barChart(L.doc, lang, MARGIN_X, L.y, chartW, chartH, {
    title: m.charts.participations.title(periodSpan(summary)),
    categoryTitle: m.charts.participations.category,
    valueTitle: m.charts.participations.value,
    categories: summary.allYears.rows.map((r) => r.label),
    series: summary.funders.map((f, i) => ({ name: f.label, colour: `#${FUNDER_COLOURS[i % FUNDER_COLOURS.length]}`, values: summary.allYears.rows.map((r) => r.amounts[i]) })),
  });
  barChart(L.doc, lang, MARGIN_X + chartW + 24, L.y, chartW, chartH, {
    title: m.charts.execution.title(periodSpan(summary)),
    categoryTitle: m.charts.execution.category,
    valueTitle: m.charts.execution.value,
    categories: summary.byFunder.map((f) => f.funder),
    // An amount n.d. (a cell unreadable, a column absent) is no bar: its partial sum would read as known.
    series: (['planned', 'committed', 'paid'] as const).map((k, i) => ({
      name: c[k],
      colour: `#${EXECUTION_COLOURS[i]}`,
      values: summary.byFunder.map((f) => (f.notKnown[k] ? null : f[k])),
    })),
    notKnown: m.charts.notKnown,
  });
  L.y += chartH + 14;
}

type Matrix = Summary['allYears'];

/**
 * The axis × funder matrices: two abreast where they fit (short axis names: the chart above
 * spells them out), else one under the other with the full names.
 */
export function matrixTables({ L, summary, m, c, eur }: Page): void {
  const matrixRows = (mx: Matrix, short: boolean): TableRow[] => [
    ...mx.rows.map((r) => ({ cells: [short ? r.short : r.label, ...r.amounts.map((v) => eur(v)), eur(r.total)] })),
    { cells: [m.total, ...mx.totals.map((v) => eur(v)), eur(mx.total)], kind: 'total' as const },
  ];
  const matrices: [string, Matrix][] = [...summary.matrices.map((mx) => [m.sections.year(mx.year!), mx] as [string, Matrix]), [m.sections.allYears(periodSpan(summary)), summary.allYears]];
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
}

/** Execution per funder, all years together. */
export function byFunderTable({ L, summary, m, c, exec }: Page): void {
  L.table(
    m.sections.byFunder(periodSpan(summary)),
    L.fitFirstColumn([{ header: c.funder, width: 134, align: 'left' }, ...executionColumns(c, AMT + 6, RATE)], summary.byFunder.map((f) => f.funder)),
    [...summary.byFunder.map((f) => ({ cells: [f.funder, ...exec(f)] })), { cells: [m.total, ...exec(summary.byFunderTotal)], kind: 'total' as const }],
  );
}

/** Execution per action. */
export function actionsTable({ L, summary, m, c, exec }: Page): void {
  L.table(
    m.sections.actions(periodSpan(summary)),
    [{ header: c.code, width: 56, align: 'left' }, { header: c.title, width: CONTENT_W - 56 - 3 * 84 - 2 * 68, align: 'left', wrap: 2 }, ...executionColumns(c, 84, 68)],
    [
      ...summary.actions.map((a) => ({ cells: [a.code, a.code === '' ? m.uncoded : a.known ? a.title : m.unknownAction, ...exec(a)] })),
      { cells: [m.total, '', ...exec(summary.actionsTotal)], kind: 'total' as const },
    ],
  );
}

/** Évolutions depuis le … (report --since, issue 15): the section is laid out from its text tables. */
export function evolutionsSection({ L, summary, lang }: Page): void {
  const e = evolutionsOf(summary);
  for (const t of e ? evolutionTables(e, lang) : []) L.table(t.title, t.columns.map((col) => ({ ...col, width: col.width * CONTENT_W, wrap: 2 })), t.rows.map((cells) => ({ cells })));
}
