/** Property-based tests (fast-check): exact money, and init → file → read is the identity. */
import fc from 'fast-check';
import { centsToDecimalString, formatEuros, readCellNumber } from '../../src/core/money';
import { readModel } from '../../src/core/model';
import { buildWorkbookPlan } from '../../src/core/template';
import { readWorkbookBuffer, renderPlan } from '../../src/hosts/xlsx/workbook';
import { toBuffer } from '../helpers/files';
import Papa from 'papaparse';
import { looksLikeFormula } from '../../src/core/neutralise';
import { summarise } from '../../src/core/summary';
import { summaryCsvText } from '../../src/exports/csv';
import { reconcile, type LedgerLine } from '../../src/core/reconcile';
import { funderName } from '../../src/core/rules/context';
import { exampleSnapshot } from '../helpers/workbook';

const cents = fc.integer({ min: 0, max: 10_000_000_000_00 });

test('sums of amounts read from cells are exact to the cent, in any order', () => {
  fc.assert(
    fc.property(fc.array(cents, { maxLength: 200 }), fc.integer(), (xs, seed) => {
      const exact = xs.reduce((a, b) => a + b, 0);
      const shuffled = [...xs].sort((a, b) => ((a * 31 + seed) % 97) - ((b * 31 + seed) % 97));
      const read = (c: number) => {
        const r = readCellNumber(c / 100);
        if (r.kind !== 'ok') throw new Error(`${c / 100} not read as cents`);
        return r.cents;
      };
      expect(xs.map(read).reduce((a, b) => a + b, 0)).toBe(exact);
      expect(shuffled.map(read).reduce((a, b) => a + b, 0)).toBe(exact);
      expect(centsToDecimalString(exact)).toBe(`${Math.floor(exact / 100)}.${String(exact % 100).padStart(2, '0')}`);
    }),
    { numRuns: 300 },
  );
});

test('an amount is formatted with exactly its euros and cents', () => {
  fc.assert(
    fc.property(cents, (c) => {
      const s = formatEuros(c);
      expect(s.replace(/\u00a0/g, '').replace('€', '').replace(',', '.')).toBe(centsToDecimalString(c));
    }),
  );
});

test('what init writes is what the core reads back from the file', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(cents, { minLength: 12, maxLength: 12 }), fc.array(fc.tuple(cents, cents, cents), { minLength: 5, maxLength: 5 }), async (parts, lines) => {
      const plan = buildWorkbookPlan({ example: true, lang: 'fr' });
      const p2015 = plan.sheets.find((s) => s.name === 'Participations 2015')!.tables[0];
      p2015.rows.forEach((row, i) => row.splice(1, 3, parts[i * 3] / 100, parts[i * 3 + 1] / 100, parts[i * 3 + 2] / 100));
      const fin = plan.sheets.find((s) => s.name === 'Financements')!.tables[0];
      lines.forEach(([p, c, v], i) => fin.rows[i].splice(3, 3, p / 100, c / 100, v / 100));
      const { snapshot } = await readWorkbookBuffer(await toBuffer(renderPlan(plan)));
      const model = readModel(snapshot, []);
      const table = model.participations.find((t) => t.year === 2015)!;
      const readBack = table.cells.map((c) => c.amount);
      expect(readBack).toEqual(parts);
      expect(model.financing.slice(0, 5).map((f) => [f.v.planned, f.v.committed, f.v.paid])).toEqual(lines);
    }),
    { numRuns: 20 },
  );
}, 120_000);

describe('CSV neutralisation', () => {
  const formulaStart = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\uff1d', '\uff0b', '\uff0d', '\uff20', ' =', '\u00a0+');
  const title = fc.oneof(fc.string(), fc.tuple(formulaStart, fc.string()).map(([a, b]) => a + b));

  test('always disarms a formula and never changes a number', () => {
    fc.assert(
      fc.property(title, fc.integer({ min: 0, max: 1_000_000_00 }), (t, planned) => {
        const snapshot = exampleSnapshot();
        const actions = snapshot.tables.find((x) => x.name === 'Actions')!;
        actions.rows[1][actions.headers.indexOf('Intitulé')] = t.trim() === '' ? 'x' : t;
        const fin = snapshot.tables.find((x) => x.name === 'Financements')!;
        const code = actions.rows[1][actions.headers.indexOf('Code')];
        const line = fin.rows.findIndex((r) => r[0] === code);
        fin.rows[line][fin.headers.indexOf('Prévu (€)')] = planned / 100;
        fin.rows[line][fin.headers.indexOf('Engagé (€)')] = 0;
        fin.rows[line][fin.headers.indexOf('Versé (€)')] = 0;
        const { summary } = summarise(snapshot, { asOf: new Date(Date.UTC(2016, 11, 31)) });
        const rows = Papa.parse<string[]>(summaryCsvText(summary), { delimiter: ';' }).data;
        for (const row of rows) for (const field of row) expect(looksLikeFormula(field) && !/^-\d+(,\d+)?$/.test(field)).toBe(false);
        // Amounts stay bare decimal-comma numbers, negative gaps included.
        const amounts = rows.slice(1).flatMap((r) => r.slice(7, 13)).filter((f) => f !== '');
        for (const a of amounts) expect(a).toMatch(/^-?\d+,\d{2}$/);
      }),
      { numRuns: 40 },
    );
  });
});

test('reconciling a ledger made from the workbook itself finds no difference', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5_000_000_00 }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 30 }), (amounts) => {
      const snapshot = exampleSnapshot();
      const fin = snapshot.tables.find((x) => x.name === 'Financements')!;
      const col = (h: string) => fin.headers.indexOf(h);
      amounts.forEach(([committed, pct], i) => {
        const row = fin.rows[i % fin.rows.length];
        row[col('Prévu (€)')] = committed / 100;
        row[col('Engagé (€)')] = committed / 100;
        row[col('Versé (€)')] = Math.floor((committed * pct) / 100) / 100;
      });
      const model = readModel(snapshot, []);
      const lines: LedgerLine[] = model.financing.map((f, i) => ({
        reference: f.v.reference ?? null,
        action: f.v.code ?? null,
        year: f.v.year ?? null,
        funder: f.v.funder ? funderName(f.v.funder) : null,
        committed: f.v.committed ?? 0,
        paid: f.v.paid ?? 0,
        date: null,
        beneficiary: null,
        label: null,
        row: i + 2,
        ref: { sheet: 'relevé.csv', cell: `ligne ${i + 2}` },
      }));
      const r = reconcile(model, lines, { scope: 'all' });
      expect(r.findings).toEqual([]);
      expect(r.counts.different).toBe(0);
      expect(r.counts['missing-in-ledger']).toBe(0);
      expect(r.counts['missing-in-workbook']).toBe(0);
    }),
    { numRuns: 25 },
  );
});
