/** The "Synthèse COPIL" sheet plan: numbers equal to the check's, formulas for totals, two bound charts, inert text. */
import { centsFromDecimalString } from '../../src/core/money';
import { messages } from '../../src/core/i18n';
import { looksLikeFormula, neutralise } from '../../src/core/neutralise';
import { cellAddress, columnNumber, parseAddress } from '../../src/core/snapshot';
import { buildSummarySheet, type SheetCell, type SheetTable } from '../../src/core/summarySheet';
import { exampleSummary, HYPERLINK, withHyperlinkAction } from '../exports/summaryFixture';

const euros = (s: string | null) => (s === null ? null : centsFromDecimalString(s)! / 100);
const tableOf = (tables: SheetTable[], id: string) => tables.find((t) => t.id === id)!;
const result = (c: SheetCell) => (c !== null && typeof c === 'object' ? c.result : c);

function box(range: string) {
  const [a, b] = range.split(':').map((x) => parseAddress(x)!);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

describe('sheet plan of the example', () => {
  test('convention and execution tables hold the check totals as numbers, totals as formulas', async () => {
    const { summary, result: check } = await exampleSummary();
    const plan = buildSummarySheet(summary);
    expect(plan.sheet).toBe('Synthèse COPIL');
    const conv = tableOf(plan.tables, 'convention');
    const exec = tableOf(plan.tables, 'execution');
    check.totals.forEach((t, i) => {
      expect(conv.rows[i]).toEqual([t.funder, t.year, messages.fr.summary.legalStatus[t.legalStatus], euros(t.convention), euros(t.participations), euros(t.gap)]);
      expect(exec.rows[i].slice(0, 5)).toEqual([t.funder, t.year, euros(t.planned), euros(t.committed), euros(t.paid)]);
    });
    const n = check.totals.length;
    const h = conv.headerRow;
    expect(conv.totals![3]).toEqual({ formula: `SUM(D${h + 1}:D${h + n})`, result: 13_197_700 });
    expect(conv.totals![4]).toEqual({ formula: `SUM(E${h + 1}:E${h + n})`, result: 13_197_700 });
    const sum = (k: 'planned' | 'committed' | 'paid') => check.totals.reduce((s, t) => s + centsFromDecimalString(t[k]!)!, 0) / 100;
    expect(exec.totals!.slice(2, 5).map(result)).toEqual([sum('planned'), sum('committed'), sum('paid')]);
    // The commitment rate of the totals row is computed from that row's own totals.
    const totalsRow = box(exec.totalsRange!).top;
    expect(exec.totals![5]).toMatchObject({ formula: `IF(C${totalsRow}=0,"",D${totalsRow}/C${totalsRow})` });
    expect(exec.columns.map((c) => c.kind)).toEqual(['text', 'year', 'amount', 'amount', 'amount', 'rate', 'rate']);
  });

  test('every table: range = header + data rows, totals row right below, numbers never text', async () => {
    const { summary } = await exampleSummary();
    const plan = buildSummarySheet(summary);
    const seen = new Set<string>();
    for (const t of plan.tables) {
      expect(seen.has(t.name)).toBe(false);
      seen.add(t.name);
      expect(t.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      const b = box(t.range);
      expect([b.top, b.left]).toEqual([t.headerRow, t.firstColumn]);
      expect(b.bottom - b.top).toBe(t.rows.length);
      expect(b.right - b.left + 1).toBe(t.columns.length);
      if (t.totalsRange) expect(box(t.totalsRange).top).toBe(b.bottom + 1);
      for (const row of t.rows) {
        row.forEach((v, i) => {
          const kind = t.columns[i].kind;
          if (kind !== 'text' && v !== null) expect(typeof v).toBe('number');
        });
      }
      // Tables never overlap one another.
      for (const u of plan.tables) {
        if (u === t) continue;
        const a = box(t.totalsRange ? `${t.range.split(':')[0]}:${t.totalsRange.split(':')[1]}` : t.range);
        const c = box(u.range);
        expect(a.bottom < c.top || c.bottom < a.top || a.right < c.left || c.right < a.left).toBe(true);
      }
    }
  });

  test('matrices: per year, totals row = participations; two charts bound to their source tables', async () => {
    const { summary, result: check } = await exampleSummary();
    const plan = buildSummarySheet(summary);
    for (const year of [2014, 2015, 2016]) {
      const t = tableOf(plan.tables, `year${year}`);
      expect(t.columns.map((c) => c.header)).toEqual(['Axe', 'Région', 'État', 'CDC', 'Total (€)']);
      ['Région', 'État', 'CDC'].forEach((f, i) => {
        expect(result(t.totals![1 + i])).toBe(euros(check.totals.find((x) => x.funder === f && x.year === year)!.participations));
      });
    }
    expect(plan.charts).toHaveLength(2);
    const [parts, exec] = plan.charts;
    const axes = tableOf(plan.tables, 'allYears');
    const byFunder = tableOf(plan.tables, 'byFunder');
    expect(parts).toMatchObject({ type: 'ColumnClustered', seriesBy: 'Columns', sourceTable: axes.name, seriesNames: ['Région', 'État', 'CDC'] });
    expect(parts.source).toBe(`A${axes.headerRow}:D${axes.headerRow + 4}`);
    expect(parts.categories).toEqual(axes.rows.map((r) => r[0]));
    expect(exec).toMatchObject({ type: 'ColumnClustered', seriesBy: 'Columns', sourceTable: byFunder.name, seriesNames: ['Prévu (€)', 'Engagé (€)', 'Versé (€)'], categories: ['Région', 'État', 'CDC'] });
    expect(exec.source).toBe(`A${byFunder.headerRow}:D${byFunder.headerRow + 3}`);
    // Charts sit right of every table.
    const lastTableColumn = Math.max(...plan.tables.map((t) => box(t.range).right));
    for (const c of plan.charts) expect(columnNumber(c.topLeft.replace(/\d+/, ''))).toBeGreaterThan(lastTableColumn);
    expect(plan.pageSetup).toMatchObject({ paperSize: 'A4', orientation: 'Landscape', fitToWidth: 1 });
    expect(plan.pageSetup.leftHeader).toContain('Contrat économique sectoriel Économie sociale et solidaire 2014-2016');
    expect(plan.pageSetup.rightHeader).toBe('Situation au 31/12/2016');
    expect(plan.pageSetup.centerFooter).toBe('Page &P / &N');
    expect(plan.usedRange.startsWith('A1:')).toBe(true);
    expect(cellAddress(1, 1)).toBe('A1');
  });
});

describe('formula injection', () => {
  test.each([
    ['=1+1', true],
    ['+33 1 23 45 67 89', true],
    ['-2', true],
    ['@SUM(A1)', true],
    ['\tcmd', true],
    ['\rcmd', true],
    ['＝1+1', true],
    ['＋1', true],
    ['－1', true],
    ['＠x', true],
    ['  =1', true],
    ['Axe 1 – Promotion', false],
    ['2 387 500,00 €', false],
    ['', false],
  ])('%j looks like a formula: %s', (s, yes) => {
    expect(looksLikeFormula(s)).toBe(yes);
    expect(neutralise(s)).toBe(yes ? `'${s}` : s);
  });

  test('an action titled =HYPERLINK(...) is text in the sheet plan', async () => {
    const { summary } = await exampleSummary('fr', withHyperlinkAction);
    const plan = buildSummarySheet(summary);
    const actions = tableOf(plan.tables, 'actions');
    const row = actions.rows.find((r) => r[0] === 'II_9.9')!;
    expect(row[1]).toBe(`'${HYPERLINK}`);
    // No text cell anywhere in the plan would start a formula.
    for (const t of plan.tables) for (const r of t.rows) for (const v of r) if (typeof v === 'string') expect(looksLikeFormula(v)).toBe(false);
  });
});
