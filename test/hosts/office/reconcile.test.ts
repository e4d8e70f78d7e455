/** The Office host's Rapprochement sheet (the task pane's "Écrire la feuille Rapprochement"), over the emulated Excel. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'fs';
import { join } from 'path';
import { readModel } from '../../../src/core/model';
import { snapshotFromPlan } from '../../../src/core/planSnapshot';
import { reconcile } from '../../../src/core/reconcile/match';
import { reconciliationTable, totalsTable } from '../../../src/core/reconcile/table';
import type { ReconciliationSheet } from '../../../src/hosts/host';
import { parseLedgerBytes } from '../../../src/hosts/ledger/csv';
import { emulatorFromPlan } from '../../support/excel-emulator';
import { officeJsHost } from '../../helpers/officeJs';
import { rapprochementSheet } from '../../../src/core/sheets/rapprochement';
import { EURO_FORMAT } from '../../../src/core/sheets/types';
import { renderWorkbook, workbookBytes } from '../../../src/hosts/xlsx/renderPlan';
import { examplePlan } from './fixtures';
import { writeRapprochementSheet } from '../../../src/app/sheets';

function content(label?: string): ReconciliationSheet {
  let csv = readFileSync(join(__dirname, '../../../examples/grand-livre-cdc.csv'), 'utf8');
  if (label) csv = csv.replace('Rhône-Alpes Solidaires et ses déclinaisons locales', `"${label.replace(/"/g, '""')}"`);
  const ledger = parseLedgerBytes(Buffer.from(csv, 'utf8'), { sheet: 'grand-livre-cdc.csv' });
  if (!ledger.ok) throw new Error('ledger');
  const result = reconcile(readModel(snapshotFromPlan(examplePlan()), []), ledger.lines, { lang: 'fr' });
  return { lang: 'fr', title: 'Rapprochement de l’exemple avec grand-livre-cdc.csv', lines: reconciliationTable(result, 'fr'), totals: totalsTable(result.totals, 'fr') };
}

test('the sheet is written in 2 round trips, replaced in 2 more, differences first, amounts as numbers in euros', async () => {
  const emu = emulatorFromPlan(examplePlan());
  const host = officeJsHost(emu);
  const sheets = emu.model.sheets.length;
  for (let i = 0; i < 2; i++) {
    const before = emu.roundTrips;
    await expect(writeRapprochementSheet(host, content())).resolves.toEqual({ sheet: 'Rapprochement', roundTrips: 2 });
    expect(emu.roundTrips - before).toBe(2);
  }
  expect(emu.model.sheets.length).toBe(sheets + 1);
  const ws = emu.model.sheet('Rapprochement')!;
  expect(emu.model.activeSheet).toBe(ws);
  expect(emu.model.cell(ws, 1, 1)?.value).toBe('Rapprochement de l’exemple avec grand-livre-cdc.csv');
  const lines = emu.model.tables.find((t) => t.name === 'Rapprochement')!;
  expect(lines.box.top).toBe(3);
  const row = (r: number) => Array.from({ length: 12 }, (_, c) => emu.model.cell(ws, r, c + 1)?.value ?? null);
  expect(row(4).slice(0, 3)).toEqual(['Différente', 'Référence', 'EX-2015-CDC-086']);
  expect(row(4)[8]).toBe(-5000);
  expect(emu.model.cell(ws, 4, 9)?.numberFormat).toMatch(/€/);
  expect(emu.model.tables.some((t) => t.name === 'RapprochementTotaux')).toBe(true);
});

test('a ledger label written as a formula stays inert text', async () => {
  const emu = emulatorFromPlan(examplePlan());
  await writeRapprochementSheet(officeJsHost(emu), content('=HYPERLINK("http://x","y")'));
  const ws = emu.model.sheet('Rapprochement')!;
  const cells = [...ws.cells.values()];
  expect(cells.some((c) => c.formula !== undefined)).toBe(false);
  expect(cells.some((c) => typeof c.value === 'string' && c.value.includes('HYPERLINK'))).toBe(true);
});

test('a user table already named Rapprochement elsewhere is left alone', async () => {
  const emu = emulatorFromPlan(examplePlan());
  await emu.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.add('Mes notes');
    ws.getRange('A1:B2').values = [['Note', 'Montant'], ['x', 1]];
    ws.tables.add('A1:B2', true).name = 'Rapprochement';
    await ctx.sync();
  });
  await writeRapprochementSheet(officeJsHost(emu), content());
  expect(emu.model.tables.find((t) => t.name === 'Rapprochement')!.sheet.name).toBe('Mes notes');
  expect(emu.model.tables.find((t) => t.name === 'Rapprochement_1')!.sheet.name).toBe('Rapprochement');
});

test('a whole-column selection is read within the used range only, in 2 round trips', async () => {
  const emu = emulatorFromPlan(examplePlan());
  await emu.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.add('Relevé');
    ws.getRange('B3:C5').values = [['Référence', 'Montant engagé'], ['R1', 10], ['R2', 20]];
    ws.getRange('A:D').select();
    await ctx.sync();
  });
  const host = officeJsHost(emu);
  const before = emu.roundTrips;
  await expect(host.readSelection()).resolves.toEqual({ sheet: 'Relevé', address: 'B3:C5', firstRow: 3, firstColumn: 2, values: [['Référence', 'Montant engagé'], ['R1', 10], ['R2', 20]] });
  expect(emu.roundTrips - before).toBe(2);
  // A selection on blank cells holds nothing.
  await emu.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Relevé').getRange('F10:G12').select();
    await ctx.sync();
  });
  await expect(host.readSelection()).resolves.toBeNull();
});

test('the sheet in Excel and the file of reconcile --out carry the same cells, tables and euro format (one plan, two renderers)', async () => {
  const emu = emulatorFromPlan(examplePlan());
  await writeRapprochementSheet(officeJsHost(emu), content());
  const ws = emu.model.sheet('Rapprochement')!;
  const wb = reconciliationWorkbook(content());
  const file = wb.getWorksheet('Rapprochement')!;
  // The file's styles carry the format as written (ExcelJS unescapes "\ " when it reads a file back).
  const styles = await (await JSZip.loadAsync(await workbookBytes(wb, []))).file('xl/styles.xml')!.async('string');
  expect(styles).toContain(`formatCode="${EURO_FORMAT.replace(/"/g, '&quot;')}"`);
  expect(styles).not.toContain(';-#,##0.00');
  const formats = new Set<string>();
  for (const t of emu.model.tables.filter((x) => x.sheet === ws)) {
    for (let r = t.box.top; r <= t.box.bottom; r++) {
      for (let c = t.box.left; c <= t.box.right; c++) {
        const inExcel = emu.model.cell(ws, r, c);
        const inFile = file.getCell(r, c);
        expect([r, c, inFile.value ?? null]).toEqual([r, c, inExcel?.value ?? null]);
        expect([r, c, inFile.numFmt ?? null]).toEqual([r, c, inExcel?.numberFormat ?? null]);
        if (inExcel?.numberFormat) formats.add(inExcel.numberFormat);
      }
    }
  }
  expect([...formats]).toEqual([EURO_FORMAT]);
  expect(file.getCell('A1').value).toBe(emu.model.cell(ws, 1, 1)?.value);
});

/** What `reconcile --out` writes for this content (the CLI's renderer, undated here). */
function reconciliationWorkbook(c: ReconciliationSheet): ExcelJS.Workbook {
  return renderWorkbook(new ExcelJS.Workbook(), [rapprochementSheet(c)]);
}
