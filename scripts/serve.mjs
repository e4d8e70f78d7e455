// Serves the built task pane (dist/) on https://localhost:3000 when office-addin-dev-certs made
// certificates, http://localhost:3000 otherwise. Used by `npm start` on Linux (the browser preview).
// Usage: node scripts/serve.mjs [dir] [port]
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { existsSync, readFileSync, promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? process.env.PORT ?? 3000);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml', '.map': 'application/json' };

const certDir = join(homedir(), '.office-addin-dev-certs');
const certs = ['localhost.key', 'localhost.crt'].every((f) => existsSync(join(certDir, f)))
  ? { key: readFileSync(join(certDir, 'localhost.key')), cert: readFileSync(join(certDir, 'localhost.crt')) }
  : null;

async function handle(req, res) {
  let path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  if (path === '/') path = '/taskpane.html';
  const file = normalize(join(dir, path));
  if (!file.startsWith(dir)) return res.writeHead(403).end();
  try {
    const body = await fs.readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'access-control-allow-origin': '*' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404');
  }
}

const server = certs ? createHttps(certs, handle) : createHttp(handle);
server.listen(port, '127.0.0.1', () => {
  console.log(`${certs ? 'https' : 'http'}://localhost:${port}/taskpane.html`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
