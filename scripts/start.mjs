// npm start. Windows and macOS: sideload the add-in into Excel desktop with office-addin-debugging
// (the Yeoman template's way). Linux, where Excel desktop does not exist ("platform not supported"):
// build the task pane and serve the browser preview in the background; `npm stop` stops it.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { LOG_FILE, PID_FILE, ROOT as root } from './preview-files.mjs';

const require = createRequire(join(root, 'package.json'));
const port = Number(process.env.PORT ?? 3000);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function has(pkg) {
  try {
    require.resolve(`${pkg}/package.json`);
    return true;
  } catch {
    return false;
  }
}

if (process.platform === 'win32' || process.platform === 'darwin') {
  if (!has('office-addin-debugging')) {
    // An optional dependency (package.json): npm leaves it out when keytar, deep in its tree, could
    // neither download its prebuilt binary nor build (no network to GitHub, no compiler).
    console.log(`office-addin-debugging n'est pas installé (dépendance optionnelle : npm l'a écartée, keytar n'ayant pu être installé).
  Pour réessayer : npm install office-addin-debugging (le détail de l'échec s'affiche)
  Ou à la main : npm run dev-server, puis dans Excel Insertion > Compléments > Charger mon complément > manifest.xml.`);
    process.exit(1);
  }
  // Excel desktop loads the pane from https://localhost:3000 only with a trusted certificate
  // (the webpack dev server picks up these files); the first time, the system asks to trust it.
  if (!existsSync(join(homedir(), '.office-addin-dev-certs', 'localhost.crt'))) {
    const certs = spawnSync(npx, ['office-addin-dev-certs', 'install'], { cwd: root, stdio: 'inherit' });
    if (certs.status !== 0) {
      console.error('Certificat de développement non installé (npx office-addin-dev-certs install pour réessayer).');
      process.exit(1);
    }
  }
  const r = spawnSync(npx, ['office-addin-debugging', 'start', 'manifest.xml', 'desktop', '--app', 'excel'], { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

// Linux (and anything else): the browser preview.
if (existsSync(PID_FILE)) spawnSync(process.execPath, [join(root, 'scripts/stop.mjs')], { stdio: 'inherit' });
const build = spawnSync(npx, ['webpack', '--mode', 'production'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  console.error('La construction du volet a échoué (npx webpack --mode production pour le détail).');
  process.exit(1);
}
const logFile = LOG_FILE;
const log = openSync(logFile, 'w');
const child = spawn(process.execPath, [join(root, 'scripts/serve.mjs'), join(root, 'dist'), String(port)], { cwd: root, detached: true, stdio: ['ignore', log, log] });
child.unref();
closeSync(log);
writeFileSync(PID_FILE, JSON.stringify({ pid: child.pid, port }));

// Wait for the server's first line: its URL (or an error such as a port in use).
const deadline = Date.now() + 10_000;
let url = '';
while (Date.now() < deadline) {
  const text = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  if (/^https?:\/\//m.test(text)) {
    url = text.trim().split('\n')[0];
    break;
  }
  if (/Error|EADDRINUSE/.test(text)) {
    console.error(`Le serveur d'aperçu n'a pas démarré : ${text.split('\n').find((l) => /Error/.test(l)) ?? text}`);
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 100));
}
if (!url) {
  console.error(`Le serveur d'aperçu ne répond pas (journal : ${logFile}).`);
  process.exit(1);
}
console.log(`Excel desktop n'existe pas sous Linux : aperçu du volet dans le navigateur.
  ${url}
Arrêt : npm stop`);
