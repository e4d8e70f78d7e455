/**
 * The house rules of issue 12, checked on every run: no source file over 400 lines outside the
 * message catalogues, no import circle, and each layer type-checks under its own tsconfig (the core
 * with no Node, DOM or Office.js globals; Office.js types only under src/hosts/office).
 */
import { execFileSync } from 'child_process';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import madge from 'madge';

const root = join(__dirname, '..');
const src = join(root, 'src');
/** The message catalogues: one entry per message, as long as the product has words. */
const CATALOGUES = new Set(['src/core/i18n/fr.ts', 'src/core/i18n/en.ts']);
const MAX_LINES = 400;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

it(`no source file is over ${MAX_LINES} lines, the message catalogues aside`, () => {
  const long = sources(src)
    .map((p) => ({ file: relative(root, p), lines: readFileSync(p, 'utf8').replace(/\n$/, '').split('\n').length }))
    .filter((f) => f.lines > MAX_LINES && !CATALOGUES.has(f.file));
  expect(long).toEqual([]);
});

it('no module imports itself through others (no import circle)', async () => {
  const graph = await madge(src, { fileExtensions: ['ts', 'tsx'], tsConfig: join(root, 'tsconfig.json') });
  expect(graph.circular()).toEqual([]);
}, 120_000);

/** Folders holding a tsconfig.json of their own: the layers. */
function layerDirs(dir: string): string[] {
  const subdirs = readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory());
  return (readdirSync(dir).includes('tsconfig.json') ? [relative(root, dir)] : []).concat(...subdirs.map((f) => layerDirs(join(dir, f))));
}
const layers = layerDirs(src);

it('every layer has its own tsconfig, the core with no ambient types', () => {
  expect(layers).toEqual(expect.arrayContaining(['src/core', 'src/hosts/office', 'src/cli', 'src/taskpane']));
  const core = readFileSync(join(src, 'core/tsconfig.json'), 'utf8');
  expect(core).toMatch(/"types":\s*\[\]/);
  expect(core).toMatch(/"lib":\s*\["ES2022"\]/);
});

it.each(layers)('%s type-checks under its own tsconfig', (layer) => {
  // tsc prints its errors on stdout; they become the failure's message.
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', layer], { cwd: root, encoding: 'utf8' });
  } catch (e) {
    throw new Error(`${layer}:\n${(e as { stdout?: string }).stdout ?? e}`);
  }
}, 300_000);

it('the CLI uses the file host through its entry only (src/hosts/xlsx/index.ts), never the reader or a renderer directly', () => {
  const cliDir = join(src, 'cli');
  const deep = sources(cliDir).flatMap((p) =>
    [...readFileSync(p, 'utf8').matchAll(/from '([^']+)'/g)]
      .map((m) => m[1])
      .filter((spec) => /hosts\/xlsx\//.test(spec))
      .map((spec) => `${relative(root, p)}: ${spec}`),
  );
  expect(deep).toEqual([]);
  // And it does use it: every command reads through the host.
  expect(sources(cliDir).some((p) => readFileSync(p, 'utf8').includes("from '../hosts/xlsx'"))).toBe(true);
  // And the entry hands out the host, not the reader, a renderer or the patcher (issue 22): a command
  // reads and writes a workbook file through the WorkbookHost port, as the pane does.
  const entry = readFileSync(join(src, 'hosts/xlsx/index.ts'), 'utf8');
  const exported = [...entry.matchAll(/export (?:type )?\{([^}]+)\}/g)].flatMap((m) => m[1].split(',').map((n) => n.replace(/^\s*type\s+/, '').trim()));
  expect(exported.sort()).toEqual(['FileHost', 'InputError', 'NotOwnSheetError', 'OtherFormat', 'ReadFile', 'WriteFailure']);
});
