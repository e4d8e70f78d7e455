/**
 * The sheets the add-in owns (Contrôles, Journal, Synthèse COPIL, Rapprochement) are updated in
 * place: a user's formula pointing at them on another sheet survives every sync and export, and
 * the tabs keep their order. (Deleting and re-adding a sheet turns such formulas into #REF! for
 * good: the emulated Excel does that too.)
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { readModel } from '../../../src/core/model';
import { snapshotFromPlan } from '../../../src/core/planSnapshot';
import { reconcile } from '../../../src/core/reconcile/match';
import { reconciliationTable, totalsTable } from '../../../src/core/reconcile/table';
import type { ReconciliationSheet } from '../../../src/hosts/host';
import { parseLedgerBytes } from '../../../src/hosts/ledger/csv';
import { emulatorFromPlan, EmulatorError, type ExcelEmulator } from '../../support/excel-emulator';
import { officeJsHost } from '../../helpers/officeJs';
import { AS_OF, errorsPlan, oversizedControls } from './fixtures';
import { syncWorkbook } from '../../../src/app/sync';
import { writeCopilSheet, writeRapprochementSheet } from '../../../src/app/sheets';

const fr = { asOf: AS_OF, lang: 'fr' as const };

function ledgerSheet(): ReconciliationSheet {
  const ledger = parseLedgerBytes(readFileSync(join(__dirname, '../../../examples/grand-livre-cdc.csv')), { sheet: 'grand-livre-cdc.csv' });
  if (!ledger.ok) throw new Error('ledger');
  const result = reconcile(readModel(snapshotFromPlan(errorsPlan()), []), ledger.lines, { lang: 'fr' });
  return { lang: 'fr', title: 'Rapprochement', lines: reconciliationTable(result, 'fr'), totals: totalsTable(result.totals, 'fr') };
}

/** A user's sheet of formulas pointing at each add-in sheet. */
function addUserLinks(emu: ExcelEmulator) {
  const s = emu.model.addSheet('Mon tableau de bord');
  const links: [number, string, string, number, number][] = [
    [1, "='Contrôles'!A2", 'Contrôles', 2, 1],
    [2, "='Synthèse COPIL'!A3", 'Synthèse COPIL', 3, 1],
    [3, '=Rapprochement!C4', 'Rapprochement', 4, 3],
    [4, '=Journal!B2', 'Journal', 2, 2],
  ];
  for (const [row, f] of links) emu.model.write(s, row, 1, f);
  return {
    /** Each link's formula as it stands, and whether it shows what its target cell holds now. */
    check: () =>
      links.map(([row, f, sheet, r, c]) => {
        const target = emu.model.sheet(sheet);
        if (!target) return { formula: false, value: false };
        return { formula: emu.model.formula(s, row, 1) === f, value: emu.model.value(s, row, 1) === emu.model.value(target, r, c) && emu.model.value(s, row, 1) !== '' };
      }),
  };
}

const sheetOrder = (emu: ExcelEmulator) => emu.model.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name);

test.each(['1.7', '1.9'])('on ExcelApi %s, user formulas pointing at Contrôles, Synthèse COPIL, Rapprochement and Journal survive syncs and exports; the tabs keep their order', async (excelApi) => {
  const emu = emulatorFromPlan(errorsPlan());
  emu.version = { excelApi, delayForCellEdit: true };
  const host = officeJsHost(emu);
  await syncWorkbook(host, fr);
  await writeCopilSheet(host, fr);
  await writeRapprochementSheet(host, ledgerSheet());
  const links = addUserLinks(emu);
  const ok = links.check();
  expect(ok).toEqual(ok.map(() => ({ formula: true, value: true })));
  const order = sheetOrder(emu);
  const ids = emu.model.sheets.map((s) => s.id);

  // A user fixes something: the next results differ from the first ones.
  emu.userEdit('Financements!C5', [['Région']]);
  for (let i = 0; i < 2; i++) {
    await syncWorkbook(host, fr);
    await writeCopilSheet(host, fr);
    await writeRapprochementSheet(host, ledgerSheet());
  }
  expect(links.check()).toEqual(ok);
  expect(sheetOrder(emu)).toEqual(order);
  // The very same sheets (Excel keeps formulas by sheet, not by name).
  expect(emu.model.sheets.map((s) => s.id)).toEqual(ids);
});

test('a Contrôles table too big for one request is still updated in place (ExcelApi 1.9: staged rows copied in)', async () => {
  const { emu, host } = oversizedControls('1.9');
  await syncWorkbook(host, fr);
  const links = addUserLinks(emu);
  const first = emu.model.formula(emu.model.sheet('Mon tableau de bord')!, 1, 1);
  const id = emu.model.sheet('Contrôles')!.id;
  emu.resetCounters();
  const out = await syncWorkbook(host, fr);
  expect(out.roundTrips).toBeGreaterThan(2);
  expect(emu.model.sheet('Contrôles')!.id).toBe(id);
  expect(emu.model.formula(emu.model.sheet('Mon tableau de bord')!, 1, 1)).toBe(first);
  expect(links.check()[0]).toEqual({ formula: true, value: true });
});

test('on ExcelApi 1.7–1.8 (no Range.copyFrom) a Contrôles table too big for one request replaces its sheet: whole, but formulas pointing at it show #REF!', async () => {
  const { emu, host } = oversizedControls('1.8');
  const first = await syncWorkbook(host, fr);
  const links = addUserLinks(emu);
  await syncWorkbook(host, fr);
  expect(emu.model.table('Controles')).toBeDefined();
  expect(emu.model.bodyBox(emu.model.table('Controles')!).bottom - 1).toBe(first.result.findings.length);
  expect(emu.model.formula(emu.model.sheet('Mon tableau de bord')!, 1, 1)).toBe('=#REF!');
  expect(links.check()[0]).toEqual({ formula: false, value: false });
});

test('a Rapprochement rewrite that Excel stops half-way: the previous sheet comes back whole, in its place; no copy left behind', async () => {
  const emu = emulatorFromPlan(errorsPlan());
  const host = officeJsHost(emu);
  await writeRapprochementSheet(host, ledgerSheet());
  const md = emu.model;
  const state = () => {
    const s = md.sheet('Rapprochement')!;
    return {
      order: md.sheets.map((x) => `${x.name}:${x.visibility}`),
      cells: [...s.cells.keys()].sort().map((k) => `${k}=${md.value(s, ...(k.split(':').map(Number) as [number, number]))}`),
      tables: md.tables.filter((t) => t.sheet === s).map((t) => `${t.name} ${JSON.stringify(t.box)}`),
    };
  };
  const previous = state();
  // The second table of the new sheet is refused, on both tries: the first one is already written.
  const addTable = md.addTable.bind(md);
  let n = 0;
  md.addTable = (...a: Parameters<typeof addTable>) => {
    if (++n % 2 === 0) throw new EmulatorError('GeneralException', 'An internal error has occurred.');
    return addTable(...a);
  };
  const other = ledgerSheet();
  other.title = 'Un autre titre';
  await expect(writeRapprochementSheet(host, other)).rejects.toMatchObject({ code: 'GeneralException' });
  md.addTable = addTable;
  expect(state()).toEqual(previous);
  expect(md.sheet('SuiviCES-rapprochement-prec')).toBeUndefined();
});
