/**
 * Issue 21, the pane as a finance officer reads it, in Chromium: amounts never cut at 320 and
 * 360 px (a 1 M€ gap, in high contrast too), the money at stake in sight, one row of tabs, « Que
 * faire » per rule, a range highlighted whole, English notes in English, an inline error for a
 * year 22015, the focus never dropped to the page, no id twice, axe clean in every state; and a
 * screenshot of every tab at 320, 360 and 450 px (/tmp/i21-pane/), in the preview and over the
 * emulated Excel. One production build for the file.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { buildWorkbookPlan } from '../../src/core/template';
import { renderPlan } from '../../src/hosts/xlsx/workbook';
import { freshPage, ROOT, usePane } from './harness';
import { needs } from '../helpers/tools';

const test = needs('chromium');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SHOTS = '/tmp/i21-pane';
const LEDGER = readFileSync(join(ROOT, 'examples/grand-livre-cdc.csv'));
const WIDTHS = [320, 360, 450] as const;

const pane = usePane(360, 900);

const problems = new WeakMap<Page, string[]>();

async function open(path: string, ready: string): Promise<Page> {
  const page = await freshPage(pane, path, problems);
  await page.locator(ready).first().waitFor();
  return page;
}

const preview = () => open('taskpane.html', 'text=Charger l’exemple');
const emulated = () => open('emulated.html', '[data-severity="error"][data-count="1"]');

/** The example with 1 000 000 € more in Région's Axe 1 participation for 2014: a 1 M€ gap. */
async function millionGap(): Promise<Buffer> {
  const wb = renderPlan(buildWorkbookPlan({ example: true, lang: 'fr' }));
  const ws = wb.getWorksheet('Participations 2014')!;
  ws.getCell('B5').value = (ws.getCell('B5').value as number) + 1_000_000;
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.locator('#xlsx-file').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
}

async function withMillionGap(): Promise<Page> {
  const page = await preview();
  await upload(page, 'ecart-1M.xlsx', await millionGap());
  await page.locator('[data-severity="error"][data-count="1"]').waitFor();
  return page;
}

const axe = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).exclude('[data-tabster-dummy]').analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
};

/** Every id on the page that more than one element carries. */
const duplicateIds = (page: Page) =>
  page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of Array.from(document.querySelectorAll('[id]'))) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });

/** Where the focus is: never the page's body after an action. */
const focused = (page: Page) => page.evaluate(() => (document.activeElement === document.body || !document.activeElement ? 'BODY' : `${document.activeElement.tagName} ${document.activeElement.textContent?.slice(0, 40)}`));

/**
 * Every figure the pane shows (grid cells, totals, amounts, the preview grid), visible ones only:
 * those wider than their box, cut by an ellipsis, or showing « … ».
 */
const cutFigures = (page: Page) =>
  page.evaluate(() => {
    const bad: string[] = [];
    const cells = document.querySelectorAll<HTMLElement>(
      '[data-testid="conformity-grid"] td, [data-testid="synthese"] td, [data-testid^="amounts-"] [role="cell"], [data-testid="ledger-counts"] td, [data-testid="preview-grid"] td, [data-amount]',
    );
    for (const el of Array.from(cells)) {
      if (el.offsetParent === null) continue;
      const text = el.textContent ?? '';
      if (!/\d/.test(text)) continue;
      const box = el.getBoundingClientRect();
      const cell = (el.parentElement?.closest('td, th, [role="cell"]') as HTMLElement | null) ?? el;
      const outer = cell.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (el.scrollWidth > el.clientWidth + 1) bad.push(`${text}: ${el.scrollWidth} px in ${el.clientWidth} px`);
      if (cell !== el && (box.right > outer.right + 1 || box.left < outer.left - 1)) bad.push(`${text}: outside its cell`);
      if (box.right > document.documentElement.clientWidth) bad.push(`${text}: beyond the pane`);
      if (/…/.test(text)) bad.push(`${text}: « … »`);
      if (style.textOverflow === 'ellipsis' && style.overflow !== 'visible') bad.push(`${text}: text-overflow ellipsis`);
    }
    return bad;
  });

