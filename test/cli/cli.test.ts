/** ess-budget init / check as a user runs them: exit statuses, JSON shape, text output, bad input. */
import { execFileSync, spawnSync } from 'child_process';
import { readFileSync, existsSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { cli } from '../helpers/cli';
import { checkWorkbook } from '../../src/core/check';
import { readWorkbookBuffer } from '../../src/hosts/xlsx/workbook';
import { profile } from '../../src/core/profile';
import { exampleWorkbook, tmp, toBuffer, writeBytes, writeWorkbook } from '../helpers/files';
import { AS_OF } from '../helpers/workbook';
import { plain } from '../helpers/typography';

const root = join(__dirname, '../..');
const bin = join(root, 'bin/ess-budget.js');

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
});

describe('the real binary', () => {
  test('init --example then check --format json: 0 errors, exit 0', () => {
    const dir = tmp();
    const file = join(dir, 'x.xlsx');
    const init = spawnSync(process.execPath, [bin, 'init', file, '--example'], { encoding: 'utf8' });
    expect(init.status).toBe(0);
    expect(init.stdout).toContain('Classeur écrit');
    const check = spawnSync(process.execPath, [bin, 'check', file, '--format', 'json'], { encoding: 'utf8' });
    expect(check.status).toBe(0);
    const json = JSON.parse(check.stdout);
    expect(json.summary.errors).toBe(0);
    expect(json.file).toBe(file);
    expect(json.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(json.totals.find((t: { funder: string; year: number }) => t.funder === 'Région' && t.year === 2014)).toMatchObject({ convention: '2387500.00', participations: '2387500.00', gap: '0.00' });
  });
  test('a file that is not an .xlsx: one line on stderr, exit 2, no stack trace', () => {
    const dir = tmp();
    const file = writeBytes(dir, 'faux.xlsx', 'ceci n’est pas un classeur');
    const r = spawnSync(process.execPath, [bin, 'check', file], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('faux.xlsx');
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});

describe('check', () => {
  test('adding 1 € to any single participation cell fires convention.total-mismatch on that funder and year, gap 1,00 €', async () => {
    // The file is read once; each of the 36 cells is then edited in what the file gave.
    const { snapshot } = await readWorkbookBuffer(await toBuffer(exampleWorkbook()));
    for (const year of profile.years) {
      const table = snapshot.tables.find((t) => t.name === `Participations${year}`)!;
      for (let axisRow = 0; axisRow < table.rows.length; axisRow++) {
        for (let f = 0; f < profile.funders.length; f++) {
          const edited = structuredClone(snapshot);
          const row = edited.tables.find((t) => t.name === `Participations${year}`)!.rows[axisRow];
          row[1 + f] = (row[1 + f] as number) + 1;
          const r = checkWorkbook(edited, { asOf: AS_OF });
          const mismatches = r.findings.filter((x) => x.rule === 'convention.total-mismatch');
          expect(mismatches).toHaveLength(1);
          expect(mismatches[0]).toMatchObject({ funder: profile.funders[f].label.fr, year, gap: '1.00', severity: 'error', sheet: `Participations ${year}` });
          expect(mismatches[0].message).toContain('écart +1,00\u00a0€');
          expect(r.summary.errors).toBe(1);
        }
      }
    }
  });

  test('the same +1 € typed in the file itself: ess-budget check reports it on its column', async () => {
    const dir = tmp();
    const wb = exampleWorkbook();
    const cell = wb.getWorksheet('Participations 2016')!.getCell('D7');
    cell.value = (cell.value as number) + 1;
    const file = await writeWorkbook(wb, dir);
    const r = await cli('check', file, '--format', 'json', '--as-of', '2026-11-29');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    const errors = json.findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ rule: 'convention.total-mismatch', funder: 'CDC', year: 2016, gap: '1.00', sheet: 'Participations 2016', cell: 'D5:D8' })]);
  });

  test('text output reads like a compiler: Sheet!Cell: message, then a summary line; exit 1 on errors', async () => {
    const dir = tmp();
    const wb = exampleWorkbook();
    wb.getWorksheet('Financements')!.getCell('C5').value = 'Regoin';
    const file = await writeWorkbook(wb, dir);
    const r = await cli('check', file, '--as-of', '2026-11-29');
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^Financements!C5: erreur \[cell\.unknown-funder\] .*Regoin.*Région/);
    expect(lines[lines.length - 1]).toMatch(/^1 erreur, 0 avertissement, \d+ information/);
  });

  test('--lang en and --as-of change the words and the judgement', async () => {
    const dir = tmp();
    const file = await writeWorkbook(exampleWorkbook(false), dir);
    const early = await cli('check', file, '--as-of', '2014-06-01', '--format', 'json', '--lang', 'en');
    const json = JSON.parse(early.out);
    expect(json.asOf).toBe('2014-06-01');
    expect(json.findings.some((f: { rule: string }) => f.rule.startsWith('governance.'))).toBe(false);
    expect(json.findings[0].message).toMatch(/participations by axis add up/);
    const late = JSON.parse((await cli('check', file, '--as-of', '2026-11-29', '--format', 'json')).out);
    expect(late.findings.some((f: { rule: string }) => f.rule === 'governance.copil')).toBe(true);
  });

  test('check never changes the file', async () => {
    const dir = tmp();
    const file = await writeWorkbook(exampleWorkbook(), dir);
    const before = readFileSync(file);
    await cli('check', file);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test.each([
    [['check'], /^Arguments invalides : check attend un classeur\. Tapez « ess-budget check --help »\.$/],
    [['check', 'a.xlsx', '--format', 'xml'], /^Valeur invalide pour --format : « xml » \(possibles : text, json\)\. Tapez « ess-budget check --help »\.$/],
    [['check', 'a.xlsx', '--as-of', '31/12/2015'], /--as-of/],
    [['check', 'a.xlsx', '--bogus'], /^Option inconnue pour check : --bogus\. Tapez « ess-budget check --help »\.$/],
    [['check', 'a.xlsx', '--forma', 'json'], /^Option inconnue pour check : --forma\. Vouliez-vous dire --format \?/],
    [['check', 'a.xlsx', '--as_of', '2016-12-31'], /Vouliez-vous dire --as-of \?/],
    [['check', 'a.xlsx', '--format'], /^L'option --format de check attend une valeur\./],
    [['init', 'a.xlsx', '--force=oui'], /^L'option --force de init ne prend pas de valeur\./],
    [['init', 'a.xlsx', '--exemple'], /Vouliez-vous dire --example \?/],
    [['report', 'a.xlsx', '--out', 'b.pdf', '--as-off', '2016-12-31'], /Vouliez-vous dire --as-of \?/],
    [['frobnicate'], /^Commande inconnue : « frobnicate »\. Commandes : init, check, report, reconcile/],
    [['chek', 'a.xlsx'], /^Commande inconnue : « chek »\. Vouliez-vous dire « check » \?/],
    [['reconcil'], /Vouliez-vous dire « reconcile » \?/],
    [['diff', 'a.xlsx', 'b.xlsx', '--fromat', 'json'], /^Option inconnue pour diff : --fromat\. Vouliez-vous dire --format \?/],
    [['close', 'a.xlsx', '2014', '--bye', 'X'], /^Option inconnue pour close : --bye\. Vouliez-vous dire --by \?/],
    [['clos', 'a.xlsx', '2014'], /^Commande inconnue : « clos »\. Vouliez-vous dire « close » \?/],
    [['check', '/nonexistent/x.xlsx'], /introuvable/],
  ])('%p: exit 2 with one line', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(plain(r.err)).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(1);
  });
});

describe('init', () => {
  test('refuses to overwrite an existing workbook unless --force', async () => {
    const dir = tmp();
    const file = join(dir, 'mon-classeur.xlsx');
    writeFileSync(file, 'données précieuses');
    const r = await cli('init', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/existe déjà/);
    expect(readFileSync(file, 'utf8')).toBe('données précieuses');
    expect((await cli('init', file, '--force')).code).toBe(0);
  });

  test('writes real tables, dropdowns, euro formats and formulas', async () => {
    const dir = tmp();
    const file = join(dir, 'vierge.xlsx');
    expect((await cli('init', file)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const conv = wb.getWorksheet('Convention')!;
    expect(conv.getTable('Convention')).toBeTruthy();
    expect(conv.getCell('C5').value).toBe(2387500);
    expect(conv.getCell('C5').numFmt).toContain('€');
    expect(conv.getCell('H5').formula).toBe("SUM('Participations 2014'!$B$5:$B$8)");
    expect(conv.getCell('A5').dataValidation).toMatchObject({ type: 'list' });
    expect(conv.getCell('D12').value).toBe('À décider');
    expect(conv.getCell('C12').value).toBeNull();
    const fin = wb.getWorksheet('Financements')!;
    expect(fin.getCell('C500').dataValidation).toMatchObject({ type: 'list', formulae: ['"Région,État,CDC"'] });
    expect(existsSync(file)).toBe(true);
  });

  test('--lang en writes English headers that check reads the same', async () => {
    const dir = tmp();
    const file = join(dir, 'en.xlsx');
    expect((await cli('init', file, '--example', '--lang', 'en')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('Financing')!.getCell('D4').value).toBe('Planned (€)');
    const r = JSON.parse((await cli('check', file, '--format', 'json', '--as-of', '2026-11-29')).out);
    expect(r.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });
});

describe('the CLI explains itself', () => {
  test.each([
    ['init', 'ess-budget init <sortie.xlsx>', '--example'],
    ['check', 'ess-budget check <classeur.xlsx>', '--as-of AAAA-MM-JJ'],
    ['report', 'ess-budget report <classeur.xlsx> --out', '-o, --out <fichier>'],
    ['reconcile', 'ess-budget reconcile <classeur.xlsx> <relevé.csv|relevé.xlsx>', '--match reference|key'],
    ['diff', 'ess-budget diff <avant.xlsx> <après.xlsx>', '--format text|json'],
    ['close', 'ess-budget close <classeur.xlsx> <année>', '--by NOM'],
    ['reopen', 'ess-budget reopen <classeur.xlsx> <année> --reason "motif"', '--reason "motif"'],
  ])('%s --help: that command’s usage in French, exit 0, nothing on stderr', async (command, first, option) => {
    for (const flag of ['--help', '-h']) {
      const r = await cli(command, flag);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      expect(r.out.split('\n')[0]).toBe(`${first}${first.endsWith('--out') ? ' <fichier.pdf|fichier.xlsx|fichier.csv> [options]' : ' [options]'}`);
      expect(r.out).toContain(option);
      expect(r.out).toContain('Statut de sortie');
      expect(plain(r.out)).toMatch(/Exemple :\n {2}ess-budget /);
    }
  });

  test('--help wins over the other arguments, even wrong ones; --lang en gives the English help', async () => {
    expect((await cli('check', 'nothing.xlsx', '--bogus', '--help')).code).toBe(0);
    const en = await cli('reconcile', '--help', '--lang', 'en');
    expect(en.out).toContain('--match reference|key   forces the pairing');
    expect(en.out).toContain('Exit status');
  });

  test('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(await cli('--version')).toEqual({ code: 0, out: `ess-budget ${version}`, err: '' });
  });

  test('the general usage lists the four commands, --help and --version', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    for (const c of ['init', 'check', 'report', 'reconcile']) expect(r.out).toContain(`ess-budget ${c} `);
    expect(r.out).toContain('ess-budget <commande> --help');
    expect(r.out).toContain('ess-budget --version');
  });

  test('the built binary answers check --help in French with exit 0 (not Node’s parser error)', () => {
    const r = spawnSync(process.execPath, [bin, 'check', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ess-budget check <classeur\.xlsx> \[options\]\nContrôle le classeur/);
    expect(r.stderr).toBe('');
  });
});
