/**
 * Issue 23, Build 3: the workbook knows its convention. `init --profile` writes it into a very hidden
 * sheet of the add-in's (SuiviCES-convention: id, SHA-256, the JSON in pieces); every later reader
 * takes it from there, through LibreOffice (.xlsx and .ods) and openpyxl round trips; a convention
 * whose text no longer matches its hash is refused in one line (exit 2), never read as the CES ESS;
 * close and reopen leave the sheet byte for byte.
 */
import { execFileSync } from 'child_process';
import JSZip from 'jszip';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { cli } from '../helpers/cli';
import { tmp } from '../helpers/files';
import { parts } from '../helpers/chart';
import { python, soffice } from '../helpers/producers';
import { needs } from '../helpers/tools';
import { plain } from '../helpers/typography';
import { readWorkbookFile } from '../../src/hosts/xlsx/workbook';
import { PROFILE_CHUNK, PROFILE_SHEET, chunks, readProfileSheet, sha256Hex } from '../../src/core/profileStore';

const FIXTURE = join(__dirname, '../fixtures/profiles/transition-2021-2024.json');
const ID = 'transition-eco-2021-2024';
const withSoffice = needs('soffice');
const withOpenpyxl = needs('openpyxl');

async function made(dir: string, name = 'transition.xlsx'): Promise<string> {
  const file = join(dir, name);
  const r = await cli('init', file, '--profile', FIXTURE);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return file;
}

/** The worksheet part of a sheet, by the workbook's relationships, and its state attribute. */
async function sheetPart(file: string, sheet: string): Promise<{ part: string; state: string | null }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const el = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*/>`).exec(wb)![0];
  const rid = /r:id="([^"]+)"/.exec(el)![1];
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*/>`).exec(rels)![0];
  const t = /Target="([^"]+)"/.exec(target)![1].replace(/^\/?(xl\/)?/, '');
  return { part: `xl/${t}`, state: /state="(\w+)"/.exec(el)?.[1] ?? null };
}

