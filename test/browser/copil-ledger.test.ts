/**
 * The Export COPIL and Rapprochement tabs in Chromium: in the browser preview (files downloaded,
 * a ledger picked) and over the emulated Excel (the sheets written, round trips counted). One
 * production build for the whole file.
 */
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { freshPage, usePane, ROOT } from './harness';
import { needs } from '../helpers/tools';

const test = needs('chromium');

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const LEDGER = join(ROOT, 'examples/grand-livre-cdc.csv');

const pane = usePane(360, 900);

const problems = new WeakMap<Page, string[]>();

const open = (path: string): Promise<Page> => freshPage(pane, path, problems);

async function previewWithExample(): Promise<Page> {
  const page = await open('taskpane.html');
  await page.getByRole('button', { name: 'Charger l’exemple' }).click();
  await page.locator('[data-severity="error"]').waitFor();
  return page;
}

async function asOf(page: Page, iso: string): Promise<void> {
  await page.getByRole('tab', { name: 'Paramètres' }).click();
  await page.getByLabel('Date de situation').fill(iso);
}

const axe = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).exclude('[data-tabster-dummy]').analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
};

/** Whitespace of any kind as a plain space, as a reader sees "2 387 500,00 €". */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

async function pickLedger(page: Page, name: string, buffer: Buffer, mimeType = 'text/csv'): Promise<void> {
  await page.locator('#ledger-file').setInputFiles({ name, mimeType, buffer });
}

async function counts(page: Page): Promise<Record<string, number>> {
  await page.getByTestId('ledger-counts').waitFor();
  const rows = await page.locator('[data-testid="ledger-counts"] tr[data-status]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-status'), Number(e.getAttribute('data-count'))] as const));
  return Object.fromEntries(rows);
}

