/** What the browser groups of the bench share: dist/ served by scripts/serve.mjs, and Debian's Chromium with the flags this machine needs. */
import { spawn, type ChildProcess } from 'child_process';
import { join } from 'path';
import type { Browser } from 'playwright-core';

/** Serves `dist` on `port`; resolves once the server says it listens. */
export async function servePane(root: string, dist: string, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, [join(root, 'scripts/serve.mjs'), dist, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((r) => server.stdout!.once('data', r));
  return server;
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
