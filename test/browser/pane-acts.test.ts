/**
 * What the pane does to the workbook, as a finance officer meets it (issue 21, items 2-4, 16, 18), in
 * Chromium over the preview and the emulated Excel: a closure only after a confirmation dialog that
 * says what is frozen (nothing written on cancel), a warning for a forced one, focus on the outcome;
 * no sheet written by an edit before the first Synchroniser, then a status line with a link to the
 * sheet and no Journal line per edit; Clôtures addresses as Excel shows them; files the preview
 * cannot read said in words, never an exception's text; the older Office webviews told which Excel
 * the add-in needs; every built chunk parsed at the level of the webview it is for.
 */
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'acorn';
import { execFileSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { tmp } from '../helpers/files';
import { toolPath, needs } from '../helpers/tools';
import { writeVersion } from '../helpers/versions';
import { usePane } from './harness';

const test = needs('chromium');
const pyTest = needs('chromium', 'openpyxl');
const pane = usePane(360, 900);

const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('[data-tabster-dummy]').analyze()).violations.map((v) => v.id);
const excel = <T>(page: Page, f: string) => page.evaluate(`(${f})(window.__excel)`) as Promise<T>;
const focused = (page: Page) => page.evaluate(() => ({ tag: document.activeElement?.tagName ?? null, testid: document.activeElement?.getAttribute('data-testid') ?? null }));
/** Exception text a user must never read. */
const RAW = /Cannot read|undefined|TypeError|ReferenceError|is not a function|reading '|Corrupted zip|End of data/;

