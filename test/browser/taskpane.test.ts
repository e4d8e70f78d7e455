/**
 * The task pane in Chromium: outside Office (the browser preview), and over the emulated Excel
 * standing in for Excel. What a user sees and does. One production build for the whole file.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';
import type { Page } from 'playwright-core';
import { buildWorkbookPlan } from '../../src/core/template';
import { renderPlan } from '../../src/hosts/xlsx/workbook';
import { usePane } from './harness';
import { needs } from '../helpers/tools';

const test = needs('chromium');

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SCREENSHOT = '/tmp/taskpane-360.png';

const pane = usePane(360, 900);

/**
 * Each test starts from the default settings (French). Runs in every frame: office.js, outside
 * Office, frames Microsoft's telemetry page, which the policy blocks, leaving a frame with no storage.
 */
function clearSettings(): void {
  try {
    localStorage.clear();
  } catch {
    // That blocked frame: nothing stored there.
  }
}

async function openPane(): Promise<Page> {
  const page = await pane.browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // One browser profile for the file: each test starts from the default settings (French).
  await page.addInitScript(clearSettings);
  (page as unknown as { problems: string[] }).problems = problems;
  await page.goto(`${pane.served.url}/taskpane.html`);
  await page.getByRole('button', { name: 'Charger l’exemple' }).waitFor();
  return page;
}

async function loadExample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Charger l’exemple' }).click();
  await page.locator('[data-severity="error"]').waitFor();
}

/** The example workbook as a user's .xlsx, with 1 € more in Région's Axe 1 participation for 2014. */
async function editedWorkbook(): Promise<Buffer> {
  const wb = renderPlan(buildWorkbookPlan({ example: true, lang: 'fr' }));
  const ws = wb.getWorksheet('Participations 2014')!;
  ws.getCell('B5').value = (ws.getCell('B5').value as number) + 1;
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.locator('#xlsx-file').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
}

test('the first download stays under 300 KB gzipped and leaves ExcelJS for later', () => {
  const html = readFileSync(join(pane.dist, 'taskpane.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]).filter((s) => !s.startsWith('http') && !s.includes('office-js/') && s !== 'office-loader.js');
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.some((s) => /exceljs/.test(s))).toBe(false);
  const gz = scripts.reduce((n, s) => n + gzipSync(readFileSync(join(pane.dist, s))).length, 0);
  expect(gz).toBeLessThanOrEqual(300 * 1024);
  // office.js is never bundled: the page loads it by <script>, from the CDN only inside Office.
  const loader = readFileSync(join(pane.dist, 'office-loader.js'), 'utf8');
  expect(loader).toContain('office-js/office.js');
  expect(loader).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  expect(scripts.every((s) => !readFileSync(join(pane.dist, s), 'utf8').includes('OSF.OUtil'))).toBe(true);
});

test('the preview opens on an empty workbook with one first-run choice: open a workbook, or the example, or a blank one', async () => {
  const page = await openPane();
  await expect(page.getByRole('heading', { name: 'Pour commencer' }).isVisible()).resolves.toBe(true);
  await expect(page.getByRole('button', { name: 'Ouvrir un classeur .xlsx' }).isVisible()).resolves.toBe(true);
  await expect(page.getByRole('button', { name: 'Créer un classeur vide' }).isVisible()).resolves.toBe(true);
  // Nothing asked for a workbook yet: ExcelJS has not been downloaded.
  expect(pane.served.requests.some((r) => /exceljs/.test(r))).toBe(false);
  await page.close();
});

test('the embedded example shows 0 errors and every funder and year conforming', async () => {
  const page = await openPane();
  await loadExample(page);
  const counts = await page.locator('[data-severity]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-severity'), e.textContent]));
  expect(counts).toEqual([
    ['error', '0 erreur'],
    ['warning', '0 avertissement'],
    ['info', '0 information'],
  ]);
  await expect(page.getByTestId('no-findings').textContent()).resolves.toBe('Aucun écart\u00a0: le classeur respecte la convention.');
  // The compact grid: three funders by three years, a mark and the gap; the amounts behind a detail.
  const cells = page.locator('td[data-testid^="conformity-"]');
  expect(await cells.count()).toBe(9);
  expect(await cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(Array(9).fill('conform'));
  expect(await page.locator('[data-testid="conformity-grid"] th').allTextContents()).toEqual(['Financeur', '2014', '2015', '2016', 'Région', 'État', 'CDC']);
  await expect(page.getByTestId('conformity-region|2014').textContent()).resolves.toMatch(/^✓0,00\s€$/);
  await expect(page.getByTestId('conformity-region|2014').getAttribute('title')).resolves.toMatch(/^Région 2014\s:\sConforme\s;\sconvention 2\s387\s500,00\s€, participations 2\s387\s500,00\s€, écart 0,00\s€$/);
  await page.getByRole('button', { name: 'Montants par financeur et par année' }).click();
  await expect(page.getByTestId('amounts-region|2014').textContent()).resolves.toMatch(/Région 2014.*2\s387\s500,00\s€/);
  await expect(page.getByText(/^Situation au \d\d\/\d\d\/\d{4}$/).isVisible()).resolves.toBe(true);
  expect(pane.served.requests.some((r) => /exceljs/.test(r))).toBe(false);
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  expect((page as unknown as { problems: string[] }).problems).toEqual([]);
  await page.close();
});

