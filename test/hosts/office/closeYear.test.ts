/**
 * Closing a year in Excel (the emulated Excel stands in): the record goes into the add-in's Clotures
 * table on its own sheet, the Journal gets its line, a user's "Clôtures" sheet is never written into,
 * and the record read back makes the check point at a 2014 cell edited afterwards.
 */
import { checkWorkbook } from '../../../src/core/check';
import { readClosures } from '../../../src/core/versions/closure';
import { planClosing, planReopening } from '../../../src/core/versions/closing';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { ClosureSheetTakenError, writeClosureRows, type Run } from '../../../src/hosts/office/closeYear';
import { emulatedOfficeHost, emulatorFromPlan, type ExcelEmulator } from '../../support/excel-emulator';
import { AS_OF, examplePlan, tableValues } from './fixtures';
import { officeJsHost } from '../../helpers/officeJs';
import { syncWorkbook } from '../../../src/app/sync';

// The day before the situation date (AS_OF, 29/11/2026): a closing counts once it is dated, at the latest at the situation date.
const now = new Date(Date.UTC(2026, 10, 28, 9, 0, 0));
const runOf = (emu: ExcelEmulator) => ((batch) => emu.run(batch as never)) as Run;

/** The host's snapshot, as the pane reads it: the Clotures record comes with it, in the same read. */
async function snapshotWithRecord(emu: ExcelEmulator): Promise<WorkbookSnapshot> {
  return emulatedOfficeHost(emu).readSnapshot();
}

test('close 2014 in Excel: the Clotures table on the Clôtures sheet, then a 2014 edit is reported on its cell', async () => {
  const emu = emulatorFromPlan(examplePlan());
  const before = await snapshotWithRecord(emu);
  const plan = planClosing(before, { year: 2014, by: 'Marie Curie', force: false, asOf: AS_OF, lang: 'fr', now });
  if (!plan.ok) throw new Error('refused');
  await writeClosureRows(runOf(emu), plan.rows, plan.journal, 'fr');
  const t = emu.model.table('Clotures')!;
  expect(t.sheet.name).toBe('Clôtures');
  const values = tableValues(emu, 'Clotures');
  expect(values).toHaveLength(plan.rows.length);
  expect(values[0].slice(0, 4)).toEqual([2014, 'Clôture', '2026-11-28', 'Marie Curie']);

  const s = await snapshotWithRecord(emu);
  expect(readClosures(s).get(2014)).toMatchObject({ closed: true, by: 'Marie Curie', tampered: 0 });
  expect(checkWorkbook(s, { asOf: AS_OF }).findings.filter((f) => f.rule === 'period.closed-year-changed')).toEqual([]);

  emu.userEdit('Financements!D5', [[250500]], { source: 'Local' });
  const after = await snapshotWithRecord(emu);
  const found = checkWorkbook(after, { asOf: AS_OF }).findings.filter((f) => f.rule === 'period.closed-year-changed');
  expect(found.map((f) => [f.sheet, f.cell, f.expected, f.actual])).toEqual([['Financements', 'D5', '250000.00', '250500.00']]);

  // Reopened: one more row in the same table.
  const re = planReopening(after, { year: 2014, by: 'Marie Curie', reason: 'Correction', lang: 'fr', now });
  if (!re.ok) throw new Error('not closed');
  await writeClosureRows(runOf(emu), re.rows, re.journal, 'fr');
  expect(tableValues(emu, 'Clotures')).toHaveLength(plan.rows.length + 1);
  expect(readClosures(await snapshotWithRecord(emu)).get(2014)).toMatchObject({ closed: false, reason: 'Correction' });
});

test('a sheet named Clôtures that is the user’s: nothing written, one clear error', async () => {
  const emu = emulatorFromPlan(examplePlan());
  emu.model.addSheet('Clôtures');
  const plan = planClosing(await snapshotWithRecord(emu), { year: 2015, by: 'X', force: false, asOf: AS_OF, lang: 'fr', now });
  if (!plan.ok) throw new Error('refused');
  await expect(writeClosureRows(runOf(emu), plan.rows, plan.journal, 'fr')).rejects.toBeInstanceOf(ClosureSheetTakenError);
  expect(emu.model.table('Clotures')).toBeFalsy();
});

test('through Microsoft’s client: after closing 2014, a sync reads the record in its one read and reports the edited 2014 cell', async () => {
  const emu = emulatorFromPlan(examplePlan());
  const plan = planClosing(await snapshotWithRecord(emu), { year: 2014, by: 'Marie Curie', force: false, asOf: AS_OF, lang: 'fr', now });
  if (!plan.ok) throw new Error('refused');
  await writeClosureRows(runOf(emu), plan.rows, plan.journal, 'fr');
  const host = officeJsHost(emu);
  const clean = await syncWorkbook(host, { asOf: AS_OF, lang: 'fr' });
  expect(clean.result.findings.filter((f) => f.rule === 'period.closed-year-changed')).toEqual([]);

  emu.userEdit('Financements!D5', [[250500]], { source: 'Local' });
  const out = await syncWorkbook(host, { asOf: AS_OF, lang: 'fr' });
  expect(out.roundTrips).toBe(2);
  const found = out.result.findings.filter((f) => f.rule === 'period.closed-year-changed');
  expect(found.map((f) => [f.sheet, f.cell, f.expected, f.actual])).toEqual([['Financements', 'D5', '250000.00', '250500.00']]);
});

test('the Journal table is created when the workbook has none, and every address reads as Excel shows it', async () => {
  const emu = emulatorFromPlan(examplePlan());
  expect(emu.model.table('Journal')).toBeFalsy();
  const plan = planClosing(await snapshotWithRecord(emu), { year: 2015, by: 'Marie Curie', force: false, asOf: AS_OF, lang: 'fr', now });
  if (!plan.ok) throw new Error('refused');
  await expect(writeClosureRows(runOf(emu), plan.rows, plan.journal, 'fr')).resolves.toEqual({ journal: true, journalSheet: 'Journal' });
  const log = tableValues(emu, 'Journal');
  expect(log).toHaveLength(1);
  expect(log[0][1]).toBe('Clôture de l’année 2015 — Marie Curie');
  // Excel's shown value of each Cellule: the quoted sheet name keeps both its quotes.
  const cells = tableValues(emu, 'Clotures').map((r) => r[7]).filter((v) => v !== '');
  expect(cells).toContain("'Participations 2015'!A5");
  expect(cells.filter((c) => String(c).includes(' ')).every((c) => /^'[^']+'![A-Z]+\d+$/.test(String(c)))).toBe(true);
  // Read back, the record points at the same sheets as the workbook's lines.
  const state = readClosures(await snapshotWithRecord(emu)).get(2015)!;
  expect(state.tampered).toBe(0);
  expect(new Set(state.lines.map((l) => l.sheet))).toEqual(new Set(plan.rows.slice(1).map((r) => r[7].replace(/^'(.*)'!.*$|^(.*)!.*$/, '$1$2'))));
  expect(state.lines.map((l) => l.sheet)).toContain('Participations 2015');
});
