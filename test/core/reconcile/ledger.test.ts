/** Reading a ledger grid: header synonyms, explicit mapping, French amounts, bad cells. */
import { ledgerProblemMessage, parseLedgerAmount, parseLedgerRows, type LedgerParseResult, type LedgerParsed } from '../../../src/core/reconcile/ledger';
import type { CellValue } from '../../../src/core/snapshot';

function ok(r: LedgerParseResult): LedgerParsed {
  if (!r.ok) throw new Error(`problem ${JSON.stringify(r.problem)}`);
  return r;
}

const csv = (grid: CellValue[][], extra: object = {}) => parseLedgerRows(grid, { sheet: 'releve.csv', kind: 'csv', ...extra });

describe('French amounts', () => {
  test.each([
    ['1 234,56', 123456],
    ['1\u00a0234,56', 123456],
    ['1\u202f234\u202f567,80 €', 123456780],
    ['-50 000,00', -5000000],
    ['(1 000,00)', -100000],
    ['1000,5', 100050],
    ['1.234,56', 123456],
    ['1234.56', 123456],
    ['EUR 12', 1200],
    ['0,00', 0],
  ])('%s is %i cents', (text, cents) => {
    expect(parseLedgerAmount(text, 'comma')).toEqual({ kind: 'ok', cents });
  });

  test('a single mark before three digits is read by the file’s decimal mark', () => {
    expect(parseLedgerAmount('1.234', 'comma')).toEqual({ kind: 'ok', cents: 123400 });
    expect(parseLedgerAmount('1,234', 'point')).toEqual({ kind: 'ok', cents: 123400 });
    expect(parseLedgerAmount('1,234', 'comma')).toEqual({ kind: 'sub-cent', text: '1,234' });
    expect(parseLedgerAmount('1,234.5', 'point')).toEqual({ kind: 'ok', cents: 123450 });
  });

  test('text, blanks and sub-cent amounts are told apart', () => {
    expect(parseLedgerAmount('   ')).toEqual({ kind: 'blank' });
    expect(parseLedgerAmount('néant')).toEqual({ kind: 'not-an-amount', text: 'néant' });
    expect(parseLedgerAmount('12,345,67')).toEqual({ kind: 'not-an-amount', text: '12,345,67' });
    expect(parseLedgerAmount('10,005')).toEqual({ kind: 'sub-cent', text: '10,005' });
    expect(parseLedgerAmount('12345678901234567,00')).toEqual({ kind: 'not-an-amount', text: '12345678901234567,00' });
  });
});

