/**
 * Issue 11, "the convention as its readers read it": each item as a Région officer or the COPIL
 * secretariat meets it, through ess-budget (messages, exit statuses, JSON, and the PDF's text as
 * pdftotext reads it). Workbooks are made by code: init's plan, edited as a reader would, rendered.
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { buildWorkbookPlan, type PlanTable, type PlanValue, type WorkbookPlan } from '../../src/core/template';
import { cli } from '../helpers/cli';
import { tmp } from '../helpers/files';
import { planFile, type JsonFinding } from '../helpers/plan';
import { needs } from '../helpers/tools';

const dir = tmp('ess-reading-');
let n = 0;

function plan(example = true): WorkbookPlan {
  return buildWorkbookPlan({ example, lang: 'fr' });
}
function table(p: WorkbookPlan, name: string): PlanTable {
  return p.sheets.flatMap((s) => s.tables).find((t) => t.name === name)!;
}
function col(t: PlanTable, header: string): number {
  const i = t.columns.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`${t.name}: no column ${header}`);
  return i;
}
function row(t: PlanTable, where: Record<string, PlanValue>): PlanValue[] {
  const r = t.rows.find((x) => Object.entries(where).every(([h, v]) => x[col(t, h)] === v));
  if (!r) throw new Error(`${t.name}: no row ${JSON.stringify(where)}`);
  return r;
}
function set(p: WorkbookPlan, name: string, where: Record<string, PlanValue>, header: string, value: PlanValue): void {
  const t = table(p, name);
  row(t, where)[col(t, header)] = value;
}
function add(p: WorkbookPlan, name: string, values: Record<string, PlanValue>): void {
  const t = table(p, name);
  const r: PlanValue[] = t.columns.map(() => null);
  for (const [h, v] of Object.entries(values)) r[col(t, h)] = v;
  t.rows.push(r);
}
function remove(p: WorkbookPlan, name: string, drop: (r: PlanValue[], t: PlanTable) => boolean): void {
  const t = table(p, name);
  t.rows = t.rows.filter((r) => !drop(r, t));
}
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const yearOf = (v: PlanValue) => (v as Date).getUTCFullYear();

const file = planFile;
async function check(p: WorkbookPlan, asOf = '2026-11-29'): Promise<{ code: number; findings: JsonFinding[]; totals: Record<string, unknown>[] }> {
  const r = await cli('check', await file(p), '--format', 'json', '--as-of', asOf);
  const json = JSON.parse(r.out);
  return { code: r.code, findings: json.findings, totals: json.totals };
}
const of = (fs: JsonFinding[], rule: string) => fs.filter((f) => f.rule === rule);

/** The PDF's pages as the COPIL reads them (pdftotext), no-break spaces kept. */
async function pdfPages(p: WorkbookPlan, asOf = '2026-11-29'): Promise<{ code: number; pages: string[] }> {
  const out = join(dir, `synthese-${++n}.pdf`);
  const r = await cli('report', await file(p), '--out', out, '--as-of', asOf);
  const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
  return { code: r.code, pages: text.split('\f').filter((x) => x.trim()) };
}
async function report(p: WorkbookPlan, ext: 'csv' | 'xlsx', asOf = '2026-11-29'): Promise<string> {
  const out = join(dir, `synthese-${++n}.${ext}`);
  await cli('report', await file(p), '--out', out, '--as-of', asOf);
  return out;
}
/** pdftotext's spacing varies: compare words, with every kind of space as one. */
const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');
const pdfTest = needs('pdftotext');

describe('item 1: the example’s COPIL summary says it is fictitious, and labels amounts by status', () => {
  pdfTest('item 1: every PDF page of the example says EXEMPLE FICTIF; CDC 2015-2016 read "décidé", never "Confirmé"; no claim of compliance', async () => {
    const { code, pages } = await pdfPages(plan());
    expect(code).toBe(0);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(page).toContain('EXEMPLE FICTIF');
    const all = flat(pages.join('\n'));
    expect(all).not.toMatch(/Confirmé/);
    expect(all).toMatch(/CDC 2015 décidé 1 000 000,00 €/);
    expect(all).toMatch(/Région 2014 fixé 2 387 500,00 €/);
    expect(all).not.toMatch(/respecte la convention/);
  });
  test('item 1: the CSV and the XLSX of the example say it too; a real workbook’s summary does not', async () => {
    expect(readFileSync(await report(plan(), 'csv'), 'utf8')).toContain('EXEMPLE FICTIF');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await report(plan(), 'xlsx'));
    const ws = wb.getWorksheet('Synthèse COPIL')!;
    expect(ws.headerFooter.oddHeader).toContain('EXEMPLE FICTIF');
    expect(String(ws.getCell('A2').value)).toContain('EXEMPLE FICTIF');
    expect(readFileSync(await report(plan(false), 'csv'), 'utf8')).not.toContain('EXEMPLE FICTIF');
  });
});

