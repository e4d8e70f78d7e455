/** ess-budget reconcile as a user runs it: exit statuses, text and JSON output, --out, --map, bad input. */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { build } from 'esbuild';
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { cli } from '../helpers/cli';
import { EXAMPLE_LEDGER_HEADERS, EXAMPLE_LEDGER_PLANTED, exampleLedgerCsv, exampleLedgerRows } from '../../src/core/reconcile/example';
import { buildWorkbookPlan } from '../../src/core/template';
import { renderPlan, writeWorkbookFile } from '../../src/hosts/xlsx/workbook';
import { plain } from '../helpers/typography';

const root = join(__dirname, '../..');
const exampleCsv = join(root, 'examples/grand-livre-cdc.csv');
let dir: string;
let workbook: string;

/** Amounts are printed with no-break spaces (U+00A0), as French typography wants. */
const nb = (s: string) => s.replace(/(\d) (\d)/g, '$1\u00a0$2').replace(/(\d) (\d)/g, '$1\u00a0$2').replace(/ €/g, '\u00a0€');

const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

/** The example ledger's rows with amounts as numbers, for an .xlsx ledger. */
const numericRows = () => exampleLedgerRows().map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] === null ? null : r[7] / 100, r[8] === null ? null : r[8] / 100]);

async function xlsx(name: string, rows: ExcelJS.CellValue[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Export');
  rows.forEach((r) => ws.addRow(r));
  const p = join(dir, name);
  await wb.xlsx.writeFile(p);
  return p;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'reconcile-cli-'));
  workbook = join(dir, 'exemple.xlsx');
  await writeWorkbookFile(renderPlan(buildWorkbookPlan({ example: true, lang: 'fr' })), workbook);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a ledger numbered in its own scheme (the CDC’s commitment numbers, none in the workbook)', () => {
  /** The example ledger with every reference replaced by the CDC's own number ("2014/ENG/00417"). */
  const ownScheme = () => {
    const own = new Map<string, string>();
    return exampleLedgerRows().map((r): typeof r => {
      if (!own.has(r[0])) own.set(r[0], `${r[2]}/ENG/${String(417 + own.size * 7).padStart(5, '0')}`);
      return [own.get(r[0])!, ...r.slice(1)] as typeof r;
    });
  };

  test('exactly the three real differences (a changed amount, a missing line, an unknown line) and one information line', async () => {
    const ledger = file('grand-livre-cdc-numeros-cdc.csv', exampleLedgerCsv(ownScheme()));
    const r = await cli('reconcile', workbook, ledger);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const findings = r.out.split('\n').filter((l) => /^\S.*: (erreur|avertissement|information) \[/.test(l));
    expect(findings).toHaveLength(4);
    expect(plain(findings[0])).toMatch(new RegExp(nb('^Financements!E\\d+: erreur \\[reconciliation\\.amount-mismatch\\] II_2\\.1\\.1 · 2015 · CDC : montant engagé de 61 600,00 € au relevé')));
    expect(plain(findings[1])).toMatch(/^Financements!G\d+: avertissement \[reconciliation\.missing-in-ledger\] EX-2016-CDC-146 : /);
    expect(plain(findings[2])).toMatch(new RegExp(nb('^grand-livre-cdc-numeros-cdc\\.csv, ligne 80: avertissement \\[reconciliation\\.missing-in-workbook\\] 2016/ENG/\\d{5} : 12 500,00 € engagés')));
    expect(plain(findings[3])).toBe(
      'grand-livre-cdc-numeros-cdc.csv, ligne 2: information [reconciliation.matched-by-key] Les références du relevé ne correspondent pas au classeur : rapprochement par action, année et financeur (aucune de ses 47 références au tableau Financements).',
    );
    expect(plain(r.out)).toContain('Rapprochement : 45 ligne(s) concordante(s), 1 différente(s), 1 absente(s) du relevé, 1 absente(s) du classeur');
    expect(r.out.split('\n').pop()).toBe('1 erreur, 2 avertissements, 1 information.');
  });

  test('--match reference forces the references: every line then looks missing on both sides, with no hint', async () => {
    const ledger = file('grand-livre-cdc-numeros-cdc.csv', exampleLedgerCsv(ownScheme()));
    const j = JSON.parse((await cli('reconcile', workbook, ledger, '--match', 'reference', '--format', 'json')).out);
    expect(j.summary).toMatchObject({ matched: 0, missingInLedger: 47, missingInWorkbook: 47 });
    expect(j.findings.some((f: { rule: string }) => f.rule === 'reconciliation.matched-by-key')).toBe(false);
  });

  test('--match key pairs the example’s own ledger on action, year and funder too: the same differences, no information line', async () => {
    const j = JSON.parse((await cli('reconcile', workbook, exampleCsv, '--match', 'key', '--format', 'json')).out);
    expect(j.findings.map((f: { rule: string }) => f.rule)).toEqual(['reconciliation.amount-mismatch', 'reconciliation.missing-in-ledger', 'reconciliation.missing-in-workbook']);
    expect(j.lines.filter((l: { matchedOn: string }) => l.matchedOn === 'reference')).toEqual([]);
  });
});

