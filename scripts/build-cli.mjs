// Bundles the CLI (core + .xlsx host) into one file: fast start, no TypeScript at run time.
import { build } from 'esbuild';
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

/**
 * Libraries that `check` rarely or never calls (JSZip: native charts and patched packages; iconv-lite
 * and papaparse: ledgers and CSV; decimal.js: the few amounts that are not plain cents) are loaded
 * from node_modules on first use instead of at start: together about 70 ms of CPU at every start,
 * a tenth of a 100 000-line check (profile, issue 22).
 * ajv and its French messages (issue 23) serve `profile validate` and profiles read from a file only:
 * a third of the bundle's size otherwise.
 * Each import gets a stand-in that requires the library the first time anything of it is used.
 */
const LAZY = /^(jszip|iconv-lite|papaparse|decimal.js|ajv|ajv-i18n\/localize\/fr)$/;
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(b) {
    b.onResolve({ filter: LAZY }, (args) => (args.namespace === 'lazy' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      loader: 'js',
      contents: `let m;
const load = () => (m ??= require(${JSON.stringify(args.path)}));
// A function, so that the library can be called or constructed (new JSZip()) as well as read from.
module.exports = new Proxy(function lazy() {}, {
  // Asked by the bundle's import helper: answered without loading (these are CommonJS modules).
  get: (_, k) => (k === '__esModule' ? undefined : load()[k]),
  has: (_, k) => k in load(),
  apply: (_, self, args) => Reflect.apply(load(), self, args),
  construct: (_, args) => Reflect.construct(load(), args),
});
`,
    }));
  },
};

const built = await build({
  entryPoints: ['src/cli/index.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: 'dist/cli/ess-budget.js',
  // pdfkit reads its own data files next to its code: it must stay in node_modules. xmldom serves
  // only the writing code (close, reopen: loaded on first write): required from node_modules then, it
  // is no longer a quarter of the bundle every start reads and parses (912 → 688 KB; blank check: CPU
  // ratio 0.956 on 20 pairs, issue 22).
  external: ['exceljs', 'yauzl', 'pdfkit', '@xmldom/xmldom'],
  plugins: [lazyLibraries],
  sourcemap: true,
  logLevel: 'warning',
  write: false,
});

// Written only when changed, beside then renamed: the tests build side by side while others run the
// program, which must never read half a bundle (nor lose a cache made for the same one).
for (const f of built.outputFiles) {
  if (existsSync(f.path) && readFileSync(f.path).equals(f.contents)) continue;
  mkdirSync(dirname(f.path), { recursive: true });
  writeFileSync(`${f.path}.${process.pid}.tmp`, f.contents);
  renameSync(`${f.path}.${process.pid}.tmp`, f.path);
}

/**
 * The bundle's code cache (bin/run-bundle.js), made by one check of the example: the command users
 * run most, and the functions every other command's reading shares. A build that cannot make it
 * still works (the bundle is then compiled at each start), and says so.
 */
const BUNDLE = 'dist/cli/ess-budget.js';
const CACHE = 'dist/cli/ess-budget.cache';
const sha = createHash('sha256').update(readFileSync(BUNDLE, 'utf8')).update(process.version).digest();
/** Whether the cache was made for this very bundle and Node (bin/run-bundle.js writes their SHA-256 first). */
const cacheFits = () => existsSync(CACHE) && readFileSync(CACHE).subarray(0, sha.length).equals(sha);
if (!cacheFits()) {
  const dir = mkdtempSync(join(tmpdir(), 'ess-code-cache-'));
  try {
    const book = join(dir, 'exemple.xlsx');
    const run = (args, env = {}) => spawnSync(process.execPath, ['bin/ess-budget.js', ...args], { env: { ...process.env, ...env }, stdio: 'ignore' });
    const made = run(['init', book, '--example']);
    const checked = made.status === 0 ? run(['check', book], { ESS_CODE_CACHE: 'train' }) : made;
    if (!cacheFits()) process.stderr.write(`build-cli : cache de code non fait (statut ${checked.status}) ; le programme sera compilé à chaque démarrage.\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
