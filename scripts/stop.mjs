// npm stop: ends what `npm start` started (office-addin-debugging on Windows/macOS, the preview
// server elsewhere), by the process id it recorded for this checkout (preview-files.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PID_FILE, ROOT as root } from './preview-files.mjs';

if (process.platform === 'win32' || process.platform === 'darwin') {
  try {
    createRequire(join(root, 'package.json')).resolve('office-addin-debugging/package.json');
    const r = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['office-addin-debugging', 'stop', 'manifest.xml'], { cwd: root, stdio: 'inherit' });
    process.exit(r.status ?? 1);
  } catch {
    // Not installed: only the preview server can be running.
  }
}

if (!existsSync(PID_FILE)) {
  console.log("Aucun aperçu en cours.");
  process.exit(0);
}
const { pid, port } = JSON.parse(readFileSync(PID_FILE, 'utf8'));
try {
  process.kill(pid, 'SIGTERM');
  console.log(`Aperçu arrêté (port ${port}).`);
} catch {
  console.log('Aperçu déjà arrêté.');
}
rmSync(PID_FILE, { force: true });
