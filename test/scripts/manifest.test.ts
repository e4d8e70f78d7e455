/**
 * Deployment: the manifest that `ADDIN_URL=https://… npm run build` writes into dist/ (through the
 * webpack configuration's copy step), every URL under the base, valid against Microsoft's schemas.
 */
import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { tmp } from '../helpers/files';
import { MANIFEST_SCHEMAS, needs, toolPath } from '../helpers/tools';

const ROOT = join(__dirname, '../..');
const BASE = 'https://budget.example.org/ces-ess';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { addinBase, manifestFor } = require('../../scripts/manifest.cjs') as { addinBase(v?: string): string | null; manifestFor(xml: string, base: string | null): string };

/** dist/manifest.xml as the production build writes it with this ADDIN_URL (the copy step's transform, run as webpack runs it). */
function builtManifest(addinUrl: string | undefined): string {
  const saved = process.env.ADDIN_URL;
  if (addinUrl === undefined) delete process.env.ADDIN_URL;
  else process.env.ADDIN_URL = addinUrl;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(join(ROOT, 'webpack.config.js'))({}, { mode: 'production' });
    const copy = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === 'CopyPlugin');
    const pattern = copy.patterns.find((p: { to: string }) => p.to === 'manifest.xml');
    return pattern.transform(readFileSync(join(ROOT, pattern.from)), join(ROOT, pattern.from));
  } finally {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  }
}

const urls = (xml: string) => [...xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/(?:DefaultValue|Value)="(https?:[^"]*)"|<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1] ?? m[2]);

describe('ADDIN_URL', () => {
  test('every URL of the built manifest (source, icons, support, help) is under the base; the app domain is its origin; no localhost', () => {
    const xml = builtManifest(BASE);
    const all = urls(xml);
    expect(all.length).toBeGreaterThanOrEqual(9);
    expect(xml).not.toMatch(/localhost/i);
    for (const u of all.filter((u) => !xml.includes(`<AppDomain>${u}</AppDomain>`))) expect(u.startsWith(`${BASE}/`)).toBe(true);
    expect(xml).toContain(`<SourceLocation DefaultValue="${BASE}/taskpane.html"/>`);
    expect(xml).toContain(`<bt:Image id="Icon.80x80" DefaultValue="${BASE}/assets/icon-80.png"/>`);
    expect(xml).toContain(`<SupportUrl DefaultValue="${BASE}/taskpane.html"/>`);
    expect(xml).toContain('<AppDomain>https://budget.example.org</AppDomain>');
    // Nothing else changed: the same manifest with the development base put back.
    expect(xml.replace(/<AppDomain>[^<]*<\/AppDomain>/, '').split(BASE).join('https://localhost:3000').replace(/^ {2}URLs under .*$/m, '')).toBe(
      readFileSync(join(ROOT, 'manifest.xml'), 'utf8').replace(/<AppDomain>[^<]*<\/AppDomain>/, '').replace(/^ {2}Dev URLs point at .*$/m, ''),
    );
  });

  test('without ADDIN_URL the build keeps the development manifest (https://localhost:3000)', () => {
    expect(builtManifest(undefined)).toBe(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'));
  });

  test('a trailing slash is dropped; an address that Office cannot load from is refused in French', () => {
    expect(addinBase(`${BASE}/`)).toBe(BASE);
    expect(addinBase('  ')).toBeNull();
    expect(() => addinBase('http://budget.example.org/ces-ess')).toThrow(/^ADDIN_URL doit commencer par https:\/\//);
    expect(() => addinBase('budget.example.org')).toThrow(/^ADDIN_URL invalide : « budget.example.org »/);
    expect(() => addinBase(`${BASE}?v=2`)).toThrow(/sans paramètres/);
    expect(() => manifestFor('<SupportUrl DefaultValue="https://localhost:8080/x"/>', BASE)).toThrow(/localhost reste/);
  });

  const withXmllint = needs('xmllint', 'manifest-schemas');
  withXmllint('the built manifest is valid against the Office add-in manifest schemas (xmllint)', () => {
    const file = join(tmp('ess-manifest-'), 'manifest.xml');
    writeFileSync(file, builtManifest(BASE));
    const r = spawnSync(toolPath('xmllint')!, ['--noout', '--schema', join(MANIFEST_SCHEMAS, 'OfficeAppManifestV1_1.xsd'), file], { encoding: 'utf8' });
    expect(r.stderr).toContain('validates');
    expect(r.status).toBe(0);
  });
});
