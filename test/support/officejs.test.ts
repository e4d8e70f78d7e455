/**
 * Microsoft's Office.js client in front of the emulated Excel (test/helpers/officeJs.ts
 * and test/support/excel-emulator/protocol.ts): what the client does is Microsoft's (PropertyNotLoaded, null objects, ApiNotFound,
 * serialisation); what the host answers is the emulator's; round trips and bytes are counted at the
 * transport.
 */
import { buildWorkbookPlan } from '../../src/core/template';
import { emulatorFromPlan, type ExcelEmulator } from './excel-emulator';
import { officeJsRun } from '../helpers/officeJs';

const example = (): ExcelEmulator => emulatorFromPlan(buildWorkbookPlan({ example: true, lang: 'fr' }));

test('a property read before load and sync is refused by Microsoft’s client (PropertyNotLoaded), at no round trip', async () => {
  const emu = example();
  const e = await officeJsRun(emu)({}, async (ctx) => {
    const t = ctx.workbook.tables.getItem('Financements');
    return t.name;
  }).catch((x: unknown) => x);
  expect(e).toMatchObject({ code: 'PropertyNotLoaded' });
  expect(emu.roundTrips).toBe(0);
});

test('one sync is one request: loads chained off a null object answer null objects, in one round trip', async () => {
  const emu = example();
  const out = await officeJsRun(emu)({}, async (ctx) => {
    const missing = ctx.workbook.tables.getItemOrNullObject('Absent');
    const body = missing.getDataBodyRange().load('values');
    const present = ctx.workbook.tables.getItemOrNullObject('Financements').load('name');
    const rows = present.getDataBodyRange().load('values');
    await ctx.sync();
    return { missing: missing.isNullObject, body: body.isNullObject, present: present.name, rows: rows.values.length };
  });
  expect(out).toEqual({ missing: true, body: true, present: 'Financements', rows: expect.any(Number) });
  expect(out.rows).toBeGreaterThan(5);
  expect(emu.roundTrips).toBe(1);
  expect(emu.largestRequest).toBeGreaterThan(500);
});

test('a strict lookup of a missing item fails with Excel’s ItemNotFound, answered by the host', async () => {
  const emu = example();
  const e = await officeJsRun(emu)({}, async (ctx) => {
    ctx.workbook.worksheets.getItem('Absente').getRange('A1').load('values');
    await ctx.sync();
  }).catch((x: unknown) => x);
  expect(e).toMatchObject({ code: 'ItemNotFound' });
  expect(emu.roundTrips).toBe(1);
});

test('ranges kept by reference across syncs; their release at the end of Excel.run is not a round trip of the add-in', async () => {
  const emu = example();
  const value = await officeJsRun(emu)({}, async (ctx) => {
    const r = ctx.workbook.worksheets.getItem('Financements').getRange('A5');
    r.load('address');
    await ctx.sync();
    r.load('values');
    await ctx.sync();
    return r.values[0][0];
  });
  const fin = emu.model.sheet('Financements')!;
  expect(value).toBe(emu.model.value(fin, 5, 1));
  expect(emu.roundTrips).toBe(2);
  await new Promise((r) => setTimeout(r, 10));
  expect(emu.releases).toBe(1);
  expect(emu.roundTrips).toBe(2);
});
