/**
 * Issue 23, "Done when": a second convention written only as a JSON file
 * (test/fixtures/profiles/transition-2021-2024.json: four funders, one a public investment bank,
 * 2021-2024, two axes, its own bodies, a partner joining by Avenant n°1 in 2022) runs end to end
 * through the CLI with no code of its own: init --profile, check (its own total mismatch and avenant
 * error, with its own articles), report PDF/XLSX/CSV, reconcile, diff, close — typed into the
 * workbook by openpyxl, as a user's tool would.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { cli } from '../helpers/cli';
import type { JsonFinding } from '../helpers/plan';
import { tmp } from '../helpers/files';
import { fillTables } from '../helpers/fillTables';
import { SECOND_AS_OF as AS_OF, SECOND_PROFILE as PROFILE, secondTyping as typing } from '../helpers/secondConvention';
import { needs } from '../helpers/tools';
import { plain } from '../helpers/typography';

const withPython = needs('openpyxl');
const withPdf = needs('openpyxl', 'pdftotext');

type Finding = JsonFinding;

/** Words of the CES ESS 2014-2016 that a report on another convention must never print (the tool's name, Suivi CES ESS, aside). */
const CES_WORDS = /(?<!Suivi )CES ESS|Rhône-Alpes|CDC|Caisse des Dépôts|CRESS|2014|2016/;
let dir: string;
let blank: string;
let filled: string;

async function json(args: string[]): Promise<{ code: number; findings: Finding[]; totals: { funder: string; year: number }[] }> {
  const r = await cli(...args, '--format', 'json');
  expect(r.err).toBe('');
  return { code: r.code, ...JSON.parse(r.out) };
}

beforeAll(async () => {
  dir = tmp('ess-profile-');
  blank = join(dir, 'ctee.xlsx');
  const r = await cli('init', blank, '--profile', PROFILE);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
});

describe('init --profile writes the other convention’s workbook', () => {
  test('its sheets are its years; no CES sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(blank);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Convention', 'Participations 2021', 'Participations 2024', 'Financements']));
    expect(names.filter((n) => /2014|2015|2016/.test(n))).toEqual([]);
  });
  test('profile show names the workbook’s convention, not the CES', async () => {
    const r = await cli('profile', 'show', blank);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Convention régionale Transition écologique des entreprises 2021-2024');
    expect(r.out).not.toMatch(/CES ESS/);
  });
});

