/**
 * The pane reads with the CLI's reader (hosts/xlsx/bytesRead.ts, fflate in the browser): the
 * preview, the comparison file and the ledger input open the public producers' files — ExcelJS,
 * openpyxl, LibreOffice (.xlsx and .ods), XlsxWriter, a Google-Sheets-like zip (local headers
 * without sizes) — with the findings the CLI gives on the same file. One production build.
 */
import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { baseWorkbook, baseLedger, traits, withTrait } from '../hardening/traits';
import { cli } from '../helpers/cli';
import { tmp, toBuffer } from '../helpers/files';
import { needs, toolPath } from '../helpers/tools';
import { ROOT, usePane } from './harness';
import { cliFindings, openPane, previewFindings } from './preview';

const test = needs('chromium');
const pane = usePane(360, 900);
const LEDGER = join(ROOT, 'examples/grand-livre-cdc.csv');
const AS_OF = '2016-12-31';

let dir: string;
beforeAll(() => {
  dir = tmp('ess-pane-reader-');
});

function soffice(file: string, to: string): string {
  const out = join(dir, `lo-${to}`);
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--calc', '--convert-to', to, '--outdir', out, file], { encoding: 'utf8', timeout: 170_000 });
  if (r.status !== 0) throw new Error(`soffice: ${r.stderr}`);
  return join(out, file.split('/').pop()!.replace(/\.\w+$/, `.${to}`));
}

