import { LEDGER_FIELDS } from '../../src/core/reconcile/ledger';
import { duplicateFields, exportFileName, initialMapping, mapOption, mappingUsable, reconCounts, type ColumnMapping } from '../../src/taskpane/tools';

const none = (): ColumnMapping => Object.fromEntries(LEDGER_FIELDS.map((f) => [f, null])) as ColumnMapping;

describe('export file names', () => {
  test('name the summary and its as-of date, in ASCII', () => {
    expect(exportFileName('pdf', '2016-12-31')).toBe('synthese-copil-2016-12-31.pdf');
    expect(exportFileName('csv', '2015-06-30')).toBe('synthese-copil-2015-06-30.csv');
    expect(exportFileName('xlsx', '31/12/2016')).toBe('synthese-copil-sans-date.xlsx');
  });
});

describe('reconciliation counts', () => {
  test('what disagrees comes first, every status shown even at 0', () => {
    const counts = { matched: 45, different: 1, 'missing-in-ledger': 2, 'missing-in-workbook': 3, 'netted-out': 0 };
    expect(reconCounts({ counts })).toEqual([
      { status: 'different', count: 1 },
      { status: 'missing-in-ledger', count: 2 },
      { status: 'missing-in-workbook', count: 3 },
      { status: 'matched', count: 45 },
      { status: 'netted-out', count: 0 },
    ]);
  });
});

describe('the column picker', () => {
  test('starts from the columns the parse recognised, dropping headers the ledger does not have', () => {
    const m = initialMapping({ reference: "N° d'engagement", committed: 'Montant engagé', paid: 'Ancien' }, ["N° d'engagement", 'Montant engagé']);
    expect(m.reference).toBe("N° d'engagement");
    expect(m.committed).toBe('Montant engagé');
    expect(m.paid).toBeNull();
    expect(m.action).toBeNull();
    expect(Object.keys(m).sort()).toEqual([...LEDGER_FIELDS].sort());
    expect(initialMapping(null, ['A'])).toEqual(none());
  });

  test('passes only the chosen columns to the parse', () => {
    expect(mapOption({ ...none(), reference: 'Pièce', committed: 'Somme AE' })).toEqual({ reference: 'Pièce', committed: 'Somme AE' });
    expect(mapOption(none())).toEqual({});
  });

  test('needs an amount, and a reference or an action code', () => {
    expect(mappingUsable(none())).toBe(false);
    expect(mappingUsable({ ...none(), committed: 'X' })).toBe(false);
    expect(mappingUsable({ ...none(), reference: 'R' })).toBe(false);
    expect(mappingUsable({ ...none(), reference: 'R', paid: 'P' })).toBe(true);
    expect(mappingUsable({ ...none(), action: 'A', committed: 'C' })).toBe(true);
  });

  test('flags a column chosen for two fields', () => {
    expect(duplicateFields({ ...none(), committed: 'Montant', paid: 'Montant', reference: 'R' })).toEqual(['committed', 'paid']);
    expect(duplicateFields({ ...none(), committed: 'C', paid: 'P' })).toEqual([]);
  });
});
