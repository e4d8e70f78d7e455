/**
 * Issue 20, "the convention's acts in time": what was decided, signed and due at the situation
 * date, through ess-budget as a Région officer or the COPIL secretariat runs it (JSON, exit status,
 * and the PDF's text as pdftotext reads it). Each test names the seed's words it rests on
 * (../shared/seed/000_3d1c0acb239d7dfe.txt, Lnnn).
 */
import ExcelJS from 'exceljs';
import { cli } from '../helpers/cli';
import { needs } from '../helpers/tools';
import { addLine, checkPlan, day, flat, ofRule, pdfOf, plan, planFile, setCell, totalOf } from '../helpers/plan';

const pdfTest = needs('pdftotext');

/** État 2015 raised to 1 100 000 € (Axe 3) by an avenant n°2 signed on `signed`, approved by `deliberation`. */
function amountAvenant(signed: Date | null, deliberation: string | null = 'Commission permanente du 10/09/2015', year = 2015) {
  const p = plan();
  setCell(p, 'Convention', { Financeur: 'État', Année: year }, 'Montant (€)', 1100000);
  setCell(p, 'Convention', { Financeur: 'État', Année: year }, 'Avenant', '2');
  setCell(p, `Participations${year}`, { Axe: 'Axe 3 – Entrepreneuriat et développement économique' }, 'État', 400000);
  addLine(p, 'Avenants', { 'N°': '2', Date: signed, Objet: 'Hausse de la participation de l’État', Délibération: deliberation, Nature: 'Modification de montant', Financeur: 'État', Année: year, 'Nouveau montant (€)': 1100000 });
  return p;
}

