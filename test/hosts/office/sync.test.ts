/**
 * The Office host's sync against the emulated Excel: the round-trip budget, the results it writes,
 * and the promise it makes to the user — their cells are never touched.
 */
import { checkWorkbook } from '../../../src/core/check';
import { messages } from '../../../src/core/i18n';
import { profile } from '../../../src/core/profile';
import { ruleTitle } from '../../../src/core/ruleWords';
import { snapshotOf, renderPlan } from '../../../src/hosts/xlsx/workbook';
import { emulatorFromPlan } from '../../support/excel-emulator';
import { officeJsHost } from '../../helpers/officeJs';
import type { WorkbookPlan } from '../../../src/core/template';
import { AS_OF, bigPlan, errorsEmulator, errorsPlan, examplePlan, ownHighlights, planTable, tableValues, userCells } from './fixtures';
import { syncWorkbook } from '../../../src/app/sync';

function emulatorFromPlanWithLimit(plan: WorkbookPlan, limit: number) {
  const emu = emulatorFromPlan(plan);
  emu.payloadLimit = limit;
  return emu;
}

const fr = { asOf: AS_OF, lang: 'fr' as const };

describe('round trips', () => {
  test('a full sync of the example takes 2 round trips: one to read, one to write', async () => {
    const emu = emulatorFromPlan(examplePlan());
    const host = officeJsHost(emu);
    const out = await syncWorkbook(host, fr);
    expect(out.result.summary.errors).toBe(0);
    expect(out.roundTrips).toBe(2);
    expect(emu.roundTrips).toBe(2);
  });

  test('the same 2 round trips with 100 times more financing lines', async () => {
    const plan = bigPlan(100);
    const emu = emulatorFromPlan(plan);
    const host = officeJsHost(emu);
    const out = await syncWorkbook(host, fr);
    expect(tableValues(emu, 'Financements').length).toBe(examplePlan().sheets.find((s) => s.name === 'Financements')!.tables[0].rows.length * 100);
    expect(emu.roundTrips).toBe(2);
    expect(out.roundTrips).toBe(2);
    // Every line was read: the repeated lines overshoot the participations.
    expect(out.result.findings.some((f) => f.rule === 'allocation.over')).toBe(true);
  });

  test('a second sync on a workbook already synced (Contrôles, Journal, highlights to replace) also takes 2', async () => {
    const emu = emulatorFromPlan(errorsPlan());
    const host = officeJsHost(emu);
    await syncWorkbook(host, fr);
    emu.resetCounters();
    const out = await syncWorkbook(host, fr);
    expect(out.result.summary.errors).toBeGreaterThan(10);
    expect(emu.roundTrips).toBe(2);
  });

  test('only a contract table left as a plain range costs one more trip, to read that range', async () => {
    const emu = errorsEmulator();
    const out = await syncWorkbook(officeJsHost(emu), fr);
    expect(out.result.findings).toContainEqual(expect.objectContaining({ rule: 'workbook.table-missing', sheet: 'Avenants' }));
    // The range was read all the same: no avenant is reported unknown for want of the table.
    expect(out.result.findings.some((f) => f.rule === 'convention.unknown-avenant')).toBe(false);
    expect(emu.roundTrips).toBe(3);
  });

  test('every batch asks Excel to wait while the user edits a cell (delayForCellEdit)', async () => {
    const emu = emulatorFromPlan(examplePlan());
    emu.enterCellEdit();
    const done = syncWorkbook(officeJsHost(emu), fr);
    await new Promise((r) => setTimeout(r, 20));
    // Office.js's request flag 64: Excel waits for the cell edit to end instead of refusing.
    expect(emu.lastRequestFlags & 64).toBe(64);
    expect(emu.roundTrips).toBe(1);
    emu.exitCellEdit();
    expect((await done).result.summary.errors).toBe(0);
  });

  test('an Excel without DelayForCellEdit (Office 2019) refuses while the user types: the sync says to validate or cancel the cell', async () => {
    const emu = emulatorFromPlan(examplePlan());
    emu.version = { excelApi: '1.8', delayForCellEdit: false };
    emu.enterCellEdit();
    const e = await syncWorkbook(officeJsHost(emu), fr).catch((x: unknown) => x);
    // Office.js does not even ask to wait where the set is missing.
    expect(emu.lastRequestFlags & 64).toBe(0);
    expect(e).toMatchObject({ code: 'InvalidOperationInCellEditMode', message: messages.fr.office.errors.cellEdit });
    emu.exitCellEdit();
    await expect(syncWorkbook(officeJsHost(emu), fr)).resolves.toMatchObject({ roundTrips: 2 });
  });
});

