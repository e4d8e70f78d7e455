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
import { readFileSync } from 'fs';

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
