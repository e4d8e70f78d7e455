/**
 * The Script Lab snippet (scriptlab/office-js-checks.yaml) that a person runs in real Excel: its
 * script type-checks against @types/office-js, and it covers what the emulated Excel cannot prove.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import ts from 'typescript';

const ROOT = join(__dirname, '../..');
const yaml = readFileSync(join(ROOT, 'scriptlab/office-js-checks.yaml'), 'utf8');

/** The `script.content` block of the YAML (a literal block indented by four spaces). */
function scriptOf(text: string): string {
  const m = /\nscript:\n {2}content: \|\n([\s\S]*?)\n {2}language: typescript\n/.exec(text);
  if (!m) throw new Error('no script block');
  return m[1]
    .split('\n')
    .map((l) => l.replace(/^ {4}/, ''))
    .join('\n');
}

test('the snippet is a Script Lab snippet for Excel, loading office.js and its types', () => {
  expect(yaml).toMatch(/^name: /m);
  expect(yaml).toMatch(/^host: EXCEL$/m);
  expect(yaml).toMatch(/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
  expect(yaml).toMatch(/@types\/office-js/);
});

test('its script type-checks against @types/office-js', () => {
  const source = scriptOf(yaml);
  const file = '/snippet.ts';
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2019, lib: ['lib.dom.d.ts', 'lib.es2019.d.ts'], strict: true, noEmit: true, types: ['office-js'], typeRoots: [join(ROOT, 'node_modules/@types')] };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => (f === file ? source : read(f));
  const exists = host.fileExists.bind(host);
  host.fileExists = (f) => f === file || exists(f);
  const getSource = host.getSourceFile.bind(host);
  host.getSourceFile = (f, v) => (f === file ? ts.createSourceFile(f, source, v) : getSource(f, v));
  const program = ts.createProgram([file], options, host);
  const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(problems).toEqual([]);
});

test('it checks what no emulator can: the one-trip read off getItemOrNullObject, hidden headers, late events, requirement sets', () => {
  const source = scriptOf(yaml);
  expect(source).toMatch(/getItemOrNullObject\(name\)[\s\S]*getDataBodyRange\(\)\.load/);
  expect(source).toMatch(/showHeaders = false[\s\S]*getHeaderRowRange\(\)/);
  expect(source).toMatch(/onChanged\.add[\s\S]*performance\.now\(\)/);
  expect(source).toMatch(/isSetSupported\("ExcelApi", v\)/);
});
