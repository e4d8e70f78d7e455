/**
 * Where the emulated Excel used to be more lenient than Excel, and how the add-in behaves now that
 * it is not: a hidden header row, a selection that is not one range, the last visible sheet, a read
 * over Excel's cell limit. (Late events: host.test.ts; DelayForCellEdit: sync.test.ts; the size
 * errors' names: sync.test.ts and request-sizes.test.ts.)
 */
import { messages } from '../../../src/core/i18n';
import { emulatorFromPlan } from '../../support/excel-emulator';
import { officeJsHost, officeJsRun } from '../../helpers/officeJs';
import { AS_OF, errorsPlan, examplePlan, userCells, oversizedControls } from './fixtures';
import { syncWorkbook } from '../../../src/app/sync';
import { writeCopilSheet } from '../../../src/app/sheets';

const fr = { asOf: AS_OF, lang: 'fr' as const };
const limits = messages.fr.hostLimits;

test('a contract table whose header row the user hid is read all the same: same findings and a warning saying so, 2 round trips', async () => {
  const reference = await syncWorkbook(officeJsHost(emulatorFromPlan(errorsPlan())), fr);
  const emu = emulatorFromPlan(errorsPlan());
  emu.model.setShowHeaders(emu.model.table('Financements')!, false);
  emu.model.setShowHeaders(emu.model.table('Participations2014')!, false);
  const before = userCells(emu);
  const out = await syncWorkbook(officeJsHost(emu), fr);
  expect(out.roundTrips).toBe(2);
  // The same findings, plus the hidden header rows said as such (as the file host says them).
  expect(out.result.findings.filter((f) => f.rule !== 'workbook.header-hidden')).toEqual(reference.result.findings);
  expect(out.result.findings.filter((f) => f.rule === 'workbook.header-hidden').map((f) => f.sheet)).toEqual(['Financements', 'Participations 2014']);
  // Still hidden, nothing written into the user's tables.
  expect(emu.model.table('Financements')!.hiddenHeaders).toBeDefined();
  expect(userCells(emu)).toEqual(before);
});

describe('a selection that is not one range (InvalidSelection in Excel)', () => {
  test.each([
    ['a chart or a shape', 'object' as const],
    ['several areas', 'areas' as const],
  ])('%s: reading the ledger from the selection says to select the ledger in one block', async (_what, kind) => {
    const emu = emulatorFromPlan(examplePlan());
    emu.model.selectionIsNot = kind;
    const e = await officeJsHost(emu).readSelection().catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'InvalidSelection', message: limits.invalidSelection });
  });
});

test('a selection larger than Excel reads in one go (RangeExceedsLimit): a sentence saying to select less', async () => {
  const emu = emulatorFromPlan(examplePlan());
  emu.cellLimit = 100;
  const host = officeJsHost(emu);
  await host.select('Financements', 'A4:H40');
  const e = await host.readSelection().catch((x: unknown) => x);
  expect(e).toMatchObject({ code: 'RangeExceedsLimit', message: limits.rangeTooLarge });
});

describe('Excel keeps one sheet visible', () => {
  test('the emulated Excel refuses to hide the last visible sheet', async () => {
    const emu = emulatorFromPlan(examplePlan());
    for (const s of emu.model.sheets.slice(1)) s.visibility = 'Hidden';
    const e = await officeJsRun(emu)({}, async (ctx) => {
      ctx.workbook.worksheets.getItem(emu.model.sheets[0].name).visibility = 'Hidden' as Excel.SheetVisibility.hidden;
      await ctx.sync();
    }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'InvalidOperation' });
  });

  test('Synthèse COPIL as the only visible sheet: exported again in place (its copy is hidden, never it)', async () => {
    const emu = emulatorFromPlan(examplePlan());
    const host = officeJsHost(emu);
    await writeCopilSheet(host, fr);
    for (const s of emu.model.sheets) if (s.name !== 'Synthèse COPIL') s.visibility = 'Hidden';
    await expect(writeCopilSheet(host, fr)).resolves.toEqual({ sheet: 'Synthèse COPIL', roundTrips: 2 });
    expect(emu.model.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name)).toEqual(['Synthèse COPIL']);
  });

  test('Contrôles as the only visible sheet, rewritten in several requests on ExcelApi 1.8: the staging sheet is shown before the old one goes', async () => {
    const { emu, host } = oversizedControls('1.8');
    const first = await syncWorkbook(host, fr);
    for (const s of emu.model.sheets) if (s.name !== 'Contrôles') s.visibility = 'Hidden';
    const out = await syncWorkbook(host, fr);
    expect(out.roundTrips).toBeGreaterThan(2);
    expect(emu.model.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name)).toEqual(['Contrôles']);
    expect(emu.model.bodyBox(emu.model.table('Controles')!).bottom - 1).toBe(first.result.findings.length);
  });
});
