/**
 * Browser test harness: one webpack build of the task pane into a temporary folder, a static server
 * on 127.0.0.1, and Debian's Chromium driven by playwright-core with the flags this machine needs.
 */
import { createServer, type Server } from 'http';
import { mkdtempSync, promises as fs, rmSync } from 'fs';
import { tmpdir } from 'os';
import { extname, join, normalize, resolve } from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
import { toolPath } from '../helpers/tools';

/** CHROMIUM_PATH, else chromium on PATH (test/helpers/tools.ts). */
export const CHROMIUM = toolPath('chromium') ?? '/usr/bin/chromium';

/** Builds the bundle (production mode, as shipped) into a fresh folder; resolves to that folder. */
export async function buildTaskpane(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'suivi-taskpane-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(join(ROOT, 'webpack.config.js'))({}, { mode: 'production' });
  config.context = ROOT;
  config.output = { ...config.output, path: out, clean: false };
  // The page where the emulated Excel stands in for Excel: built with the pane, never shipped.
  config.entry = { ...config.entry, emulated: './test/browser/fixtures/emulated.tsx' };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const HtmlWebpackPlugin = require('html-webpack-plugin');
  config.plugins = [...config.plugins, new HtmlWebpackPlugin({ filename: 'emulated.html', template: './test/browser/fixtures/emulated.html', chunks: ['emulated'] })];
  // The test fixture lives outside src/: let the TypeScript rule see it too.
  config.module.rules[0].exclude = /node_modules/;
  config.devtool = false;
  await new Promise<void>((ok, ko) =>
    webpack(config, (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
      if (err) return ko(err);
      if (stats.hasErrors()) return ko(new Error(stats.toString({ all: false, errors: true })));
      ok();
    }),
  );
  return out;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

export interface Served {
  url: string;
  /** Paths requested so far (to see what loaded when). */
  requests: string[];
  close(): Promise<void>;
}

export async function serve(dir: string, extra: Record<string, { type: string; body: string | Buffer }> = {}): Promise<Served> {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (extra[path]) {
      res.writeHead(200, { 'content-type': extra[path].type });
      res.end(extra[path].body);
      return;
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((ok) => server.close(() => ok())) };
}

export async function launch(width = 360, height = 900): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'suivi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height },
    locale: 'fr-FR',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.on('close', () => {
    // Chromium may still be writing its profile as it exits: retry, and never fail a test over a temp folder.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      /* left for the OS to clean */
    }
  });
  return context;
}

export interface Pane {
  dist: string;
  served: Served;
  browser: BrowserContext;
}

/** One build, one server and one browser for a test file: what every browser test file starts with. */
export async function startPane(width = 360, height = 900): Promise<Pane> {
  const dist = await buildTaskpane();
  const served = await serve(dist);
  return { dist, served, browser: await launch(width, height) };
}

/**
 * The set-up every browser test file starts with, registered for the file: one build, one server
 * and one browser before its tests, closed after them. Read the fields inside the tests.
 */
export function usePane(width = 360, height = 900): Pane {
  const pane = {} as Pane;
  beforeAll(async () => {
    Object.assign(pane, await startPane(width, height));
  }, 240_000);
  afterAll(() => stopPane(pane));
  return pane;
}

export async function stopPane(p: Partial<Pane>): Promise<void> {
  await p.browser?.close();
  await p.served?.close();
  if (p.dist) rmSync(p.dist, { recursive: true, force: true });
}

/**
 * A new page of the pane at `path`, as a first-time user opens it (its stored settings cleared),
 * its JavaScript errors collected in `errors` for the test to assert none.
 */
export async function freshPage(pane: Pane, path: string, errors: WeakMap<Page, string[]>): Promise<Page> {
  const page = await pane.browser.newPage();
  const seen: string[] = [];
  page.on('pageerror', (e) => seen.push(e.message));
  errors.set(page, seen);
  await page.addInitScript(() => {
    try {
      localStorage.clear();
    } catch {
      // A document without storage of its own (a download's blob:, office.js's telemetry frame).
    }
  });
  await page.goto(`${pane.served.url}/${path}`);
  return page;
}
