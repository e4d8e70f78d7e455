/**
 * Issue 23: a second convention, written only as a JSON file (test/fixtures/profiles/), checked by
 * the same code: its workbook is the init plan for its profile, the snapshot carries the profile,
 * and every finding speaks its words and cites its articles — none of the CES ESS's.
 */
import { analyse } from '../../src/core/analysis';
import { checkWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import { snapshotFromPlan } from '../../src/core/planSnapshot';
import { profileFromDocument, type ProfileDocument } from '../../src/core/profile';
import { buildWorkbookPlan } from '../../src/core/template';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import fixture from '../fixtures/profiles/transition-2021-2024.json';
import { addRow, col, date, set, table } from '../helpers/workbook';

const second = profileFromDocument(fixture as ProfileDocument);
const AS_OF = new Date(Date.UTC(2023, 0, 15));

/** The fixture's every article: a finding cites one of them, or none. */
const ARTICLES = new Set([
  fixture.period.article,
  fixture.avenants.article,
  fixture.actions.article,
  fixture.bilans.article,
  ...fixture.funders.map((f) => f.article),
  ...fixture.bodies.map((b) => b.article),
  ...fixture.evaluations.map((e) => e.article),
]);
/** Words only the CES ESS 2014-2016 has. */
const CES_WORDS = /Rhône-Alpes|\bCDC\b|Caisse des dépôts|comité régional d’engagement|Loi de finances|\b201[4-6]\b|COPIL|CRESS|Assemblée des territoires|\b16 collectivités|article 7\b|Article 7\b/i;

/**
 * The blank workbook `init --profile` writes for the fixture, filled as a secretariat would at
 * 15/01/2023: every amount split between the two axes and planned on one action of each, the bank's
 * 2022 and 2023 amounts decided, the renewed ones confirmed, the partner of Avenant n°1, the
 * bodies' meetings, the 2021 bilans, the intermediate evaluation.
 */
function secondWorkbook(): WorkbookSnapshot {
  const s = snapshotFromPlan(buildWorkbookPlan({ example: false, lang: 'fr', profile: second }));
  s.profile = second;
  for (const a of second.signedAmounts) {
    const label = second.funders.find((f) => f.id === a.funder)!.label.fr;
    let cents = a.amount;
    const row = { Financeur: label, Année: a.year };
    if (cents === null && a.year <= 2023) {
      cents = 100_000_000;
      set(s, 'Convention', row, 'Montant (€)', cents / 100);
      set(s, 'Convention', row, 'Décision', `Comité d’engagement de la banque du 14/01/${a.year}`);
    }
    // The budget votes and the aid committee's decisions that confirm the renewed amounts.
    if (a.status !== 'fixe' && a.status !== 'a-decider') set(s, 'Convention', row, 'Décision', `Décision du 10/01/${a.year}`);
    if (cents === null) continue;
    const t = table(s, `Participations${a.year}`);
    for (const [i, code] of ['A_1', 'B_1'].entries()) {
      t.rows[i][col(t, label)] = cents / 200;
      addRow(s, 'Financements', { 'Code action': code, Année: a.year, Financeur: label, 'Prévu (€)': cents / 200 });
    }
  }
  for (const code of ['A_1', 'B_1']) addRow(s, 'Bilans', { 'Code action': code, Année: 2021, 'Reçu le': date('2022-03-31') });
  set(s, 'Avenants', 0, 'Date', date('2022-06-01'));
  set(s, 'Avenants', 0, 'Délibération', 'Délibération n°CP-2022-05-20 du 20/05/2022');
  for (const d of ['2021-06-10', '2021-11-15', '2022-03-01', '2022-10-04']) addRow(s, 'Instances', { Instance: 'Comité des financeurs', Date: date(d) });
  for (const d of ['2021-12-01', '2022-12-01']) addRow(s, 'Instances', { Instance: 'Comité de suivi', Date: date(d) });
  set(s, 'Jalons', 0, 'Réalisé le', date('2022-11-30'));
  set(s, 'Jalons', 0, 'Évaluateur (tiers)', 'Cabinet Évaluations & Territoires');
  return s;
}

const check = (s: WorkbookSnapshot, lang: 'fr' | 'en' = 'fr') => checkWorkbook(s, { asOf: AS_OF, lang });
const ofRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

test('the filled workbook of the second convention is clean at 15/01/2023', () => {
  const r = check(secondWorkbook());
  expect(r.findings.map((f) => `${f.rule} ${f.message}`)).toEqual([]);
  // Its totals are its four funders, per year of its period.
  expect([...new Set(r.totals.map((t) => t.funder))]).toEqual(['Région', 'ADEME', 'Banque publique d’investissement', 'Métropole']);
  expect([...new Set(r.totals.map((t) => t.year))]).toEqual([2021, 2022, 2023, 2024]);
});

describe('a second convention, from its profile only', () => {
  const s = secondWorkbook();
  // ADEME 2021 typed 310 000 € in its participations for a convention amount of 300 000 €.
  set(s, 'Participations2021', 0, 'ADEME', 160_000);
  // Avenant n°1 signed on 01/06/2022 but approved on 20/06/2022: « approuvé par délibération avant sa signature ».
  set(s, 'Avenants', 0, 'Délibération', 'Délibération n°CP-2022-06-20 du 20/06/2022');
  // One Comité des financeurs in 2022 where the text wants two.
  table(s, 'Instances').rows = table(s, 'Instances').rows.filter((r) => !(r[0] === 'Comité des financeurs' && (r[1] as Date).toISOString().startsWith('2022-10')));
  const r = check(s);

  test('its own total mismatch, citing its funder’s article', () => {
    const [f] = ofRule(r.findings, 'convention.total-mismatch');
    expect(f).toMatchObject({ sheet: 'Participations 2021', article: 'Art. 5', funder: 'ADEME', year: 2021, expected: '300000.00', actual: '310000.00', gap: '10000.00' });
    expect(f.message).toMatch(/^ADEME 2021\u00a0: les participations par axe totalisent 310\u00a0000,00\u00a0€ pour un montant de 300\u00a0000,00\u00a0€/);
  });

  test('its avenant approved after its signature, citing its avenant article', () => {
    const [f] = ofRule(r.findings, 'avenant.irregular');
    expect(f).toMatchObject({ sheet: 'Avenants', article: 'Art. 10', severity: 'error' });
    expect(f.message).toMatch(/^Avenant n°1\u00a0: approuvé le 20\/06\/2022, après sa signature du 01\/06\/2022.*\(article 10\)\.$/);
    // The partner it adds is not reported twice: the avenant's own finding says why it does not count yet.
    expect(ofRule(r.findings, 'partner.without-avenant')).toEqual([]);
  });

  test('its bodies counted by the generic rule, with the body’s label, frequency and article', () => {
    const found = ofRule(r.findings, 'governance.meetings');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ sheet: 'Instances', severity: 'warning', article: 'Art. 8' });
    expect(found[0].message).toBe(
      '2022\u00a0: 1 réunion de l’instance «\u00a0Comité des financeurs\u00a0»\u202f; la convention en prévoit au moins 2 par an («\u00a0se réunit au moins deux fois par an\u00a0», article 8).',
    );
    // No CES body rule runs on a convention that has none of its bodies.
    expect(r.findings.filter((x) => /^governance\.(copil|assembly|social-dialogue|technical-committee|regional-meeting)$/.test(x.rule))).toEqual([]);
  });

  test('every finding cites one of its articles and says no word of the CES ESS, in both languages', () => {
    expect(r.findings.length).toBeGreaterThanOrEqual(3);
    for (const f of r.findings) {
      if (f.article !== null) expect(ARTICLES).toContain(f.article);
      expect(f.message).not.toMatch(CES_WORDS);
    }
    for (const f of check(s, 'en').findings) expect(f.message).not.toMatch(CES_WORDS);
  });
});

