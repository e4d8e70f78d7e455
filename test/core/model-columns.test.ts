/** The compact store the .xlsx reader keeps tables in, and the table that makes its rows only when asked. */
import fc from 'fast-check';
import { ColumnStore } from '../../src/core/columns';
import type { CellValue, TableSnapshot } from '../../src/core/snapshot';
import { BLANK, compactTable, stateOf, tableGrid, TEXT, VALUE } from '../../src/core/tableGrid';

const day = new Date(Date.UTC(2015, 5, 30));

function column(store: ColumnStore, c: number): CellValue[] {
  return Array.from({ length: store.rowCount }, (_, r) => store.get(r, c));
}

describe('ColumnStore', () => {
  test('gives back every kind of value where it was put, blanks as null', () => {
    const s = new ColumnStore();
    const values: CellValue[] = ['Prévu (€)', 250000, 1234.56, -0, null, 'texte', true, day, { error: '#N/A' }, { uncalculated: '=A1' }, 2 ** 40, -7];
    values.forEach((v, r) => s.set(r, 2, v));
    expect(column(s, 2)).toEqual(values);
    expect(Object.is(s.get(3, 2), -0)).toBe(true);
    // Never written: blank, whatever the row or column.
    expect(s.get(0, 0)).toBeNull();
    expect(s.get(500, 2)).toBeNull();
    expect(s.get(0, 9)).toBeNull();
  });

  test('a column that starts with dates, booleans or errors keeps them (no header above them: a table without its header row)', () => {
    const s = new ColumnStore(4);
    const values: CellValue[] = [day, true, { error: '#N/A' }, { uncalculated: '=A1' }];
    values.forEach((v, r) => s.set(r, 0, v));
    s.set(0, 1, false);
    s.set(1, 1, 12);
    expect(column(s, 0)).toEqual(values);
    expect(column(s, 1)).toEqual([false, 12, null, null]);
  });

  test('a header over a million numbers stays a column of numbers, the header kept aside', () => {
    const s = new ColumnStore(100_002);
    s.set(0, 0, 'Année');
    for (let r = 1; r <= 100_000; r++) s.set(r, 0, 2014 + (r % 3));
    s.set(100_001, 0, { uncalculated: '=SUBTOTAL(109,[Année])' });
    expect(s.get(0, 0)).toBe('Année');
    expect(s.get(1, 0)).toBe(2015);
    expect(s.get(100_000, 0)).toBe(2015);
    expect(s.get(100_001, 0)).toEqual({ uncalculated: '=SUBTOTAL(109,[Année])' });
  });

  test('a column where numbers, texts and shared strings alternate keeps them all, the strings read once known', () => {
    const s = new ColumnStore();
    const values = Array.from({ length: 3000 }, (_, r): CellValue => (r % 3 === 0 ? r + 0.5 : r % 3 === 1 ? `R-${r}` : `partagée ${r}`));
    values.forEach((v, r) => (r % 3 === 2 ? s.setShared(r, 0, r) : s.set(r, 0, v)));
    s.sharedStrings = values.map((v, r) => (r % 3 === 2 ? (v as string) : undefined));
    expect(column(s, 0)).toEqual(values);
  });

  test('shared strings are read once known; one the part lacks reads as blank', () => {
    const s = new ColumnStore();
    s.setShared(0, 0, 1);
    s.setShared(1, 0, 7);
    s.set(2, 0, 'inline');
    expect(s.get(0, 0)).toBeNull();
    s.sharedStrings = ['zéro', 'un'];
    expect(column(s, 0)).toEqual(['un', null, 'inline']);
  });

  test('a shared string set aside in a column of numbers is still read once the strings are known', () => {
    const s = new ColumnStore();
    for (let r = 0; r < 40; r++) s.set(r, 0, r);
    s.setShared(40, 0, 0);
    s.sharedStrings = ['1 000,00 €'];
    expect(s.get(40, 0)).toBe('1 000,00 €');
    expect(s.get(39, 0)).toBe(39);
  });

  test('says what each cell holds without reading it: blank (white space too), a text, or another value, as get would', () => {
    const s = new ColumnStore();
    const values: CellValue[] = ['Prévu (€)', 250000, 1234.5, '   ', '\u00a0\t', 'texte', true, day, { error: '#N/A' }, null, 0, ''];
    // Each value in a column of its own kind's majority, then in a mixed one: every form of column answers.
    values.forEach((v, r) => s.set(r, 0, v));
    for (let r = 0; r < 40; r++) s.set(r, 1, r % 5 === 0 ? values[r % values.length] : 'x');
    for (let r = 0; r < 40; r++) s.set(r, 2, r % 5 === 0 ? values[r % values.length] : r + 0.5);
    // Shared strings: kept, white space only, not kept (a table that tells blanks itself, and one that does not).
    ['un', ' ', 'deux'].forEach((_, k) => s.setShared(k, 3, k));
    s.setShared(3, 3, 9);
    const strings = ['un', ' ', 'deux'];
    for (const table of [strings, { length: 3, at: (i: number) => strings[i], blank: (i: number) => (strings[i] ?? '').trim() === '' }]) {
      s.sharedStrings = table;
      for (let c = 0; c < 5; c++) for (let r = 0; r < 42; r++) expect([r, c, s.state(r, c)]).toEqual([r, c, stateOf(s.get(r, c))]);
    }
    expect([s.state(0, 0), s.state(3, 0), s.state(4, 0), s.state(6, 0), s.state(8, 0), s.state(9, 0), s.state(10, 0)]).toEqual([TEXT, BLANK, BLANK, VALUE, VALUE, BLANK, VALUE]);
    expect([s.state(0, 3), s.state(1, 3), s.state(3, 3)]).toEqual([TEXT, BLANK, BLANK]);
  });

  test('property: any writes, in any order, over and over the same cells, read back as the last one written', () => {
    // Rows rewritten after values of other kinds were set aside (a header, a text typed in an amount column),
    // columns settling then meeting other kinds: the straight path for settled columns must give what put gives.
    const strings = ['un', 'deux', ' '];
    const value = fc.oneof(
      fc.integer({ min: -5, max: 3000 }),
      fc.constantFrom<CellValue>(0.5, -0, 2 ** 40, 'Prévu (€)', 'texte', null, true, day, { error: '#N/A' }),
    );
    const op = fc.tuple(fc.constantFrom('set', 'set', 'set', 'shared', 'clear'), fc.nat(60), fc.nat(2), value, fc.nat(2));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), fc.nat(60), (ops, fill) => {
        const s = new ColumnStore();
        const want = new Map<string, CellValue>();
        let rows = 0;
        let width = 0;
        // A settled column first (more than its first values), so that the straight paths are taken.
        for (let r = 0; r < fill; r++) {
          s.set(r, 0, r);
          s.setShared(r, 1, r % 2);
          want.set(`${r},0`, r).set(`${r},1`, strings[r % 2]);
          rows = r + 1;
          width = 2;
        }
        for (const [kind, r, c, v, k] of ops) {
          if (kind === 'clear') {
            s.clear(r, c);
            if (r < rows && c < width) want.set(`${r},${c}`, null);
            continue;
          }
          if (kind === 'shared') s.setShared(r, c, k);
          else s.set(r, c, v);
          want.set(`${r},${c}`, kind === 'shared' ? strings[k] : v);
          rows = Math.max(rows, r + 1);
          width = Math.max(width, c + 1);
        }
        s.sharedStrings = strings;
        for (let r = 0; r < rows; r++) for (let c = 0; c < width; c++) expect([r, c, s.get(r, c)]).toEqual([r, c, want.get(`${r},${c}`) ?? null]);
      }),
      { numRuns: 150 },
    );
  });

  test('clear blanks a cell within what was written and never grows the store; truncate forgets the rows past it', () => {
    const s = new ColumnStore();
    s.set(0, 0, 1);
    s.set(1, 1, 'b');
    s.clear(1, 1);
    s.clear(10, 0);
    s.clear(0, 5);
    expect([s.rowCount, s.width]).toEqual([2, 2]);
    expect(s.get(1, 1)).toBeNull();
    s.set(5, 0, 6);
    s.truncate(2);
    expect(s.rowCount).toBe(2);
    expect(s.get(5, 0)).toBeNull();
  });
});

