/**
 * The workbook file as a host (hosts/xlsx/fileHost.ts): the port the pane's hosts implement, so
 * that the application layer runs on a file as it runs in Excel.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { checkSnapshot } from '../../src/app/check';
import { buildWorkbookPlan } from '../../src/core/template';
import { FileHost, InputError } from '../../src/hosts/xlsx';
import type { WorkbookHost } from '../../src/hosts/host';
import { readWorkbookBuffer } from '../../src/hosts/xlsx/workbook';
import { baseWorkbook, withTrait } from '../hardening/traits';
import { tmp } from '../helpers/files';
import { readdirSync, readFileSync } from 'fs';
import ExcelJS from 'exceljs';
import { writeRapprochementSheet } from '../../src/app/sheets';
import { closeYearIn } from '../../src/app/versions';
import { writeVersion } from '../helpers/versions';

const AS_OF = new Date(Date.UTC(2016, 11, 31));

test('initialize writes the plan’s workbook; read back, it is the example with no error', async () => {
  const file = join(tmp('ess-host-'), 'neuf.xlsx');
  const host: WorkbookHost = new FileHost(file);
  const report = await host.initialize(buildWorkbookPlan({ example: true, lang: 'fr' }));
  expect(report.created).toEqual(expect.arrayContaining(['Convention', 'Financements', 'Participations2014']));
  expect(report.sheetsAdded).toContain('Convention');
  const reread = new FileHost(file);
  expect(await reread.isEmpty()).toBe(false);
  expect(checkSnapshot(await reread.readSnapshot(), { asOf: AS_OF, lang: 'fr' }).result.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
});

test('the file is read once, as the reader reads it; the application layer runs on it without writing into it', async () => {
  const bytes = await withTrait(baseWorkbook(), null);
  const file = join(tmp('ess-host-'), 'classeur.xlsx');
  writeFileSync(file, bytes);
  const host = new FileHost(file);
  expect(host.kind).toBe('file');
  expect(host.capabilities).toEqual({ writeSheets: false, readSelection: false, validationLists: true });
  const snapshot = await host.readSnapshot();
  expect(snapshot).toEqual((await readWorkbookBuffer(bytes)).snapshot);
  expect(await host.readSnapshot()).toBe(snapshot);
  const outcome = await host.applyResults(async (s) => ({ result: checkSnapshot(s, { asOf: AS_OF, lang: 'fr' }).result, plan: { sheets: [], highlights: [], clear: [] } as never }));
  expect(outcome.result.summary.errors).toBeGreaterThan(0);
  expect(outcome.roundTrips).toBe(0);
  expect(readFileSync(file).equals(bytes)).toBe(true);
  await expect(host.readSelection()).resolves.toBeNull();
  await expect(host.writeSheet()).rejects.toThrow(/files of their own/);
  expect((await host.load()).format).toBe('xlsx');
});

test('a file that cannot be used: the InputError the CLI prints in one line', async () => {
  const missing = new FileHost(join(tmp('ess-host-'), 'absent.xlsx'));
  await expect(missing.readSnapshot()).rejects.toBeInstanceOf(InputError);
  await expect(missing.readSnapshot()).rejects.toMatchObject({ kind: 'missing' });
});

describe('the file side writes through the host (issue 22)', () => {
  const NOW = new Date(Date.UTC(2026, 10, 29, 10));
  const closing = { year: 2014, by: 'Marie Curie', force: false, asOf: new Date(Date.UTC(2026, 10, 29)), lang: 'fr' as const, now: NOW };

  test('a closing recorded through writeClosure: read back, the year is closed and the Journal holds its line', async () => {
    const file = await writeVersion(tmp('ess-host-'), 'budget.xlsx');
    const outcome = await closeYearIn(new FileHost(file), closing);
    expect(outcome).toMatchObject({ ok: true, written: { journal: true, journalSheet: 'Journal' } });
    const after = await new FileHost(file).readSnapshot();
    const record = after.tables.find((t) => t.name === 'Clotures')!;
    expect(record.sheet).toBe('Clôtures');
    expect(record.rows.some((r) => r[0] === 2014)).toBe(true);
    expect(after.tables.find((t) => t.name === 'Journal')!.rows.some((r) => String(r[1]).includes('2014'))).toBe(true);
    // Closed once: the second closing is refused by the application layer, nothing written.
    const bytes = readFileSync(file);
    expect(await closeYearIn(new FileHost(file), closing)).toMatchObject({ ok: false, why: 'closed' });
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  test('a file saved since the host read it is not written over (WriteFailure moved), left as saved', async () => {
    const file = await writeVersion(tmp('ess-host-'), 'budget.xlsx');
    const host = new FileHost(file);
    await host.readSnapshot();
    const saved = Buffer.concat([readFileSync(file), Buffer.from('sauvegarde Excel')]);
    writeFileSync(file, saved);
    await expect(closeYearIn(host, closing)).rejects.toMatchObject({ reason: { kind: 'moved' } });
    expect(readFileSync(file).equals(saved)).toBe(true);
  });

  test('newFile: writeSheet makes a workbook holding the one sheet; an export of its own replaces what was there whole', async () => {
    const dir = tmp('ess-host-');
    const out = FileHost.newFile(join(dir, 'rapprochement.xlsx'));
    expect(out.capabilities.writeSheets).toBe(true);
    const content = { lang: 'fr' as const, title: 'Rapprochement du classeur', lines: { headers: ['Référence'], amountColumns: [], rows: [['CDC-1']] }, totals: { headers: ['Financeur'], amountColumns: [], rows: [['CDC']] } };
    const written = await writeRapprochementSheet(out, content, { writtenOn: NOW });
    expect(written).toEqual({ sheet: 'Rapprochement', roundTrips: 0 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out.path);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Rapprochement']);
    expect(wb.getWorksheet('Rapprochement')!.getCell('A1').value).toBe('Rapprochement du classeur');
    expect(wb.getWorksheet('Rapprochement')!.getCell('A2').value).toEqual(NOW);
    const report = FileHost.newFile(join(dir, 'synthese.csv'));
    writeFileSync(report.path, 'ancien');
    await report.writeFile(new TextEncoder().encode('nouveau'));
    expect(readFileSync(report.path, 'utf8')).toBe('nouveau');
    expect(readdirSync(dir).sort()).toEqual(['rapprochement.xlsx', 'synthese.csv']);
    // A workbook read is never replaced by an export.
    await expect(new FileHost(join(dir, 'rapprochement.xlsx')).writeFile(new Uint8Array(1))).rejects.toThrow(/never replaced/);
  });
});