/** A tab opened as a user waits for it: the Rapprochement and Export COPIL tabs come on first opening (a « Chargement… » first). */
async function tab(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await page.getByRole('tabpanel').getByText('Chargement…').waitFor({ state: 'detached' });
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  // The mouse away from the tab just clicked: its tooltip is not part of the picture.
  await page.mouse.move(1, 899);
  await page.getByRole('tooltip').waitFor({ state: 'detached' });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe('amounts and the money at stake', () => {
  test('a 1 M€ gap is never cut at 320 and 360 px, in high contrast too; the exact amount on hover and focus', async () => {
    const page = await withMillionGap();
    await page.getByRole('button', { name: 'Montants par financeur et par année' }).click();
    for (const width of [320, 360]) {
      await page.setViewportSize({ width, height: 900 });
      for (const forcedColors of ['none', 'active'] as const) {
        await page.emulateMedia({ forcedColors });
        expect({ width, forcedColors, cut: await cutFigures(page) }).toEqual({ width, forcedColors, cut: [] });
        await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
      }
    }
    await page.emulateMedia({ forcedColors: 'none' });
    const gap = page.locator('[data-testid="conformity-region|2014"] [data-amount]');
    await expect(gap.textContent()).resolves.toBe('+1,0\u00a0M€');
    await expect(gap.getAttribute('data-amount')).resolves.toBe('+1\u00a0000\u00a0000,00\u00a0€');
    // Hover, then keyboard focus: the exact figure in a tooltip.
    await gap.hover();
    await expect(page.getByRole('tooltip').textContent()).resolves.toMatch(/écart \+1\s000\s000,00\s€/);
    await page.mouse.move(0, 0);
    await page.getByRole('tooltip').waitFor({ state: 'detached' });
    await gap.focus();
    await expect(page.getByRole('tooltip').textContent()).resolves.toMatch(/écart \+1\s000\s000,00\s€/);
    // In the detail, the amount in full.
    await expect(page.getByTestId('amounts-region|2014').textContent()).resolves.toMatch(/\+1\s000\s000,00\s€/);
    expect(problems.get(page)).toEqual([]);
    await page.close();
  });

  test('the example shows per funder and year what the convention sets and what is planned, committed and paid, n.d. in words', async () => {
    const page = await preview();
    await page.getByRole('button', { name: 'Charger l’exemple' }).click();
    const synthese = page.getByTestId('synthese');
    await synthese.waitFor();
    await expect(synthese.isVisible()).resolves.toBe(true);
    // At 360 px: prévu, engagé, versé; the convention's amount joins them from 480 px.
    const heads = await synthese.locator('thead th:visible').allTextContents();
    expect(heads).toEqual(['Financeur', 'Prévu', 'Engagé', 'Versé']);
    const rows = await synthese.locator('tbody tr').count();
    expect(rows).toBe(10);
    const region = synthese.getByTestId('synthese-region|2014');
    await expect(region.locator('th').textContent()).resolves.toBe('Région 2014');
    await expect(region.locator('[data-amount]:visible').first().getAttribute('data-amount')).resolves.toMatch(/^[\d\u00a0]+,\d\d\u00a0€$/);
    await page.setViewportSize({ width: 600, height: 900 });
    await expect(synthese.locator('thead th:visible').allTextContents()).resolves.toEqual(['Financeur', 'Convention', 'Prévu', 'Engagé', 'Versé']);
    await expect(region.locator('[data-amount]').first().getAttribute('data-amount')).resolves.toBe('2\u00a0387\u00a0500,00\u00a0€');
    await page.setViewportSize({ width: 360, height: 900 });
    // On the first screen at 360 px.
    const box = (await synthese.boundingBox())!;
    expect(box.y).toBeLessThan(900);
    expect(await cutFigures(page)).toEqual([]);
    await page.close();
  });

  test('at 1024 px the amount headers stand right-aligned over their right-aligned figures', async () => {
    const page = await withMillionGap();
    await page.setViewportSize({ width: 1024, height: 900 });
    await page.getByRole('button', { name: 'Montants par financeur et par année' }).click();
    const head = await page.locator('[role="columnheader"]').evaluateAll((els) => els.map((e) => ({ text: e.textContent, right: Math.round(e.getBoundingClientRect().right), content: Math.round((e.querySelector('button, div') ?? e).getBoundingClientRect().right) })));
    const row = await page.getByTestId('amounts-region|2014').locator('[role="cell"]').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().right)));
    const inner = await page
      .locator('[role="columnheader"]')
      .evaluateAll((els) => els.map((e) => { const r = document.createRange(); r.selectNodeContents(e); return Math.round(r.getBoundingClientRect().right); }));
    const firstCells = await page.getByTestId('amounts-region|2014').locator('[role="cell"]').evaluateAll((els) => els.map((e) => { const r = document.createRange(); r.selectNodeContents(e); return Math.round(r.getBoundingClientRect().right); }));
    // Convention, Participations, Écart: the header's text ends where its figure ends.
    for (const i of [1, 2, 3]) expect(Math.abs(inner[i] - firstCells[i])).toBeLessThanOrEqual(12);
    expect(head.length).toBe(5);
    expect(row.length).toBe(5);
    await page.close();
  });
});