/** The example with what a COPIL must hear about: warnings only. */
function withWarnings(): WorkbookPlan {
  const p = plan();
  remove(p, 'Instances', (r, t) => r[col(t, 'Instance')] === 'Assemblée des territoires' && yearOf(r[col(t, 'Date')]) === 2015);
  set(p, 'Jalons', { Jalon: 'Évaluation finale' }, 'Réalisé le', null);
  set(p, 'Convention', { Financeur: 'Région', Année: 2016 }, 'Statut', 'Sous réserve');
  set(p, 'Convention', { Financeur: 'Région', Année: 2016 }, 'Décision', null);
  set(p, 'Convention', { Financeur: 'CDC', Année: 2016 }, 'Décision', null);
  return p;
}

describe('item 2: the summary carries every warning', () => {
  pdfTest('item 2: the PDF lists each warning rule with its count and first cells, and does not say the workbook complies', async () => {
    const { code, pages } = await pdfPages(withWarnings());
    expect(code).toBe(0);
    const all = flat(pages.join('\n'));
    for (const title of ['Assemblée des territoires manquante', 'Évaluation manquante', 'Montant reconduit sans décision enregistrée', 'Montant CDC non décidé']) expect(all).toContain(title);
    expect(all).toMatch(/Aucune erreur, mais 4 avertissements à examiner/);
    expect(all).not.toMatch(/respecte la convention/);
    expect(all).toMatch(/Instances!A4:C\d+/);
  });
  test('item 2: the CSV carries the warnings, not only the errors', async () => {
    const csv = readFileSync(await report(withWarnings(), 'csv'), 'utf8');
    expect(csv).toMatch(/Contrôle;.*avertissement;Assemblée des territoires manquante \(governance\.assembly\);Art\. 2 §4\.1/i);
    expect(csv).toMatch(/Constats par règle;.*Évaluation manquante \(evaluation\.missing\)/);
  });
});

describe('item 3: the Convention table’s Total adds up or says n.d.', () => {
  pdfTest('item 3: with CDC 2015-2016 not fixed (a fresh workbook), the totals say n.d. and why, instead of a sum that does not add up', async () => {
    const { pages } = await pdfPages(plan(false), '2014-06-01');
    const all = flat(pages.join('\n'));
    // The reason wraps in its cell: the row starts with it, and the gap column says it whole.
    expect(all).toMatch(/Total n\.d\. \(CDC 2015 non fixé, CDC/);
    expect(all).toContain('n.d. (CDC 2015 non fixé, CDC 2016 non fixé)');
    expect(all).not.toMatch(/Total 12 247 700,00 €/);
  });
  test('item 3: the XLSX totals row says n.d. too', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await report(plan(false), 'xlsx', '2014-06-01'));
    const ws = wb.getWorksheet('Synthèse COPIL')!;
    const values: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => values.push(String((c.value as { result?: unknown })?.result ?? c.value))));
    expect(values).toContain('n.d. (CDC 2015 non fixé, CDC 2016 non fixé)');
  });
});

