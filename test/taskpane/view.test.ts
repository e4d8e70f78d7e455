import { analyse, checkWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import { messages } from '../../src/core/i18n';
import { conformityGrid, conformityRows, errorText, findingsFirst, groupFindings, readToNote, tablesMissing } from '../../src/taskpane/view';
import type { TableRead } from '../../src/core/readReport';
import { AS_OF, exampleSnapshot, table, col } from '../helpers/workbook';

const f = (rule: Finding['rule'], severity: Finding['severity'], cell: string): Finding => ({ rule, severity, article: null, message: rule, sheet: 'S', cell });

test('findings are grouped errors first, then by rule in the order met, with counts', () => {
  const groups = groupFindings([
    f('governance.copil', 'warning', 'A1'),
    f('cell.negative', 'error', 'B2'),
    f('allocation.under', 'info', 'C3'),
    f('cell.negative', 'error', 'B3'),
    f('cell.sub-cent', 'error', 'B4'),
  ]);
  expect(groups.map((g) => [g.severity, g.count, g.rules.map((r) => [r.rule, r.findings.map((x) => x.cell)])])).toEqual([
    ['error', 3, [['cell.negative', ['B2', 'B3']], ['cell.sub-cent', ['B4']]]],
    ['warning', 1, [['governance.copil', ['A1']]]],
    ['info', 1, [['allocation.under', ['C3']]]],
  ]);
  expect(groupFindings([])).toEqual([]);
});

test('conformity rows show the core totals in French euros, a gap of one cent is not conform', () => {
  const snap = exampleSnapshot();
  const p = table(snap, 'Participations2014');
  (p.rows[0][col(p, 'Région')] as number) += 0.01;
  p.rows[0][col(p, 'Région')] = Math.round((p.rows[0][col(p, 'Région')] as number) * 100) / 100;
  const rows = conformityRows(analyse(snap, AS_OF).totals, 'fr');
  const region = rows.find((r) => r.key === 'region|2014')!;
  expect(region).toMatchObject({ funder: 'Région', year: 2014, convention: '2\u00a0387\u00a0500,00\u00a0€', participations: '2\u00a0387\u00a0500,01\u00a0€', gap: '+0,01\u00a0€', state: 'gap' });
  expect(rows.filter((r) => r.key !== 'region|2014').every((r) => r.state === 'conform')).toBe(true);
  expect(conformityRows(analyse(snap, AS_OF).totals, 'en').find((r) => r.key === 'region|2014')!.gap).toBe('+€0.01');
});

test('the conformity grid: the three funders by the three years, each cell the core’s row', () => {
  const snap = exampleSnapshot();
  const p = table(snap, 'Participations2015');
  (p.rows[0][col(p, 'CDC')] as number) -= 250;
  const rows = conformityRows(analyse(snap, AS_OF).totals, 'fr');
  const grid = conformityGrid(rows);
  expect(grid.years).toEqual([2014, 2015, 2016]);
  expect(grid.funders.map((g) => g.funder)).toEqual(['Région', 'État', 'CDC']);
  expect(grid.funders.map((g) => g.cells.map((c) => c!.state))).toEqual([
    ['conform', 'conform', 'conform'],
    ['conform', 'conform', 'conform'],
    ['conform', 'gap', 'conform'],
  ]);
  expect(grid.funders[2].cells[1]).toMatchObject({ key: 'cdc|2015', gap: '-250,00\u00a0€' });
  // A funder with no total for a year leaves its cell empty rather than shifting the others.
  expect(conformityGrid(rows.filter((r) => r.key !== 'etat|2016')).funders[1].cells[2]).toBeNull();
});

test('findings come first when there is an error or a warning, not for information alone', () => {
  const snap = exampleSnapshot();
  const clean = checkWorkbook(snap, { asOf: AS_OF });
  expect(findingsFirst(clean)).toBe(false);
  expect(findingsFirst({ ...clean, summary: { errors: 0, warnings: 0, infos: 3 } })).toBe(false);
  expect(findingsFirst({ ...clean, summary: { errors: 0, warnings: 1, infos: 0 } })).toBe(true);
  expect(findingsFirst({ ...clean, summary: { errors: 1, warnings: 0, infos: 0 } })).toBe(true);
});

test('a missing contract table is what makes the pane offer to restore the tables', () => {
  const snap = exampleSnapshot();
  expect(tablesMissing(checkWorkbook(snap, { asOf: AS_OF }))).toBe(false);
  snap.tables = snap.tables.filter((t) => t.name !== 'Avenants');
  expect(tablesMissing(checkWorkbook(snap, { asOf: AS_OF }))).toBe(true);
});

test('every error tells the user what to do next, in their language', () => {
  const fr = messages.fr.ui;
  expect(errorText({ kind: 'sync', detail: 'x' }, fr)).toMatch(/cliquez de nouveau sur Synchroniser\.$/);
  expect(errorText({ kind: 'open', file: 'a.xlsx', detail: 'zip' }, fr)).toBe('a.xlsx n’a pas pu être lu (zip). Choisissez un classeur .xlsx enregistré par Excel.');
  expect(errorText({ kind: 'select', sheet: 'Actions', cell: 'B7' }, messages.en.ui)).toBe('Cell B7 of sheet "Actions" was not found: the sheet may have been renamed. Synchronise again.');
  // The Office host's own sentence is shown as it is.
  expect(errorText({ kind: 'host', detail: 'Excel attend la fin de la saisie.' }, fr)).toBe('Excel attend la fin de la saisie.');
});

test('a participation typed as text: its cell says n.d. and why, not "Pas de montant" (issue 11, noticed after the merge)', () => {
  const snap = exampleSnapshot();
  const p = table(snap, 'Participations2014');
  p.rows[0][col(p, 'Région')] = '537 500,00 €';
  const rows = conformityRows(analyse(snap, AS_OF).totals, 'fr');
  expect(rows.find((r) => r.key === 'region|2014')).toMatchObject({ state: 'unreadable', gap: 'n.d.', reason: 'participation illisible' });
  expect(rows.find((r) => r.key === 'etat|2014')).toMatchObject({ state: 'conform', reason: null });
  expect(conformityRows(analyse(snap, AS_OF).totals, 'en').find((r) => r.key === 'region|2014')).toMatchObject({ gap: 'n/a', reason: 'unreadable participation' });
});

test('what was read: a table read as its Excel table says is not noted; rows under it, rows or columns left out, a renamed table or a range are (issue 19)', () => {
  const plain: TableRead = { table: 'Financements', sheet: 'Financements', range: 'A4:H151', lines: 147, kind: 'table', leftOut: [] };
  expect(readToNote(plain)).toBe(false);
  expect(readToNote({ ...plain, ignoredColumns: [] })).toBe(false);
  expect(readToNote({ ...plain, below: { first: 153, last: 154, count: 2 } })).toBe(true);
  expect(readToNote({ ...plain, leftOut: [{ first: 155, last: 155, count: 1, reason: 'below-unclear' }] })).toBe(true);
  expect(readToNote({ ...plain, ignoredColumns: ['Part Région (%)'] })).toBe(true);
  expect(readToNote({ ...plain, kind: 'renamed', foundAs: 'Tableau1' })).toBe(true);
  expect(readToNote({ ...plain, kind: 'range' })).toBe(true);
  expect(readToNote({ ...plain, headerHidden: true })).toBe(true);
});
