/**
 * Group 6: the preview's time to open a workbook in headless Chromium, on the production build of
 * dist/ the task pane group just made: from the file input's change event to the pane showing the
 * file's name and its findings (read by the streaming reader in the browser, checked, rendered).
 * The example (about 40 KB) and a workbook of 10 000 financing lines (1 000 with BENCH_SIZE=small);
 * the first opening of a page also fetches the reader's chunk (cold), the next five do not (warm:
 * their median is the figure).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildWorkbookPlan } from '../src/core/template';
import { renderPlan } from '../src/hosts/xlsx/workbook';
import { writeBigWorkbook } from './bigWorkbook';
import type { BenchGroup } from './types';
import { launchChromium, servePane } from './chromium';

const RUNS = 5;

export async function bench({ root, small }: { root: string; small: boolean }): Promise<BenchGroup> {
  const example = join(tmpdir(), 'ess-bench-preview-exemple.xlsx');
  writeFileSync(example, Buffer.from((await renderPlan(buildWorkbookPlan({ example: true, lang: 'fr' })).xlsx.writeBuffer()) as ArrayBuffer));
  const lines = small ? 1_000 : 10_000;
  const big = join(tmpdir(), `ess-bench-preview-${lines}.xlsx`);
  await writeBigWorkbook(lines, big);
  const files = [
    { label: `example (${(statSync(example).size / 1024).toFixed(0)} KB)`, path: example },
    { label: `${lines.toLocaleString('en')} financing lines (${(statSync(big).size / 1024).toFixed(0)} KB)`, path: big },
  ];
  const value: Record<string, { bytes: number; coldMs: number; warmMedianMs: number; runsMs: number[] }> = {};
  const rows: [string, string, string][] = [];
  if (!existsSync('/usr/bin/chromium')) return { key: 'previewOpen', value: null, rows: [['preview opening (Chromium)', 'n/a', 'no /usr/bin/chromium']] };

  const server = await servePane(root, join(root, 'dist'), 3918);
  const browser = await launchChromium();
  try {
    for (const f of files) {
      const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
      await page.goto('http://localhost:3918/taskpane.html', { waitUntil: 'load' });
      await page.locator('#xlsx-file').waitFor({ state: 'attached' });
      const buffer = readFileSync(f.path);
      const times: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        const name = `classeur-${i}.xlsx`;
        // Timed in the page: the input's change event, then the first moment the pane shows the file and its findings.
        await page.evaluate((n) => {
          const w = window as unknown as { benchOpen: { start?: number; end?: number } };
          w.benchOpen = {};
          const input = document.querySelector('#xlsx-file')!;
          input.addEventListener('change', () => (w.benchOpen.start = performance.now()), { capture: true, once: true });
          const seen = () => {
            const source = document.querySelector('[data-testid="preview-source"]');
            if (w.benchOpen.start !== undefined && w.benchOpen.end === undefined && source?.textContent?.includes(n) && document.querySelector('[data-severity]')) {
              w.benchOpen.end = performance.now();
              observer.disconnect();
            }
          };
          const observer = new MutationObserver(seen);
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }, name);
        await page.locator('#xlsx-file').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
        await page.waitForFunction(() => (window as unknown as { benchOpen: { end?: number } }).benchOpen.end !== undefined, undefined, { timeout: 120_000 });
        times.push(await page.evaluate(() => {
          const t = (window as unknown as { benchOpen: { start: number; end: number } }).benchOpen;
          return t.end - t.start;
        }));
      }
      await page.close();
      const warm = times.slice(1).sort((a, b) => a - b);
      const median = warm[Math.floor(warm.length / 2)];
      value[f.label] = { bytes: buffer.length, coldMs: times[0], warmMedianMs: median, runsMs: times.map((t) => Math.round(t)) };
      rows.push([`preview opens ${f.label}`, `${median.toFixed(0)} ms`, `median of ${RUNS} (first, reader chunk fetched: ${times[0].toFixed(0)} ms)${/example/.test(f.label) ? '; target ≤ 150 ms' : ''}`]);
    }
  } finally {
    await browser.close();
    server.kill();
  }
  return { key: 'previewOpen', value, rows };
}