describe('item 4: an avenant covers only what it changes', () => {
  test('item 4: Avenant n°1 (partners) does not cover a changed État amount; an avenant of amount kind for that funder, year and amount does', async () => {
    const p = plan();
    set(p, 'Convention', { Financeur: 'État', Année: 2015 }, 'Montant (€)', 900000);
    set(p, 'Convention', { Financeur: 'État', Année: 2015 }, 'Avenant', '1');
    const r = await check(p);
    expect(r.code).toBe(1);
    const [f] = of(r.findings, 'convention.changed-without-avenant');
    expect(f.message).toMatch(/l’avenant n°1 porte sur l’adhésion de partenaires, pas sur les montants/);

    set(p, 'Convention', { Financeur: 'État', Année: 2015 }, 'Avenant', '2');
    add(p, 'Avenants', { 'N°': '2', Date: d('2015-06-01'), Objet: 'Réduction de la participation de l’État 2015', Délibération: 'CP n°15.06.001', Nature: 'Modification de montant', Financeur: 'État', Année: 2015, 'Nouveau montant (€)': 900000 });
    expect(of((await check(p)).findings, 'convention.changed-without-avenant')).toEqual([]);

    // Issue 20: Art. 7 sets no deadline. Dated after the year it changes, the avenant still covers the
    // change; the year-end check is a usage of the suivi (a warning citing no article).
    set(p, 'Avenants', { 'N°': '2' }, 'Date', d('2016-02-01'));
    const late = await check(p);
    expect(of(late.findings, 'convention.changed-without-avenant')).toEqual([]);
    expect(of(late.findings, 'avenant.after-year')[0].message).toMatch(/après la fin de l’année 2015.*usage retenu par le suivi/);
    // Dated after the as-of date, it is not signed yet: it covers nothing yet.
    set(p, 'Avenants', { 'N°': '2' }, 'Date', d('2015-06-01'));
    expect(of((await check(p, '2015-03-01')).findings, 'convention.changed-without-avenant')[0].message).toMatch(/pas encore signé/);
  });
  test('item 4: a partner needs an avenant that lists it; an avenant without date or deliberation is a warning', async () => {
    const p = plan();
    add(p, 'Partenaires', { Collectivité: 'Ville de Saint-Chamond', Type: 'Commune', Avenant: '1' });
    set(p, 'Avenants', { 'N°': '1' }, 'Date', null);
    const r = await check(p);
    expect(r.code).toBe(1);
    expect(of(r.findings, 'partner.without-avenant')[0].message).toMatch(/l’avenant n°1 ne la cite pas parmi les collectivités qu’il ajoute/);
    expect(of(r.findings, 'avenant.incomplete')).toEqual([expect.objectContaining({ severity: 'warning', sheet: 'Avenants', cell: 'B5', article: 'Art. 7' })]);
  });
});

describe('item 5: partners match exactly, a close name is only a suggestion', () => {
  test('item 5: "Ville de Lyas" (a commune of Ardèche) is not Ville de Lyon: error, with a suggestion', async () => {
    const p = plan();
    add(p, 'Partenaires', { Collectivité: 'Ville de Lyas', Type: 'Commune' });
    const r = await check(p);
    expect(r.code).toBe(1);
    const [f] = of(r.findings, 'partner.without-avenant');
    expect(f.message).toContain('Voulez-vous dire «\u00a0Ville de Lyon\u00a0»\u202f?');
  });
  test('item 5: case, accents, hyphens, "Ville de" and known aliases are the same collectivité', async () => {
    const p = plan();
    set(p, 'Partenaires', { Collectivité: 'Ville de Villeurbanne' }, 'Collectivité', 'VILLEURBANNE');
    set(p, 'Partenaires', { Collectivité: 'Saint-Étienne Métropole' }, 'Collectivité', 'Saint Etienne metropole');
    set(p, 'Partenaires', { Collectivité: 'Communauté urbaine de Lyon – Grand Lyon' }, 'Collectivité', 'Métropole de Lyon');
    const r = await check(p);
    expect(r.code).toBe(0);
    expect(r.findings).toEqual([]);
  });
});

