/**
 * Issue 23, Build 4, in Chromium: the pane's Paramètres say which convention the workbook follows.
 * A workbook made by `init --profile` opened in the preview shows the second convention's title,
 * its period 2021-2024 and its four funders, the situation date, and that the workbook carries it;
 * the example shows the built-in CES ESS 2014-2016; a workbook whose convention text was changed
 * is an error in words, not the CES. French first, then English.
 */
import AxeBuilder from '@axe-core/playwright';
import JSZip from 'jszip';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { cli } from '../helpers/cli';
import { tmp } from '../helpers/files';
import { needs } from '../helpers/tools';
import { plain } from '../helpers/typography';
import { usePane } from './harness';

const test = needs('chromium');
const FIXTURE = join(__dirname, '../fixtures/profiles/transition-2021-2024.json');
const pane = usePane(360, 900);

async function transitionWorkbook(): Promise<Buffer> {
  const file = join(tmp('ess-pane-profile-'), 'transition.xlsx');
  const r = await cli('init', file, '--profile', FIXTURE);
  expect(r.code).toBe(0);
  return readFileSync(file);
}

async function preview(): Promise<Page> {
  const page = await pane.browser.newPage();
  await page.addInitScript(() => {
    try {
      localStorage.clear();
    } catch {
      // A frame without storage.
    }
  });
  await page.goto(`${pane.served.url}/taskpane.html`);
  await page.locator('text=Charger l’exemple').first().waitFor();
  return page;
}

const upload = (page: Page, name: string, buffer: Buffer) =>
  page.locator('#xlsx-file').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });

const facts = async (page: Page) => plain(await page.getByTestId('convention').innerText());

test('a workbook made by init --profile: Paramètres show its convention, its period, its funders and the situation date', async () => {
  const page = await preview();
  await upload(page, 'transition.xlsx', await transitionWorkbook());
  await page.locator('[data-severity="error"]').first().waitFor();
  await page.getByRole('tab', { name: 'Paramètres' }).click();
  const text = await facts(page);
  expect(text).toContain('Convention suivie');
  expect(text).toContain('Convention régionale Transition écologique des entreprises 2021-2024 (exemple fictif)');
  expect(text).toMatch(/Période\s+2021-2024/);
  expect(text).toMatch(/Financeurs\s+Région, ADEME, Banque publique d'investissement, Métropole/);
  expect(text).toMatch(/Date de situation\s+\d{2}\/\d{2}\/\d{4}/);
  expect(text).toContain('Portée par le classeur (feuille SuiviCES-convention, identifiant transition-eco-2021-2024)');
  // The facts are a definition list under their heading: axe finds nothing to say (WCAG 2.1 AA).
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('[data-tabster-dummy]').analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // English second: the same facts in the other catalogue.
  await page.getByLabel('Langue').selectOption('en');
  const en = await facts(page);
  expect(en).toContain('Convention followed');
  expect(en).toMatch(/Period\s+2021-2024/);
  expect(en).toMatch(/Funders\s+Région, ADEME, Public investment bank, Métropole/);
  expect(en).toMatch(/Situation date\s+\d{4}-\d{2}-\d{2}/);
  await page.close();
});

test('the example: the built-in CES ESS 2014-2016; a changed convention text: an error in words, never the CES', async () => {
  const page = await preview();
  await page.getByRole('button', { name: 'Charger l’exemple' }).first().click();
  await page.locator('[data-severity]').first().waitFor();
  await page.getByRole('tab', { name: 'Paramètres' }).click();
  const text = await facts(page);
  expect(text).toMatch(/Période\s+2014-2016/);
  expect(text).toMatch(/Financeurs\s+Région, État, CDC/);
  expect(text).toContain('Convention intégrée au complément');

  const zip = await JSZip.loadAsync(await transitionWorkbook());
  const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
  zip.file('xl/sharedStrings.xml', sst.replace('&quot;500000.00&quot;', '&quot;900000.00&quot;'));
  await upload(page, 'modifie.xlsx', await zip.generateAsync({ type: 'nodebuffer' }));
  const alert = page.getByText(/convention illisible/);
  await alert.first().waitFor();
  expect(plain(await alert.first().innerText())).toContain(
    "Ce classeur porte une convention illisible (feuille SuiviCES-convention, empreinte différente) : rien n'est contrôlé contre une convention incertaine.",
  );
  await page.close();
});
