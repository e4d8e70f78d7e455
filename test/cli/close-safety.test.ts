/**
 * Issue 19, write safety: when writing fails — the file read-only, the temporary file or the rename
 * refused by the system, or the verification of the written package catching a faulty writer (the
 * undeclared prefix `close` once wrote, a user's part changed, a contract table changed, a part
 * lost, the workbook saved from elsewhere meanwhile) — `close` says so in one French line, exits 2,
 * and the user's file is exactly as it was, with no temporary file left beside it.
 */
import { promises as fsp, readdirSync, readFileSync, chmodSync, symlinkSync, lstatSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import { join } from 'path';
import { cli } from '../helpers/cli';
import { tmp } from '../helpers/files';
import { plain } from '../helpers/typography';
import { column, firstLineOf, planTable, writeVersion } from '../helpers/versions';
import type * as Patch from '../../src/hosts/xlsx/patch';

/**
 * What the faulty writer does to the package `close` would write (null: the real writer, untouched);
 * it may return parts it claims as its own (written), which the part-by-part check then lets through.
 */
let mockFault: ((zip: JSZip, file: string) => Promise<string[] | void>) | null = null;

jest.mock('../../src/hosts/xlsx/patch', () => {
  const actual = jest.requireActual<typeof Patch>('../../src/hosts/xlsx/patch');
  return {
    ...actual,
    writeOwnTables: async (input: Uint8Array, tables: Patch.OwnTable[]) => {
      const patched = await actual.writeOwnTables(input, tables);
      if (!mockFault) return patched;
      const zip = await JSZip.loadAsync(patched.bytes);
      const claimed = (await mockFault(zip, mockFile)) ?? [];
      return { written: [...patched.written, ...claimed], bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) };
    },
  };
});
let mockFile = '';

const NOTHING = (f: string) => `${f} : rien n'a été écrit, le classeur est resté tel quel — `;

let dir: string;
let file: string;
let original: Buffer;

beforeEach(async () => {
  mockFault = null;
  dir = tmp('ess-close-safety-');
  file = await writeVersion(dir, 'budget.xlsx');
  mockFile = file;
  original = readFileSync(file);
});

afterEach(() => jest.restoreAllMocks());

/** close 2014 refused: the one line, exit 2, the file as it was, nothing left beside it. */
async function refused(why: string | RegExp): Promise<void> {
  const r = await cli('close', file, '2014', '--by', 'Marie Curie', '--as-of', '2026-11-29');
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.split('\n')).toHaveLength(1);
  const line = plain(r.err);
  expect(line.startsWith(NOTHING(file))).toBe(true);
  expect(line.slice(NOTHING(file).length)).toMatch(why);
  expect(Buffer.compare(readFileSync(file), original)).toBe(0);
  expect(readdirSync(dir)).toEqual(['budget.xlsx']);
}

test('a read-only workbook is not replaced, even by root', async () => {
  chmodSync(file, 0o444);
  await refused(/^le fichier est en lecture seule\.$/);
});

test('the temporary file refused by the system (a full disk)', async () => {
  const open = fsp.open.bind(fsp);
  jest.spyOn(fsp, 'open').mockImplementation(((path: string, flags?: string, mode?: number) =>
    flags === 'wx' ? Promise.reject(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })) : open(path, flags, mode)) as typeof fsp.open);
  await refused(/^le fichier temporaire n'a pas pu être écrit à côté du classeur \(ENOSPC\)\.$/);
});

test('the rename over the original refused by the system', async () => {
  jest.spyOn(fsp, 'rename').mockRejectedValueOnce(Object.assign(new Error('permission denied'), { code: 'EPERM' }));
  await refused(/^le classeur n'a pas pu être remplacé \(EPERM\) ; s'il est ouvert dans Excel ou LibreOffice, fermez-le puis relancez\.$/);
});

test('verification: the undeclared r: prefix the old writer left in xl/workbook.xml (openpyxl-saved files) is caught', async () => {
  mockFault = async (zip) => {
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    // What the regular-expression writer did: a <sheet r:id> where no ancestor declares r.
    const broken = wb.replace(/ xmlns:r="[^"]+"/g, '').replace(/<sheet /, '<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
    zip.file('xl/workbook.xml', broken);
  };
  await refused(/^la vérification trouve xl\/workbook\.xml mal formé dans le fichier écrit \(.*prefix.*\)\.$/);
});

test("verification: a user's part changed (the styles) is caught", async () => {
  mockFault = async (zip) => {
    zip.file('xl/styles.xml', (await zip.file('xl/styles.xml')!.async('string')).replace('</styleSheet>', '<extLst/></styleSheet>'));
  };
  await refused(/^la vérification trouve xl\/styles\.xml modifié dans le fichier écrit\.$/);
});

test("verification: a user's part dropped is caught", async () => {
  mockFault = async (zip) => {
    zip.remove('docProps/app.xml');
  };
  await refused(/^la vérification ne retrouve pas docProps\/app\.xml dans le fichier écrit\.$/);
});

test('verification: a contract table read back differently (an amount changed in a part the writer may rewrite) is caught', async () => {
  const plan = (await import('../../src/core/template')).buildWorkbookPlan({ example: true, lang: 'fr' });
  const fin = planTable(plan, 'Financements');
  const planned = fin.rows[firstLineOf(plan, 2014)][column(fin, 'Prévu (€)')] as number;
  mockFault = async (zip) => {
    // The Financements sheet part, listed as written: only the re-read can see it changed.
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    const rid = /<sheet [^>]*name="Financements"[^>]*r:id="(\w+)"/.exec(wb)![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1].replace(/^\/?(xl\/)?/, 'xl/');
    const xml = await zip.file(target)!.async('string');
    expect(xml).toContain(`<v>${planned}</v>`);
    zip.file(target, xml.replace(`<v>${planned}</v>`, `<v>${planned + 500}</v>`));
    // Claimed as written: the part-by-part check lets it through, the re-read does not.
    return [target];
  };
  await refused(/^la vérification relit le tableau Financements autrement qu'avant l'écriture\.$/);
});

test('the workbook saved from elsewhere while close ran is not overwritten', async () => {
  const saved = Buffer.concat([original]);
  mockFault = async (_zip, f) => {
    // Excel saves the file meanwhile (here: the same bytes plus a trailing comment in the zip).
    writeFileSync(f, Buffer.concat([saved, Buffer.from('sauvegarde Excel')]));
  };
  const r = await cli('close', file, '2014', '--as-of', '2026-11-29');
  expect(r.code).toBe(2);
  expect(plain(r.err)).toBe(`${NOTHING(file)}le classeur a été modifié sur le disque pendant l'opération ; relancez la commande.`);
  expect(readFileSync(file).toString('latin1').endsWith('sauvegarde Excel')).toBe(true);
  expect(readdirSync(dir)).toEqual(['budget.xlsx']);
});

test('a workbook reached through a link: the file it names is replaced, the link stays a link', async () => {
  const link = join(dir, 'lien.xlsx');
  symlinkSync(file, link);
  const r = await cli('close', link, '2014', '--by', 'A', '--as-of', '2026-11-29');
  expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(Buffer.compare(readFileSync(file), original)).not.toBe(0);
  expect(readdirSync(dir).sort()).toEqual(['budget.xlsx', 'lien.xlsx']);
});
