/**
 * Group 5: the task pane's initial JavaScript (gzipped) and the preview's time to first paint in
 * headless Chromium, on a fresh production build of dist/.
 */
import { execFileSync } from 'child_process';
import { launchChromium, servePane } from './chromium';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';
import type { BenchGroup } from './types';

export async function bench({ root }: { root: string }): Promise<BenchGroup> {
  const dist = join(root, 'dist');
  // Always a fresh production build: a dist/ left from an older checkout would measure old code.
  execFileSync(process.execPath, [join(root, 'node_modules/webpack/bin/webpack.js'), '--mode', 'production'], { cwd: root, stdio: 'ignore' });
  const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
  // The scripts the page loads at once: bundles named in the HTML (office.js is Microsoft's, not ours).
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1].replace(/^\//, '')).filter((s) => !/office\.js$/.test(s) && existsSync(join(dist, s)));
  const gzBytes = scripts.reduce((n, s) => n + gzipSync(readFileSync(join(dist, s))).length, 0);

  let firstPaintMs: number | null = null;
  if (existsSync('/usr/bin/chromium')) {
    const server = await servePane(root, dist, 3917);
    const browser = await launchChromium();
    try {
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
        await page.goto('http://localhost:3917/taskpane.html', { waitUntil: 'load' });
        await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 15_000 });
        runs.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime));
        await page.close();
      }
      firstPaintMs = [...runs].sort((a, b) => a - b)[2];
    } finally {
      await browser.close();
      server.kill();
    }
  }
  return {
    key: 'taskpane',
    value: { initialScripts: scripts, initialJsGzipBytes: gzBytes, firstContentfulPaintMs: firstPaintMs, target: '≤ 300 KB gzipped' },
    rows: [
      ['task pane initial JS, gzipped', `${(gzBytes / 1024).toFixed(1)} KB`, 'target ≤ 300 KB'],
      ['preview first contentful paint (Chromium)', firstPaintMs === null ? 'n/a' : `${firstPaintMs.toFixed(0)} ms`, 'median of 5'],
    ],
  };
}
