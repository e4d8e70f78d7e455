/**
 * The CLI starts from the code cache its build made (bin/run-bundle.js): used when it was made for
 * this very bundle, never for another one, and the answers are the same either way.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '../..');
const run = (bin: string, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ESS_DEBUG: '1' } });

let book: string;
let dir: string;
beforeAll(() => {
  spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
  // Inside the repository (its /tmp/ is ignored by git), so that a copy of the program finds node_modules.
  mkdirSync(join(root, 'tmp'), { recursive: true });
  dir = mkdtempSync(join(root, 'tmp', 'code-cache-'));
  book = join(dir, 'exemple.xlsx');
  expect(run(join(root, 'bin/ess-budget.js'), 'init', book, '--example').status).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the build made a code cache for its bundle, and the command starts from it', () => {
  const r = run(join(root, 'bin/ess-budget.js'), '--version');
  expect(r.status).toBe(0);
  expect(r.stderr).toContain('ess-budget : cache de code utilisé');
});

test('a cache made for another build of the same length is not used, and the answers are the same', () => {
  // A copy of the program whose bundle differs by one character (V8 itself compares only the length).
  const copy = join(dir, 'program');
  mkdirSync(join(copy, 'bin'), { recursive: true });
  mkdirSync(join(copy, 'dist/cli'), { recursive: true });
  for (const f of ['bin/ess-budget.js', 'bin/run-bundle.js', 'dist/cli/ess-budget.cache']) copyFileSync(join(root, f), join(copy, f));
  const source = readFileSync(join(root, 'dist/cli/ess-budget.js'), 'utf8');
  expect(source).toContain('// src/cli/index.ts');
  writeFileSync(join(copy, 'dist/cli/ess-budget.js'), source.replace('// src/cli/index.ts', '// src/cli/index.TS'));
  const other = run(join(copy, 'bin/ess-budget.js'), 'check', book, '--format', 'json');
  expect(other.stderr).toContain('ess-budget : cache de code fait pour une autre construction');
  const own = run(join(root, 'bin/ess-budget.js'), 'check', book, '--format', 'json');
  expect(own.stderr).toContain('ess-budget : cache de code utilisé');
  expect([other.status, other.stdout]).toEqual([own.status, own.stdout]);
  expect(JSON.parse(own.stdout).summary).toMatchObject({ errors: 0 });
});