describe("the user's cells are never written", () => {
  test.each([
    ['the example', () => emulatorFromPlan(examplePlan())],
    ['a workbook full of errors', errorsEmulator],
    ['a workbook with 100 times more lines', () => emulatorFromPlan(bigPlan(100))],
  ])('every user cell holds the same value, formula and format after a sync: %s', async (_name, make) => {
    const emu = make();
    const before = userCells(emu);
    const host = officeJsHost(emu);
    await syncWorkbook(host, fr);
    await syncWorkbook(host, { asOf: AS_OF, lang: 'en' });
    expect(userCells(emu)).toEqual(before);
  });
});

describe('what the sync writes', () => {
  test('the Contrôles sheet holds one Controles row per finding, in French, text kept as text', async () => {
    const emu = errorsEmulator();
    const out = await syncWorkbook(officeJsHost(emu), fr);
    const t = emu.model.table('Controles')!;
    expect(t.sheet.name).toBe('Contrôles');
    expect(emu.model.headers(t)).toEqual(['Gravité', 'Règle', 'Article', 'Message', 'Feuille', 'Cellule']);
    const rows = tableValues(emu, 'Controles');
    expect(out.result.summary.errors).toBeGreaterThan(10);
    expect(rows).toEqual(out.result.findings.map((f) => [{ error: 'Erreur', warning: 'Avertissement', info: 'Information' }[f.severity], `${ruleTitle(f.rule, 'fr', profile)} (${f.rule})`, f.article ?? '', f.message, f.sheet, f.cell]));
    expect(rows.find((r) => r[1] === 'Action en double (action.duplicate)')).toBeDefined();
    // The findings quote the user's "=HYPERLINK(…)", "-Etat", "@SOMME(A1)": none became a formula.
    const quoted = rows.filter((r) => /HYPERLINK|-Etat|@SOMME/.test(String(r[3])));
    expect(quoted.length).toBeGreaterThanOrEqual(2);
    for (const [k, cell] of emu.model.sheet('Contrôles')!.cells) expect([k, cell.formula]).toEqual([k, undefined]);
  });

  test('the sync finds what `ess-budget check` finds on the same workbook', async () => {
    const plan = errorsPlan();
    const emu = emulatorFromPlan(plan);
    const out = await syncWorkbook(officeJsHost(emu), fr);
    const cli = checkWorkbook(snapshotOf(renderPlan(plan)), fr);
    const key = (f: { rule: string; sheet: string; cell: string }) => `${f.rule} ${f.sheet}!${f.cell}`;
    expect(out.result.findings.map(key).sort()).toEqual(cli.findings.map(key).sort());
  });

  test('the Controles table is rewritten, not appended to; the Journal gains one line per sync', async () => {
    const emu = errorsEmulator();
    const host = officeJsHost(emu);
    const now = () => new Date(2026, 10, 29, 14, 5);
    const first = await syncWorkbook(host, { ...fr, now });
    // The user fixes the funder's name; the next sync has one finding fewer.
    emu.userEdit('Financements!C5', [['Région']]);
    const second = await syncWorkbook(host, { ...fr, now });
    expect(first.result.findings).toContainEqual(expect.objectContaining({ rule: 'cell.unknown-funder', sheet: 'Financements', cell: 'C5' }));
    expect(second.result.findings).not.toContainEqual(expect.objectContaining({ rule: 'cell.unknown-funder', sheet: 'Financements', cell: 'C5' }));
    expect(second.result.findings.length).toBeLessThan(first.result.findings.length);
    expect(tableValues(emu, 'Controles')).toHaveLength(second.result.findings.length);
    const journal = tableValues(emu, 'Journal');
    expect(emu.model.headers(emu.model.table('Journal')!)).toEqual(['Date', 'Action', 'Erreurs', 'Avertissements', 'Empreinte']);
    expect(journal).toHaveLength(2);
    expect(journal[0]).toEqual(['29/11/2026 14:05', 'Synchronisation (contrôle au 29/11/2026)', first.result.summary.errors, first.result.summary.warnings, expect.stringMatching(/^[0-9a-f]{16}$/)]);
    // A different snapshot, a different fingerprint; the same snapshot, the same one.
    expect(journal[1][4]).not.toBe(journal[0][4]);
    await syncWorkbook(host, fr);
    expect(tableValues(emu, 'Journal')[2][4]).toBe(journal[1][4]);
  });

  test('the cells at fault are highlighted; the previous highlights are cleared, the user’s own rules kept', async () => {
    const emu = errorsEmulator();
    const userRule = emu.model.conditionalFormats.find((c) => c.sheet.name === 'Convention')!;
    const host = officeJsHost(emu);
    const out = await syncWorkbook(host, fr);
    const marks = ownHighlights(emu);
    const covered = (sheet: string, cell: string) => ownHighlights(emu).some((m) => m.sheet.name === sheet && emu.model.resolve(cell, m.sheet).box.top >= m.box.top && emu.model.resolve(cell, m.sheet).box.bottom <= m.box.bottom && m.box.left === emu.model.resolve(cell, m.sheet).box.left);
    expect(covered('Financements', 'C5')).toBe(true);
    expect(covered("Participations 2014", 'B5')).toBe(true);
    expect(marks.find((m) => m.sheet.name === 'Financements' && m.box.top === 5)!.fill).toBe('#FFC7CE');
    for (const f of out.result.findings.filter((f) => f.severity === 'error' && /^[A-Z]+\d+$/.test(f.cell) && emu.model.sheet(f.sheet))) expect([f.sheet, f.cell, covered(f.sheet, f.cell)]).toEqual([f.sheet, f.cell, true]);

    emu.userEdit('Financements!C5', [['Région']]);
    await syncWorkbook(host, fr);
    expect(covered('Financements', 'C5')).toBe(false);
    expect(ownHighlights(emu).length).toBeLessThan(marks.length + 1);
    // No duplicate highlight left behind, and the init's rule on the Convention sheet is intact.
    const again = ownHighlights(emu).map((m) => `${m.sheet.name}!${m.box.top}:${m.box.left}:${m.box.bottom}`);
    expect(new Set(again).size).toBe(again.length);
    expect(emu.model.conditionalFormats).toContain(userRule);
    expect(userRule.formula).toBe('=AND(ISNUMBER(I5),I5<>0)');
  });

  test('an English sync writes English headers and messages on a Checks sheet', async () => {
    const emu = errorsEmulator();
    const out = await syncWorkbook(officeJsHost(emu), { asOf: AS_OF, lang: 'en' });
    const t = emu.model.table('Controles')!;
    expect(t.sheet.name).toBe('Checks');
    expect(emu.model.headers(t)).toEqual(['Severity', 'Rule', 'Article', 'Message', 'Sheet', 'Cell']);
    expect(tableValues(emu, 'Controles')[0][3]).toBe(out.result.findings[0].message);
  });

  test('a workbook whose answer passes the 5 MB limit is read in blocks: more trips, the same findings', async () => {
    const plan = bigPlan(30);
    const reference = await syncWorkbook(officeJsHost(emulatorFromPlan(plan)), fr);
    const emu = emulatorFromPlan(plan);
    emu.responseLimit = 150_000;
    const out = await syncWorkbook(officeJsHost(emu, { payloadBudget: 250_000 }), fr);
    expect(out.roundTrips).toBeGreaterThan(3);
    expect(emu.roundTrips).toBe(out.roundTrips);
    expect(out.result.findings).toEqual(reference.result.findings);
    expect(out.result.totals).toEqual(reference.result.totals);
  });

  test('writes beyond the payload limit are split into more batches, and all rows still land', async () => {
    // 3 000 financing lines naming an unknown funder: 3 000 findings to write.
    const plan = errorsPlan();
    const fin = planTable(plan, 'Financements');
    fin.rows = Array.from({ length: 3000 }, (_, i) => ['I_1.1', 2014, 'Régoin', 1, 1, 0, `R-${i}`, '']);
    const limit = 400_000;
    const emu = emulatorFromPlanWithLimit(plan, limit);
    const out = await syncWorkbook(officeJsHost(emu, { payloadBudget: limit - 50_000 }), fr);
    expect(out.result.findings.length).toBeGreaterThan(3000);
    expect(out.roundTrips).toBeGreaterThan(2);
    expect(emu.roundTrips).toBe(out.roundTrips);
    expect(tableValues(emu, 'Controles')).toHaveLength(out.result.findings.length);
  });
});

