/** Property-based tests (fast-check): exact money, and init → file → read is the identity. */
import fc from 'fast-check';
import { centsToDecimalString, formatEuros, readCellNumber } from '../../src/core/money';
import { readModel } from '../../src/core/model';
import { buildWorkbookPlan } from '../../src/core/template';
import { readWorkbookBuffer, renderPlan } from '../../src/hosts/xlsx/workbook';
import { toBuffer } from '../helpers/files';

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