describe('item 6: the evaluations', () => {
  test('item 6: the final evaluation is not overdue on 1 January 2017 ("à l’issue du contrat"); it is after the profile’s grace', async () => {
    const p = plan();
    set(p, 'Jalons', { Jalon: 'Évaluation finale' }, 'Réalisé le', null);
    expect(of((await check(p, '2017-01-02')).findings, 'evaluation.missing')).toEqual([]);
    expect(of((await check(p, '2017-07-01')).findings, 'evaluation.missing')[0].message).toContain('30/06/2017');
  });
  test('item 6: "Évaluation à mi-parcours" is the intermediate evaluation; an evaluation done names its third-party evaluator', async () => {
    const p = plan();
    set(p, 'Jalons', { Jalon: 'Évaluation intermédiaire' }, 'Jalon', 'Évaluation à mi-parcours');
    expect((await check(p)).findings).toEqual([]);
    set(p, 'Jalons', { Jalon: 'Évaluation finale' }, 'Évaluateur (tiers)', 'CRESS Rhône-Alpes');
    const [f] = of((await check(p)).findings, 'evaluation.no-evaluator');
    expect(f).toMatchObject({ severity: 'warning', article: 'Art. 2 §5' });
    expect(f.message).toMatch(/est partie au contrat/);
  });
});

describe('item 7: meetings the convention provides for', () => {
  test('item 7: a Rencontre régionale, a thematic working group and an action’s COPIL are no errors; an unknown body is a warning, exit 0', async () => {
    const p = plan();
    add(p, 'Instances', { Instance: 'Groupe de travail thématique', Date: d('2015-05-12'), Objet: 'Commande publique' });
    add(p, 'Instances', { Instance: 'COPIL d’une action', Date: d('2015-05-13'), Objet: 'COPIL de l’action I_1.2' });
    add(p, 'Instances', { Instance: 'Réunion de chantier', Date: d('2015-05-15') });
    const r = await check(p);
    expect(r.code).toBe(0);
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['governance.unknown-body', 'warning']]);
  });
  test('item 7: the yearly Rencontre régionale is checked', async () => {
    const p = plan();
    remove(p, 'Instances', (r, t) => r[col(t, 'Instance')] === 'Rencontre régionale' && yearOf(r[col(t, 'Date')]) === 2016);
    expect(of((await check(p)).findings, 'governance.regional-meeting')).toEqual([expect.objectContaining({ severity: 'warning', article: 'Art. 2 §4.2' })]);
  });
});

describe('item 8: citations', () => {
  test('item 8: Article 2’s sub-sections read "Art. 2 §4.1" and "Art. 2 §5"; total-mismatch cites the funder’s own article; allocation.over cites none', async () => {
    const p = plan();
    set(p, 'Participations2015', { Axe: 'Axe 1 – Promotion' }, 'État', 200001);
    remove(p, 'Instances', (r, t) => r[col(t, 'Instance')] === 'Assemblée des territoires' && yearOf(r[col(t, 'Date')]) === 2015);
    remove(p, 'Bilans', (r, t) => r[col(t, 'Code action')] === 'I_1.2' && r[col(t, 'Année')] === 2015);
    const fin = table(p, 'Financements');
    const line = fin.rows.find((r) => r[col(fin, 'Code action')] === 'I_1.2' && r[col(fin, 'Année')] === 2016 && r[col(fin, 'Financeur')] === 'CDC')!;
    line[col(fin, 'Prévu (€)')] = (line[col(fin, 'Prévu (€)')] as number) + 10;
    const r = await check(p);
    expect(of(r.findings, 'convention.total-mismatch')[0].article).toBe('Art. 4');
    expect(of(r.findings, 'governance.assembly')[0].article).toBe('Art. 2 §4.1');
    expect(of(r.findings, 'reporting.missing-bilan')[0].article).toBe('Art. 2 §5');
    const over = of(r.findings, 'allocation.over');
    expect(over.length).toBeGreaterThan(0);
    for (const f of over) expect(f.article).toBeNull();
  });
});

describe('item 9: the wording of legal status', () => {
  test('item 9: a renewed Région amount is not "signé"; what the user typed is "inscrit au tableau Convention"; each funder its own instrument', async () => {
    const p = plan();
    set(p, 'Convention', { Financeur: 'Région', Année: 2015 }, 'Montant (€)', 2000000);
    for (const f of ['Région', 'État']) {
      set(p, 'Convention', { Financeur: f, Année: 2016 }, 'Statut', 'Sous réserve');
      set(p, 'Convention', { Financeur: f, Année: 2016 }, 'Décision', null);
    }
    const r = await check(p);
    const all = r.findings.map((f) => f.message).join('\n');
    expect(all).not.toMatch(/montant signé|montant conventionnel|vote du budget ou loi de finances/);
    expect(of(r.findings, 'convention.changed-without-avenant')[0].message).toContain('montant reconduit par la convention (sous réserve)');
    expect(of(r.findings, 'convention.total-mismatch')[0].message).toContain('inscrit au tableau Convention');
    const unconfirmed = of(r.findings, 'convention.unconfirmed').map((f) => f.message);
    expect(unconfirmed).toEqual(expect.arrayContaining([expect.stringContaining('budget de la Région'), expect.stringContaining('loi de finances')]));
  });
});