test('a sheet named Contrôles that holds the user’s own notes keeps them: the table goes below', async () => {
  const emu = emulatorFromPlan(errorsPlan());
  emu.model.addSheet('Contrôles');
  emu.userEdit('Contrôles!A1:B3', [
    ['Mes contrôles', 'à faire'],
    ['=1+1', 'vérifier'],
    [42, 'lundi'],
  ]);
  const out = await syncWorkbook(officeJsHost(emu), fr);
  const s = emu.model.sheet('Contrôles')!;
  expect([emu.model.value(s, 1, 1), emu.model.formula(s, 2, 1), emu.model.value(s, 3, 1), emu.model.value(s, 3, 2)]).toEqual(['Mes contrôles', '=1+1', 42, 'lundi']);
  const t = emu.model.table('Controles')!;
  expect(t.box.top).toBe(5);
  expect(tableValues(emu, 'Controles')).toHaveLength(out.result.findings.length);
});

test('a live update after an edit (journal: false) rewrites Contrôles and the highlights but adds no Journal line; the host then says results are written', async () => {
  const emu = errorsEmulator();
  const host = officeJsHost(emu);
  await expect(host.resultsWritten()).resolves.toBe(false);
  await syncWorkbook(host, fr);
  await expect(host.resultsWritten()).resolves.toBe(true);
  emu.userEdit('Financements!C5', [['Région']]);
  const live = await syncWorkbook(host, { ...fr, journal: false });
  expect(tableValues(emu, 'Controles')).toHaveLength(live.result.findings.length);
  expect(tableValues(emu, 'Journal')).toHaveLength(1);
  expect(live.controlsSheet).toBe('Contrôles');
});
