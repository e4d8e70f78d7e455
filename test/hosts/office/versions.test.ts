/**
 * The add-in on the Excel versions its manifest admits (ExcelApi 1.7 and up), through Microsoft's
 * Office.js client: its requirement-set check (ApiNotFound) is live, so every API above 1.7 must be
 * behind Office.context.requirements.isSetSupported with a fallback. Initialise, restore, sync, the
 * Synthèse COPIL sheet and the Rapprochement sheet on simulated 1.7, 1.8 and 1.9+ hosts.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { readModel } from '../../../src/core/model';
import { snapshotFromPlan } from '../../../src/core/planSnapshot';
import { reconcile } from '../../../src/core/reconcile/match';
import { reconciliationTable, totalsTable } from '../../../src/core/reconcile/table';
import { buildWorkbookPlan } from '../../../src/core/template';
import type { ReconciliationSheet } from '../../../src/hosts/host';
import { parseLedgerBytes } from '../../../src/hosts/ledger/csv';
import { emptyEmulator, type ExcelEmulator } from '../../support/excel-emulator';
import { officeJsHost, officeJsRun } from '../../helpers/officeJs';
import { AS_OF, examplePlan, userCells } from './fixtures';
import { syncWorkbook } from '../../../src/app/sync';
import { writeCopilSheet, writeRapprochementSheet } from '../../../src/app/sheets';
import { restoreWorkbook } from '../../../src/app/initialize';

const fr = { asOf: AS_OF, lang: 'fr' as const };

function on(excelApi: string): ExcelEmulator {
  const emu = emptyEmulator();
  emu.version = { excelApi, delayForCellEdit: excelApi !== '1.7' };
  return emu;
}

function ledgerSheet(): ReconciliationSheet {
  const csv = readFileSync(join(__dirname, '../../../examples/grand-livre-cdc.csv'));
  const ledger = parseLedgerBytes(csv, { sheet: 'grand-livre-cdc.csv' });
  if (!ledger.ok) throw new Error('ledger');
  const result = reconcile(readModel(snapshotFromPlan(examplePlan()), []), ledger.lines, { lang: 'fr' });
  return { lang: 'fr', title: 'Rapprochement', lines: reconciliationTable(result, 'fr'), totals: totalsTable(result.totals, 'fr') };
}

describe('Microsoft’s client refuses what a host lacks', () => {
  test.each([
    ['Range.dataValidation', '1.7', (ctx: Excel.RequestContext) => void ctx.workbook.worksheets.getItem('Feuil1').getRange('A1').dataValidation],
    ['Worksheet.pageLayout', '1.8', (ctx: Excel.RequestContext) => void ctx.workbook.worksheets.getItem('Feuil1').pageLayout],
  ])('%s on an ExcelApi %s host: ApiNotFound, before any request', async (_api, version, use) => {
    const emu = on(version);
    const e = await officeJsRun(emu)({}, async (ctx) => {
      use(ctx);
      await ctx.sync();
    }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'ApiNotFound' });
    expect(emu.roundTrips).toBe(0);
  });

  test('Worksheet.showGridlines written on a 1.7 host: the host refuses it (the client checks reads only)', async () => {
    const emu = on('1.7');
    const e = await officeJsRun(emu)({}, async (ctx) => {
      ctx.workbook.worksheets.getItem('Feuil1').showGridlines = false;
      await ctx.sync();
    }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'ApiNotFound' });
  });
});

describe.each([
  ['1.7', 'Office 2019, Mac 16.9–16.16'],
  ['1.8', 'Office 2019 updated'],
  ['1.9', 'Microsoft 365'],
])('ExcelApi %s (%s)', (version) => {
  const v18 = version !== '1.7';
  const v19 = version === '1.9';

  test('initialise: every table; drop-down lists only from 1.8, and the report names the tables without them', async () => {
    const emu = on(version);
    const host = officeJsHost(emu);
    const report = await host.initialize(buildWorkbookPlan({ example: true, lang: 'fr' }));
    expect(report.created).toContain('Financements');
    expect(emu.model.table('Financements')).toBeDefined();
    const validations = emu.model.sheets.flatMap((s) => s.validations);
    expect(validations.length > 0).toBe(v18);
    expect((report.withoutValidation ?? []).length > 0).toBe(!v18);
    if (!v18) expect(report.withoutValidation).toContain('Financements');
    expect(host.features.dataValidation).toBe(v18);
  });

  test('restore, sync (2 round trips), Synthèse COPIL (page layout only on 1.9) and Rapprochement (2 round trips)', async () => {
    const emu = on(version);
    const host = officeJsHost(emu);
    await host.initialize(buildWorkbookPlan({ example: true, lang: 'fr' }));
    emu.model.deleteTable(emu.model.table('Instances')!);
    const restored = await restoreWorkbook(host, 'fr');
    expect(restored.created).toContain('Instances');
    const before = userCells(emu);

    emu.resetCounters();
    const out = await syncWorkbook(host, fr);
    expect(out.roundTrips).toBe(2);
    expect(emu.roundTrips).toBe(2);
    expect(emu.model.table('Controles')).toBeDefined();

    emu.resetCounters();
    await expect(writeCopilSheet(host, fr)).resolves.toEqual({ sheet: 'Synthèse COPIL', roundTrips: 2 });
    const summary = emu.model.sheet('Synthèse COPIL')!;
    expect(summary.charts).toHaveLength(2);
    expect(summary.pageLayout.showGridlines === false).toBe(v18);
    expect(summary.charts.every((c) => ((c.settings.axes as { valueAxis?: { numberFormat?: string } } | undefined)?.valueAxis?.numberFormat !== undefined) === v18)).toBe(true);
    expect(summary.pageLayout.orientation !== undefined).toBe(v19);
    expect(summary.pageLayout.printArea !== undefined).toBe(v19);

    emu.resetCounters();
    await expect(writeRapprochementSheet(host, ledgerSheet())).resolves.toEqual({ sheet: 'Rapprochement', roundTrips: 2 });
    expect(emu.model.table('RapprochementTotaux')).toBeDefined();
    expect(userCells(emu)).toEqual(before);
  });
});