test('an edited workbook shows its finding, and Enter on the finding shows and announces its cell', async () => {
  const page = await openPane();
  await upload(page, 'budget-plus-1.xlsx', await editedWorkbook());
  await page.locator('[data-severity="error"][data-count="1"]').waitFor();
  await expect(page.getByTestId('preview-source').textContent()).resolves.toBe('Classeur\u00a0: budget-plus-1.xlsx');
  // The file is read by the CLI's own streaming reader, which came on demand with it: never ExcelJS.
  expect(pane.served.requests.some((r) => /xlsx-reader/.test(r))).toBe(true);
  expect(pane.served.requests.some((r) => /exceljs/.test(r))).toBe(false);
  const region = page.getByTestId('conformity-region|2014');
  await expect(region.getAttribute('data-state')).resolves.toBe('gap');
  await expect(region.textContent()).resolves.toMatch(/\+1,00\s€/);
  await expect(region.getByRole('img').getAttribute('aria-label')).resolves.toBe('Non conforme');

  const finding = page.locator('[data-rule="convention.total-mismatch"] button');
  await expect(finding.textContent()).resolves.toMatch(/Participations 2014, cellule B5:B8.*2\s387\s501,00\s€.*écart \+1,00\s€/);
  // The rule's French title and its article; its id kept in a tooltip (issue 21: no jargon under every title).
  await expect(page.locator('[data-rule="convention.total-mismatch"] h4').innerText()).resolves.toBe('Participations différentes de la convention\nConvention\u00a0: Art. 3');
  await expect(page.locator('[data-rule="convention.total-mismatch"] h4').getAttribute('title')).resolves.toMatch(/convention\.total-mismatch/);

  await finding.focus();
  await page.keyboard.press('Enter');
  // The whole range B5:B8 is highlighted; its first cell is the one announced.
  const selected = page.locator('[data-testid="preview-grid"] td[aria-current="true"]').first();
  await selected.waitFor();
  await expect(selected.getAttribute('data-address')).resolves.toBe('B5');
  await expect(selected.textContent()).resolves.toMatch(/537\s501/);
  await expect(page.getByTestId('selection-status').textContent()).resolves.toMatch(/^Feuille Participations 2014, cellule B5:B8 sélectionnée\s: 537\s501\.$/);
  await expect(finding.getAttribute('aria-current')).resolves.toBe('true');

  // At 320 px, the narrowest task pane, nothing runs off the side.
  await page.setViewportSize({ width: 320, height: 700 });
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
  await page.close();
});

