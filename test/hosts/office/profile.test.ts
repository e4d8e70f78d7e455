/**
 * Issue 23: Excel reads the convention a workbook carries (the very hidden sheet SuiviCES-convention
 * that `init --profile` wrote), through Microsoft's Office.js client against the emulated workbook,
 * in the read's one round trip; a changed text is refused (never the CES ESS); a workbook without
 * the sheet is the CES ESS, as before.
 */
import ExcelJS from 'exceljs';
import { join } from 'path';
import { cli } from '../../helpers/cli';
import { tmp } from '../../helpers/files';
import { officeJsHost } from '../../helpers/officeJs';
import { emulatorFromExcelJS } from '../../support/excel-emulator/exceljs';
import { emulatorFromPlan, setRaw } from '../../support/excel-emulator';
import { PROFILE_SHEET, ProfileUnreadableError } from '../../../src/core/profileStore';
import { examplePlan } from './fixtures';
import { initializeWorkbook, restoreWorkbook } from '../../../src/app/initialize';
import { PreviewHost } from '../../../src/hosts/preview';
import { readFileSync } from 'fs';
import { plain as plainText } from '../../helpers/typography';

const FIXTURE = join(__dirname, '../../fixtures/profiles/transition-2021-2024.json');

async function initFile(): Promise<string> {
  const file = join(tmp('ess-office-profile-'), 'transition.xlsx');
  const r = await cli('init', file, '--profile', FIXTURE);
  expect(r.code).toBe(0);
  return file;
}

async function emulatedFromInit() {
  const file = await initFile();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return emulatorFromExcelJS(wb);
}

test('the Office host reads the convention the workbook carries with the tables, then that convention’s own tables', async () => {
  const emu = await emulatedFromInit();
  const host = officeJsHost(emu);
  const before = emu.roundTrips;
  const snapshot = await host.readSnapshot();
  // The convention comes in the first trip, with the tables every convention has; its own
  // Participations tables (named after its years, 2021-2024) in a second one. A CES ESS workbook: one.
  expect(emu.roundTrips - before).toBe(2);
  expect(snapshot.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['Participations2021', 'Participations2024']));
  expect(snapshot.tables.filter((t) => /2014|2015|2016/.test(t.name))).toEqual([]);
  expect(snapshot.profile?.id).toBe('transition-eco-2021-2024');
  expect(snapshot.profile?.years).toEqual([2021, 2022, 2023, 2024]);
  expect(snapshot.sheets).toContain(PROFILE_SHEET);
});

test('a changed convention text is refused by the Office host; a workbook without the sheet is the CES ESS', async () => {
  const emu = await emulatedFromInit();
  const sheet = emu.model.sheet(PROFILE_SHEET)!;
  const text = String(emu.model.cell(sheet, 5, 2)!.value);
  expect(text).toContain('"500000.00"');
  setRaw(emu.model, sheet, 5, 2, text.replace('"500000.00"', '"900000.00"'));
  const error = await officeJsHost(emu).readSnapshot().catch((e: unknown) => e);
  // Worded for the pane (OfficeHostError: shown as it is), the problem kept as its cause.
  expect(plainText((error as Error).message)).toBe(
    "Ce classeur porte une convention illisible (feuille SuiviCES-convention, empreinte différente) : rien n'est contrôlé contre une convention incertaine. Restaurez une version précédente du classeur.",
  );
  expect((error as Error).name).toBe('OfficeHostError');
  expect(((error as Error).cause as ProfileUnreadableError).problem).toEqual({ kind: 'hash' });
  const plain = await officeJsHost(emulatorFromPlan(examplePlan())).readSnapshot();
  expect(plain.profile).toBeUndefined();
});

test('the pane\u2019s Initialiser (Excel and the preview) writes the CES tables and leaves the stored convention as it was', async () => {
  const emu = await emulatedFromInit();
  // A table lost: Initialiser (restore) puts the CES's back.
  emu.model.tables = emu.model.tables.filter((t) => t.name !== 'Instances');
  const host = officeJsHost(emu);
  const sheet = emu.model.sheet(PROFILE_SHEET)!;
  const cells = JSON.stringify([1, 2, 3, 4, 5].map((r) => [emu.model.cell(sheet, r, 1)?.value, emu.model.cell(sheet, r, 2)?.value]));
  const report = await restoreWorkbook(host, 'fr');
  expect([...report.created, ...(report.converted ?? [])]).toContain('Instances');
  expect(JSON.stringify([1, 2, 3, 4, 5].map((r) => [emu.model.cell(sheet, r, 1)?.value, emu.model.cell(sheet, r, 2)?.value]))).toBe(cells);
  expect((await host.readSnapshot()).profile?.id).toBe('transition-eco-2021-2024');

  const preview = new PreviewHost();
  const bytes = readFileSync(await initFile());
  await preview.openFile('transition.xlsx', bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  expect((await preview.readSnapshot()).profile?.id).toBe('transition-eco-2021-2024');
  await initializeWorkbook(preview, { example: false, lang: 'fr' });
  expect((await preview.readSnapshot()).profile?.id).toBe('transition-eco-2021-2024');
});