test('preview: Clôturer asks for a name, then a dialog says what is frozen; Annuler writes nothing; confirmed, the outcome has focus', async () => {
  const page = await pane.browser.newPage();
  await page.goto(`${pane.served.url}/taskpane.html`);
  await page.evaluate(() => localStorage.removeItem('suivi-ces-ess.closedBy'));
  await page.getByRole('button', { name: 'Charger l’exemple' }).click();
  await page.locator('[data-severity]').first().waitFor();
  await page.getByRole('tab', { name: 'Export COPIL' }).click();
  await page.getByLabel('Année', { exact: true }).selectOption('2015');

  // No name: no dialog, the field says why and has focus.
  await page.getByRole('button', { name: 'Clôturer l’année' }).click();
  await expect(page.getByText('Indiquez votre nom\u00a0: il est inscrit dans la feuille Clôtures et au Journal.').isVisible()).resolves.toBe(true);
  expect(await page.getByRole('alertdialog').count()).toBe(0);
  await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('INPUT');

  await page.getByLabel('Clôturée par').fill('Marie Curie');
  await page.getByRole('button', { name: 'Clôturer l’année' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  await expect(dialog.getByRole('heading').textContent()).resolves.toBe('Clôturer l’année 2015\u00a0?');
  const body = (await dialog.textContent())!;
  expect(body).toMatch(/Les \d+ lignes de 2015 seront figées\u00a0: toute modification ultérieure sera signalée comme une erreur/);
  expect(body).toMatch(/Tableaux concernés\u00a0: .*Financements \(\d+\)/);
  expect(body).toContain('au nom de Marie Curie');
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/pane-acts-close-dialog-360.png' });

  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(await page.getByTestId('closed-years').count()).toBe(0);
  expect(await page.getByTestId('close-note').count()).toBe(0);
  await expect(focused(page)).resolves.not.toMatchObject({ tag: 'BODY' });

  await page.getByRole('button', { name: 'Clôturer l’année' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Clôturer 2015' }).click();
  const note = page.getByTestId('close-note');
  await expect(note.textContent()).resolves.toMatch(/^Année 2015 clôturée\u00a0: \d+ lignes enregistrées dans la feuille Clôtures, inscrite au Journal \(feuille Journal\)\.$/);
  await expect(note.getAttribute('data-intent')).resolves.toBe('success');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'close-note');
  await expect(page.getByTestId('closed-years').textContent()).resolves.toMatch(/^2015\s: clôturée le \d\d\/\d\d\/\d{4} par Marie Curie$/);
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/pane-acts-closed-360.png', fullPage: true });
  await page.close();
}, 90_000);

test('emulated Excel: an edit before the first Synchroniser writes no sheet; after it, a status line and its link, live updates without Journal lines', async () => {
  const page = await pane.browser.newPage();
  const seen: string[] = [];
  page.on('pageerror', (e) => seen.push(e.message));
  await page.goto(`${pane.served.url}/emulated.html`);
  await page.locator('[data-severity="error"][data-count="1"]').waitFor();
  const sheetsBefore = await excel<string[]>(page, '(x) => x.sheets()');
  expect(sheetsBefore).not.toContain('Contrôles');

  // The user fixes the planted cell: the pane re-checks (0 errors) by reading only.
  await excel(page, '(x) => x.editPlanted(true)');
  await page.locator('[data-severity="error"][data-count="0"]').waitFor();
  await page.waitForTimeout(2000);
  await expect(excel<string[]>(page, '(x) => x.sheets()')).resolves.toEqual(sheetsBefore);
  expect(await page.getByTestId('sync-status').count()).toBe(0);

  // The planted error back, then Synchroniser: Contrôles and Journal written, the status line says so.
  await excel(page, '(x) => x.editPlanted(false)');
  await page.locator('[data-severity="error"][data-count="1"]').waitFor();
  await page.getByRole('button', { name: 'Synchroniser' }).click();
  const status = page.getByTestId('sync-status');
  await expect(status.textContent()).resolves.toMatch(/^Contrôlé à \d\d:\d\d · feuille Contrôles à jour$/);
  await expect(excel<string[]>(page, '(x) => x.sheets()')).resolves.toEqual(expect.arrayContaining(['Contrôles', 'Journal']));
  await expect(excel<unknown[][]>(page, '(x) => x.tableValues("Journal")')).resolves.toHaveLength(1);
  await expect(excel<unknown[][]>(page, '(x) => x.tableValues("Controles")').then((r) => r.map((x) => x[0]))).resolves.toContain('Erreur');
  await page.screenshot({ path: '/tmp/pane-acts-sync-status-360.png' });
  await status.getByRole('button', { name: 'feuille Contrôles à jour' }).click();
  await page.waitForFunction(() => (window as unknown as { __excel: { activeSheet(): string } }).__excel.activeSheet() === 'Contrôles');

  // After Synchroniser, an edit refreshes Contrôles (no finding left) without a Journal line.
  await excel(page, '(x) => x.editPlanted(true)');
  await page.locator('[data-severity="error"][data-count="0"]').waitFor();
  await page.waitForFunction(async () => !JSON.stringify(await (window as unknown as { __excel: { tableValues(n: string): Promise<unknown> } }).__excel.tableValues('Controles')).includes('Participations'));
  await expect(excel<unknown[][]>(page, '(x) => x.tableValues("Journal")')).resolves.toHaveLength(1);
  expect(await axe(page)).toEqual([]);
  expect(seen).toEqual([]);
  await page.close();
}, 90_000);

test('emulated Excel: closing writes Clôtures addresses as Excel reads them and a Journal line; a forced closing is a warning dialog and a warning outcome', async () => {
  const page = await pane.browser.newPage();
  await page.goto(`${pane.served.url}/emulated.html`);
  await page.locator('[data-severity="error"][data-count="1"]').waitFor();
  await page.getByRole('tab', { name: 'Export COPIL' }).click();
  await page.getByLabel('Clôturée par').fill('Marie Curie');

  // 2014 has the planted error: refused, then offered "malgré les erreurs" behind a warning dialog.
  await page.getByRole('button', { name: 'Clôturer l’année' }).click();
  await expect(page.getByTestId('close-note').textContent()).resolves.toMatch(/^Clôture de 2014 refusée/);
  await page.getByLabel('Clôturer malgré les erreurs (le Journal le dira)').check();
  await page.getByRole('button', { name: 'Clôturer l’année' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  await expect(dialog.getAttribute('data-forced')).resolves.toBe('true');
  await expect(dialog.getByRole('heading').textContent()).resolves.toBe('Clôturer 2014 malgré 1 erreur\u00a0?');
  expect(await dialog.textContent()).toContain('1 erreur sur 2014 sera figée avec l’année');
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/pane-acts-forced-dialog-360.png' });
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(await excel<string[]>(page, '(x) => x.sheets()')).not.toContain('Clôtures');

  await page.getByRole('button', { name: 'Clôturer l’année' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Clôturer malgré les erreurs' }).click();
  const note = page.getByTestId('close-note');
  await expect(note.textContent()).resolves.toMatch(/^Année 2014 clôturée malgré 1 erreur\u00a0: \d+ lignes figées avec les erreurs, clôture forcée inscrite au Journal \(feuille Journal\)\./);
  await expect(note.getAttribute('data-intent')).resolves.toBe('warning');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'close-note');
  await page.screenshot({ path: '/tmp/pane-acts-forced-360.png', fullPage: true });

  // The record as Excel shows it: quoted sheet names keep both quotes; the Journal was created for it.
  const rows = await excel<unknown[][]>(page, '(x) => x.tableValues("Clotures")');
  const cells = rows.map((r) => String(r[7])).filter((c) => c !== '');
  expect(cells).toContain("'Participations 2014'!A5");
  expect(cells.filter((c) => c.includes(' ')).every((c) => /^'[^']+'![A-Z]+\d+$/.test(c))).toBe(true);
  const journal = await excel<unknown[][]>(page, '(x) => x.tableValues("Journal")');
  expect(journal.map((r) => r[1])).toEqual(['Clôture de l’année 2014 (forcée malgré des erreurs) — Marie Curie']);
  await page.close();
}, 90_000);

/** The example saved again by openpyxl (load and save, no edit), and two broken files. */
async function producerFiles(): Promise<{ openpyxl: Buffer; truncated: Buffer; notZip: Buffer }> {
  const dir = tmp('ess-acts-');
  const example = await writeVersion(dir, 'exemple.xlsx');
  const out = join(dir, 'openpyxl.xlsx');
  execFileSync(toolPath('openpyxl')!, ['-c', 'import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])', example, out]);
  const bytes = readFileSync(example);
  return { openpyxl: readFileSync(out), truncated: bytes.subarray(0, Math.floor(bytes.length / 2)), notZip: Buffer.from('Montant;Année\n100;2014\n') };
}

pyTest('preview: a workbook saved by openpyxl, a truncated one and a CSV named .xlsx: opened or refused in words, never an exception’s text', async () => {
  const files = await producerFiles();
  const page = await pane.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${pane.served.url}/taskpane.html`);
  const open = async (name: string, buffer: Buffer) => {
    await page.locator('#xlsx-file').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await page.locator(`[data-testid="preview-source"]:has-text("${name}"), [role="alert"]:has-text("${name}")`).first().waitFor();
    const text = (await page.locator('main').textContent())!;
    expect(text).not.toMatch(RAW);
    return page.locator('[role="alert"]').filter({ hasText: name });
  };

  // openpyxl's file: read (with the CLI's reader) or refused with a sentence that says what to do.
  const py = await open('openpyxl.xlsx', files.openpyxl);
  if (await py.count()) await expect(py.textContent()).resolves.toMatch(/openpyxl\.xlsx n’a pas pu être lu \([^)]+\)\. Choisissez un classeur \.xlsx/);

  const cut = await open('tronque.xlsx', files.truncated);
  await expect(cut.textContent()).resolves.toMatch(/tronque\.xlsx n’a pas pu être lu \((le fichier est endommagé ou incomplet|le classeur n’a pas une forme que le volet sait lire)\)\. Choisissez un classeur \.xlsx/);
  await page.screenshot({ path: '/tmp/pane-acts-file-error-360.png' });
  await page.getByRole('button', { name: 'Fermer' }).click();

  const csv = await open('releve.xlsx', files.notZip);
  await expect(csv.textContent()).resolves.toMatch(/releve\.xlsx n’a pas pu être lu \(ce n’est pas un classeur \.xlsx\)\. Choisissez un classeur \.xlsx/);
  expect(await axe(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}, 90_000);

const OLD_WEBVIEWS = {
  'EdgeHTML 18': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045',
  'Trident (IE 11)': 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko',
};

for (const [name, ua] of Object.entries(OLD_WEBVIEWS)) {
  test(`${name}: the page says, in French and English, which Excel the add-in needs`, async () => {
    const page = await pane.browser.newPage();
    await page.addInitScript((agent) => Object.defineProperty(navigator, 'userAgent', { get: () => agent }), ua);
    const from = pane.served.requests.length;
    await page.goto(`${pane.served.url}/taskpane.html`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent())!.replace(/\u00a0/g, ' ');
    expect(text).toContain('Cette version d’Excel ne peut pas afficher ce complément. Il demande Microsoft 365, Excel 2021 ou plus récent, Excel sur le web ou Excel pour Mac.');
    expect(text).toContain('This version of Excel cannot show this add-in. It needs Microsoft 365, Excel 2021 or later, Excel on the web or Excel for Mac.');
    // Nothing of the pane over it (in a browser that could run the bundle), and office.js not fetched.
    await page.waitForTimeout(500);
    expect(await page.getByRole('tablist').count()).toBe(0);
    expect(pane.served.requests.slice(from).filter((r) => r.startsWith('/office-js/'))).toEqual([]);
    if (name.startsWith('Edge')) await page.screenshot({ path: '/tmp/pane-acts-old-webview-360.png' });
    expect(await axe(page)).toEqual([]);
    await page.close();
  }, 60_000);
}

test('every built chunk parses at the level of the webview it is for: the loader in ES5 (EdgeHTML 18, IE 11), the pane in ES2020 (WebView2, Safari 14)', () => {
  const js = readdirSync(pane.dist).filter((f) => f.endsWith('.js') && !f.startsWith('emulated'));
  expect(js).toContain('office-loader.js');
  expect(js.some((f) => f.startsWith('taskpane.'))).toBe(true);
  const refused: string[] = [];
  for (const f of js) {
    const source = readFileSync(join(pane.dist, f), 'utf8');
    const level = f === 'office-loader.js' ? 5 : 2020;
    try {
      parse(source, { ecmaVersion: level, sourceType: 'script' });
    } catch (e) {
      refused.push(`${f} (ES${level}): ${(e as Error).message} « ${source.slice(0, 40)} »`);
    }
  }
  expect(refused).toEqual([]);
  // What the loader is for: the pane's own code cannot be parsed by the older webviews.
  const main = js.find((f) => f.startsWith('taskpane.'))!;
  expect(() => parse(readFileSync(join(pane.dist, main), 'utf8'), { ecmaVersion: 5, sourceType: 'script' })).toThrow();
});