test('at 360 px with one error, its finding comes before the grid and shows on the first screen (900 px), without scrolling', async () => {
  const page = await openPane();
  await upload(page, 'budget-plus-1.xlsx', await editedWorkbook());
  await page.locator('[data-severity="error"][data-count="1"]').waitFor();
  const finding = page.locator('[data-rule="convention.total-mismatch"] button');
  await expect(page.evaluate(() => window.scrollY)).resolves.toBe(0);
  const box = (await finding.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(900);
  await expect(finding.evaluate((el) => document.elementFromPoint(el.getBoundingClientRect().x + 5, el.getBoundingClientRect().y + 5)?.closest('button') === el)).resolves.toBe(true);
  // What is wrong first: the findings, then the grid, compact (four lines, where 27 lines stood before).
  const grid = (await page.getByTestId('conformity-grid').boundingBox())!;
  expect(grid.y).toBeGreaterThan(box.y);
  expect(grid.height).toBeLessThanOrEqual(160);
  await page.screenshot({ path: '/tmp/taskpane-360-one-error.png' });
  await page.close();
});

test('a contract table turned into a plain range is offered back, and restoring it clears the error', async () => {
  const wb = renderPlan(buildWorkbookPlan({ example: true, lang: 'fr' }));
  // A copy-paste of values, say: the data stays, the Excel table is gone.
  wb.getWorksheet('Avenants')!.removeTable('Avenants');
  const page = await openPane();
  await upload(page, 'sans-tableau.xlsx', Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  await page.locator('[data-rule="workbook.table-missing"]').waitFor();
  await expect(page.locator('[data-rule="workbook.table-missing"] button').textContent()).resolves.toMatch(/Avenants/);
  await page.getByRole('button', { name: 'Restaurer les tableaux' }).click();
  await page.locator('[data-severity="error"][data-count="0"]').waitFor();
  await expect(page.getByRole('button', { name: 'Restaurer les tableaux' }).count()).resolves.toBe(0);
  await page.close();
});

test('a file that is not a workbook gets a message that says what to do next', async () => {
  const page = await openPane();
  await upload(page, 'notes.xlsx', Buffer.from('ceci n’est pas un classeur'));
  const alert = page.getByRole('alert');
  await alert.waitFor();
  await expect(alert.textContent()).resolves.toMatch(/notes\.xlsx n’a pas pu être lu .*Choisissez un classeur \.xlsx enregistré par Excel\./);
  await page.getByRole('button', { name: 'Fermer' }).click();
  await expect(page.getByRole('alert').count()).resolves.toBe(0);
  await page.close();
});

test('settings switch the pane and the findings to English, and the as-of date to the one chosen', async () => {
  const page = await openPane();
  await upload(page, 'budget-plus-1.xlsx', await editedWorkbook());
  await page.locator('[data-severity="error"][data-count="1"]').waitFor();
  await page.getByRole('tab', { name: 'Paramètres' }).click();
  await page.getByLabel('Date de situation').fill('2015-12-31');
  await page.getByLabel('Langue').selectOption('en');
  await page.getByRole('tab', { name: 'Checks' }).click();
  await page.getByText('Position at 2015-12-31').waitFor();
  await page.getByText(/the participations by axis add up to €2,387,501\.00/).waitFor();
  await expect(page.locator('[data-severity="error"]').textContent()).resolves.toBe('1 error');
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
  await page.close();
});

describe('security', () => {
  test('the page allows only its own origin and Office\'s script, and nothing breaks that policy', async () => {
    const html = readFileSync(join(pane.dist, 'taskpane.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(html).not.toMatch(/<script>/);
    const page = await pane.browser.newPage();
    await page.addInitScript(() => {
      // Default settings (French), whatever earlier tests chose.
      localStorage.clear();
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${pane.served.url}/taskpane.html`);
    await loadExample(page);
    // Outside Office, office.js tries to frame Microsoft's telemetry service: the policy blocks it,
    // by design. Nothing of the add-in's own may be blocked.
    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    expect(violations.filter((v) => !/^frame-src https:\/\/telemetryservice\./.test(v))).toEqual([]);
    await page.close();
  });

  test('the add-in sends nothing outside its own origin', async () => {
    const page = await pane.browser.newPage();
    await page.addInitScript(clearSettings);
    const elsewhere: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (!url.startsWith(pane.served.url) && !url.startsWith('data:') && !url.startsWith('blob:')) elsewhere.push(url);
      return route.continue();
    });
    await page.goto(`${pane.served.url}/taskpane.html`);
    await loadExample(page);
    await upload(page, 'modifie.xlsx', await editedWorkbook());
    await page.locator('[data-severity="error"]').first().waitFor();
    expect(elsewhere).toEqual([]);
    await page.close();
  });
});

describe('accessibility (axe, WCAG 2.1 AA)', () => {
  const check = async (page: Page) => {
    // Fluent's focus manager (Tabster) puts aria-hidden <i tabindex=0> guards around the tab list and
    // accordions; a guard hands the focus on at once, so no one lands on it: axe cannot know that.
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG).exclude('[data-tabster-dummy]').analyze();
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };

  test('no violation on the empty workbook, the findings, the settings, and in high contrast', async () => {
    const page = await openPane();
    expect(await check(page)).toEqual([]);
    await upload(page, 'budget-plus-1.xlsx', await editedWorkbook());
    await page.locator('[data-severity="error"][data-count="1"]').waitFor();
    await page.locator('[data-rule="convention.total-mismatch"] button').click();
    await page.locator('[data-testid="preview-grid"]').waitFor();
    expect(await check(page)).toEqual([]);
    await page.emulateMedia({ forcedColors: 'active' });
    expect(await check(page)).toEqual([]);
    await page.emulateMedia({ forcedColors: 'none' });
    await page.getByRole('tab', { name: 'Paramètres' }).click();
    expect(await check(page)).toEqual([]);
    await page.close();
  });

  test('keyboard only: Tab reaches the example button, Enter loads it, the tabs answer the arrow keys', async () => {
    const page = await openPane();
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent === 'Charger l’exemple');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('[data-severity="error"][data-count="0"]').waitFor();
    await page.getByRole('tab', { name: 'Contrôles' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: 'Rapprochement' }).getAttribute('aria-selected')).resolves.toBe('true');
    await page.close();
  });
});

describe('over the emulated Excel (the production Office host)', () => {
  type Excel = {
    sheets(): string[];
    activeSheet(): string | null;
    selection(): { sheet: string; address: string } | null;
    roundTrips(): number;
    host: { lastRoundTrips: number };
    tableValues(name: string): Promise<unknown[][] | null>;
  };

  async function openEmulated(): Promise<Page> {
    const page = await pane.browser.newPage();
    await page.addInitScript(clearSettings);
    await page.goto(`${pane.served.url}/emulated.html`);
    // Opening the pane reads and checks, and writes nothing.
    await page.locator('[data-severity="error"][data-count="1"]').waitFor();
    return page;
  }

  test('opening reads without writing; Synchroniser writes the Contrôles sheet in 2 round trips', async () => {
    const page = await openEmulated();
    const excel = () => page.evaluate(() => {
      const x = (window as unknown as { __excel: Excel }).__excel;
      return { sheets: x.sheets(), trips: x.roundTrips() };
    });
    expect((await excel()).sheets).not.toContain('Contrôles');
    const before = (await excel()).trips;

    await page.getByRole('button', { name: 'Synchroniser' }).click();
    await page.waitForFunction(() => (window as unknown as { __excel: Excel }).__excel.sheets().includes('Contrôles'));
    await page.locator('button:not([disabled]):not([aria-disabled="true"])', { hasText: 'Synchroniser' }).waitFor();
    // The sync itself: one round trip to read, one to write. (The table-event handler's own
    // look-ups of tables it has not met yet come on top: they are not part of the sync.)
    expect(await page.evaluate(() => (window as unknown as { __excel: Excel }).__excel.host.lastRoundTrips)).toBe(2);
    expect((await excel()).trips - before).toBeGreaterThanOrEqual(2);

    const rows = (await page.evaluate(() => (window as unknown as { __excel: Excel }).__excel.tableValues('Controles'))) as unknown[][];
    expect(rows.find((r) => String(r[1]).endsWith('(convention.total-mismatch)'))).toEqual([
      'Erreur',
      'Participations différentes de la convention (convention.total-mismatch)',
      'Art. 3',
      expect.stringMatching(/^Région 2014\s: les participations par axe totalisent 2\s387\s501,00\s€/),
      'Participations 2014',
      'B5:B8',
    ]);
    await page.close();
  });

  test('a language switch re-words the findings and the grid without asking Excel anything', async () => {
    const page = await openEmulated();
    await page.getByRole('button', { name: 'Synchroniser' }).click();
    await page.waitForFunction(() => (window as unknown as { __excel: Excel }).__excel.sheets().includes('Contrôles'));
    await page.locator('button:not([disabled]):not([aria-disabled="true"])', { hasText: 'Synchroniser' }).waitFor();
    const trips = () => page.evaluate(() => (window as unknown as { __excel: Excel }).__excel.roundTrips());
    const before = await trips();
    await page.getByRole('tab', { name: 'Paramètres' }).click();
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('tab', { name: 'Checks' }).click();
    await page.getByText(/the participations by axis add up to €2,387,501\.00/).waitFor();
    await expect(page.locator('[data-severity="error"]').textContent()).resolves.toBe('1 error');
    await expect(page.getByTestId('conformity-grid').textContent()).resolves.toMatch(/\+€1\.00/);
    // Neither a read nor a check: the stored analysis, worded again.
    await new Promise((r) => setTimeout(r, 300));
    expect(await trips()).toBe(before);
    await page.close();
  });

  test('a click on a finding activates its sheet and selects its cells in Excel', async () => {
    const page = await openEmulated();
    await page.locator('[data-rule="convention.total-mismatch"] button').click();
    await page.waitForFunction(() => (window as unknown as { __excel: Excel }).__excel.selection() !== null);
    const state = await page.evaluate(() => {
      const x = (window as unknown as { __excel: Excel }).__excel;
      return { active: x.activeSheet(), selection: x.selection() };
    });
    expect(state).toEqual({ active: 'Participations 2014', selection: { sheet: 'Participations 2014', address: 'B5:B8' } });
    // Excel has no preview grid: the pane shows none.
    await expect(page.getByTestId('preview-grid').count()).resolves.toBe(0);
    await page.close();
  });

  test('no WCAG 2.1 AA violation in the pane as it shows inside Excel', async () => {
    const page = await openEmulated();
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG).exclude('[data-tabster-dummy]').analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
    await page.close();
  });
});