describe('check reads the convention the workbook carries', () => {
  withPython('its own total mismatch (ADEME 2021, Art. 5), avenant error (Art. 10) and meetings (Art. 8)', async () => {
    filled = fillTables(blank, join(dir, 'ctee-saisi.xlsx'), typing);
    const r = await json(['check', filled, '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    const mismatch = r.findings.filter((f) => f.rule === 'convention.total-mismatch');
    expect(mismatch).toEqual([expect.objectContaining({ article: 'Art. 5', severity: 'error', message: expect.stringMatching(/ADEME.*2021/) })]);
    expect(mismatch[0].message).toMatch(/290\u00a0000,00\u00a0€/);
    expect(r.findings.filter((f) => f.rule === 'avenant.irregular')).toEqual([expect.objectContaining({ article: 'Art. 10', sheet: 'Avenants' })]);
    const meetings = r.findings.filter((f) => f.rule.startsWith('governance.'));
    expect(meetings).toEqual([expect.objectContaining({ article: 'Art. 8', message: expect.stringMatching(/2022.*Comité des financeurs/) })]);
    for (const f of r.findings) expect(`${f.message} ${f.article ?? ''}`).not.toMatch(CES_WORDS);
    expect(new Set(r.totals.map((t) => t.funder))).toEqual(new Set(['Région', 'ADEME', 'Banque publique d’investissement', 'Métropole']));
    expect(new Set(r.totals.map((t) => t.year))).toEqual(new Set([2021, 2022, 2023, 2024]));
  });
  withPython('the text output names the convention and its funders', async () => {
    const r = await cli('check', filled, '--as-of', AS_OF);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/ADEME/);
    expect(r.out).not.toMatch(CES_WORDS);
  });
});

describe('report, reconcile, diff and close on it', () => {
  withPdf('the COPIL PDF: its title, its four funders, its years; no CES word', async () => {
    const pdf = join(dir, 'synthese.pdf');
    expect((await cli('report', filled, '--out', pdf, '--as-of', AS_OF)).code).toBe(1); // its planted errors
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // A long funder name is written whole in the tables (its column widened), never « Banque publiq… ».
    expect(text.match(/^\s*Banque publique d’investissement\s+2021\s+/gm)).toHaveLength(2);
    for (const w of ['Transition écologique', 'ADEME', 'Banque publique', 'Métropole', '2024', 'Exécution par financeur (2021-2024)']) expect(text).toContain(w);
    expect(text).not.toMatch(CES_WORDS);
  });
  withPython('the CSV and the COPIL .xlsx: one line per funder and year of the convention', async () => {
    const csv = join(dir, 'synthese.csv');
    expect((await cli('report', filled, '--out', csv, '--as-of', AS_OF)).code).toBe(1);
    const text = readFileSync(csv, 'utf8');
    expect(text).toMatch(/^Convention;2023;Banque publique d’investissement;/m);
    // The rules' titles in its words: its article on avenants, its undecided bank.
    expect(text).toContain('Avenant signé hors de l’ordre de l’article 10 (avenant.irregular)');
    expect(text).toContain('Montant Banque publique d’investissement non décidé (convention.cdc-undecided)');
    expect(text).not.toMatch(CES_WORDS);
    const out = join(dir, 'synthese.xlsx');
    expect((await cli('report', filled, '--out', out, '--as-of', AS_OF)).code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String)).join('\n');
    expect(cells).toContain('Métropole');
    expect(cells).not.toMatch(/CDC|Rhône-Alpes/);
  });
  withPython('reconcile: the bank’s ledger matches, the Région’s changed amount is named', async () => {
    const ledger = join(dir, 'releve.csv');
    writeFileSync(
      ledger,
      [
        "N° d'engagement;Code action;Exercice;Financeur;Bénéficiaire;Libellé;Date;Montant engagé;Montant mandaté",
        'R-2021-001;A_1;2021;Région;Opérateur;Diagnostics;02/04/2021;110 000,00;50 000,00',
        'B-2021-007;B_1;2021;Banque publique d’investissement;Opérateur;Réemploi;03/05/2021;300 000,00;0,00',
      ].join('\r\n'),
    );
    const r = await cli('reconcile', filled, ledger, '--format', 'json');
    const j = JSON.parse(r.out);
    expect(j.findings.map((f: Finding) => f.rule)).toEqual(['reconciliation.amount-mismatch']);
    expect(j.findings[0].message).toMatch(/R-2021-001/);
  });
  withPython('diff names a changed line with its funder', async () => {
    const after = fillTables(filled, join(dir, 'apres.xlsx'), { Financements: { set: [{ where: { Référence: 'B-2021-007' }, values: { 'Versé (€)': 120000 } }] } });
    const r = await cli('diff', filled, after);
    expect(r.code).toBe(1);
    expect(plain(r.out)).toContain(plain('B_1 · 2021 · Banque publique d’investissement · B-2021-007 — « Versé (€) »'));
    expect(plain(r.out)).toContain(plain('Banque publique d’investissement 2021 — Versé'));
  });
  withPython('close 2021, then a changed 2021 line is named; the stored convention survives', async () => {
    const book = join(dir, 'cloture.xlsx');
    copyFileSync(filled, book);
    // 2021 has its planted error (ADEME's participations): closed anyway, with the reason recorded.
    const c = await cli('close', book, '2021', '--by', 'Secrétariat', '--as-of', '2022-03-01', '--force', '--reason', 'écart ADEME expliqué au comité');
    expect(c.err).toBe('');
    expect(c.code).toBe(0);
    expect((await cli('profile', 'show', book)).out).toContain('Transition écologique');
    const changed = fillTables(book, join(dir, 'cloture-modifie.xlsx'), { Financements: { set: [{ where: { Référence: 'R-2021-001' }, values: { 'Engagé (€)': 90000 } }] } });
    // Today (the closing's own date, which close records): the closing counts, the change is an error.
    const r = await json(['check', changed]);
    expect(r.findings.filter((f) => f.rule === 'period.closed-year-changed').map((f) => `${f.sheet}!${f.cell}`)).toEqual([expect.stringMatching(/^Financements!E\d+$/)]);
    // At an earlier situation date the closing has not happened yet: no error, but the change since it is said.
    const before = await json(['check', changed, '--as-of', AS_OF]);
    expect(before.findings.filter((f) => f.rule === 'period.closed-year-changed')).toEqual([]);
    expect(before.findings.filter((f) => f.rule === 'period.closed-later-changed').map((f) => `${f.severity} ${f.sheet}!${f.cell}`)).toEqual([expect.stringMatching(/^warning Financements!E\d+$/)]);
  });
});