describe('Art. 7 (L1185-L1190): an avenant exists once signed, « soumis, préalablement à sa signature » to approval', () => {
  test('an avenant signed 01/10/2015 does not cover État 2015 at 01/09/2015: error, and the status is not « modifié par avenant »', async () => {
    const p = amountAvenant(day('2015-10-01'));
    const before = await checkPlan(p, '2015-09-01');
    expect(before.code).toBe(1);
    expect(ofRule(before.findings, 'convention.changed-without-avenant')[0].message).toMatch(/pas encore signé à la date de situation/);
    expect(totalOf(before.totals, 'État', 2015).legalStatus).toBe('avenant-sans-effet');
    // The avenant itself is listed with what it will cover; its future date is not repeated.
    expect(ofRule(before.findings, 'avenant.pending').find((f) => f.message.includes('n°2'))!.message).toMatch(/il couvrira\u00a0: État 2015/);
    expect(before.findings.map((f) => f.message).join('\n')).not.toContain('01/10/2015');
    const after = await checkPlan(p, '2015-10-01');
    expect(ofRule(after.findings, 'convention.changed-without-avenant')).toEqual([]);
    expect(totalOf(after.totals, 'État', 2015).legalStatus).toBe('avenant');
  });

  pdfTest('page 1 at 01/09/2015 says neither « modifié par avenant » nor the avenant of 01/10/2015', async () => {
    const { pages } = await pdfOf(amountAvenant(day('2015-10-01')), '2015-09-01');
    const p1 = flat(pages[0]);
    expect(p1).not.toMatch(/État 2015 modifié par avenant/);
    expect(p1).toMatch(/État 2015 modifié, avenant sans effet à/);
    expect(p1).not.toContain('01/10/2015');
    expect(p1).not.toMatch(/Avenant n°2/);
  });

  test('an avenant with no date (and no deliberation) covers nothing: the amount change is an error, the avenant lists what it would cover', async () => {
    const r = await checkPlan(amountAvenant(null, null), '2016-12-31');
    expect(r.code).toBe(1);
    expect(ofRule(r.findings, 'convention.changed-without-avenant')[0].message).toMatch(/n’est pas daté/);
    expect(ofRule(r.findings, 'avenant.incomplete')[0].message).toMatch(/il couvrirait\u00a0: État 2015/);
    expect(totalOf(r.totals, 'État', 2015).legalStatus).toBe('avenant-sans-effet');
  });

  test('« soumis, préalablement à sa signature »: a deliberation dated after the signature is an error; one before it is not', async () => {
    const late = await checkPlan(amountAvenant(day('2015-06-01'), 'Commission permanente du 12/06/2015'), '2016-12-31');
    expect(late.code).toBe(1);
    const [f] = ofRule(late.findings, 'avenant.irregular');
    expect(f).toMatchObject({ severity: 'error', article: 'Art. 7', sheet: 'Avenants', cell: 'D6' });
    expect(f.message).toMatch(/approuvé le 12\/06\/2015, après sa signature du 01\/06\/2015/);
    // One cause, one finding: the amount change is not reported a second time.
    expect(ofRule(late.findings, 'convention.changed-without-avenant')).toEqual([]);
    const inOrder = await checkPlan(amountAvenant(day('2015-06-01'), 'Commission permanente du 29/05/2015'), '2016-12-31');
    expect(inOrder.code).toBe(0);
  });

  test('an avenant signed before the convention itself (signée le 15 novembre 2014, L137-L138) is an error', async () => {
    const r = await checkPlan(amountAvenant(day('2014-10-01'), 'Commission permanente du 20/09/2014'), '2016-12-31');
    expect(r.code).toBe(1);
    expect(ofRule(r.findings, 'avenant.irregular')[0].message).toMatch(/avant la convention qu’il modifie \(signée le 15\/11\/2014\)/);
  });

  test('Art. 7 sets no deadline: an amount avenant signed in 2016 for 2015 is no error; the year-end check is a usage (warning, no article)', async () => {
    const r = await checkPlan(amountAvenant(day('2016-02-01'), 'Commission permanente du 22/01/2016'), '2016-12-31');
    expect(r.code).toBe(0);
    expect(ofRule(r.findings, 'convention.changed-without-avenant')).toEqual([]);
    expect(totalOf(r.totals, 'État', 2015).legalStatus).toBe('avenant');
    const [f] = ofRule(r.findings, 'avenant.after-year');
    expect(f).toMatchObject({ severity: 'warning', article: null });
    expect(f.message).toMatch(/usage retenu par le suivi/);
    expect(f.message).not.toMatch(/doit être signé avant/);
  });

  pdfTest('the summary’s method note lists the usages (no deadline in the text) and the model of dated acts', async () => {
    const { pages } = await pdfOf(plan(), '2016-12-31');
    const p1 = flat(pages[0]);
    expect(p1).toMatch(/Usages retenus par le suivi là où la convention ne dit rien/);
    expect(p1).toMatch(/l’article 7 ne fixe aucun délai/);
    expect(p1).toMatch(/ne compte qu’une fois daté, au plus tard à la date de situation/);
  });

  test('« l’ajout de nouveaux signataires … fera l’objet d’un avenant »: partners of Avenant n°1 are not partners before it is signed', async () => {
    const p = plan();
    addLine(p, 'Avenants', { 'N°': '2', Date: day('2016-10-03'), Délibération: 'Commission permanente du 23/09/2016', Nature: 'Adhésion de partenaires', 'Collectivités ajoutées': 'Ville de Bron' });
    addLine(p, 'Partenaires', { Collectivité: 'Ville de Bron', Type: 'Commune', Avenant: '2' });
    const before = await checkPlan(p, '2016-06-30');
    expect(ofRule(before.findings, 'avenant.pending').map((f) => f.message).join('\n')).toMatch(/Avenant n°2\u00a0: .*Ville de Bron/);
    expect(ofRule(before.findings, 'partner.without-avenant')).toEqual([]);
    const after = await checkPlan(p, '2016-12-31');
    expect(after.findings).toEqual([]);
  });
});

