/** Issue 21: the pane's reading aids worked out without a browser (compact amounts, dates, places, reconciliation money). */
import type { Finding } from '../../src/core/findings';
import type { ReconLine } from '../../src/core/reconcile/match';
import { asOfProblem, compactEuros, groupByPlace, reconAmounts } from '../../src/taskpane/view';
import { formulaValue } from '../../src/hosts/preview/gridValues';

test('an amount is exact below 1 000 €, compact above, never longer than « -999,9 k€ »; the exact one always at hand', () => {
  expect(compactEuros(99_999, 'fr')).toEqual({ text: '999,99\u00a0€', exact: '999,99\u00a0€', compact: false });
  expect(compactEuros(100_000_000, 'fr', true)).toEqual({ text: '+1,0\u00a0M€', exact: '+1\u00a0000\u00a0000,00\u00a0€', compact: true });
  expect(compactEuros(-53_750_000, 'fr', true).text).toBe('-537,5\u00a0k€');
  // 999 960 € would round to « 1 000,0 k€ »: it is « 1,0 M€ ».
  expect(compactEuros(99_996_000, 'fr').text).toBe('1,0\u00a0M€');
  expect(compactEuros(238_750_000, 'en').text).toBe('€2.4M');
  expect(compactEuros(0, 'fr', true).text).toBe('0,00\u00a0€');
});

test('a situation date with a year out of 2000–2099 or half typed is refused, with why', () => {
  expect(asOfProblem('2015-03-11')).toBeNull();
  expect(asOfProblem('22015-03-11')).toBe('range');
  expect(asOfProblem('1999-12-31')).toBe('range');
  expect(asOfProblem('2015-02-30')).toBe('invalid');
  expect(asOfProblem('')).toBe('invalid');
});

test('findings of one rule at one place are listed as one, in the order met', () => {
  const f = (cell: string, message: string): Finding => ({ rule: 'governance.copil', severity: 'warning', article: null, message, sheet: 'Instances', cell });
  const groups = groupByPlace([f('A4:C5', '2014'), f('B7', 'x'), f('A4:C5', '2015'), f('A4:C5', '2016')]);
  expect(groups.map((g) => [g.key, g.findings.map((x) => x.message)])).toEqual([
    ['Instances!A4:C5', ['2014', '2015', '2016']],
    ['Instances!B7', ['x']],
  ]);
});

test('the reconciliation counts carry their money: committed per status, and the gap where both sides are known', () => {
  const line = (status: ReconLine['status'], wb: number | null, ledger: number | null): ReconLine => ({
    status,
    matchedOn: null,
    reference: null,
    action: null,
    year: 2015,
    funder: 'CDC',
    workbook: wb === null ? null : { committed: wb, paid: 0, cells: [] },
    ledger: ledger === null ? null : { committed: ledger, paid: null, lines: [], label: null },
    gapCommitted: wb !== null && ledger !== null ? ledger - wb : null,
    gapPaid: null,
  });
  const lines = [line('matched', 100_00, 100_00), line('different', 6_660_000, 6_160_000), line('missing-in-workbook', null, 1_250_000)];
  const counts = { matched: 1, different: 1, 'missing-in-ledger': 0, 'missing-in-workbook': 1, 'netted-out': 0 };
  const rows = Object.fromEntries(reconAmounts({ counts, lines }).map((r) => [r.status, [r.count, r.amount, r.gap]]));
  expect(rows).toEqual({ different: [1, 6_660_000, -500_000], 'missing-in-ledger': [0, 0, null], 'missing-in-workbook': [1, 1_250_000, null], matched: [1, 100_00, 0], 'netted-out': [0, 0, null] });
});

test('the preview grid works out the template’s formulas from the cells it knows, and guesses no other', () => {
  const cells = new Map<string, number | string | null>([
    ['B5', 537_500],
    ['C5', 200_000],
    ['D5', null],
    ['C9', 100],
    ['H9', 96.5],
  ]);
  expect(formulaValue('=SUM(B5:D5)', cells)).toBe(737_500);
  expect(formulaValue('=IF(C9="","",H9-C9)', cells)).toBe(-3.5);
  expect(formulaValue('=IF(C10="","",H10-C10)', cells)).toBe('');
  expect(formulaValue('=VLOOKUP(A1,B:C,2,0)', cells)).toBeNull();
  // As Excel: text in a summed range counts for nothing; an error leaves the sum unknown.
  cells.set('D5', 'texte');
  expect(formulaValue('=SUM(B5:D5)', cells)).toBe(737_500);
  const withError = new Map<string, unknown>([...cells, ['D5', { error: '#REF!' }]]);
  expect(formulaValue('=SUM(B5:D5)', withError as never)).toBeNull();
});