describe('findings', () => {
  test('a range finding highlights its whole range, with computed values; « Que faire » under the title; the rule id in a tooltip only', async () => {
    const page = await withMillionGap();
    const rule = page.locator('[data-rule="convention.total-mismatch"]');
    await expect(rule.locator('h4').innerText()).resolves.toBe('Participations différentes de la convention\nConvention\u00a0: Art. 3');
    await expect(rule.locator('h4').getAttribute('title')).resolves.toBe('Règle convention.total-mismatch · convention, Art. 3');
    await expect(rule.getByTestId('what-to-do').textContent()).resolves.toMatch(/^Que faire\s: Corrigez les participations par axe/);
    await rule.locator('button').first().click();
    const selected = page.locator('[data-testid="preview-grid"] td[aria-current="true"]');
    await selected.first().waitFor();
    await expect(selected.evaluateAll((els) => els.map((e) => e.getAttribute('data-address')))).resolves.toEqual(['B5', 'B6', 'B7', 'B8']);
    // No formula text in the grid: the Total column's SUM is worked out.
    const texts = await page.locator('[data-testid="preview-grid"] td').allTextContents();
    expect(texts.filter((t) => t.startsWith('='))).toEqual([]);
    expect(await cutFigures(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  test('a blank workbook says what its findings mean (an empty template), not « exemple fictif »; one first-run choice', async () => {
    const page = await preview();
    // One place to start: the first-run panel, its primary action opening a workbook.
    await expect(page.getByRole('button', { name: 'Ouvrir un classeur .xlsx' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Charger l’exemple' }).count()).resolves.toBe(1);
    await expect(page.getByTestId('first-run').getByRole('button').first().textContent()).resolves.toBe('Ouvrir un classeur .xlsx');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Créer un classeur vide' }).click();
    const note = page.getByTestId('blank-template');
    await note.waitFor();
    await expect(note.textContent()).resolves.toMatch(/^Modèle vide\s: les tableaux sont prêts à remplir\. Les \d+ erreurs et \d+ avertissements disent ce qu’il reste à saisir/);
    await expect(page.getByTestId('preview-source').textContent()).resolves.toBe('Classeur\u00a0: modèle vide');
    // No amount typed yet: n.d. where the convention has none, said in a sentence, not only in a tooltip.
    await page.setViewportSize({ width: 600, height: 900 });
    const na = page.locator('[data-testid="synthese"] [data-na]');
    expect(await na.count()).toBeGreaterThan(0);
    await expect(na.first().textContent()).resolves.toBe('n.d.');
    await expect(page.getByTestId('na-explained').textContent()).resolves.toMatch(/^n\.d\. \(non disponible\)\s: le montant n’est pas connu/);
    // The same rule at the same place (the Instances table, year after year) is one entry, not one per year.
    const grouped = page.locator('button[data-finding]:not([data-count="1"])').first();
    await expect(grouped.textContent()).resolves.toMatch(/\d+ constats au même endroit\s:/);
    const places = await page.locator('[data-rule] button[data-finding]').evaluateAll((els) => els.map((e) => `${e.closest('[data-rule]')!.getAttribute('data-rule')}|${e.getAttribute('data-finding')}`));
    expect(places.length).toBe(new Set(places).size);
    expect(await axe(page)).toEqual([]);
    expect(await duplicateIds(page)).toEqual([]);
    await page.close();
  });
});

describe('navigation', () => {
  test('tabs on one row at 450 and 360 px, the settings behind a gear; Clôtures and Comparer before the downloads', async () => {
    const page = await withMillionGap();
    for (const width of [450, 360]) {
      await page.setViewportSize({ width, height: 900 });
      const tops = await page.getByRole('tab').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
      expect({ width, rows: new Set(tops).size }).toEqual({ width, rows: 1 });
    }
    const gear = page.getByRole('tab', { name: 'Paramètres' });
    await expect(gear.textContent()).resolves.toBe('');
    await tab(page, 'Export COPIL');
    await page.locator('#panel-export h3', { hasText: 'Fichiers à diffuser' }).waitFor();
    const order = await page.locator('#panel-export h3').allTextContents();
    expect(order.indexOf('Fichiers à diffuser')).toBeGreaterThan(order.findIndex((t) => /Clôtur/.test(t)));
    expect(order.indexOf('Fichiers à diffuser')).toBeGreaterThan(order.findIndex((t) => /Compar|version/i.test(t)));
    await page.close();
  });
});

describe('settings', () => {
  test('a year 22015 gets an inline field error, and the results stay at the last good date', async () => {
    const page = await withMillionGap();
    const asOf = (await page.getByText(/^Situation au /).first().textContent())!;
    await tab(page, 'Paramètres');
    const input = page.getByLabel('Date de situation');
    // What Chromium's date field gives for a year typed with one digit too many: « 22015-03-11 ».
    await input.evaluate((el: HTMLInputElement) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, '22015-03-11');
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect(input.inputValue()).resolves.toBe('22015-03-11');
    const field = page.locator('.fui-Field', { has: input });
    await expect(field.locator('.fui-Field__validationMessage').textContent()).resolves.toMatch(/^Année hors de la plage\s: saisissez une date entre 2000 et 2099\.$/);
    await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
    // Not above the tabs: no error bar, no « Action impossible ».
    await expect(page.getByText('Action impossible').count()).resolves.toBe(0);
    await tab(page, 'Contrôles');
    await expect(page.getByText(/^Situation au /).first().textContent()).resolves.toBe(asOf);
    await expect(page.getByText(/22015/).count()).resolves.toBe(0);
    await tab(page, 'Paramètres');
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

describe('in English', () => {
  const FRENCH = /\b(le|la|les|du|une|est|dans|sur|pas|ligne|lignes|relevé|écart|montant|engagé|versé|téléchargé|fichier|classeur|feuille|écrite)\b/i;
  /** Proper names stay French in English text (the workbook's sheets and tables, the funders). */
  const names = (s: string) => s.replace(/Caisse des Dépôts|Région|État|Financements|Participations \d{4}|Instances|Actions|Avenants|Rapprochement|Synthèse COPIL/g, '');

  test('reconciliation findings and counts, and the export note, are English, including after a switch', async () => {
    const page = await preview();
    await page.getByRole('button', { name: 'Charger l’exemple' }).click();
    await page.locator('[data-severity="error"]').waitFor();
    // Reconciled in French first, then switched: the findings follow the language.
    await tab(page, 'Rapprochement');
    await page.locator('#ledger-file').setInputFiles({ name: 'grand-livre-cdc.csv', mimeType: 'text/csv', buffer: LEDGER });
    await page.getByTestId('ledger-counts').waitFor();
    await tab(page, 'Export COPIL');
    await page.getByRole('button', { name: 'Télécharger CSV' }).click();
    await page.getByTestId('export-note').waitFor();
    await tab(page, 'Paramètres');
    await page.getByLabel('Langue').selectOption('en');
    await tab(page, 'Reconciliation');
    await page.waitForFunction(() => !/Différentes|relevé|Concordantes/.test(document.querySelector('#panel-reconciliation')?.textContent ?? ''));
    const recon = names((await page.locator('#panel-reconciliation').innerText()).replace(/grand-livre-cdc\.csv/g, ''));
    expect(recon.split('\n').filter((l) => FRENCH.test(l))).toEqual([]);
    await tab(page, 'COPIL export');
    const note = (await page.getByTestId('export-note').textContent())!;
    expect(names(note.replace(/synthese-copil-[\d-]+\.csv/, ''))).not.toMatch(FRENCH);
    await expect(page.getByTestId('export-note').textContent()).resolves.toMatch(/^File synthese-copil-[\d-]+\.csv downloaded\.$/);
    expect(await duplicateIds(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

describe('focus and Escape', () => {
  test('the focus stays on the control after Télécharger PDF and after a file error; Escape closes the error and the note', async () => {
    const page = await preview();
    // A file that is no workbook, picked through the button, as a user does.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Ouvrir un classeur .xlsx' }).click()]);
    await chooser.setFiles({ name: 'notes.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('pas un classeur') });
    await page.getByRole('alert').first().waitFor();
    expect(await focused(page)).not.toBe('BODY');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    expect(await focused(page)).not.toBe('BODY');

    await page.getByRole('button', { name: 'Charger l’exemple' }).click();
    await page.locator('[data-severity="error"]').waitFor();
    await tab(page, 'Export COPIL');
    const pdf = page.getByRole('button', { name: 'Télécharger PDF' });
    await pdf.click();
    // While it is made, the wait says so in words.
    await expect(page.getByTestId('busy').textContent()).resolves.toBe('Préparation du fichier…');
    expect(await focused(page)).not.toBe('BODY');
    await page.getByTestId('export-note').waitFor();
    await expect(page.getByTestId('export-note').textContent()).resolves.toMatch(/\.pdf téléchargé\.$/);
    expect(await focused(page)).toBe('BUTTON Télécharger PDF');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('export-note').count()).resolves.toBe(0);
    expect(await focused(page)).not.toBe('BODY');
    expect(await axe(page)).toEqual([]);

    // Clôturer: the button goes off for the year closed; the focus does not go to the page.
    await page.getByLabel('Année', { exact: true }).selectOption('2015');
    await page.getByLabel('Clôturée par').fill('Marie Curie');
    await page.getByRole('button', { name: 'Clôturer l’année' }).click();
    // The confirmation dialog says what will be frozen; confirmed, the year is closed.
    await page.getByRole('alertdialog').getByRole('button', { name: 'Clôturer 2015' }).click();
    await page.getByTestId('closed-years').waitFor();
    await page.waitForTimeout(100);
    expect(await focused(page)).not.toBe('BODY');
    await page.close();
  });

  test('over the emulated Excel: after Synchroniser and after writing the Synthèse COPIL, the focus stays, and « Afficher la feuille » shows it', async () => {
    const page = await emulated();
    await page.getByRole('button', { name: 'Synchroniser' }).click();
    await page.locator('button', { hasText: 'Synchroniser' }).and(page.locator(':not([aria-disabled="true"])')).waitFor();
    expect(await focused(page)).not.toBe('BODY');
    await tab(page, 'Export COPIL');
    await page.getByRole('button', { name: 'Écrire la feuille Synthèse COPIL' }).click();
    const note = page.getByTestId('export-note');
    await note.waitFor();
    expect(await focused(page)).not.toBe('BODY');
    await note.getByRole('button', { name: 'Afficher la feuille' }).click();
    await page.waitForFunction(() => (window as unknown as { __excel: { activeSheet(): string | null } }).__excel.activeSheet() === 'Synthèse COPIL');
    expect(await duplicateIds(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

describe('screenshots of every tab', () => {
  const tabs = [
    ['controles', 'Contrôles'],
    ['rapprochement', 'Rapprochement'],
    ['export', 'Export COPIL'],
    ['parametres', 'Paramètres'],
  ] as const;

  test('in the preview with a 1 M€ gap: no id twice, axe clean, every tab at 320, 360 and 450 px', async () => {
    const page = await withMillionGap();
    await page.locator('[data-rule="convention.total-mismatch"] button').first().click();
    await tab(page, 'Rapprochement');
    await page.locator('#ledger-file').setInputFiles({ name: 'grand-livre-cdc.csv', mimeType: 'text/csv', buffer: LEDGER });
    await page.getByTestId('ledger-counts').waitFor();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const [file, name] of tabs) {
        await tab(page, name);
        await shoot(page, `preview-${file}-${width}`);
        expect({ width, name, cut: await cutFigures(page) }).toEqual({ width, name, cut: [] });
        expect({ width, name, ids: await duplicateIds(page) }).toEqual({ width, name, ids: [] });
      }
    }
    expect(await axe(page)).toEqual([]);
    expect(problems.get(page)).toEqual([]);
    await page.close();
  });

  test('over the emulated Excel: every tab at 320, 360 and 450 px', async () => {
    const page = await emulated();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const [file, name] of tabs) {
        await tab(page, name);
        await shoot(page, `excel-${file}-${width}`);
        expect({ width, name, cut: await cutFigures(page) }).toEqual({ width, name, cut: [] });
        expect({ width, name, ids: await duplicateIds(page) }).toEqual({ width, name, ids: [] });
      }
    }
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});
