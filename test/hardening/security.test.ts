/**
 * What the add-in's code may not do, checked on its sources: build HTML from strings (the findings
 * quote what users typed), talk to the network, or ask Excel for more than it needs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx|js|jsx|html)$/.test(n) ? [p] : [];
  });
}

/** Lines of code, comment lines left out (a comment may well name what it avoids). */
function codeLines(file: string): { file: string; line: number; text: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((text, i) => ({ file: relative(ROOT, file), line: i + 1, text }))
    .filter(({ text }) => !/^\s*(\/\/|\/?\*)/.test(text));
}

const all = sources(SRC).flatMap(codeLines);

function hits(pattern: RegExp): string[] {
  return all.filter((l) => pattern.test(l.text)).map((l) => `${l.file}:${l.line}`);
}

test('the sources are there to be checked', () => {
  expect(all.length).toBeGreaterThan(5000);
  expect(all.some((l) => l.file.startsWith('src/taskpane/'))).toBe(true);
});

test('no HTML built from strings: no innerHTML, outerHTML, insertAdjacentHTML, dangerouslySetInnerHTML, eval or new Function', () => {
  expect(hits(/\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML)\b/)).toEqual([]);
  expect(hits(/\beval\s*\(|\bnew Function\s*\(/)).toEqual([]);
});

test('no connection anywhere: no XMLHttpRequest, WebSocket, EventSource or sendBeacon', () => {
  expect(hits(/\b(XMLHttpRequest|WebSocket|EventSource|sendBeacon)\b/)).toEqual([]);
});

test('the one fetch loads the PDF fonts the add-in serves itself, nothing else', () => {
  expect(hits(/\bfetch\s*\(/)).toEqual([expect.stringMatching(/^src\/taskpane\/lazy\/exportFiles\.ts:\d+$/)]);
  const lines = codeLines(join(SRC, 'taskpane', 'lazy', 'exportFiles.ts'));
  // fetch(url) inside fetchBytes, and fetchBytes called only with the two font files, which the
  // bundler emits beside the pane (same origin) from the @fontsource package.
  expect(lines.filter((l) => /\bfetch\s*\(/.test(l.text)).map((l) => l.text.trim())).toEqual(['const r = await fetch(url);']);
  const calls = lines.flatMap((l) => [...l.text.matchAll(/fetchBytes\((\w+)\)/g)].map((m) => m[1]));
  expect(calls.sort()).toEqual(['boldFont', 'regularFont']);
  for (const name of calls) expect(lines.some((l) => new RegExp(`^import ${name} from '@fontsource/[\\w-]+/files/[\\w-]+\\.woff';$`).test(l.text))).toBe(true);
});

test('the only address of another origin is Microsoft’s office.js, loaded inside Office only', () => {
  // XML namespaces (Open XML's, Transitional and Strict, and the W3C's xml and xmlns) are names, not places anything is fetched from.
  const namespace = (u: string) => /^http:\/\/(schemas\.openxmlformats\.org|purl\.oclc\.org\/ooxml)\//.test(u) || u === 'http://www.w3.org/2000/xmlns/' || u === 'http://www.w3.org/XML/1998/namespace';
  const urls = all.flatMap((l) => [...l.text.matchAll(/https?:\/\/[^'"\s;)]+/g)].map((m) => m[0])).filter((u) => !namespace(u) && u !== 'http://x');
  expect([...new Set(urls)].sort()).toEqual(['https://appsforoffice.microsoft.com', 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
});

test('the manifest asks for ReadWriteDocument and nothing more, and trusts no other domain', () => {
  const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
  // Reading the tables needs Read, writing the add-in's own sheets (Contrôles, Journal, Synthèse
  // COPIL, Rapprochement) needs Write: ReadWriteDocument is the least that does both.
  expect([...xml.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1])).toEqual(['ReadWriteDocument']);
  const domains = [...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => new URL(m[1]).origin);
  const source = new URL(/<SourceLocation DefaultValue="([^"]+)"/.exec(xml)![1]).origin;
  expect(domains.every((d) => d === source)).toBe(true);
});