describe('header recognition', () => {
  test('synonyms in any case, with or without accents, below a title line', () => {
    const r = ok(
      csv([
        ['Grand livre CDC – export du 31/12/2016', null, null, null, null, null],
        ['N° D’ENGAGEMENT', 'code action', 'EXERCICE', 'Financeur', 'Montant engage (€)', 'Mandaté'],
        ['EX-1', 'I_1.2', '2014', 'CDC', '1 000,00', '500,00'],
      ]),
    );
    expect(r.headerRow).toBe(2);
    expect(r.columns).toMatchObject({ reference: 'N° D’ENGAGEMENT', action: 'code action', year: 'EXERCICE', funder: 'Financeur', committed: 'Montant engage (€)', paid: 'Mandaté' });
    expect(r.lines[0]).toMatchObject({ reference: 'EX-1', action: 'I_1.2', year: 2014, funder: 'CDC', committed: 100000, paid: 50000, row: 3, ref: { sheet: 'releve.csv', cell: 'ligne 3' } });
  });

  test('the most telling header wins: "Code action" over "Code", whatever the order', () => {
    const r = ok(csv([['Code', 'Référence', 'Code action', 'Montant engagé'], ['6574', 'R-1', 'I_1.2', '1,00']]));
    expect(r.columns.action).toBe('Code action');
    expect(r.lines[0].action).toBe('I_1.2');
  });

  test('an explicit mapping names columns no synonym knows', () => {
    const grid: CellValue[][] = [
      ['Pièce', 'Opération', 'Montant AE HT', 'Date pièce'],
      ['P-77', 'II_1.1', '2 500,00', '03/02/2015'],
    ];
    expect(csv(grid)).toEqual({ ok: false, problem: { kind: 'no-header', headersFound: ['Pièce', 'Opération', 'Montant AE HT', 'Date pièce'] } });
    const r = ok(csv(grid, { map: { reference: 'Pièce', action: 'opération', committed: 'Montant AE HT', date: 'Date pièce' } }));
    expect(r.lines[0]).toMatchObject({ reference: 'P-77', action: 'II_1.1', committed: 250000, date: '2015-02-03', year: 2015 });
  });

  test('the message for no header lists the headers found and the --map option', () => {
    const r = csv([['Compte', 'Solde'], ['512', '10']]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const msg = ledgerProblemMessage('releve.csv', r.problem, 'fr');
    expect(msg).toContain('«\u00a0Compte\u00a0», «\u00a0Solde\u00a0»');
    expect(msg).toContain('--map');
    expect(msg.split('\n')).toHaveLength(1);
    expect(ledgerProblemMessage('ledger.csv', r.problem, 'en')).toContain('headers found: "Compte", "Solde"');
  });

  test('a mapped header that does not exist is named', () => {
    const r = csv([['Référence', 'Montant engagé'], ['X', '1']], { map: { committed: 'Montant AE' } });
    expect(r).toEqual({ ok: false, problem: { kind: 'map-header-not-found', field: 'committed', header: 'Montant AE', headersFound: ['Référence', 'Montant engagé'] } });
  });

  test('empty grids and header-only grids are problems, not crashes', () => {
    expect(csv([])).toEqual({ ok: false, problem: { kind: 'empty' } });
    expect(csv([[null, ''], ['  ']])).toEqual({ ok: false, problem: { kind: 'empty' } });
    expect(csv([['Référence', 'Montant engagé']])).toEqual({ ok: false, problem: { kind: 'no-lines', headersFound: ['Référence', 'Montant engagé'] } });
  });
});

describe('ledger lines', () => {
  const header = ['Référence', 'Code action', 'Année', 'Financeur', 'Montant engagé', 'Montant versé', 'Date', 'Libellé'];

  test('a text amount, a blank line amount and a bad year are findings on their line; the other lines are read', () => {
    const r = ok(
      csv([
        header,
        ['A-1', 'I_1.2', '2014', 'CDC', 'mille euros', '', '01/02/2014', 'x'],
        ['A-2', 'I_1.2', '2014', 'CDC', '', '', '01/02/2014', 'y'],
        ['A-3', 'I_1.2', '14/15', 'CDC', '10,00', '', '', 'z'],
        ['A-4', 'I_1.2', '2014', 'CDC', '10,00', '', '', 'ok'],
      ]),
    );
    expect(r.lines.map((l) => l.reference)).toEqual(['A-4']);
    expect(r.skipped).toBe(3);
    expect(r.findings.map((f) => [f.rule, f.cell, 'column' in f.params ? f.params.column : undefined])).toEqual([
      ['cell.not-a-number', 'ligne 2', 'Montant engagé'],
      ['cell.required', 'ligne 3', 'Montant engagé'],
      ['cell.bad-year', 'ligne 4', 'Année'],
    ]);
  });

  test('negative lines are kept as they are; a "Total" line at the bottom is not a commitment', () => {
    const r = ok(csv([header, ['A-1', 'I_1.2', '2014', 'CDC', '-1 000,00', '', '', 'Annulation'], [null, null, null, null, '9 999,00', '', '', 'Total général']]));
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0].committed).toBe(-100000);
  });

  test('XLSX cells: numbers, dates and cell addresses', () => {
    const r = ok(
      parseLedgerRows(
        [
          header,
          ['A-1', 'I_1.2', 2015, 'CDC', 1234.5, 1234.5600000000001, new Date(Date.UTC(2015, 2, 4)), 'x'],
          ['A-2', 'I_1.2', 2015, 'CDC', 10.005, null, null, 'y'],
        ],
        { sheet: 'Feuil1', kind: 'xlsx', firstRow: 4, firstColumn: 2 },
      ),
    );
    expect(r.lines[0]).toMatchObject({ committed: 123450, paid: 123456, date: '2015-03-04', ref: { sheet: 'Feuil1', cell: 'B5' } });
    expect(r.findings).toEqual([expect.objectContaining({ rule: 'cell.sub-cent', sheet: 'Feuil1', cell: 'F6' })]);
  });

  test('English line names', () => {
    const r = ok(csv([header, ['A-1', 'I_1.2', '2014', 'CDC', '1', '', '', '']], { lang: 'en' }));
    expect(r.lines[0].ref.cell).toBe('line 2');
  });
});