function python(tool: 'openpyxl' | 'xlsxwriter', script: string, ...args: string[]): void {
  const r = spawnSync(toolPath(tool)!, ['-c', script, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${tool}: ${r.stderr}`);
}

async function write(name: string, bytes: Buffer): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Each producer's file of our workbook (with findings of several kinds), where the producer runs here. */
async function producerFiles(): Promise<string[]> {
  const files = [await write('exceljs.xlsx', await withTrait(baseWorkbook(), null))];
  const google = traits.find((t) => /Google Sheets/.test(t.producers))!;
  files.push(await write('google-sheets.xlsx', await withTrait(baseWorkbook(), google)));
  if (toolPath('openpyxl')) {
    const plain = await write('sans-formules.xlsx', await withTrait(baseWorkbook({ formulaErrors: false }), null));
    python('openpyxl', 'import openpyxl,sys; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])', plain, join(dir, 'openpyxl.xlsx'));
    files.push(join(dir, 'openpyxl.xlsx'));
  }
  if (toolPath('soffice')) files.push(soffice(files[0], 'xlsx'), soffice(files[0], 'ods'));
  return files;
}

test('the preview opens each producer’s file with the CLI’s findings', async () => {
  const files = await producerFiles();
  const { page, errors } = await openPane(pane, AS_OF);
  for (const file of files) {
    const want = await cliFindings(file, AS_OF);
    expect(Object.keys(want.rules).length).toBeGreaterThan(2);
    expect({ file, ...(await previewFindings(page, file)) }).toEqual({ file, ...want });
  }
  // The reader came with the first file, never ExcelJS.
  expect(pane.served.requests.some((r) => /exceljs/.test(r))).toBe(false);
  expect(errors).toEqual([]);
  await page.close();
}, 900_000);

needs('chromium', 'soffice')('the comparison file opens an .ods and an openpyxl file, dated by their properties', async () => {
  const base = await write('base.xlsx', await withTrait(baseWorkbook({ formulaErrors: false }), null));
  const previous = [soffice(base, 'ods')];
  if (toolPath('openpyxl')) {
    python('openpyxl', 'import openpyxl,sys; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])', base, join(dir, 'copil-openpyxl.xlsx'));
    previous.push(join(dir, 'copil-openpyxl.xlsx'));
  }
  const { page, errors } = await openPane(pane, AS_OF);
  await page.getByRole('tab', { name: 'Contrôles' }).click();
  await page.getByRole('button', { name: 'Charger l’exemple' }).click();
  await page.locator('[data-severity="error"]').waitFor();
  await page.getByRole('tab', { name: 'Export COPIL' }).click();
  for (const file of previous) {
    const name = file.split('/').pop()!.replace(/[.]/g, '\\.');
    await page.locator('#compare-file').setInputFiles({ name: file.split('/').pop()!, mimeType: 'application/octet-stream', buffer: readFileSync(file) });
    // The line changes once the file is read (the previous file's line stays until then).
    await page.getByTestId('compare-with').filter({ hasText: file.split('/').pop()! }).waitFor();
    await expect(page.getByTestId('compare-with').textContent()).resolves.toMatch(new RegExp(`^Comparaison avec ${name} \\(enregistré le \\d\\d/\\d\\d/\\d{4}\\)\\.$`));
  }
  expect(errors).toEqual([]);
  await page.close();
}, 600_000);

async function counts(page: Page): Promise<Record<string, number>> {
  await page.getByTestId('ledger-counts').waitFor();
  const rows = await page.locator('[data-testid="ledger-counts"] tr[data-status]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-status'), Number(e.getAttribute('data-count'))] as const));
  return Object.fromEntries(rows);
}

needs('chromium', 'xlsxwriter')('the ledger input reads an XlsxWriter ledger and its LibreOffice .ods as the CLI does', async () => {
  // The example CDC ledger written by XlsxWriter: amounts as numbers, dates as dates.
  const xw = join(dir, 'grand-livre-xlsxwriter.xlsx');
  python(
    'xlsxwriter',
    [
      'import csv, sys, datetime, xlsxwriter',
      'wb = xlsxwriter.Workbook(sys.argv[2]); ws = wb.add_worksheet("Export"); d = wb.add_format({"num_format": "dd/mm/yyyy"})',
      'rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig"), delimiter=";"))',
      'for r, row in enumerate(rows):',
      '    for c, v in enumerate(row):',
      '        if r and c == 6 and v: ws.write_datetime(r, c, datetime.datetime.strptime(v, "%d/%m/%Y"), d)',
      '        elif r and c in (2, 7, 8) and v: ws.write_number(r, c, float(v.replace("\\u00a0", "").replace(" ", "").replace(",", ".")))',
      '        else: ws.write_string(r, c, v)',
      'wb.close()',
    ].join('\n'),
    LEDGER,
    xw,
  );
  const ledgers = [xw, await write('grand-livre-exceljs.xlsx', await toBuffer(baseLedger()))];
  if (toolPath('soffice')) ledgers.push(soffice(xw, 'ods'));
  const workbook = await write('exemple.xlsx', await withTrait(baseWorkbook({ formulaErrors: false }), null));
  const { page, errors } = await openPane(pane, AS_OF);
  await page.getByRole('tab', { name: 'Contrôles' }).click();
  await page.locator('#xlsx-file').setInputFiles({ name: 'exemple.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(workbook) });
  await page.getByTestId('preview-source').filter({ hasText: 'exemple.xlsx' }).waitFor();
  await page.getByRole('tab', { name: 'Rapprochement' }).click();
  for (const file of ledgers) {
    const r = JSON.parse((await cli('reconcile', workbook, file, '--format', 'json')).out) as { lines: { status: string }[] };
    const want: Record<string, number> = { different: 0, 'missing-in-ledger': 0, 'missing-in-workbook': 0, matched: 0, 'netted-out': 0 };
    for (const l of r.lines) want[l.status] = (want[l.status] ?? 0) + 1;
    expect(want.matched).toBeGreaterThan(40);
    await page.locator('#ledger-file').setInputFiles({ name: file.split('/').pop()!, mimeType: 'application/octet-stream', buffer: readFileSync(file) });
    await page.getByTestId('ledger-source').filter({ hasText: file.split('/').pop()! }).waitFor();
    expect({ file, counts: await counts(page) }).toEqual({ file, counts: want });
  }
  expect(errors).toEqual([]);
  await page.close();
}, 600_000);
