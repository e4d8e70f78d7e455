// Where `npm start` records the preview server it started, and its log: per checkout (the
// checkout's path, hashed, in the name), so that one checkout's start or stop never ends the
// server of another (worktrees, two clones side by side).
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const tag = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
export const PID_FILE = join(tmpdir(), `suivi-ces-ess-preview-${tag}.json`);
export const LOG_FILE = join(tmpdir(), `suivi-ces-ess-preview-${tag}.log`);