test('the pieces: never longer than a cell holds, never cut beside a space, joined they are the text', () => {
  const text = `{"a":"${'x'.repeat(29_998)} y","b":"${'é'.repeat(40_000)}"}`;
  const pieces = chunks(text);
  expect(pieces.join('')).toBe(text);
  for (const p of pieces) {
    expect(p.length).toBeLessThanOrEqual(PROFILE_CHUNK);
    expect(p).toBe(p.trim());
  }
  expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('init --profile writes the very hidden sheet; the file host reads the convention back from it', async () => {
  const dir = tmp('ess-profile-');
  const file = await made(dir);
  const { state } = await sheetPart(file, PROFILE_SHEET);
  expect(state).toBe('veryHidden');
  const { snapshot } = await readWorkbookFile(file);
  expect(snapshot.profile?.id).toBe(ID);
  expect(snapshot.profile?.years).toEqual([2021, 2022, 2023, 2024]);
  expect(snapshot.profile?.funders.map((f) => f.id)).toEqual(['region', 'ademe', 'banque', 'metropole']);
  // A workbook without the sheet: the CES ESS, as before (no profile carried).
  const ces = join(dir, 'ces.xlsx');
  expect((await cli('init', ces)).code).toBe(0);
  expect((await readWorkbookFile(ces)).snapshot.profile).toBeUndefined();
});

test('init refuses --example with --profile, and a profile file that is no JSON, in one French line (exit 2)', async () => {
  const dir = tmp('ess-profile-');
  const both = await cli('init', join(dir, 'x.xlsx'), '--example', '--profile', FIXTURE);
  expect(both.code).toBe(2);
  expect(plain(both.err)).toBe(plain('--example ne va pas avec --profile : l’exemple est celui du CES ESS 2014-2016. Créez le classeur sans --example.'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{ "format": 1, "id": "x",\n  "title": "t" "shortTitle": "s" }');
  const r = await cli('init', join(dir, 'y.xlsx'), '--profile', bad);
  expect(r.code).toBe(2);
  // The same words as `profile validate`: init writes no profile that validate refuses.
  expect(plain(r.err)).toBe(`${bad} ligne 2, colonne 16 : JSON illisible, caractère « " » inattendu`);
  expect(r.err.split('\n')).toHaveLength(1);
  const doc = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { amounts: { funder: string }[] };
  doc.amounts[3].funder = 'bpi';
  const unknown = join(dir, 'inconnu.json');
  writeFileSync(unknown, JSON.stringify(doc));
  const v = await cli('init', join(dir, 'v.xlsx'), '--profile', unknown);
  expect(v.code).toBe(2);
  expect(v.err).toBe((await cli('profile', 'validate', unknown)).err);
  expect(v.err).toMatch(/\/amounts\/3\/funder/);
  expect(existsSync(join(dir, 'v.xlsx'))).toBe(false);
  const missing = await cli('init', join(dir, 'z.xlsx'), '--profile', join(dir, 'absent.json'));
  expect(missing.code).toBe(2);
  expect(plain(missing.err)).toBe(`${join(dir, 'absent.json')} : fichier introuvable.`);
});

test('a convention whose text was changed after its hash: check refuses the workbook in one French line (exit 2), never the CES', async () => {
  const dir = tmp('ess-profile-');
  const file = await made(dir);
  const zip = await JSZip.loadAsync(readFileSync(file));
  const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
  // One amount of the JSON, changed in its cell: the text no longer matches the SHA-256 in B3.
  const amount = '&quot;amount&quot;:&quot;500000.00&quot;';
  expect(sst).toContain(amount);
  zip.file('xl/sharedStrings.xml', sst.replace(amount, amount.replace('5', '9')));
  const tampered = join(dir, 'modifie.xlsx');
  writeFileSync(tampered, await zip.generateAsync({ type: 'nodebuffer' }));
  for (const command of [['check', tampered], ['report', tampered, '--out', join(dir, 's.csv')], ['diff', file, tampered], ['close', tampered, '2014', '--force', '--reason', 'essai']]) {
    const r = await cli(...command);
    expect({ command: command[0], code: r.code }).toEqual({ command: command[0], code: 2 });
    expect(r.out).toBe('');
    expect(plain(r.err)).toBe(
      plain(
        `${tampered} : le classeur porte une convention illisible (feuille SuiviCES-convention, empreinte différente) : rien n’est contrôlé contre une convention incertaine. Restaurez une version précédente du classeur, ou recopiez ses tableaux dans un classeur créé par ess-budget init --profile.`,
      ),
    );
  }
  const en = await cli('check', tampered, '--lang', 'en');
  expect(en.code).toBe(2);
  expect(en.err).toMatch(/the workbook carries an unreadable convention \(sheet SuiviCES-convention, hash differs\)/);
});

test('the sheet read back: every way its cells can be wrong is named', () => {
  const rows = (b: (string | number | null)[]) => [['SuiviCES-convention 1', 'x'], ...b.map((v, i) => [i === 0 ? 'Identifiant' : 'x', v])];
  expect(readProfileSheet([['autre chose']])).toEqual({ problem: { kind: 'mark', cell: 'A1' } });
  expect(readProfileSheet(rows([null]))).toEqual({ problem: { kind: 'cell', what: 'id', cell: 'B2' } });
  expect(readProfileSheet(rows(['id', 'zz']))).toEqual({ problem: { kind: 'cell', what: 'hash', cell: 'B3' } });
  const text = '{"format":1,"id":"autre"}';
  expect(readProfileSheet(rows(['id', sha256Hex(text), 2, text]))).toEqual({ problem: { kind: 'cell', what: 'piece', cell: 'B6', piece: 2, of: 2 } });
  expect(readProfileSheet(rows(['id', sha256Hex(text), 1, text]))).toMatchObject({ problem: { kind: 'document' } });
});

test('close then reopen leave the convention\u2019s sheet byte for byte, and the convention is still read', async () => {
  const dir = tmp('ess-profile-');
  const file = await made(dir);
  const year = String((await readWorkbookFile(file)).snapshot.tables.find((t) => t.name === 'Convention')!.rows[0][1]);
  const { part } = await sheetPart(file, PROFILE_SHEET);
  const before = await parts(file);
  const c = await cli('close', file, year, '--by', 'Marie Curie', '--force', '--reason', 'essai');
  expect(c.err).toBe('');
  expect(c.code).toBe(0);
  const r = await cli('reopen', file, year, '--reason', 'correction', '--by', 'Marie Curie');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const after = await parts(file);
  expect(Buffer.compare(after.get(part)!, before.get(part)!)).toBe(0);
  expect(Buffer.compare(after.get('xl/sharedStrings.xml')!, before.get('xl/sharedStrings.xml')!)).toBe(0);
  expect((await sheetPart(file, PROFILE_SHEET)).state).toBe('veryHidden');
  expect((await readWorkbookFile(file)).snapshot.profile?.id).toBe(ID);
});

test('diff (and report --since) of two workbooks that follow different conventions: one French line, exit 2 (a usage)', async () => {
  const dir = tmp('ess-profile-');
  const file = await made(dir);
  const ces = join(dir, 'ces.xlsx');
  expect((await cli('init', ces)).code).toBe(0);
  const r = await cli('diff', ces, file);
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(plain(r.err)).toBe(`${ces} suit la convention ces-ess-2014-2016, ${file} la convention ${ID} : deux conventions différentes ne se comparent pas ligne à ligne (usage retenu par le suivi).`);
  // report --since compares two versions the same way: refused the same way.
  const since = await cli('report', file, '--out', join(dir, 'synthese.csv'), '--since', ces);
  expect(since.code).toBe(2);
  expect(plain(since.err)).toBe(`${ces} suit la convention ces-ess-2014-2016, ${file} la convention ${ID} : deux conventions différentes ne se comparent pas ligne à ligne (usage retenu par le suivi).`);
  // The same convention on both sides: compared as always.
  const copy = join(dir, 'copie.xlsx');
  copyFileSync(file, copy);
  expect((await cli('diff', file, copy)).code).toBe(0);
});

withSoffice(
  'LibreOffice keeps it: the workbook saved again as .xlsx and as .ods still carries the convention',
  async () => {
    const dir = tmp('ess-profile-');
    const file = await made(dir);
    const out = join(dir, 'lo');
    soffice(dir, 'xlsx:Calc MS Excel 2007 XML', out, file);
    soffice(dir, 'ods', out, file);
    for (const name of ['transition.xlsx', 'transition.ods']) {
      const { snapshot, format } = await readWorkbookFile(join(out, name));
      expect({ name, format, id: snapshot.profile?.id }).toEqual({ name, format: name.endsWith('.ods') ? 'ods' : 'xlsx', id: ID });
    }
    // LibreOffice knows no « very hidden »: the sheet stays hidden.
    expect((await sheetPart(join(out, 'transition.xlsx'), PROFILE_SHEET)).state).toMatch(/^(hidden|veryHidden)$/);
  },
  180_000,
);

withOpenpyxl('openpyxl keeps it: loaded and saved, the workbook still carries the convention, very hidden', async () => {
  const dir = tmp('ess-profile-');
  const file = await made(dir);
  const saved = join(dir, 'openpyxl.xlsx');
  execFileSync(python('openpyxl'), ['-c', 'import openpyxl, sys; wb = openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])', file, saved]);
  expect((await readWorkbookFile(saved)).snapshot.profile?.id).toBe(ID);
  expect((await sheetPart(saved, PROFILE_SHEET)).state).toBe('veryHidden');
});
