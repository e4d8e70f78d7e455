/**
 * Request sizes as Microsoft's Office.js client serialises them: the write planner's estimates
 * (REQUEST_BYTES) must not fall below what is measured, or a batch planned for 4 MB goes out at
 * twice that and Excel on the web refuses it (its limit: 5 MB); and the highlights must take few
 * rules.
 */
import { REQUEST_BYTES } from '../../../src/hosts/office/write';
import { emulatorFromPlan, type ExcelEmulator } from '../../support/excel-emulator';
import { officeJsHost, officeJsRun } from '../../helpers/officeJs';
import { AS_OF, errorsPlan, examplePlan, ownHighlightRules, planTable } from './fixtures';
import { syncWorkbook } from '../../../src/app/sync';

const fr = { asOf: AS_OF, lang: 'fr' as const };

/** Bytes of one request queued by `queue`, on the example workbook. */
async function requestBytes(queue: (ctx: Excel.RequestContext) => void): Promise<number> {
  const emu = emulatorFromPlan(examplePlan());
  await officeJsRun(emu)({}, async (ctx) => {
    queue(ctx);
    await ctx.sync();
  });
  return emu.largestRequest;
}

test('one highlight costs what the planner says (about 1,870 bytes with Office.js, not the 700 it used to assume)', async () => {
  const highlight = (ctx: Excel.RequestContext, i: number) => {
    const cf = ctx.workbook.worksheets.getItem('Financements').getRange(`C${5 + i}`).conditionalFormats.add('Custom' as Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = '=ISTEXT("SuiviCES")';
    cf.custom.format.fill.color = '#FFC7CE';
    cf.custom.format.font.color = '#9C0006';
  };
  const base = await requestBytes((ctx) => void (ctx.workbook.worksheets.getItem('Financements').getRange('J1').values = [['x']]));
  const hundred = await requestBytes((ctx) => {
    ctx.workbook.worksheets.getItem('Financements').getRange('J1').values = [['x']];
    for (let i = 0; i < 100; i++) highlight(ctx, i);
  });
  const each = (hundred - base) / 100;
  expect(each).toBeGreaterThan(1500);
  expect(REQUEST_BYTES.highlight).toBeGreaterThanOrEqual(each);
  expect(REQUEST_BYTES.highlight).toBeLessThan(each * 1.3);
});

test('a range write costs its values’ JSON and a fixed part the planner covers', async () => {
  const rows = Array.from({ length: 50 }, (_, i) => ['Erreur', 'funder.unknown', 'Art. 3', `Le financeur « Régoin » de la ligne ${i} n’est pas connu.`, 'Financements', `C${i + 5}`]);
  const bytes = await requestBytes((ctx) => void (ctx.workbook.worksheets.getItem('Financements').getRange('K1:P50').values = rows));
  expect(Buffer.byteLength(JSON.stringify(rows)) + REQUEST_BYTES.write).toBeGreaterThanOrEqual(bytes);
});

function manyFindings(n: number): ExcelEmulator {
  const plan = errorsPlan();
  planTable(plan, 'Financements').rows = Array.from({ length: n }, (_, i) => ['I_1.1', 2014, i % 2 ? 'Régoin' : 'Région', 1, 1, 0, `R-${i}`, '']);
  return emulatorFromPlan(plan);
}

test('with ExcelApi 1.9, one highlight rule per sheet and severity (over many areas); the request stays far under 4 MB', async () => {
  const emu = manyFindings(3000);
  const out = await syncWorkbook(officeJsHost(emu), fr);
  expect(out.result.findings.length).toBeGreaterThan(1500);
  expect(out.roundTrips).toBe(2);
  const rules = ownHighlightRules(emu);
  const perSheetAndColour = new Set(rules.map((r) => `${r.sheet.name} ${r.fill}`));
  // A few rules per sheet and severity (addresses are cut at 2,000 characters), not one per cell.
  expect(rules.length).toBeLessThan(perSheetAndColour.size * 10);
  expect(emu.largestRequest).toBeLessThan(4_000_000);
});

test('on ExcelApi 1.8, one rule per range of consecutive cells: more bytes, still planned under 4 MB and 5 MB never reached', async () => {
  const emu = manyFindings(3000);
  emu.version = { excelApi: '1.8', delayForCellEdit: true };
  emu.payloadLimit = 4_000_000;
  const out = await syncWorkbook(officeJsHost(emu), fr);
  expect(ownHighlightRules(emu).length).toBeGreaterThan(1000);
  // Planned with Office.js's real sizes: no request refused, however many.
  expect(emu.roundTrips).toBe(out.roundTrips);
  expect(emu.largestRequest).toBeLessThan(4_000_000);
});
