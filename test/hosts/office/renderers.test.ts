/**
 * One plan, two renderers: what `init` writes into a file (ExcelJS) and into Excel (Office.js, on an
 * empty workbook), and the Synthèse COPIL of the export and of the pane, carry the same tables,
 * number formats, validations and conditional formats, cell by cell.
 */
import ExcelJS from 'exceljs';
import { syncWorkbook } from '../../../src/app/sync';
import { writeCopilSheet } from '../../../src/app/sheets';
import { copilSheet } from '../../../src/core/sheets/copil';
import { summarise } from '../../../src/core/summary';
import { buildWorkbookPlan } from '../../../src/core/template';
import { renderWorkbook } from '../../../src/hosts/xlsx/renderPlan';
import { renderPlan } from '../../../src/hosts/xlsx/workbook';
import { emptyEmulator, type ExcelEmulator } from '../../support/excel-emulator';
import { officeJsHost } from '../../helpers/officeJs';

const AS_OF = new Date(Date.UTC(2016, 5, 30));

/** Every table cell's number format on both sides (no format: null). */
function compareSheet(emu: ExcelEmulator, ws: ExcelJS.Worksheet): number {
  const sheet = emu.model.sheet(ws.name)!;
  const tables = emu.model.tables.filter((t) => t.sheet === sheet);
  const fileTables = Object.values((ws as unknown as { tables: Record<string, { table: { name: string; tableRef: string } }> }).tables).map((t) => [t.table.name, t.table.tableRef]);
  expect(fileTables.sort()).toEqual(tables.map((t) => [t.name, emu.model.address(sheet, t.box).split('!').pop()!.replace(/\$/g, '')]).sort());
  let cells = 0;
  for (const t of tables) {
    for (let r = t.box.top + 1; r <= t.box.bottom; r++) {
      for (let c = t.box.left; c <= t.box.right; c++) {
        const inExcel = emu.model.cell(sheet, r, c)?.numberFormat;
        const inFile = ws.getCell(r, c).numFmt;
        expect([ws.name, r, c, inFile && inFile !== 'General' ? inFile : null]).toEqual([ws.name, r, c, inExcel && inExcel !== 'General' ? inExcel : null]);
        cells++;
      }
    }
  }
  return cells;
}

test.each(['fr', 'en'] as const)('init (%s): the file and Excel get the same tables, formats, drop-down lists and gap rule', async (lang) => {
  const plan = buildWorkbookPlan({ example: true, lang });
  const emu = emptyEmulator();
  await officeJsHost(emu, { lang }).initialize(plan);
  const wb = renderPlan(plan);
  let cells = 0;
  let validations = 0;
  for (const ws of wb.worksheets) {
    cells += compareSheet(emu, ws);
    const sheet = emu.model.sheet(ws.name)!;
    const fileRules = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    const local = (box: Parameters<typeof emu.model.address>[1]) => emu.model.address(sheet, box).split('!').pop()!.replace(/\$/g, '');
    const inExcel = Object.fromEntries(sheet.validations.map((v) => [local(v.box), [(v.errorAlert as { title?: string })?.title, (v.errorAlert as { message?: string })?.message]]));
    const inFile = Object.fromEntries(Object.entries(fileRules).map(([range, v]) => [range, [v.errorTitle, v.error]]));
    expect(inFile).toEqual(inExcel);
    validations += sheet.validations.length;
  }
  expect(validations).toBeGreaterThan(10);
  expect(cells).toBeGreaterThan(1000);
  const rules = emu.model.conditionalFormats.map((c) => [c.sheet.name, c.formula, c.fill, c.fontColor, c.bold]);
  expect(rules).toEqual([[plan.sheets[0].name, '=AND(ISNUMBER(I5),I5<>0)', '#FFC7CE', '#9C0006', true]]);
});

test('Synthèse COPIL: the export and the sheet in Excel get the same tables and number formats', async () => {
  const emu = emptyEmulator();
  const host = officeJsHost(emu);
  await host.initialize(buildWorkbookPlan({ example: true, lang: 'fr' }));
  await syncWorkbook(host, { asOf: AS_OF, lang: 'fr' });
  await writeCopilSheet(host, { asOf: AS_OF, lang: 'fr' });
  const plan = copilSheet(summarise(await host.readSnapshot(), { asOf: AS_OF, lang: 'fr' }).summary);
  const wb = renderWorkbook(new ExcelJS.Workbook(), [plan]);
  expect(compareSheet(emu, wb.getWorksheet(plan.name)!)).toBeGreaterThan(100);
});