describe('in the browser preview', () => {
  test('Export COPIL downloads the CSV, PDF and XLSX of the summary, the PDF code coming only on demand', async () => {
    const page = await previewWithExample();
    await asOf(page, '2016-12-31');
    await page.getByRole('tab', { name: 'Export COPIL' }).click();
    // No workbook to write into outside Excel: the sheet button is not offered.
    await expect(page.getByRole('button', { name: 'Écrire la feuille Synthèse COPIL' }).count()).resolves.toBe(0);
    expect(pane.served.requests.some((r) => /export-pdf|dejavu/.test(r))).toBe(false);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe('synthese-copil-2016-12-31.csv');
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText).toContain('Convention;2014;Région;;;;fixé;2387500,00;');
    await expect(page.getByTestId('export-note').textContent()).resolves.toBe('Fichier synthese-copil-2016-12-31.csv téléchargé.');
    await expect(page.getByTestId('export-as-of').textContent()).resolves.toBe('Situation au 31/12/2016');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe('synthese-copil-2016-12-31.pdf');
    const pdfPath = (await pdf.path())!;
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pane.served.requests.some((r) => /export-pdf/.test(r))).toBe(true);
    if (existsSync('/usr/bin/pdftotext')) {
      const text = plain(execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }));
      for (const amount of ['2 387 500,00 €', '1 000 000,00 €', '1 085 200,00 €']) expect(text).toContain(amount);
    }

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger XLSX' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('synthese-copil-2016-12-31.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('Synthèse COPIL');

    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/export-360.png', fullPage: true });
    expect(problems.get(page)).toEqual([]);
    await page.close();
  });

  test('the example CDC ledger shows its planted differences: 1 different, 1 missing on each side', async () => {
    const page = await previewWithExample();
    await page.getByRole('tab', { name: 'Rapprochement' }).click();
    await pickLedger(page, 'grand-livre-cdc.csv', readFileSync(LEDGER));
    expect(await counts(page)).toEqual({ different: 1, 'missing-in-ledger': 1, 'missing-in-workbook': 1, matched: 45, 'netted-out': 0 });
    await expect(page.getByTestId('ledger-source').textContent()).resolves.toBe('Relevé\u00a0: grand-livre-cdc.csv');
    await expect(page.locator('[data-rule="reconciliation.missing-in-workbook"] button').textContent()).resolves.toMatch(/^grand-livre-cdc\.csv, ligne 80.*EX-2016-CDC-901/);
    await expect(page.locator('[data-rule="reconciliation.amount-mismatch"] button').textContent()).resolves.toMatch(/EX-2015-CDC-086/);
    await expect(page.locator('[data-rule="reconciliation.missing-in-ledger"] button').textContent()).resolves.toMatch(/^Financements, cellule [A-Z]+\d+.*EX-2016-CDC-146/);
    // Outside Excel there is no sheet to write.
    await expect(page.getByRole('button', { name: 'Écrire la feuille Rapprochement' }).count()).resolves.toBe(0);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/rapprochement-360.png', fullPage: true });
    // Nothing runs off the side of the narrowest pane.
    await page.setViewportSize({ width: 320, height: 700 });
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
    expect(problems.get(page)).toEqual([]);
    await page.close();
  });

  test('a ledger whose headers are not recognised gets the column picker, and the chosen columns reconcile it', async () => {
    const renamed = readFileSync(LEDGER, 'utf8').replace(/^\ufeff?[^\r\n]+/, 'Pièce;Op;An;Qui;Tiers;Objet;Jour;Somme AE;Somme payée');
    const page = await previewWithExample();
    await page.getByRole('tab', { name: 'Rapprochement' }).click();
    await pickLedger(page, 'export-compta.csv', Buffer.from(renamed, 'utf8'));
    await page.getByTestId('column-picker').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/^export-compta\.csv\u00a0: aucune ligne d’en-têtes reconnue .*«\u00a0Somme AE\u00a0», «\u00a0Somme payée\u00a0»\. Indiquez les colonnes ci-dessous\.$/);
    const apply = page.getByRole('button', { name: 'Rapprocher avec ces colonnes' });
    // No amount nor reference chosen yet: nothing to reconcile on.
    await expect(apply.isDisabled()).resolves.toBe(true);
    const choose = (field: string, header: string) => page.getByRole('combobox', { name: field, exact: true }).selectOption(header);
    await choose('Référence d’engagement', 'Pièce');
    await choose('Code action', 'Op');
    await choose('Année', 'An');
    await choose('Financeur', 'Qui');
    await choose('Montant engagé', 'Somme AE');
    await choose('Montant versé', 'Somme payée');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/rapprochement-picker-360.png', fullPage: true });
    await apply.click();
    expect(await counts(page)).toEqual({ different: 1, 'missing-in-ledger': 1, 'missing-in-workbook': 1, matched: 45, 'netted-out': 0 });
    await expect(page.getByTestId('column-picker').count()).resolves.toBe(0);
    // A look at the other tabs loses neither the result nor the columns chosen.
    for (const other of ['Contrôles', 'Export COPIL', 'Paramètres']) {
      await page.getByRole('tab', { name: other }).click();
      await expect(page.getByTestId('ledger-counts').isVisible()).resolves.toBe(false);
    }
    await page.getByRole('tab', { name: 'Rapprochement' }).click();
    expect(await counts(page)).toEqual({ different: 1, 'missing-in-ledger': 1, 'missing-in-workbook': 1, matched: 45, 'netted-out': 0 });
    await expect(page.getByTestId('ledger-source').textContent()).resolves.toBe('Relevé\u00a0: export-compta.csv');
    // The mapping can be changed again from the result.
    await page.getByRole('button', { name: 'Modifier les colonnes' }).click();
    await expect(page.getByRole('combobox', { name: 'Montant engagé', exact: true }).inputValue()).resolves.toBe('Somme AE');
    await page.close();
  });

  test('an .xlsx ledger is read in the browser too, ExcelJS coming with it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Export');
    const lines = readFileSync(LEDGER, 'utf8').replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l !== '');
    for (const l of lines) ws.addRow(l.split(';'));
    const buffer = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const page = await previewWithExample();
    await page.getByRole('tab', { name: 'Rapprochement' }).click();
    await pickLedger(page, 'grand-livre.xlsx', buffer, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await counts(page)).toEqual({ different: 1, 'missing-in-ledger': 1, 'missing-in-workbook': 1, matched: 45, 'netted-out': 0 });
    await expect(page.locator('[data-rule="reconciliation.missing-in-workbook"] button').textContent()).resolves.toMatch(/^Export, cellule A80/);
    await page.close();
  });

  test('a file that is no ledger gets one line saying so, and no crash', async () => {
    const page = await previewWithExample();
    await page.getByRole('tab', { name: 'Rapprochement' }).click();
    await pickLedger(page, 'vide.csv', Buffer.alloc(0));
    await expect(page.getByRole('alert').textContent()).resolves.toBe('vide.csv\u00a0: relevé vide, rien à rapprocher.');
    await expect(page.getByTestId('ledger-counts').count()).resolves.toBe(0);
    expect(problems.get(page)).toEqual([]);
    await page.close();
  });
});