describe('item 10: no source line numbers in the user’s workbook', () => {
  test('item 10: the Convention "Base" column holds the article only', async () => {
    const out = join(dir, 'init.xlsx');
    expect((await cli('init', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const bases: string[] = [];
    wb.getWorksheet('Convention')!.getColumn(5).eachCell((c, r) => {
      if (r > 4 && c.value) bases.push(String(c.value));
    });
    expect(bases).toHaveLength(9);
    for (const b of bases) expect(b).toMatch(/^Art\. [345]$/);
  });
});

describe('item 11: one typing mistake, one finding', () => {
  test('item 11: a participation typed as text gives cell.not-a-number only, not allocation.over or total-mismatch', async () => {
    const p = plan();
    set(p, 'Participations2014', { Axe: 'Axe 1 – Promotion' }, 'Région', '537 500,00 €');
    const r = await check(p);
    expect(r.code).toBe(1);
    expect(r.findings.map((f) => f.rule)).toEqual(['cell.not-a-number']);
  });
  test('item 11: the sub-cent message writes the amount the French way', async () => {
    const p = plan();
    const fin = table(p, 'Financements');
    fin.rows[0][col(fin, 'Versé (€)')] = 200000.005;
    const [f] = of((await check(p)).findings, 'cell.sub-cent');
    expect(f.message).toContain('200\u00a0000,005');
    expect(f.message).not.toContain('200000.005');
  });
});

/** French public holidays 2014-2016, written out here independently of the example's own list. */
const HOLIDAYS = new Set([
  ...[2014, 2015, 2016].flatMap((y) => ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map((m) => `${y}-${m}`)),
  '2014-04-21', '2014-05-29', '2014-06-09', '2015-04-06', '2015-05-14', '2015-05-25', '2016-03-28', '2016-05-05', '2016-05-16',
]);

describe('item 12: dates', () => {
  test('item 12: before the signature (15/11/2014) nothing is due under the contract: État 2014 "prévisionnel" is no warning yet', async () => {
    const p = plan(false);
    expect(of((await check(p, '2014-06-01')).findings, 'convention.unconfirmed')).toEqual([]);
    expect(of((await check(p, '2014-11-15')).findings, 'convention.unconfirmed')).toHaveLength(1);
  });
  test('item 12: 2014 counts from the signature: no yearly minimum of meetings for it', async () => {
    const p = plan();
    remove(p, 'Instances', (r, t) => yearOf(r[col(t, 'Date')]) === 2014);
    expect((await check(p)).findings).toEqual([]);
  });
  test('item 12: a bilan received after the as-of date does not count; a year’s bilan is due after the grace period, not on 1 January', async () => {
    const p = plan();
    set(p, 'Bilans', { 'Code action': 'I_1.2', Année: 2015 }, 'Reçu le', d('2017-03-31'));
    expect(of((await check(p, '2016-12-31')).findings, 'reporting.missing-bilan')).toHaveLength(1);
    remove(p, 'Bilans', (r, t) => r[col(t, 'Code action')] === 'I_1.2' && r[col(t, 'Année')] === 2014);
    expect(of((await check(p, '2015-01-01')).findings, 'reporting.missing-bilan')).toEqual([]);
    expect(of((await check(p, '2015-07-01')).findings, 'reporting.missing-bilan')).toHaveLength(1);
  });
  test('item 12: the example meets on working days only, and never before the contract was signed', async () => {
    const p = plan();
    const t = table(p, 'Instances');
    for (const r of t.rows) {
      const date = r[col(t, 'Date')] as Date;
      const iso = date.toISOString().slice(0, 10);
      expect([iso, date.getUTCDay()]).not.toEqual([iso, 0]);
      expect([iso, date.getUTCDay()]).not.toEqual([iso, 6]);
      expect(HOLIDAYS.has(iso)).toBe(false);
      expect(iso >= '2014-11-15').toBe(true);
    }
  });
});

describe('item 13: what else a reader of the convention expects', () => {
  test('item 13: two Convention rows for one funder and year are an error', async () => {
    const p = plan();
    add(p, 'Convention', { Financeur: 'CDC', Année: 2016, 'Montant (€)': 500000, Statut: 'À décider' });
    const r = await check(p);
    expect(r.code).toBe(1);
    expect(of(r.findings, 'convention.duplicate-row')).toEqual([expect.objectContaining({ severity: 'error', sheet: 'Convention', article: 'Art. 5' })]);
  });
  test('item 13: the last year’s bilan covers the whole period', async () => {
    const p = plan();
    set(p, 'Bilans', { 'Code action': 'I_1.2', Année: 2016 }, 'Période couverte', '2016');
    expect(of((await check(p)).findings, 'reporting.final-bilan-scope')).toEqual([expect.objectContaining({ severity: 'warning', article: 'Art. 2 §5' })]);
  });
  pdfTest('item 13: page 1 gives the convention’s references (deliberation n°14.04.253, signature, Avenant n°1) and the as-of date', async () => {
    const { pages } = await pdfPages(plan(), '2016-12-31');
    const p1 = flat(pages[0]);
    expect(p1).toContain('n°14.04.253');
    expect(p1).toContain('signée le 15/11/2014');
    expect(p1).toContain('Avenant n°1');
    expect(p1).toContain('Situation au 31/12/2016');
    expect(p1).toMatch(/Méthode/);
  });
  test('item 13: the example’s invented Axe 3 codes and the ANIM code say they are invented', () => {
    const t = table(plan(), 'Actions');
    const titleOf = (code: string) => String(row(t, { Code: code })[col(t, 'Intitulé')]);
    expect(titleOf('ANIM')).toMatch(/code ANIM attribué par Suivi CES ESS/);
    for (const code of ['III_1.2', 'III_2.1', 'III_3.1', 'III_4.1', 'III_5.1', 'II_3.2']) expect(titleOf(code)).toMatch(/code fictif/);
    expect(titleOf('III_1.1')).not.toMatch(/fictif/);
  });
});

describe('item 14: French typography and what the French reader sees', () => {
  test('item 14: messages use no-break spaces before : ; ? and inside « », and one apostrophe', async () => {
    const p = plan();
    add(p, 'Partenaires', { Collectivité: 'Ville de Lyas', Type: 'Commune' });
    const r = await cli('check', await file(p), '--as-of', '2026-11-29');
    const line = r.out.split('\n').find((l) => l.includes('partner.without-avenant'))!;
    expect(line).toContain('«\u00a0Ville de Lyas\u00a0»');
    expect(line).not.toMatch(/ [:;?]|'/);
  });
  pdfTest('item 14: the French PDF names rules by their French title (the id is only a secondary column)', async () => {
    const p = plan();
    set(p, 'Participations2014', { Axe: 'Axe 1 – Promotion' }, 'Région', 537501);
    const { pages } = await pdfPages(p);
    const all = flat(pages.join('\n'));
    expect(all).toMatch(/Participations différentes de la convention/);
    // In "Principales erreurs" the Règle column holds the title, not the id.
    const top = all.slice(all.indexOf('Principales erreurs'), all.indexOf('Exécution par financeur et par année'));
    expect(top).toMatch(/Participations différentes de la/);
    expect(top).not.toContain('convention.total-mismatch');
  });
  test('item 14: the CSV has the as-of date; the XLSX action table has the PDF’s column order', async () => {
    expect(readFileSync(await report(plan(), 'csv', '2016-12-31'), 'utf8')).toContain('Situation au 31/12/2016');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await report(plan(), 'xlsx'));
    const ws = wb.getWorksheet('Synthèse COPIL')!;
    let header: string[] = [];
    ws.eachRow((r) => {
      const v = (r.values as unknown[]).slice(1).map(String);
      if (v[0] === 'Code' || v[1] === 'Code') header = v;
    });
    expect(header.slice(0, 2)).toEqual(['Code', 'Intitulé']);
  });
});