describe('compactTable', () => {
  function sample(): { t: TableSnapshot; plain: TableSnapshot } {
    const s = new ColumnStore(4);
    const rows: CellValue[][] = [
      ['Code', 'Prévu (€)'],
      ['I_1.1', 1000],
      ['I_1.2', null],
      [null, 12.5],
    ];
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && s.set(r, c, v)));
    const meta = { name: 'Financements', sheet: 'Financements', headerRow: 4, firstColumn: 1, headers: ['Code', 'Prévu (€)'], isTable: true, mergedCells: [] };
    // The key order of a table as the reader wrote it before it kept columns.
    const { name, sheet, headerRow, firstColumn, headers, isTable, mergedCells } = meta;
    const plain: TableSnapshot = { name, sheet, headerRow, firstColumn, headers, rows: rows.slice(1), isTable, mergedCells };
    return { t: compactTable(meta, s.grid(1, 3, 2)), plain };
  }

  test('reads through tableGrid without making arrays of rows', () => {
    const { t } = sample();
    const g = tableGrid(t);
    expect([g.rowCount, g.get(0, 0), g.get(1, 1), g.get(2, 1), g.fixed]).toEqual([3, 'I_1.1', null, 12.5, true]);
    expect(typeof Object.getOwnPropertyDescriptor(t, 'rows')!.get).toBe('function');
  });

  test('is the same table as one built with its rows, for anyone who reads rows (JSON, clones, equality)', () => {
    const { t, plain } = sample();
    expect(JSON.stringify(t)).toBe(JSON.stringify(plain));
    expect(structuredClone(sample().t)).toEqual(plain);
    expect(t).toEqual(plain);
  });

  test('rows, once read or replaced, are the table’s own: edits are what the model then reads', () => {
    const { t } = sample();
    t.rows[0][1] = 2000;
    expect(tableGrid(t).get(0, 1)).toBe(2000);
    expect(tableGrid(t).fixed).toBe(false);
    const other = sample().t;
    other.rows = [['X', 1]];
    expect(tableGrid(other).rowCount).toBe(1);
    expect(other.rows).toEqual([['X', 1]]);
  });
});
