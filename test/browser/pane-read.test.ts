/**
 * Issue 19, what was read, said in the pane where a user checking « 0 erreur » looks: under the
 * counts, one line of tables and lines, the tables read otherwise than as their Excel table in
 * sight (rows typed under Financements, as LibreOffice leaves them), every table on demand — in
 * French and in English, at 360 px without a horizontal scroll. Screenshots in /tmp/i19-read/.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { buildWorkbookPlan } from '../../src/core/template';
import { renderPlan } from '../../src/hosts/xlsx/workbook';
import { usePane } from './harness';
import { needs } from '../helpers/tools';

const test = needs('chromium');
const SHOTS = '/tmp/i19-read';
const pane = usePane(360, 900);

async function open(lang: 'fr' | 'en'): Promise<Page> {
  const page = await pane.browser.newPage();
  await page.addInitScript((l) => {
    try {
      localStorage.clear();
      localStorage.setItem('suivi-ces-ess.settings', JSON.stringify({ lang: l }));
    } catch {
      // A frame without storage.
    }
  }, lang);
  await page.goto(`${pane.served.url}/taskpane.html`);
  await page.locator('#xlsx-file').waitFor({ state: 'attached' });
  return page;
}

/** The example, with two financing lines typed under the Financements table and a note under them (no amount). */
async function typedUnder(): Promise<Buffer> {
  const wb = renderPlan(buildWorkbookPlan({ example: true, lang: 'fr' }));
  const ws = wb.getWorksheet('Financements')!;
  // Rows 5-151 are the table's lines, 152 its totals row: the user types on from 153.
  ws.getRow(153).values = ['ANIM', 2015, 'Région', 1000, 500, 0];
  ws.getRow(154).values = ['ANIM', 2016, 'Région', 2000, 0, 0];
  ws.getCell('H155').value = 'note sans montant';
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function upload(page: Page, buffer: Buffer): Promise<void> {
  await page.locator('#xlsx-file').setInputFiles({ name: 'saisi-dessous.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
}

const note = (page: Page) => page.getByTestId('read-note');

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test('the example: every table read, nothing left out, each table on demand (fr)', async () => {
  const page = await open('fr');
  await page.getByRole('button', { name: 'Charger l’exemple' }).click();
  await page.locator('[data-severity="error"][data-count="0"]').waitFor();
  await expect(note(page).locator('p').textContent()).resolves.toBe('Lu\u00a0: 11 tableaux, 285 lignes\u00a0; aucune ligne ni colonne laissée de côté.');
  await expect(page.getByTestId('read-noted').count()).resolves.toBe(0);
  const all = page.getByTestId('read-all');
  await expect(all.isVisible()).resolves.toBe(false);
  await note(page).getByText('Détail par tableau').click();
  await expect(all.locator('li').allTextContents()).resolves.toContain('Financements\u00a0: 147 lignes (Financements!A4:H151)');
  await expect(all.locator('li').count()).resolves.toBe(11);
  await expect(noHorizontalScroll(page)).resolves.toBe(true);
  await shoot(page, 'example-fr-360');
  await page.close();
});

test('rows typed under Financements: read, said in sight with their rows, the note under them named as not read (fr, then en)', async () => {
  const buffer = await typedUnder();
  const page = await open('fr');
  await upload(page, buffer);
  await page.locator('[data-testid="severity-counts"]').waitFor();
  await expect(note(page).locator('p').textContent()).resolves.toBe('Lu\u00a0: 11 tableaux, 287 lignes\u00a0; à noter, 1 tableau\u00a0:');
  await expect(page.getByTestId('read-noted').locator('li').allTextContents()).resolves.toEqual([
    'Financements\u00a0: 149 lignes (Financements!A4:H155, dont 2 lignes saisies sous le tableau (153-154))\u00a0; non lu\u00a0: 1 ligne sous le tableau, 155',
  ]);
  await expect(page.getByTestId('read-noted').isVisible()).resolves.toBe(true);
  await expect(noHorizontalScroll(page)).resolves.toBe(true);
  await shoot(page, 'typed-under-fr-360');
  await page.close();

  const en = await open('en');
  await upload(en, buffer);
  await en.locator('[data-testid="severity-counts"]').waitFor();
  await expect(note(en).locator('p').textContent()).resolves.toBe('Read: 11 tables, 287 lines; to note, 1 table:');
  const noted = await en.getByTestId('read-noted').locator('li').allTextContents();
  expect(noted).toHaveLength(1);
  expect(noted[0]).toMatch(/^Financements: 149 lines \(Financements!A4:H155, .*153-154.*155/);
  await shoot(en, 'typed-under-en-360');
  await en.close();
});

test('a column typed beside Financements: never « nothing left out »; the note lists the cells not read, the warning names them (fr, then en)', async () => {
  const wb = renderPlan(buildWorkbookPlan({ example: true, lang: 'fr' }));
  const ws = wb.getWorksheet('Financements')!;
  ws.getCell('I4').value = 'Reste (€)';
  for (let r = 5; r <= 9; r++) ws.getCell(`I${r}`).value = 1000;
  const buffer = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const page = await open('fr');
  await upload(page, buffer);
  await page.locator('[data-severity="warning"][data-count="1"]').waitFor();
  await expect(note(page).locator('p').textContent()).resolves.toBe('Lu\u00a0: 11 tableaux, 285 lignes\u00a0; à noter, 1 tableau\u00a0:');
  await expect(page.getByTestId('read-noted').locator('li').allTextContents()).resolves.toEqual(['Financements\u00a0: 147 lignes (Financements!A4:H151)\u00a0; non lu\u00a0: 6 cellules saisies hors des tableaux (I4:I9)']);
  await expect(page.getByText('Valeurs hors des tableaux, non lues').isVisible()).resolves.toBe(true);
  // What is rendered in sight (innerText leaves hidden text out): the card's title, its cell, its message.
  await expect(page.locator('body').innerText()).resolves.toMatch(/Valeurs hors des tableaux, non lues\nFinancements, cellule I5:I9\n5 valeurs \(nombres, dates ou formules\) saisies hors du tableau «\u00a0Financements\u00a0», en I5:I9, ne sont pas lues/);
  await expect(noHorizontalScroll(page)).resolves.toBe(true);
  await shoot(page, 'outside-fr-360');
  await page.close();

  const en = await open('en');
  await upload(en, buffer);
  await en.locator('[data-severity="warning"][data-count="1"]').waitFor();
  await expect(note(en).locator('p').textContent()).resolves.toBe('Read: 11 tables, 285 lines; to note, 1 table:');
  await expect(en.getByTestId('read-noted').locator('li').allTextContents()).resolves.toEqual(['Financements: 147 lines (Financements!A4:H151); not read: 6 cells typed outside the tables (I4:I9)']);
  await expect(en.locator('body').innerText()).resolves.toMatch(/\n5 values \(numbers, dates or formulas\) typed outside table "Financements", at I5:I9, are not read/);
  await en.close();
});

test('an Engagé typed as #REF! (Région 2014): the Synthèse says n.d. on its line and in the total, never its partial sum', async () => {
  const wb = renderPlan(buildWorkbookPlan({ example: true, lang: 'fr' }));
  wb.getWorksheet('Financements')!.getCell('E5').value = '#REF!';
  const page = await open('fr');
  await upload(page, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  await page.locator('[data-testid="severity-counts"]').waitFor();
  const cells = (row: string) => page.locator(`[data-testid="${row}"] td`).allTextContents();
  // Convention (hidden under 480 px), Prévu, Engagé, Versé.
  const region = await cells('synthese-region|2014');
  expect(region[2]).toBe('n.d.');
  expect(region[1]).not.toBe('n.d.');
  await expect(page.locator('[data-testid="synthese-region|2014"] td [data-na]').getAttribute('title')).resolves.toBe('montant illisible');
  const total = await cells('synthese-total');
  expect(total[2]).toBe('n.d.');
  expect(total[1]).not.toBe('n.d.');
  await expect(page.getByTestId('na-explained').isVisible()).resolves.toBe(true);
  // Another funder's line keeps its figures.
  expect((await cells('synthese-etat|2014'))[2]).not.toBe('n.d.');
  await shoot(page, 'engage-ref-fr-360');
  await page.close();
});