describe('the rules that read the profile’s statuses and dates', () => {
  test('an amount left to a later decision is the bank’s, in its instrument’s words and article', () => {
    const s = secondWorkbook();
    set(s, 'Convention', { Financeur: 'Banque publique d’investissement', Année: 2022 }, 'Décision', null);
    const [f] = ofRule(check(s).findings, 'convention.cdc-undecided');
    expect(f).toMatchObject({ article: 'Art. 6', year: 2022 });
    expect(f.message).toBe('Banque publique d’investissement 2022\u00a0: aucune décision du comité d’engagement de la banque enregistrée pour ce montant (article 6).');
    // The bank's 2023 amount: the year has begun, no amount typed.
    set(s, 'Convention', { Financeur: 'Banque publique d’investissement', Année: 2023 }, 'Montant (€)', null);
    const [g] = ofRule(check(s).findings, 'convention.cdc-undecided').filter((x) => x.year === 2023);
    expect(g.message).toBe('Banque publique d’investissement 2023\u00a0: aucun montant alors que l’année a commencé\u202f; la participation dépend du comité d’engagement de la banque (article 6).');
  });

  test('a renewed amount without its decision names the funder’s own instrument', () => {
    const s = secondWorkbook();
    set(s, 'Convention', { Financeur: 'ADEME', Année: 2022 }, 'Décision', null);
    const found = ofRule(check(s).findings, 'convention.unconfirmed');
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f).toMatchObject({ article: 'Art. 5', funder: 'ADEME', year: 2022 });
    expect(f.message).toContain('(décision de la commission des aides de l’ADEME)');
  });

  test('its intermediate evaluation is due end 2022, by its own date', () => {
    const s = secondWorkbook();
    set(s, 'Jalons', 0, 'Réalisé le', null);
    const [f] = ofRule(check(s).findings, 'evaluation.missing');
    expect(f).toMatchObject({ article: 'Art. 9' });
    expect(f.message).toMatch(/«\u00a0fin 2022\u00a0», échéance du 31\/12\/2022 dépassée/);
    expect(ofRule(checkWorkbook(s, { asOf: new Date(Date.UTC(2022, 11, 31)), lang: 'fr' }).findings, 'evaluation.missing')).toEqual([]);
  });

  test('an action code names its axis by the profile’s prefix', () => {
    const s = secondWorkbook();
    set(s, 'Actions', { Code: 'B_1' }, 'Axe', 'Axe A – Décarbonation de l’industrie');
    const [f] = ofRule(check(s).findings, 'action.axis-mismatch');
    expect(f).toMatchObject({ sheet: 'Actions' });
  });

  test('a year outside its period is outside, 2015 included', () => {
    const s = secondWorkbook();
    addRow(s, 'Instances', { Instance: 'Comité de suivi', Date: date('2015-03-01') });
    set(s, 'Actions', { Code: 'A_1' }, 'Année d’entrée', 2015);
    const [f] = ofRule(check(s).findings, 'period.outside');
    expect(f).toMatchObject({ article: 'Art. 2', sheet: 'Actions' });
    expect(f.message).toBe('«\u00a0Année d\'entrée\u00a0»\u00a0: l’année 2015 est hors de la période de la convention (2021 à 2024).');
  });

  test('the analysis keeps the profile it read the workbook with', () => {
    expect(analyse(secondWorkbook(), AS_OF).model.profile).toBe(second);
  });
});
