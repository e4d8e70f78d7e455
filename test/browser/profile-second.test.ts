/**
 * Issue 23: the pane on a workbook of another convention (the second one of the tests, written by
 * `init --profile` and typed by openpyxl): the preview finds what the CLI finds, and the
 * Paramètres say which convention the workbook follows — its title, period and funders.
 */
import { join } from 'path';
import { cli } from '../helpers/cli';
import { tmp } from '../helpers/files';
import { fillTables } from '../helpers/fillTables';
import { SECOND_AS_OF, SECOND_PROFILE, secondTyping } from '../helpers/secondConvention';
import { needs } from '../helpers/tools';
import { usePane } from './harness';
import { cliFindings, openPane, previewFindings } from './preview';

const pane = usePane(360, 900);

needs('chromium', 'openpyxl')('the preview checks the other convention’s workbook as the CLI does and names its convention', async () => {
  const dir = tmp('ess-pane-profile-');
  const blank = join(dir, 'ctee.xlsx');
  expect((await cli('init', blank, '--profile', SECOND_PROFILE)).code).toBe(0);
  const file = fillTables(blank, join(dir, 'ctee-saisi.xlsx'), secondTyping);
  const want = await cliFindings(file, SECOND_AS_OF);
  expect(want.rules['convention.total-mismatch']).toBe(1);

  const { page, errors } = await openPane(pane, SECOND_AS_OF);
  expect(await previewFindings(page, file)).toEqual(want);
  // The heading names the workbook's convention, not the CES ESS.
  await expect(page.getByRole('tabpanel').innerText()).resolves.toContain('Convention régionale Transition écologique des entreprises 2021-2024');
  const results = await page.locator('[data-rule="convention.total-mismatch"]').innerText();
  expect(results).toMatch(/ADEME/);
  expect(results).not.toMatch(/CDC|Rhône-Alpes/);
  // The rule's title over its avenant finding and the hint over its undecided bank: the convention's words, not the CES's.
  await expect(page.locator('[data-rule="avenant.irregular"] h4').innerText()).resolves.toMatch(/^Avenant signé hors de l’ordre de l’article 10\b/);
  const undecided = await page.locator('[data-rule="convention.cdc-undecided"]').innerText();
  expect(undecided).toContain('Montant Banque publique d’investissement non décidé');
  expect(undecided).toContain('quand la Banque publique d’investissement l’aura décidé');
  const panel = await page.getByRole('tabpanel').innerText();
  expect(panel).not.toMatch(/CDC|COPIL|article 7\b|2014|2016/);
  // What a user of that convention sees at 360 px (looked at when the wording changed).
  await page.screenshot({ path: '/tmp/pane-second-controles-360.png', fullPage: true });

  await page.getByRole('tab', { name: 'Paramètres' }).click();
  const settings = await page.getByRole('tabpanel').innerText();
  expect(settings).toContain('Convention régionale Transition écologique des entreprises 2021-2024');
  expect(settings).toMatch(/2021\s*[-–]\s*2024/);
  for (const funder of ['Région', 'ADEME', 'Banque publique d’investissement', 'Métropole']) expect(settings).toContain(funder);
  expect(settings).not.toMatch(/CES ESS/);
  expect(errors).toEqual([]);
  await page.close();
}, 600_000);
