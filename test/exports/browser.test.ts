/**
 * The exports run in the browser preview too (no fs, no Node zlib): bundled for the browser as the
 * task pane would load them, they produce the same PDF, XLSX and CSV in Chromium.
 */
import { build } from 'esbuild';
import { execFileSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { chromium } from 'playwright-core';
import { tmp } from '../helpers/files';
import { needs, toolPath } from '../helpers/tools';
import { pdfFonts, plainSpaces } from './summaryFixture';

const CHROMIUM = toolPath('chromium') ?? '';
const run = needs('chromium');

const ENTRY = `
import { snapshotFromPlan } from '${join(__dirname, '../../src/core/planSnapshot')}';
import { buildWorkbookPlan } from '${join(__dirname, '../../src/core/template')}';
import { summarise } from '${join(__dirname, '../../src/core/summary')}';
import { summaryCsv } from '${join(__dirname, '../../src/exports/csv')}';
window.go = async (regular, bold) => {
  const { summary } = summarise(snapshotFromPlan(buildWorkbookPlan({ example: true, lang: 'fr' })), { asOf: new Date(Date.UTC(2016, 11, 31)) });
  const { summaryPdf } = await import('${join(__dirname, '../../src/exports/pdf')}');
  const { summaryXlsx } = await import('${join(__dirname, '../../src/exports/xlsx')}');
  const pdf = await summaryPdf(summary, { regular: new Uint8Array(regular), bold: new Uint8Array(bold) });
  return { pdf: Array.from(pdf.bytes), pages: pdf.pages, xlsx: Array.from((await summaryXlsx(summary)).slice(0, 2)), csv: new TextDecoder().decode(summaryCsv(summary)) };
};
`;

run('PDF, XLSX and CSV are produced in Chromium', async () => {
  const dir = tmp('ess-browser-');
  writeFileSync(join(dir, 'entry.js'), ENTRY);
  await build({ entryPoints: [join(dir, 'entry.js')], bundle: true, platform: 'browser', format: 'esm', outfile: join(dir, 'bundle.js'), logLevel: 'error', define: { global: 'globalThis' } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.route('http://preview.test/**', (route) => {
      const name = route.request().url().split('/').pop()!;
      const body = name === 'index.html' ? '<html><body><script type="module" src="bundle.js"></script></body></html>' : readFileSync(join(dir, name));
      return route.fulfill({ body, contentType: name.endsWith('.html') ? 'text/html' : 'text/javascript' });
    });
    await page.goto('http://preview.test/index.html');
    await page.waitForFunction(() => 'go' in window);
    const fonts = pdfFonts();
    const r = await page.evaluate(([a, b]) => (window as unknown as { go: (a: number[], b: number[]) => Promise<{ pdf: number[]; pages: number; xlsx: number[]; csv: string }> }).go(a, b), [
      Array.from(fonts.regular as Uint8Array),
      Array.from(fonts.bold as Uint8Array),
    ]);
    expect(r.pages).toBeLessThanOrEqual(3);
    expect(String.fromCharCode(...r.xlsx)).toBe('PK');
    expect(r.csv).toContain('Convention;2014;Région;;;;fixé;2387500,00;');
    expect(r.csv).toContain('EXEMPLE FICTIF');
    const pdf = join(dir, 'browser.pdf');
    writeFileSync(pdf, Buffer.from(r.pdf));
    if (existsSync('/usr/bin/pdftotext')) expect(plainSpaces(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }))).toContain('1 085 200,00 €');
  } finally {
    await browser.close();
  }
}, 240_000);
