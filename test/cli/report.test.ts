/** ess-budget report as a user runs it: the three formats, exit statuses, and the one-line refusals. */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { cli } from '../helpers/cli';
import { exampleWorkbook, tmp, writeWorkbook } from '../helpers/files';
import { plain } from '../helpers/typography';

const root = join(__dirname, '../..');
const bin = join(root, 'bin/ess-budget.js');

async function example() {
  const dir = tmp('ess-report-');
  return { dir, file: await writeWorkbook(exampleWorkbook(), dir, 'exemple.xlsx') };
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
});

test('the real binary writes a PDF of at most 3 pages (pdfkit and the fonts load from the bundle)', async () => {
  const { dir, file } = await example();
  const pdf = join(dir, 'synthese.pdf');
  const r = spawnSync(process.execPath, [bin, 'report', file, '--out', pdf, '--as-of', '2016-12-31'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^Synthèse écrite\u00a0: .*synthese\.pdf \([123] pages?\)\.\n0 erreur, 0 avertissement, 0 information\.\n$/);
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
});

test('CSV and XLSX, in English too', async () => {
  const { dir, file } = await example();
  const csv = join(dir, 'summary.csv');
  const xlsx = join(dir, 'summary.xlsx');
  expect((await cli('report', file, '--out', csv, '--as-of', '2016-12-31', '--lang', 'en')).code).toBe(0);
  const text = readFileSync(csv, 'utf8');
  expect(text.startsWith('\ufeffSection;Year;Funder;')).toBe(true);
  expect(text).toContain('Convention;2014;CDC;;;;fixed;1085200,00;');
  expect(text).toContain('FICTITIOUS EXAMPLE');
  const r = await cli('report', file, '--out', xlsx, '--as-of', '2016-12-31', '--lang', 'en');
  expect(r).toMatchObject({ code: 0, out: expect.stringContaining('Summary written') });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  expect(wb.getWorksheet('COPIL summary')).toBeDefined();
});

test('a workbook with errors: the summary is written and the exit status is 1', async () => {
  const { dir } = await example();
  const wb = exampleWorkbook();
  const cell = wb.getWorksheet('Participations 2014')!.getCell('B5');
  cell.value = (cell.value as number) + 1;
  const file = await writeWorkbook(wb, dir, 'faux.xlsx');
  const csv = join(dir, 'faux.csv');
  const r = await cli('report', file, '--out', csv, '--as-of', '2016-12-31');
  expect(r.code).toBe(1);
  expect(r.out).toContain('1 erreur');
  expect(readFileSync(csv, 'utf8')).toContain('Participations différentes de la convention (convention.total-mismatch)');
});

describe('refusals: one line on stderr, exit status 2, nothing written', () => {
  test.each([
    [['--out', 'x.txt'], /choisissez un fichier \.pdf, \.xlsx ou \.csv/],
    [[], /report attend un classeur et --out/],
    [['--out', 'x.pdf', '--lang', 'de'], /^Valeur invalide pour --lang : « de » \(possibles : fr, en\)/],
    [['--out', 'x.pdf', '--as-of', '31/12/2016'], /Date --as-of invalide/],
    [['--out', 'x.pdf', '--bogus'], /^Option inconnue pour report : --bogus\. Tapez « ess-budget report --help »/],
  ])('%j', async (args, message) => {
    const { dir, file } = await example();
    const r = await cli('report', file, ...args.map((a) => (a.startsWith('x.') ? join(dir, a) : a)));
    expect(r.code).toBe(2);
    expect(plain(r.err)).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'x.pdf')) || existsSync(join(dir, 'x.txt'))).toBe(false);
  });

  test('a missing or unreadable input', async () => {
    const dir = tmp('ess-report-');
    expect(await cli('report', join(dir, 'absent.xlsx'), '--out', join(dir, 'x.pdf'))).toMatchObject({ code: 2, err: expect.stringContaining('fichier introuvable') });
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'pas un zip');
    const r = await cli('report', junk, '--out', join(dir, 'x.pdf'));
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });

  test('never overwrites the input, nor an existing .xlsx without --force', async () => {
    const { dir, file } = await example();
    const before = readFileSync(file);
    expect(await cli('report', file, '--out', file, '--force')).toMatchObject({ code: 2, err: expect.stringContaining('est le classeur lu') });
    expect(readFileSync(file).equals(before)).toBe(true);
    const other = join(dir, 'autre.xlsx');
    writeFileSync(other, 'le classeur de quelqu’un');
    expect(await cli('report', file, '--out', other)).toMatchObject({ code: 2, err: expect.stringContaining('--force') });
    expect(readFileSync(other, 'utf8')).toBe('le classeur de quelqu’un');
    expect((await cli('report', file, '--out', other, '--force', '--as-of', '2016-12-31')).code).toBe(0);
  });
});