describe('the example workbook against the example CDC ledger', () => {
  test('text: the three planted differences, pointed to their cell or ledger line; exit 1', async () => {
    const r = await cli('reconcile', workbook, exampleCsv);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(plain(lines[0])).toMatch(new RegExp(nb('^Financements!E\\d+: erreur \\[reconciliation\\.amount-mismatch\\] EX-2015-CDC-086 : montant engagé de 61 600,00 € au relevé')));
    expect(lines.map(plain)).toContainEqual(expect.stringMatching(/^Financements!G\d+: avertissement \[reconciliation\.missing-in-ledger\] EX-2016-CDC-146 : /));
    expect(lines.map(plain)).toContainEqual(expect.stringMatching(new RegExp(nb('^grand-livre-cdc\\.csv, ligne 80: avertissement \\[reconciliation\\.missing-in-workbook\\] EX-2016-CDC-901 : 12 500,00 € engagés'))));
    expect(plain(r.out)).toContain('Rapprochement : 45 ligne(s) concordante(s), 1 différente(s), 1 absente(s) du relevé, 1 absente(s) du classeur');
    expect(r.out).toContain(nb('CDC 2015 : Engagé classeur 1 000 000,00 € ; Engagé relevé 995 000,00 € ; Écart engagé -5 000,00 €'));
    expect(lines[lines.length - 1]).toBe('1 erreur, 2 avertissements, 0 information.');
  });

  test('JSON: file, ledger, summary, findings, totals and lines, amounts as strings', async () => {
    const r = await cli('reconcile', workbook, exampleCsv, '--format', 'json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['file', 'ledger', 'summary', 'findings', 'totals', 'lines']));
    expect(j.file).toBe(workbook);
    expect(j.ledger).toMatchObject({ file: exampleCsv, format: 'csv', encoding: 'utf-8', delimiter: ';' });
    expect(j.summary).toMatchObject({ errors: 1, warnings: 2, infos: 0, matched: 45, different: 1, missingInLedger: 1, missingInWorkbook: 1 });
    expect(j.findings[0]).toMatchObject({ rule: 'reconciliation.amount-mismatch', severity: 'error', sheet: 'Financements', expected: '66600.00', actual: '61600.00', gap: '-5000.00', source: 'workbook' });
    expect(j.findings.find((f: { rule: string }) => f.rule === 'reconciliation.missing-in-workbook')).toMatchObject({ sheet: 'grand-livre-cdc.csv', cell: 'ligne 80', source: 'ledger' });
    expect(j.totals).toContainEqual({ funder: 'CDC', year: 2015, workbookCommitted: '1000000.00', ledgerCommitted: '995000.00', gapCommitted: '-5000.00', workbookPaid: '919500.00', ledgerPaid: '919500.00', gapPaid: '0.00' });
    const cancelled = j.lines.find((l: { reference: string }) => l.reference === EXAMPLE_LEDGER_PLANTED.cancellation.reference);
    expect(cancelled).toMatchObject({ status: 'matched', matchedOn: 'reference', ledger: { committed: '93700.00', lines: [expect.stringMatching(/^ligne \d+$/), expect.stringMatching(/^ligne \d+$/)] }, gapCommitted: '0.00' });
  });

  test('the same ledger as .xlsx gives the same result, pointing to its cells', async () => {
    const p = await xlsx('grand-livre.xlsx', [EXAMPLE_LEDGER_HEADERS, ...numericRows()]);
    const r = await cli('reconcile', workbook, p, '--format', 'json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.summary).toMatchObject({ errors: 1, warnings: 2, matched: 45, different: 1, missingInLedger: 1, missingInWorkbook: 1 });
    expect(j.findings.find((f: { rule: string }) => f.rule === 'reconciliation.missing-in-workbook')).toMatchObject({ sheet: 'Export', cell: 'A80' });
    const text = await cli('reconcile', workbook, p);
    expect(text.out).toMatch(/^grand-livre\.xlsx Export!A80: avertissement \[reconciliation\.missing-in-workbook\]/m);
  });

  test('the same ledger saved in Windows-1252 reads its accents', async () => {
    const p = file('cp1252.csv', iconv.encode(exampleLedgerCsv().replace(/^\ufeff/, ''), 'windows-1252'));
    const r = await cli('reconcile', workbook, p, '--format', 'json');
    const j = JSON.parse(r.out);
    expect(j.ledger.encoding).toBe('windows-1252');
    expect(j.ledger.columns.committed).toBe('Montant engagé');
    expect(j.summary).toMatchObject({ different: 1, missingInLedger: 1, missingInWorkbook: 1 });
  });

  test('English output', async () => {
    const r = await cli('reconcile', workbook, exampleCsv, '--lang', 'en');
    expect(r.out).toContain('grand-livre-cdc.csv, line 80: warning [reconciliation.missing-in-workbook]');
    expect(r.out).toContain('1 error, 2 warnings, 0 infos.');
  });

  test('--out writes a Rapprochement sheet and table, ledger text neutralised', async () => {
    const csv = exampleLedgerCsv().replace('Étude complémentaire hors plan (exemple)', '=HYPERLINK("http://x";"y")'.replace(/"/g, '""')).replace(/;=HYPERLINK\(""http:\/\/x"";""y""\);/, ';"=HYPERLINK(""http://x"";""y"")";');
    const ledgerPath = file('injection.csv', csv);
    const out = join(dir, 'rapprochement.xlsx');
    const r = await cli('reconcile', workbook, ledgerPath, '--out', out);
    expect(r.code).toBe(1);
    expect(plain(r.out)).toContain(`Rapprochement écrit : ${out}.`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Rapprochement')!;
    expect(ws).toBeDefined();
    const tables = (ws as unknown as { tables: Record<string, unknown> }).tables;
    expect(Object.keys(tables)).toEqual(expect.arrayContaining(['Rapprochement', 'RapprochementTotaux']));
    expect(ws.getRow(3).values).toEqual(expect.arrayContaining(['Statut', 'Référence', 'Engagé classeur (€)', 'Écart engagé (€)', 'Libellé']));
    expect(ws.getCell('A4').value).toBe('Différente');
    expect(ws.getCell('C4').value).toBe('EX-2015-CDC-086');
    expect(ws.getCell('I4').value).toBe(-5000);
    const labels: unknown[] = [];
    ws.eachRow((row) => labels.push(row.getCell(15).value));
    expect(labels).toContain('\'=HYPERLINK("http://x";"y")');
    expect(labels.some((v) => typeof v === 'string' && v.startsWith('='))).toBe(false);
    // Run again: the file is there, and may be someone's workbook.
    const again = await cli('reconcile', workbook, ledgerPath, '--out', out);
    expect([again.code, plain(again.err)]).toEqual([2, `${out} existe déjà : choisissez un autre nom, ou ajoutez --force pour le remplacer.`]);
    expect((await cli('reconcile', workbook, ledgerPath, '--out', out, '--force')).code).toBe(1);
  });

  test('a ledger that agrees on every line it holds: warnings only, exit 0', async () => {
    const rows = exampleLedgerCsv().split('\r\n').slice(0, 3).join('\r\n');
    const r = await cli('reconcile', workbook, file('partiel.csv', rows), '--format', 'json');
    const j = JSON.parse(r.out);
    expect(j.summary).toMatchObject({ errors: 0, matched: 2, different: 0, missingInWorkbook: 0 });
    expect(j.summary.missingInLedger).toBeGreaterThan(40);
    expect(r.code).toBe(0);
  });
});

describe('the ledger’s own problems', () => {
  test('text amounts, duplicated references and unknown action codes are findings on the ledger lines', async () => {
    const csv = "N° d'engagement;Code action;Exercice;Financeur;Montant engagé\nEX-2014-CDC-033;I_1.1.1;2014;CDC;trente mille\nEX-2014-CDC-034;I_1.1.2;2014;CDC;50 000,00\nEX-2014-CDC-034;II_1.1;2014;CDC;0,00\nZ-1;IX_1;2014;CDC;10,00\n";
    const r = await cli('reconcile', workbook, file('defauts.csv', csv), '--format', 'json');
    const j = JSON.parse(r.out);
    const byRule = (rule: string) => j.findings.filter((f: { rule: string }) => f.rule === rule).map((f: { cell: string }) => f.cell);
    expect(byRule('cell.not-a-number')).toEqual(['ligne 2']);
    expect(byRule('reconciliation.duplicate-reference')).toEqual(['ligne 4']);
    expect(byRule('action.unknown')).toEqual(['ligne 5']);
    expect(j.summary.skippedLines).toBe(1);
    expect(r.code).toBe(1);
  });
});

describe('the ledger’s own problems, in an .xlsx ledger', () => {
  test('text and blank amounts, duplicated references, unknown action codes and funders: findings on their cells', async () => {
    const p = await xlsx('defauts.xlsx', [
      ["N° d'engagement", 'Code action', 'Exercice', 'Financeur', 'Montant engagé'],
      ['EX-2014-CDC-033', 'I_1.1.1', 2014, 'CDC', 'trente mille'],
      ['EX-2014-CDC-034', 'I_1.1.2', 2014, 'CDC', 50000],
      ['EX-2014-CDC-034', 'II_1.1', 2014, 'CDC', 0],
      ['Z-1', 'IX_1', 2014, 'CDC', 10],
      ['Z-2', 'I_1.2', 2014, 'Caise des depots', 10],
      ['Z-3', 'I_1.2', 2014, 'CDC', null],
    ]);
    const r = await cli('reconcile', workbook, p, '--format', 'json');
    const j = JSON.parse(r.out);
    const at = (rule: string) => j.findings.filter((f: { rule: string }) => f.rule === rule).map((f: { sheet: string; cell: string }) => `${f.sheet}!${f.cell}`);
    expect(at('cell.not-a-number')).toEqual(['Export!E2']);
    expect(at('cell.required')).toEqual(['Export!E7']);
    expect(at('reconciliation.duplicate-reference')).toEqual(['Export!A4']);
    expect(at('action.unknown')).toEqual(['Export!A5']);
    expect(at('cell.unknown-funder')).toEqual(['Export!A6']);
    expect(r.code).toBe(1);
  });

  test('an .xlsx ledger without a recognisable header: one line, exit 2', async () => {
    const p = await xlsx('compta.xlsx', [['Compte', 'Débit', 'Crédit'], ['6574', 100, 0]]);
    const r = await cli('reconcile', workbook, p);
    expect(r.code).toBe(2);
    expect(plain(r.err)).toMatch(/compta\.xlsx : aucune ligne d'en-têtes reconnue .*« Compte », « Débit », « Crédit ».*--map/);
  });
});

describe('inputs that cannot be used: one line, exit 2', () => {
  const oneLine = (r: { code: number; out: string; err: string }) => {
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/^\s+at .*\(|Error:/m);
    return plain(r.err);
  };

  test('no recognisable header: the headers found and how to use --map', async () => {
    const p = file('pieces.csv', 'Pièce;Opération;Exercice;Montant AE\nP-1;I_1.2;2014;62 500,00\n');
    const err = oneLine(await cli('reconcile', workbook, p));
    expect(err).toBe(
      `${p} : aucune ligne d'en-têtes reconnue (il faut un montant engagé ou versé, et une référence ou un code action) ; en-têtes trouvés : « Pièce », « Opération », « Exercice », « Montant AE ». Indiquez les colonnes avec --map, par exemple --map engage="Montant AE" --map reference="N° pièce".`,
    );
  });

  test('--map makes that ledger usable', async () => {
    const p = file('pieces2.csv', 'Pièce;Opération;Exercice;Montant AE\nP-1;I_1.2;2014;62 500,00\n');
    const r = await cli('reconcile', workbook, p, '--map', 'engage=Montant AE', '--map', 'action="Opération"', '--funder', 'CDC', '--format', 'json');
    const j = JSON.parse(r.out);
    expect(j.ledger.columns).toMatchObject({ committed: 'Montant AE', action: 'Opération' });
    expect(j.lines.find((l: { action: string; year: number }) => l.action === 'I_1.2' && l.year === 2014)).toMatchObject({ status: 'matched', matchedOn: 'key' });
  });

  test.each([
    [['--map', 'engage'], /--map attend champ="En-tête du relevé"/],
    [['--map', 'montant=Montant AE'], /« montant » n'est pas un champ du relevé/],
    [['--map', 'engage=Montant XYZ'], /--map engage="Montant XYZ" : aucune colonne « Montant XYZ »/],
    [['--format', 'xml'], /^Valeur invalide pour --format : « xml » \(possibles : text, json\)/],
    [['--lang', 'de'], /^Valeur invalide pour --lang : « de »/],
    [['--bogus'], /^Option inconnue pour reconcile : --bogus\. Tapez « ess-budget reconcile --help »\.$/],
    [['--fundr', 'CDC'], /^Option inconnue pour reconcile : --fundr\. Vouliez-vous dire --funder \?/],
    [['--match', 'keys'], /^Valeur invalide pour --match : « keys » \(possibles : reference, key\)/],
    [['--out'], /^L'option --out de reconcile attend une valeur/],
  ])('%j', async (extra, message) => {
    expect(oneLine(await cli('reconcile', workbook, exampleCsv, ...extra))).toMatch(message);
  });

  test('an empty ledger, a missing ledger, a missing workbook, a wrong number of files', async () => {
    expect(oneLine(await cli('reconcile', workbook, file('vide.csv', '')))).toBe(`${join(dir, 'vide.csv')} : relevé vide, rien à rapprocher.`);
    expect(oneLine(await cli('reconcile', workbook, join(dir, 'absent.csv')))).toBe(`${join(dir, 'absent.csv')} : fichier introuvable.`);
    expect(oneLine(await cli('reconcile', join(dir, 'absent.xlsx'), exampleCsv))).toBe(`${join(dir, 'absent.xlsx')} : fichier introuvable.`);
    expect(oneLine(await cli('reconcile', workbook))).toMatch(/reconcile attend un classeur et un relevé/);
  });

  test('a 200 MB ledger is refused with its size', async () => {
    const p = file('enorme.csv', '');
    truncateSync(p, 200 * 1024 * 1024);
    expect(oneLine(await cli('reconcile', workbook, p))).toBe(`${p} : relevé refusé, 200\u00a0Mo au-delà de la limite de 100\u00a0Mo ; exportez une période ou un financeur à la fois.`);
  });

  test('a ledger that is not a ledger, a workbook that is not a workbook', async () => {
    expect(oneLine(await cli('reconcile', workbook, file('scan.pdf', '%PDF-1.4\n')))).toMatch(/format de relevé non pris en charge/);
    expect(oneLine(await cli('reconcile', file('faux.xlsx', 'pas un zip'), exampleCsv))).toMatch(/faux\.xlsx : ce n'est pas un classeur \.xlsx/);
  });

  test('--out never overwrites an input file', async () => {
    expect(oneLine(await cli('reconcile', workbook, exampleCsv, '--out', workbook))).toMatch(/désigne un fichier d'entrée/);
  });
});

describe('the real binary', () => {
  test('README command: exit 1, the report on stdout, nothing on stderr', async () => {
    const out = join(root, 'dist/test-reconcile/ess-budget.js');
    await build({ entryPoints: [join(root, 'src/cli/index.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: out, external: ['exceljs', 'yauzl', 'decimal.js'], logLevel: 'warning' });
    const r = spawnSync(process.execPath, [out, 'reconcile', workbook, 'examples/grand-livre-cdc.csv'], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('[reconciliation.amount-mismatch] EX-2015-CDC-086');
    const bad = spawnSync(process.execPath, [out, 'reconcile', workbook, join(dir, 'nothing.csv')], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