describe('Art. 3, 4, 5 (L1158-L1179): a status follows the act that makes it so, dated by the situation date', () => {
  test('« décisions du comité régional d’engagement »: CDC 2015 is not « décidé » at 01/02/2015 on a comité of 10/03/2015', async () => {
    const p = plan();
    setCell(p, 'Convention', { Financeur: 'CDC', Année: 2015 }, 'Décision', 'Comité régional d’engagement du 10/03/2015');
    const before = await checkPlan(p, '2015-02-01');
    expect(totalOf(before.totals, 'CDC', 2015).legalStatus).not.toBe('decide');
    expect(ofRule(before.findings, 'convention.cdc-undecided')[0].message).toMatch(/n’a pas encore statué/);
    const after = await checkPlan(p, '2015-03-10');
    expect(totalOf(after.totals, 'CDC', 2015).legalStatus).toBe('decide');
    expect(ofRule(after.findings, 'convention.cdc-undecided')).toEqual([]);
  });

  test('« sous réserve de l’inscription des crédits … aux Lois de finances »: État 2016 typed « Confirmé » without a decision stays reserved (warning)', async () => {
    const p = plan();
    setCell(p, 'Convention', { Financeur: 'État', Année: 2016 }, 'Décision', null);
    const r = await checkPlan(p, '2016-12-31');
    expect(r.code).toBe(0);
    const [f] = ofRule(r.findings, 'convention.unconfirmed');
    expect(f).toMatchObject({ severity: 'warning', article: 'Art. 4' });
    expect(f.message).toMatch(/statut «\u00a0Confirmé\u00a0» saisi sans décision enregistrée/);
    expect(totalOf(r.totals, 'État', 2016).legalStatus).toBe('reconduit');
  });

  test('a decision without a date settles nothing yet, and says what it would settle once dated', async () => {
    const p = plan();
    setCell(p, 'Convention', { Financeur: 'Région', Année: 2016 }, 'Décision', 'Budget primitif 2016');
    const r = await checkPlan(p, '2016-12-31');
    expect(ofRule(r.findings, 'convention.unconfirmed')[0].message).toMatch(/n’est pas datée.*elle le confirmerait/);
    expect(totalOf(r.totals, 'Région', 2016).legalStatus).toBe('reconduit');
  });

  pdfTest('the reserve stays in every output: the PDF says « reconduit sous réserve » for État 2016 typed « Confirmé »', async () => {
    const p = plan();
    setCell(p, 'Convention', { Financeur: 'État', Année: 2016 }, 'Décision', null);
    const all = flat((await pdfOf(p, '2016-12-31')).pages.join('\n'));
    expect(all).toMatch(/État 2016 reconduit sous réserve/);
    expect(all).toMatch(/Aucune erreur, mais 1 avertissement à examiner \(ci-dessous\) ?: la conformité à la convention n’est pas acquise tant qu’il n’est pas levé/);
  });

  pdfTest('the PDF labels an unreadable Région 2015 amount « montant illisible », never « non fixé »', async () => {
    const p = plan();
    setCell(p, 'Convention', { Financeur: 'Région', Année: 2015 }, 'Montant (€)', '2 387 500,00 €');
    const p1 = flat((await pdfOf(p, '2016-12-31')).pages[0]);
    expect(p1).toMatch(/Région 2015 montant illisible/);
    expect(p1).not.toMatch(/Région 2015 non fixé/);
  });
  test('an unreadable Région 2015 amount is « montant illisible », not « non fixé »', async () => {
    const p = plan();
    setCell(p, 'Convention', { Financeur: 'Région', Année: 2015 }, 'Montant (€)', '2 387 500,00 €');
    const r = await checkPlan(p, '2016-12-31');
    expect(totalOf(r.totals, 'Région', 2015).legalStatus).toBe('illisible');
  });
});

describe('Art. 2 §5 (L1063-L1064): « le bilan consolidé de l’action sur toute la période de mise en œuvre »', () => {
  test('an action entered in 2015 reports on 2015-2016, not 2014-2016', async () => {
    const p = plan();
    setCell(p, 'Bilans', { 'Code action': 'II_3.2', Année: 2016 }, 'Période couverte', '2016');
    const [f] = ofRule((await checkPlan(p, '2017-12-31')).findings, 'reporting.final-bilan-scope');
    expect(f.message).toMatch(/indiquez «\u00a02015-2016\u00a0»/);
    setCell(p, 'Bilans', { 'Code action': 'II_3.2', Année: 2016 }, 'Période couverte', '2015-2016');
    expect(ofRule((await checkPlan(p, '2017-12-31')).findings, 'reporting.final-bilan-scope')).toEqual([]);
  });
  test('« en année civile de préférence »: the bilan’s due date is a usage, not an article’s deadline', async () => {
    const p = plan();
    setCell(p, 'Bilans', { 'Code action': 'I_1.2', Année: 2015 }, 'Reçu le', null);
    const [f] = ofRule((await checkPlan(p, '2016-12-31')).findings, 'reporting.missing-bilan');
    expect(f.message).toMatch(/sans échéance.*usage retenu par le suivi/);
  });
  test('« l’évaluation finale à l’issue du contrat »: its due date is a usage', async () => {
    const p = plan();
    setCell(p, 'Jalons', { Jalon: 'Évaluation finale' }, 'Réalisé le', null);
    const [f] = ofRule((await checkPlan(p, '2017-07-01')).findings, 'evaluation.missing');
    expect(f.message).toMatch(/«\u00a0à l’issue du contrat\u00a0», sans date.*usage retenu par le suivi/);
    expect(f.message).not.toMatch(/échéance du 30\/06\/2017 dépassée/);
  });
});