describe('over the emulated Excel (the production Office host)', () => {
  type Excel = {
    sheets(): string[];
    roundTrips(): number;
    charts(sheet: string): { name: string; source: string; seriesBy: string }[];
    tableValues(name: string): Promise<unknown[][] | null>;
    pasteLedger(sheet: string, rows: (string | number)[][]): Promise<void>;
  };
  const excel = <T>(page: Page, f: (x: Excel) => T | Promise<T>) => page.evaluate(`(${f.toString()})(window.__excel)`) as Promise<T>;

  async function openEmulated(): Promise<Page> {
    const page = await open('emulated.html');
    await page.locator('[data-severity="error"][data-count="1"]').waitFor();
    return page;
  }

  test('Écrire la feuille Synthèse COPIL writes the sheet with its 2 charts in 2 round trips', async () => {
    const page = await openEmulated();
    await page.getByRole('tab', { name: 'Export COPIL' }).click();
    // The tab reads which years are closed as it opens (Clôturer une année): those reads are done
    // once its button is on, and are not the write's.
    await page.locator('button:not([disabled]):not([aria-disabled="true"])', { hasText: 'Clôturer l’année' }).waitFor();
    expect(await excel(page, (x) => x.sheets())).not.toContain('Synthèse COPIL');
    const before = await excel(page, (x) => x.roundTrips());
    await page.getByRole('button', { name: 'Écrire la feuille Synthèse COPIL' }).click();
    await expect(page.getByTestId('export-note').locator('.fui-MessageBarBody').textContent()).resolves.toBe('Feuille «\u00a0Synthèse COPIL\u00a0» écrite.');
    // Issue 21: the sheet just written is one click away.
    await expect(page.getByTestId('export-note').getByRole('button', { name: 'Afficher la feuille' }).isVisible()).resolves.toBe(true);
    expect((await excel(page, (x) => x.roundTrips())) - before).toBeLessThanOrEqual(2);
    expect(await excel(page, (x) => x.sheets())).toContain('Synthèse COPIL');
    const charts = await excel(page, (x) => x.charts('Synthèse COPIL'));
    expect(charts).toHaveLength(2);
    // Written again, it replaces itself: still one sheet, still two charts.
    await page.getByRole('button', { name: 'Écrire la feuille Synthèse COPIL' }).click();
    await page.locator('button:not([disabled]):not([aria-disabled="true"])', { hasText: 'Écrire la feuille Synthèse COPIL' }).waitFor();
    expect((await excel(page, (x) => x.sheets())).filter((s) => s === 'Synthèse COPIL')).toHaveLength(1);
    expect(await excel(page, (x) => x.charts('Synthèse COPIL'))).toHaveLength(2);
    // Inside Excel the files are offered too.
    await expect(page.getByRole('button', { name: 'Télécharger PDF' }).isVisible()).resolves.toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/export-excel-360.png', fullPage: true });
    expect(problems.get(page)).toEqual([]);
    await page.close();
  });

  test('the Rapprochement sheet is written in 2 round trips, differences first', async () => {
    const page = await openEmulated();
    await page.getByRole('tab', { name: 'Rapprochement' }).click();
    await pickLedger(page, 'grand-livre-cdc.csv', readFileSync(LEDGER));
    expect(await counts(page)).toMatchObject({ different: 1, 'missing-in-ledger': 1, 'missing-in-workbook': 1 });
    for (let round = 0; round < 2; round++) {
      const before = await excel(page, (x) => x.roundTrips());
      await page.getByRole('button', { name: 'Écrire la feuille Rapprochement' }).click();
      await page.waitForFunction(`window.__excel.roundTrips() >= ${before + 2}`);
      await page.locator('button:not([disabled]):not([aria-disabled="true"])', { hasText: 'Écrire la feuille Rapprochement' }).waitFor();
      await expect(page.getByTestId('ledger-note').locator('.fui-MessageBarBody').textContent()).resolves.toBe('Feuille «\u00a0Rapprochement\u00a0» écrite.');
      expect((await excel(page, (x) => x.roundTrips())) - before).toBe(2);
    }
    expect((await excel(page, (x) => x.sheets())).filter((s) => s === 'Rapprochement')).toHaveLength(1);
    const rows = (await excel(page, (x) => x.tableValues('Rapprochement'))) as unknown[][];
    expect(rows.map((r) => r[0]).slice(0, 3)).toEqual(['Différente', 'Absente du relevé', 'Absente du classeur']);
    expect(rows[0][2]).toBe('EX-2015-CDC-086');
    expect(rows[0][8]).toBe(-5000);
    const totals = (await excel(page, (x) => x.tableValues('RapprochementTotaux'))) as unknown[][];
    expect(totals.length).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/rapprochement-excel-360.png', fullPage: true });
    expect(problems.get(page)).toEqual([]);
    await page.close();
  });

  test('a ledger pasted into a sheet and selected is reconciled, its findings pointing to its cells', async () => {
    const page = await openEmulated();
    // As a French Excel holds a pasted ledger: amounts and years are numbers, the rest text.
    const amount = (s: string) => (/^-?[\d\s\u00a0\u202f]+,\d\d$/.test(s) ? Number(s.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')) : s);
    const rows = readFileSync(LEDGER, 'utf8')
      .replace(/^\ufeff/, '')
      .split(/\r?\n/)
      .filter((l) => l !== '')
      .map((l, i) => l.split(';').map((v, c) => (i === 0 ? v : c === 2 ? Number(v) : amount(v))));
    await page.evaluate((r) => (window as unknown as { __excel: Excel }).__excel.pasteLedger('Relevé CDC', r), rows);
    await page.getByRole('tab', { name: 'Rapprochement' }).click();
    await page.getByRole('button', { name: 'Utiliser la plage sélectionnée' }).click();
    expect(await counts(page)).toEqual({ different: 1, 'missing-in-ledger': 1, 'missing-in-workbook': 1, matched: 45, 'netted-out': 0 });
    await expect(page.getByTestId('ledger-source').textContent()).resolves.toBe("Relevé\u00a0: plage 'Relevé CDC'!B2:J81");
    await expect(page.locator('[data-rule="reconciliation.missing-in-workbook"] button').textContent()).resolves.toMatch(/^Relevé CDC, cellule B81/);
    expect(problems.get(page)).toEqual([]);
    await page.close();
  });
});
