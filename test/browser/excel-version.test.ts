/**
 * The task pane on an older Excel (ExcelApi 1.7: Office 2019, Mac 16.9–16.16), over the emulated
 * Excel: it says once that the tables come without drop-down lists, and a current Excel hears
 * nothing of it. One production build for the file.
 */
import type { Page } from 'playwright-core';
import { messages } from '../../src/core/i18n';
import { usePane } from './harness';
import { needs } from '../helpers/tools';

const SCREENSHOT = '/tmp/taskpane-excel-1.7-360.png';

const test = needs('chromium');
const pane = usePane(360, 900);

async function open(query: string): Promise<{ page: Page; problems: string[] }> {
  const page = await pane.browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => localStorage.clear());
  await page.goto(`${pane.served.url}/emulated.html${query}`);
  await page.locator('[data-severity="error"][data-count="1"]').waitFor();
  return { page, problems };
}

test('on ExcelApi 1.7 the pane says once that there are no drop-down lists; closed, it stays closed', async () => {
  const { page, problems } = await open('?excelApi=1.7');
  const note = page.getByTestId('excel-version-note');
  await expect(note.textContent()).resolves.toContain(messages.fr.hostLimits.noDropDowns);
  await expect(note.count()).resolves.toBe(1);
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  await note.getByRole('button', { name: messages.fr.ui.errors.dismiss }).click();
  await expect(note.count()).resolves.toBe(0);
  // A sync (and its re-render) does not bring it back.
  await page.getByRole('button', { name: /Synchroniser/ }).first().click();
  await page.locator('[data-severity="error"][data-count="1"]').waitFor();
  await expect(note.count()).resolves.toBe(0);
  expect(problems).toEqual([]);
  await page.close();
});

test('on a current Excel there is nothing to say', async () => {
  const { page, problems } = await open('');
  await expect(page.getByTestId('excel-version-note').count()).resolves.toBe(0);
  expect(problems).toEqual([]);
  await page.close();
});
