/**
 * Export COPIL compared with the last COPIL's workbook, in Chromium (browser preview): the files then
 * carry "Évolutions depuis le …" with the signed deltas; "Ne plus comparer" takes the section away.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import type { Page } from 'playwright-core';
import { messages } from '../../src/core/i18n';
import { tmp } from '../helpers/files';
import { cli } from '../helpers/cli';
import { column, firstLineOf, planTable, raise, setNumber, writeVersion } from '../helpers/versions';
import { usePane } from './harness';
import { needs } from '../helpers/tools';

const test = needs('chromium');
const pdfTest = needs('chromium', 'pdftotext');
const pane = usePane(360, 900);

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

async function download(page: Page, label: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
  return (await d.path())!;
}

pdfTest('Export COPIL compared with an earlier file: "+500,00 €" in the PDF and the CSV, then without', async () => {
  // The last COPIL's workbook: the example with its first financing line 500 € lower.
  const previous = readFileSync(await writeVersion(tmp('ess-pane-'), 'copil-2015.xlsx', (p) => raise(p, 0, -500)));
  const page = await pane.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${pane.served.url}/taskpane.html`);
  await page.getByRole('button', { name: 'Charger l’exemple' }).click();
  await page.locator('[data-severity="error"]').waitFor();
  await page.getByRole('tab', { name: 'Paramètres' }).click();
  await page.getByLabel('Date de situation').fill('2016-12-31');
  await page.getByRole('tab', { name: 'Export COPIL' }).click();

  expect(pane.served.requests.some((r) => /previous-xlsx/.test(r))).toBe(false);
  await page.locator('#compare-file').setInputFiles({ name: 'copil-2015.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: previous });
  await expect(page.getByTestId('compare-with').textContent()).resolves.toMatch(/^Comparaison avec copil-2015\.xlsx \(enregistré le \d\d\/\d\d\/\d{4}\)\.$/);

  const csv = plain(readFileSync(await download(page, 'Télécharger CSV'), 'utf8'));
  expect(csv).toMatch(/\r\nÉvolutions depuis le \d\d\/\d\d\/\d{4} \(copil-2015\.xlsx\);2014;Région;;;;;;;;500,00;/);
  expect(csv).toContain('(+500,00 €);Financements;D5');

  const pdfPath = await download(page, 'Télécharger PDF');
  if (existsSync('/usr/bin/pdftotext')) {
    const text = plain(execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }));
    expect(text).toMatch(/Évolutions depuis le \d\d\/\d\d\/\d{4} \(copil-2015\.xlsx\)/);
    expect(text).toMatch(/Région +2014 Prévu +2 387 000,00 € +2 387 500,00 € +\+500,00 €/);
    expect(text).toMatch(/Financements!D5 +Prévu \(€\) +249 500,00 € +250 000,00 € +\+500,00 €/);
  }

  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('[data-tabster-dummy]').analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: '/tmp/export-compare-360.png', fullPage: true });

  await page.getByRole('button', { name: 'Ne plus comparer' }).click();
  expect(readFileSync(await download(page, 'Télécharger CSV'), 'utf8')).not.toContain('Évolutions');
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

test('a file that is no workbook: one line saying so, the export still works', async () => {
  const page = await pane.browser.newPage();
  await page.goto(`${pane.served.url}/taskpane.html`);
  await page.getByRole('button', { name: 'Charger l’exemple' }).click();
  await page.getByRole('tab', { name: 'Export COPIL' }).click();
  await page.locator('#compare-file').setInputFiles({ name: 'faux.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('pas un classeur') });
  await expect(page.getByTestId('compare-error').textContent()).resolves.toMatch(/^faux\.xlsx\s: classeur illisible \(.+\)\.$/);
  expect(await page.getByTestId('compare-with').count()).toBe(0);
  await page.close();
}, 60_000);

async function exportTabWith(file: { name: string; buffer: Buffer } | null): Promise<Page> {
  const page = await pane.browser.newPage();
  await page.goto(`${pane.served.url}/taskpane.html`);
  if (file) {
    await page.locator('#xlsx-file').setInputFiles({ ...file, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    await page.getByTestId('preview-source').filter({ hasText: file.name }).waitFor();
  } else {
    await page.getByRole('button', { name: 'Charger l’exemple' }).click();
  }
  await page.locator('[data-severity]').first().waitFor();
  return page;
}

test('Clôturer une année in the preview: closed (the button then off for that year), reopened with a reason', async () => {
  const page = await exportTabWith(null);
  await page.getByRole('tab', { name: 'Export COPIL' }).click();
  await page.getByLabel('Année', { exact: true }).selectOption('2015');
  await page.getByLabel('Clôturée par').fill('Marie Curie');
  await page.getByRole('button', { name: 'Clôturer l’année' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Clôturer 2015' }).click();
  await expect(page.getByTestId('close-note').textContent()).resolves.toMatch(/^Année 2015 clôturée\s: \d+ lignes enregistrées dans la feuille Clôtures, inscrite au Journal \(feuille Journal\)\.$/);
  await expect(page.getByTestId('closed-years').textContent()).resolves.toMatch(/^2015\s: clôturée le \d\d\/\d\d\/\d{4} par Marie Curie$/);
  await expect(page.getByRole('button', { name: 'Clôturer l’année' }).isDisabled()).resolves.toBe(true);

  await page.getByLabel('Motif de la réouverture').fill('Erreur sur la ligne CDC');
  await page.getByRole('button', { name: 'Rouvrir l’année' }).click();
  await expect(page.getByTestId('close-note').textContent()).resolves.toBe(messages.fr.ui.acts.close.reopened(2015, 'Journal'));
  expect(await page.getByTestId('closed-years').count()).toBe(0);
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('[data-tabster-dummy]').analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: '/tmp/close-year-360.png', fullPage: true });
  await page.close();
}, 60_000);

test('a year with errors is closed only "malgré les erreurs"; a workbook closed by the CLI then edited shows the finding on its cell', async () => {
  const dir = tmp('ess-pane-');
  const errors = await writeVersion(dir, 'erreurs.xlsx', (p) => {
    const t = planTable(p, 'Financements');
    t.rows[firstLineOf(p, 2014)][column(t, 'Versé (€)')] = 10_000_000;
  });
  let page = await exportTabWith({ name: 'erreurs.xlsx', buffer: readFileSync(errors) });
  await page.getByRole('tab', { name: 'Export COPIL' }).click();
  await page.getByLabel('Clôturée par').fill('Marie Curie');
  await page.getByRole('button', { name: 'Clôturer l’année' }).click();
  await expect(page.getByTestId('close-note').textContent()).resolves.toMatch(/^Clôture de 2014 refusée\s: \d+ erreurs? sur cette année\./);
  await page.getByLabel('Clôturer malgré les erreurs (le Journal le dira)').check();
  await page.getByRole('button', { name: 'Clôturer l’année' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Clôturer malgré les erreurs' }).click();
  await expect(page.getByTestId('close-note').textContent()).resolves.toMatch(/^Année 2014 clôturée malgré \d+ erreurs?\s: /);
  await page.close();

  const closed = await writeVersion(dir, 'clos.xlsx');
  expect((await cli('close', closed, '2014', '--by', 'CLI')).code).toBe(0);
  await setNumber(closed, 'Financements', 'D5', 250500);
  page = await exportTabWith({ name: 'clos.xlsx', buffer: readFileSync(closed) });
  await page.locator('[data-rule="period.closed-year-changed"] [data-finding="Financements!D5"]').waitFor();
  await expect(page.locator('[data-rule="period.closed-year-changed"]').textContent()).resolves.toContain('valait 250');
  await page.getByRole('tab', { name: 'Export COPIL' }).click();
  await expect(page.getByTestId('closed-years').textContent()).resolves.toMatch(/^2014\s: clôturée le \d\d\/\d\d\/\d{4} par CLI$/);
  await page.close();
}, 90_000);

test('over the emulated Excel: closing a year writes the Clotures table on its own sheet; the comparison works there too', async () => {
  const page = await pane.browser.newPage();
  const seen: string[] = [];
  page.on('pageerror', (e) => seen.push(e.message));
  await page.goto(`${pane.served.url}/emulated.html`);
  await page.locator('[data-severity="error"][data-count="1"]').waitFor();
  await page.getByRole('tab', { name: 'Export COPIL' }).click();
  const excel = <T>(f: string) => page.evaluate(`(${f})(window.__excel)`) as Promise<T>;
  // 2014 carries the page's planted error (1 € more in a participation): closing it is refused.
  await page.getByLabel('Clôturée par').fill('Marie Curie');
  await page.getByRole('button', { name: 'Clôturer l’année' }).click();
  await expect(page.getByTestId('close-note').textContent()).resolves.toBe(messages.fr.versions.pane.refused(2014, 1));
  expect(await excel<string[]>('(x) => x.sheets()')).not.toContain('Clôtures');

  await page.getByLabel('Année', { exact: true }).selectOption('2015');
  await page.getByRole('button', { name: 'Clôturer l’année' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Clôturer 2015' }).click();
  await expect(page.getByTestId('close-note').textContent()).resolves.toMatch(/^Année 2015 clôturée\s: \d+ lignes/);
  expect(await excel<string[]>('(x) => x.sheets()')).toContain('Clôtures');
  const rows = await excel<unknown[][]>('(x) => x.tableValues("Clotures")');
  expect(rows[0].slice(0, 4)).toEqual([2015, 'Clôture', expect.stringMatching(/^\d{4}-\d\d-\d\d$/), 'Marie Curie']);
  await expect(page.getByTestId('closed-years').textContent()).resolves.toMatch(/^2015\s: clôturée le \d\d\/\d\d\/\d{4} par Marie Curie$/);
  await expect(page.getByRole('button', { name: 'Clôturer l’année' }).isDisabled()).resolves.toBe(true);

  // The comparison inside Excel too: the emulated workbook against the plain example (1 € less in a participation).
  const previous = readFileSync(await writeVersion(tmp('ess-pane-'), 'copil-2015.xlsx'));
  await page.locator('#compare-file').setInputFiles({ name: 'copil-2015.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: previous });
  await page.getByTestId('compare-with').waitFor();
  const csv = plain(readFileSync(await download(page, 'Télécharger CSV'), 'utf8'));
  expect(csv).toMatch(/\r\nÉvolutions depuis le \d\d\/\d\d\/\d{4} \(copil-2015\.xlsx\);2014;Région;;;;;;1,00;/);
  expect(seen).toEqual([]);
  await page.close();
}, 90_000);
