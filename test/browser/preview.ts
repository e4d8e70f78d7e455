/**
 * The preview as the browser tests drive it: the pane opened at a situation date, a workbook file
 * opened in it, and what it shows set beside what the CLI finds on the same file.
 */
import { readFileSync } from 'fs';
import type { Page } from 'playwright-core';
import { cli } from '../helpers/cli';
import type { Pane } from './harness';

export async function openPane(pane: Pane, asOf: string): Promise<{ page: Page; errors: string[] }> {
  const page = await pane.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${pane.served.url}/taskpane.html`);
  await page.getByRole('button', { name: 'Charger l’exemple' }).waitFor();
  await page.getByRole('tab', { name: 'Paramètres' }).click();
  await page.getByLabel('Date de situation').fill(asOf);
  return { page, errors };
}

/** What the CLI finds: findings per rule, and the three counts. */
export async function cliFindings(file: string, asOf: string) {
  const r = await cli('check', file, '--format', 'json', '--as-of', asOf);
  expect(r.err).toBe('');
  const json = JSON.parse(r.out) as { summary: { errors: number; warnings: number; infos: number }; findings: { rule: string }[] };
  const rules: Record<string, number> = {};
  for (const f of json.findings) rules[f.rule] = (rules[f.rule] ?? 0) + 1;
  return { counts: { error: json.summary.errors, warning: json.summary.warnings, info: json.summary.infos }, rules };
}

/** What the preview shows after opening the file: the findings per rule, and the three badges. */
export async function previewFindings(page: Page, file: string) {
  const name = file.split('/').pop()!;
  await page.getByRole('tab', { name: 'Contrôles' }).click();
  await page.locator('#xlsx-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: readFileSync(file) });
  await page.getByTestId('preview-source').filter({ hasText: name }).waitFor();
  await page.locator('[data-severity="error"]').waitFor();
  const counts = Object.fromEntries(await page.locator('[data-severity]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-severity'), Number(e.getAttribute('data-count'))])));
  const rules = Object.fromEntries(await page.locator('[data-rule]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-rule'), e.querySelectorAll('li').length])));
  return { counts, rules };
}

