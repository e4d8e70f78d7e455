/**
 * Tables as users change them in Excel, read through Microsoft's Office.js client: a contract table
 * renamed, rows typed just under a table that Excel did not extend (after an undo, a paste), a
 * table converted to a range with a blank row inside. The same answers as the file host's.
 */
import { checkWorkbook } from '../../../src/core/check';
import { snapshotOf, renderPlan } from '../../../src/hosts/xlsx/workbook';
import { syncWorkbook } from '../../../src/app/sync';
import { emulatorFromPlan } from '../../support/excel-emulator';
import { setRaw } from '../../support/excel-emulator/load';
import { officeJsHost } from '../../helpers/officeJs';
import { AS_OF, examplePlan } from './fixtures';

const fr = { asOf: AS_OF, lang: 'fr' as const };
const base = checkWorkbook(snapshotOf(renderPlan(examplePlan())), fr);
const planned = (totals: typeof base.totals, funder: string, year: number) => totals.find((t) => t.funder === funder && t.year === year)!.planned;

test('a renamed Financements ("Tableau1") is found by its sheet and columns: the same totals, and a warning with the repair', async () => {
  const emu = emulatorFromPlan(examplePlan());
  emu.model.renameTable(emu.model.table('Financements')!, 'Tableau1');
  const out = await syncWorkbook(officeJsHost(emu), fr);
  expect(out.result.totals).toEqual(base.totals);
  const renamed = out.result.findings.filter((f) => f.rule === 'workbook.table-renamed');
  expect(renamed).toHaveLength(1);
  expect(renamed[0].message).toMatch(/Tableau1.*Création de tableau > Nom du tableau/);
  expect(out.result.findings.some((f) => f.rule === 'workbook.table-missing')).toBe(false);
  // The renamed table's rows come in the degraded case's second trip (as a table lost to a range).
  expect(out.roundTrips).toBe(3);
});

test.each([
  ['in one answer', Infinity],
  ['when the workbook needs its rows read in blocks (Excel on the web’s answer limit)', 40_000],
])('two rows typed under Financements (Excel did not extend it), %s: read, and an information names their rows', async (_how, limit) => {
  const emu = emulatorFromPlan(examplePlan());
  if (limit !== Infinity) emu.responseLimit = limit;
  const m = emu.model;
  const fin = m.table('Financements')!;
  const { sheet, box } = fin;
  const first = box.top + 1;
  // Under the totals row, a copy of the first line with its Prévu set, twice.
  const row = Array.from({ length: box.right - box.left + 1 }, (_, i) => m.value(sheet, first, box.left + i));
  const funder = String(row[2]);
  const year = Number(row[1]);
  for (const r of [box.bottom + 1, box.bottom + 2]) row.forEach((v, i) => setRaw(m, sheet, r, box.left + i, i === 3 ? 1000 : (v as string | number)));
  const out = await syncWorkbook(officeJsHost(emu), fr);
  const below = out.result.findings.filter((f) => f.rule === 'workbook.rows-below');
  expect(below.map((f) => `${f.sheet}!${f.cell}`)).toEqual([`Financements!A${box.bottom + 1}:H${box.bottom + 2}`]);
  expect(below[0].severity).toBe('info');
  expect(Number(planned(out.result.totals, funder, year))).toBe(Number(planned(base.totals, funder, year)) + 2000);
  // One trip to read, one to write (in one answer).
  if (limit === Infinity) expect(emu.roundTrips).toBe(2);
  else expect(emu.roundTrips).toBeGreaterThan(2);
});

test('a blank row under a table ends what is read under it: a note further down is no row of the table', async () => {
  const emu = emulatorFromPlan(examplePlan());
  const { sheet, box } = emu.model.table('Financements')!;
  setRaw(emu.model, sheet, box.bottom + 3, box.left, 'note');
  const out = await syncWorkbook(officeJsHost(emu), fr);
  expect(out.result.totals).toEqual(base.totals);
  expect(out.result.findings.filter((f) => f.rule.startsWith('workbook.rows-below'))).toEqual([]);
  expect(out.roundTrips).toBe(2);
});

test('Financements converted to a range with a blank row inside: read to its real end, its old totals row no data', async () => {
  const emu = emulatorFromPlan(examplePlan());
  const m = emu.model;
  const fin = m.table('Financements')!;
  const { sheet, box } = fin;
  // Convert to range: the cells stay, the table goes; then a blank row is inserted inside.
  m.tables = m.tables.filter((t) => t !== fin);
  m.insertCells(sheet, box.top + 50, box.left, box.right, 1);
  const out = await syncWorkbook(officeJsHost(emu), fr);
  const amounts = (totals: typeof base.totals) => totals.map(({ funder, year, planned, committed, paid }) => ({ funder, year, planned, committed, paid }));
  expect(amounts(out.result.totals)).toEqual(amounts(base.totals));
  expect(out.result.findings.filter((f) => f.rule === 'workbook.table-missing').map((f) => `${f.sheet}!${f.cell}`)).toEqual([`Financements!A${box.top}:H${box.top}`]);
});