// Issue 23, the messages: what a user mistypes is answered with this convention's own lists, and
// « Évolutions depuis le … » names its funders by their labels.
describe('its own lists in the messages, its labels in the evolutions', () => {
  withPython('a mistyped axis, body and funder: its axes (Art. 2), bodies and funders, no CES word', async () => {
    const typo = fillTables(filled, join(dir, 'fautes.xlsx'), {
      Actions: { set: [{ where: { Code: 'A_2' }, values: { Axe: 'Axe C' } }] },
      Instances: { add: [{ Instance: 'Réunion de chantier', Date: { date: '2022-03-03' } }] },
      Financements: { add: [{ 'Code action': 'A_1', Année: 2022, Financeur: 'XYZ', 'Prévu (€)': 1000 }] },
    });
    const r = await json(['check', typo, '--as-of', AS_OF]);
    const said = (rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => `${f.article} ${plain(f.message)}`);
    expect(said('axis.unknown')).toEqual([
      "Art. 2 « Axe » : axe « Axe C » inconnu (l'article 2 en fixe deux) : choisissez Axe A – Décarbonation de l'industrie ou Axe B – Économie circulaire ; d'ici là, les contrôles qui dépendent de l'axe de cette ligne (totaux par financeur et répartition par axe) ne sont pas jugés.",
    ]);
    expect(said('governance.unknown-body')).toEqual([
      "Art. 8 « Instance » : instance « Réunion de chantier » non reconnue : la réunion n'est comptée pour aucune instance de la convention ; choisissez Comité des financeurs, Comité de suivi ou Atelier technique.",
    ]);
    expect(said('cell.unknown-funder')).toEqual([
      "null « Financeur » : financeur « XYZ » inconnu : utilisez Région, ADEME, Banque publique d'investissement, Métropole ou un cofinanceur déclaré en colonne des tableaux de participations.",
    ]);
    for (const f of r.findings) expect(f.message).not.toMatch(CES_WORDS);
  });

  withPython('report --since between two of its workbooks: the changed funder by its label (CSV)', async () => {
    const after = fillTables(filled, join(dir, 'apres-financeur.xlsx'), { Financements: { set: [{ where: { Référence: 'R-2021-001' }, values: { Financeur: 'Métropole' } }] } });
    const csv = join(dir, 'evolutions.csv');
    expect((await cli('report', after, '--since', filled, '--out', csv, '--as-of', AS_OF)).code).toBe(1);
    const text = readFileSync(csv, 'utf8');
    const changed = text.split(/\r?\n/).filter((l) => l.includes('R-2021-001') && l.includes('Financeur'));
    expect(changed).toHaveLength(1);
    expect(plain(changed[0])).toContain('« Financeur » : Région → Métropole');
    // No funder id in the section (its totals and its changed lines).
    const section = text.split(/\r?\n/).filter((l) => /^(Évolutions|Lignes modifiées)/.test(l));
    expect(section.length).toBeGreaterThan(1);
    for (const l of section) expect(l).not.toMatch(/\b(region|metropole|ademe|banque)\b/);
  });
});

describe('reconcile: a ledger read before the workbook, worded with its convention', () => {
  withPython('a ledger’s year that is no year names this convention’s years', async () => {
    const ledger = join(dir, 'releve-annee.csv');
    writeFileSync(
      ledger,
      ["N° d'engagement;Code action;Exercice;Financeur;Montant engagé", 'R-2021-001;A_1;vingt et un;Région;100 000,00', 'B-2021-007;B_1;2021;Banque publique d’investissement;300 000,00'].join('\r\n'),
    );
    const r = await cli('reconcile', filled, ledger, '--format', 'json');
    const bad = JSON.parse(r.out).findings.filter((f: Finding) => f.rule === 'cell.bad-year');
    expect(bad.map((f: Finding) => plain(f.message))).toEqual(["« Exercice » : « vingt et un » n'est pas une année : saisissez 2021, 2022, 2023 ou 2024."]);
  });
});
