/**
 * Issue 23: the second convention of the tests in the emulated Excel (Microsoft's Office.js client):
 * the workbook `init --profile` wrote, opened in Excel and typed into through Office.js (tables
 * extended by rows.add, as Excel does when one types under them), synchronised as the pane does:
 * the CLI's findings on the same typing (openpyxl's), its own tables read, its own articles cited.
 */
import ExcelJS from 'exceljs';
import { join } from 'path';
import { syncWorkbook } from '../../../src/app/sync';
import { cli } from '../../helpers/cli';
import { tmp } from '../../helpers/files';
import { fillTables, type TableEdits, type TypedValue } from '../../helpers/fillTables';
import { officeJsHost, officeJsRun } from '../../helpers/officeJs';
import { SECOND_AS_OF, SECOND_PROFILE, secondTyping } from '../../helpers/secondConvention';
import { needs } from '../../helpers/tools';
import type { ExcelEmulator } from '../../support/excel-emulator';
import { emulatorFromExcelJS } from '../../support/excel-emulator/exceljs';
import { tableValues } from './fixtures';

const serial = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;
const value = (v: TypedValue) => (v !== null && typeof v === 'object' ? serial(v.date) : v);
const blankRow = (r: unknown[]) => r.every((v) => v === '' || v === null);

/** `edits` typed into Excel's tables through Office.js: rows found by their cells, lines in the first blank row, else added. */
async function typeInExcel(emu: ExcelEmulator, edits: Record<string, TableEdits>): Promise<void> {
  await officeJsRun(emu)({}, async (ctx) => {
    const tables = Object.keys(edits).map((name) => {
      const table = ctx.workbook.tables.getItem(name);
      return { name, table, head: table.getHeaderRowRange().load('values'), body: table.getDataBodyRange().load('values') };
    });
    await ctx.sync();
    for (const { name, table, head, body } of tables) {
      const headers = head.values[0].map(String);
      const put = (row: number, h: string, v: TypedValue) => {
        const cell = body.getCell(row, headers.indexOf(h));
        cell.values = [[value(v)]];
        if (v !== null && typeof v === 'object') cell.numberFormat = [['dd/mm/yyyy']];
      };
      for (const s of edits[name].set ?? []) {
        const rows = body.values.flatMap((r, i) => (Object.entries(s.where).every(([h, v]) => String(r[headers.indexOf(h)]).trim() === String(v)) ? [i] : []));
        expect(rows).toHaveLength(1);
        for (const [h, v] of Object.entries(s.values)) put(rows[0], h, v);
      }
      let free = body.values.findIndex(blankRow);
      for (const line of edits[name].add ?? []) {
        if (free >= 0) {
          for (const [h, v] of Object.entries(line)) put(free, h, v);
          free = -1;
        } else {
          const added = table.rows.add(undefined, [headers.map((h) => (h in line ? (value(line[h]) ?? '') : ''))]);
          for (const [h, v] of Object.entries(line)) if (v !== null && typeof v === 'object') added.getRange().getCell(0, headers.indexOf(h)).numberFormat = [['dd/mm/yyyy']];
        }
      }
    }
    await ctx.sync();
  });
}

needs('openpyxl')('Excel checks the other convention’s workbook as the CLI does', async () => {
  const dir = tmp('ess-office-second-');
  const blank = join(dir, 'ctee.xlsx');
  expect((await cli('init', blank, '--profile', SECOND_PROFILE)).code).toBe(0);
  const file = fillTables(blank, join(dir, 'ctee-saisi.xlsx'), secondTyping);
  const want = JSON.parse((await cli('check', file, '--format', 'json', '--as-of', SECOND_AS_OF)).out) as { findings: { rule: string; sheet: string; cell: string; message: string }[] };
  expect(want.findings.filter((f) => f.rule === 'convention.total-mismatch').map((f) => f.message)).toEqual([expect.stringMatching(/ADEME 2021/)]);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(blank);
  const emu = emulatorFromExcelJS(wb);
  await typeInExcel(emu, secondTyping);
  const out = await syncWorkbook(officeJsHost(emu), { asOf: new Date(`${SECOND_AS_OF}T00:00:00Z`), lang: 'fr' });
  const seen = out.result.findings.map((f) => ({ rule: f.rule, sheet: f.sheet, cell: f.cell, message: f.message }));
  expect(seen).toEqual(want.findings.map((f) => ({ rule: f.rule, sheet: f.sheet, cell: f.cell, message: f.message })));
  expect(out.result.totals.map((t) => t.funder)).toEqual(expect.arrayContaining(['ADEME', 'Banque publique d’investissement']));
  // The Contrôles sheet titles each rule in the convention's words: its Art. 10, its bank; no CES word.
  const rules = tableValues(emu, 'Controles').map((r) => String(r[1]));
  expect(rules).toEqual(expect.arrayContaining(['Avenant signé hors de l’ordre de l’article 10 (avenant.irregular)', 'Montant Banque publique d’investissement non décidé (convention.cdc-undecided)']));
  expect(rules.filter((r) => /CDC|COPIL|article 7\b|2014|2016/.test(r))).toEqual([]);
});