describe('Art. 2 §4.1 (L976-L978): the COPIL « statuera sur l’intégration de nouvelles actions »', () => {
  test('an action entered in 2015 on a COPIL of 09/06/2015 is not integrated yet at 31/03/2015: a warning that does not repeat the future date', async () => {
    const p = plan();
    const before = await checkPlan(p, '2015-03-31');
    expect(before.code).toBe(0);
    const [f] = ofRule(before.findings, 'action.added-without-copil');
    expect(f.message).toMatch(/II_3\.2, entrée en 2015\u00a0: la décision du COPIL qui l’intègre n’est pas encore intervenue/);
    expect(f.message).not.toContain('09/06/2015');
    expect(ofRule((await checkPlan(p, '2015-06-09')).findings, 'action.added-without-copil')).toEqual([]);
  });
});

describe('Art. 8 (L1192-L1194): « couvrant les engagements décidés au cours des années 2014, 2015, et 2016 »', () => {
  test('a year can be closed only once it has ended, or with --force and a reason kept in the Journal', async () => {
    const file = await planFile(plan());
    const early = await cli('close', file, '2016', '--as-of', '2016-06-30', '--by', 'Test');
    expect(early.code).toBe(2);
    expect(early.err).toMatch(/L’année 2016 n’est pas terminée \(elle court jusqu’au 31\/12\/2016\)/);
    const noReason = await cli('close', file, '2016', '--as-of', '2016-06-30', '--force', '--by', 'Test');
    expect(noReason.code).toBe(2);
    expect(noReason.err).toMatch(/exige un motif/);
    const forced = await cli('close', file, '2016', '--as-of', '2016-06-30', '--force', '--reason', 'Changement d’exercice comptable', '--by', 'Test');
    expect(forced.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const journal: string[] = [];
    wb.getWorksheet('Journal')!.eachRow((r) => journal.push(r.values!.toString()));
    expect(journal.join('\n')).toMatch(/Clôture anticipée de 2016 au 30\/06\/2016, avant la fin de l’année\u00a0: Changement d’exercice comptable/);
    const ended = await cli('close', await planFile(plan()), '2015', '--as-of', '2016-01-01', '--by', 'Test');
    expect(ended.code).toBe(0);
  });
});

describe('one cause, one finding: the rules that depend on a wrong axis or code say they could not be judged', () => {
  test('an action’s axis typed « Axe 4 » (Art. 1 fixes three) gives one error, not nine « reste à répartir »', async () => {
    const p = plan();
    setCell(p, 'Actions', { Code: 'I_1.2' }, 'Axe', 'Axe 4');
    const r = await checkPlan(p, '2016-12-31');
    expect(r.findings.map((f) => f.rule)).toEqual(['axis.unknown']);
    expect(r.findings[0].message).toMatch(/les contrôles qui dépendent de l’axe de cette ligne \(totaux par financeur et répartition par axe\) ne sont pas jugés/);
  });
  test('a participation row typed « Axe 4 » gives one error: the totals and the split it feeds say they are not judged', async () => {
    const p = plan();
    setCell(p, 'Participations2015', { Axe: 'Axe 1 – Promotion' }, 'Axe', 'Axe 4');
    const r = await checkPlan(p, '2016-12-31');
    expect(r.findings.map((f) => [f.rule, f.cell])).toEqual([['axis.unknown', 'A5']]);
  });
  test('a financing code typed « I-1.2 » gives action.unknown, not a false « aucun bilan 2015 reçu »', async () => {
    const p = plan();
    setCell(p, 'Financements', { 'Code action': 'I_1.2', Année: 2015, Financeur: 'Région' }, 'Code action', 'I-1.2');
    const r = await checkPlan(p, '2016-12-31');
    expect(ofRule(r.findings, 'reporting.missing-bilan')).toEqual([]);
    expect(ofRule(r.findings, 'allocation.under')).toEqual([]);
    expect(ofRule(r.findings, 'action.unknown')[0].message).toMatch(/bilan annuel de cette ligne ne sont pas jugés/);
  });
});

describe('Art. 2 §4.1 (L968-L1008): the bodies as the convention words them', () => {
  test('« Les comités techniques pourront se réunir au moins deux fois par an »: an information worded as a possibility', async () => {
    const p = plan();
    const t = p.sheets.flatMap((s) => s.tables).find((x) => x.name === 'Instances')!;
    t.rows = t.rows.filter((r) => !(r[0] === 'Comité technique Axe 2' && (r[1] as Date).getUTCFullYear() === 2015 && (r[1] as Date).getUTCMonth() === 3));
    const r = await checkPlan(p, '2016-12-31');
    expect(r.code).toBe(0);
    const [f] = ofRule(r.findings, 'governance.technical-committee');
    expect(f.severity).toBe('info');
    expect(f.message).toMatch(/1 réunion du Comité technique Axe 2.*«\u00a0pourront se réunir au moins deux fois par an/);
    expect(f.message).not.toMatch(/réunion\(s\)|en prévoit au moins 2/);
  });
  test('« le DLA continuera à être suivi dans le cadre du comité de pilotage dédié à cette action »: « COPIL DLA » and « COPIL II_3.1.1 » are known bodies', async () => {
    const p = plan();
    addLine(p, 'Instances', { Instance: 'COPIL DLA', Date: day('2015-05-12'), Objet: 'Suivi du DLA' });
    addLine(p, 'Instances', { Instance: 'COPIL II_3.1.1', Date: day('2015-05-13'), Objet: 'Suivi des PTCE' });
    const r = await checkPlan(p, '2016-12-31');
    expect(r.findings).toEqual([]);
  });
  test('« réunion(s) » is written out: 3 COPIL in a year reads « 3 réunions du COPIL »', async () => {
    const p = plan();
    addLine(p, 'Instances', { Instance: 'COPIL', Date: day('2015-09-15'), Objet: 'COPIL exceptionnel' });
    expect(ofRule((await checkPlan(p, '2016-12-31')).findings, 'governance.copil')[0].message).toMatch(/^2015\u00a0: 3 réunions du COPIL/);
  });
});

describe('wording a French reader expects', () => {
  test('a decimal amount typed as text: « saisissez 1000,5 » (a French Excel does not read 1000.5)', async () => {
    const p = plan();
    setCell(p, 'Participations2014', { Axe: 'Axe 1 – Promotion' }, 'Région', '1000,5 €');
    const [f] = ofRule((await checkPlan(p, '2016-12-31')).findings, 'cell.not-a-number');
    expect(f.message).toMatch(/saisissez 1000,5 /);
  });
  test('Ville de Bron is another town, not a typo of Ville de Lyon: no suggestion; « Ville de Lyas » still gets one', async () => {
    const p = plan();
    addLine(p, 'Partenaires', { Collectivité: 'Ville de Bron', Type: 'Commune' });
    addLine(p, 'Partenaires', { Collectivité: 'Ville de Villeurbane', Type: 'Commune' });
    const fs = ofRule((await checkPlan(p, '2016-12-31')).findings, 'partner.without-avenant');
    expect(fs.find((f) => f.message.includes('Bron'))!.message).not.toMatch(/Voulez-vous dire/);
    expect(fs.find((f) => f.message.includes('Villeurbane'))!.message).toMatch(/Voulez-vous dire «\u00a0Ville de Villeurbanne\u00a0»/);
  });
  test('the example’s Avenants sheet, whose date is invented, is marked EXEMPLE FICTIF', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await planFile(plan()));
    const texts: string[] = [];
    wb.getWorksheet('Avenants')!.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts.join('\n')).toContain('EXEMPLE FICTIF');
  });
});
