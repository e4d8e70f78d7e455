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

describe('a table ending near the sheet’s last row (1 048 576): Excel refuses rows past it, the read does not fail', () => {
  const LAST = 1_048_576;
  /** The example with Financements moved down so that its totals row is `end`. */
  function endingAt(end: number) {
    const emu = emulatorFromPlan(examplePlan());
    const fin = emu.model.table('Financements')!;
    emu.model.insertCells(fin.sheet, fin.box.top, fin.box.left, fin.box.right, end - fin.box.bottom);
    return { emu, fin };
  }

  test('three rows from the end, two rows typed under it: read, and named', async () => {
    const { emu, fin } = endingAt(LAST - 3);
    const { sheet, box } = fin;
    expect(box.bottom).toBe(LAST - 3);
    const m = emu.model;
    const row = Array.from({ length: box.right - box.left + 1 }, (_, i) => m.value(sheet, box.top + 1, box.left + i));
    for (const r of [LAST - 2, LAST - 1]) row.forEach((v, i) => setRaw(m, sheet, r, box.left + i, i === 3 ? 1000 : (v as string | number)));
    const out = await syncWorkbook(officeJsHost(emu), fr);
    expect(out.result.findings.filter((f) => f.rule === 'workbook.rows-below').map((f) => `${f.sheet}!${f.cell}`)).toEqual([`Financements!A${LAST - 2}:H${LAST - 1}`]);
    expect(Number(planned(out.result.totals, String(row[2]), Number(row[1])))).toBe(Number(planned(base.totals, String(row[2]), Number(row[1]))) + 2000);
    expect(out.result.read.find((r) => r.table === 'Financements')!.text).toMatch(/dont 2 lignes saisies sous le tableau/);
  });

  test('on the very last row, nothing under it: the same totals and findings as anywhere else', async () => {
    const { emu, fin } = endingAt(LAST);
    expect(fin.box.bottom).toBe(LAST);
    const out = await syncWorkbook(officeJsHost(emu), fr);
    expect(out.result.totals).toEqual(base.totals);
    expect(out.result.findings.map((f) => f.rule)).toEqual(base.findings.map((f) => f.rule));
  });
});

test('a workbook whose contract tables were all renamed is not empty: the pane does not offer to initialise it', async () => {
  const emu = emulatorFromPlan(examplePlan());
  const host = officeJsHost(emu);
  expect(await host.isEmpty()).toBe(false);
  emu.model.tables.forEach((t, i) => emu.model.renameTable(t, `Tableau${i + 1}`));
  expect(await host.isEmpty()).toBe(false);
  // Its tables are read as the contract's all the same.
  const out = await syncWorkbook(host, fr);
  expect(out.result.totals).toEqual(base.totals);
});
