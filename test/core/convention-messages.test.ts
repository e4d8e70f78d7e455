/**
 * Issue 23: the messages that list or quote the convention's facts (its funders, axes, bodies, the
 * body that integrates actions, its words on the final bilan, its years in a ledger) read the
 * workbook's profile. The CES ESS 2014-2016's stay word for word what they were (pinned here from
 * the catalogues before the change); the second convention of the tests names its own, and no
 * word of the CES ESS.
 */
import { reconcileLedger } from '../../src/app/reconcile';
import { checkWorkbook, type CheckResult } from '../../src/core/check';
import type { RuleId } from '../../src/core/findings';
import { readModel } from '../../src/core/model';
import { snapshotFromPlan } from '../../src/core/planSnapshot';
import { profileFromDocument, type ProfileDocument } from '../../src/core/profile';
import { parseLedgerRows } from '../../src/core/reconcile/ledger';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { summarise } from '../../src/core/summary';
import { buildEvolutions, evolutionTables } from '../../src/core/versions/evolutions';
import { evolutionCsvLines } from '../../src/exports/evolutionsCsv';
import { evolutionsSheets } from '../../src/core/sheets/evolutions';
import { buildWorkbookPlan } from '../../src/core/template';
import fixture from '../fixtures/profiles/transition-2021-2024.json';
import { addRow, date, exampleSnapshot, set } from '../helpers/workbook';

const second = profileFromDocument(fixture as ProfileDocument);
/** Words only the CES ESS 2014-2016 has. */
const CES_WORDS = /\bCDC\b|COPIL|\b2014\b|\b2016\b|Animation|CRESS|vingtaine|article 1\b|Article 1\b|article 2, §|Article 2 §/;

/** One finding of `rule` after `edit`, in both languages: its message and article. */
function one(make: () => WorkbookSnapshot, edit: (s: WorkbookSnapshot) => void, rule: RuleId, asOf: Date) {
  const s = make();
  edit(s);
  const of = (r: CheckResult) => {
    const found = r.findings.filter((f) => f.rule === rule);
    expect(found).toHaveLength(1);
    return found[0];
  };
  const fr = of(checkWorkbook(s, { asOf, lang: 'fr' }));
  const en = of(checkWorkbook(s, { asOf, lang: 'en' }));
  return { fr: fr.message, en: en.message, article: fr.article };
}

const ces = (edit: (s: WorkbookSnapshot) => void, rule: RuleId, asOf = date('2026-11-29')) => one(exampleSnapshot, edit, rule, asOf);

function secondBlank(): WorkbookSnapshot {
  const s = snapshotFromPlan(buildWorkbookPlan({ example: false, lang: 'fr', profile: second }));
  s.profile = second;
  return s;
}
const other = (edit: (s: WorkbookSnapshot) => void, rule: RuleId, asOf = date('2025-06-30')) => one(secondBlank, edit, rule, asOf);

describe('the CES ESS 2014-2016: every message as it was', () => {
  test('cell.unknown-funder lists Région, État, CDC', () => {
    const m = ces((s) => set(s, 'Financements', 0, 'Financeur', 'XYZ'), 'cell.unknown-funder');
    expect(m.fr).toBe(
      '«\u00a0Financeur\u00a0»\u00a0: financeur «\u00a0XYZ\u00a0» inconnu\u00a0: utilisez Région, État, CDC ou un cofinanceur déclaré en colonne des tableaux de participations.',
    );
    expect(m.en).toBe('"Financeur": unknown funder "XYZ": use Région, État, CDC or a co-funder declared as a column of the participation tables.');
  });

  test('axis.unknown lists the three axes of Article 1 and the animation', () => {
    const m = ces((s) => set(s, 'Actions', 0, 'Axe', 'Axe 4'), 'axis.unknown');
    expect(m.article).toBe('Art. 1');
    expect(m.fr).toBe(
      '«\u00a0Axe\u00a0»\u00a0: axe «\u00a0Axe 4\u00a0» inconnu (l’article 1 en fixe trois)\u00a0: choisissez Axe 1 – Promotion, Axe 2 – Innovation sociale, Axe 3 – Entrepreneuriat et développement économique ou Animation du contrat (CRESS)\u202f; d’ici là, les contrôles qui dépendent de l’axe de cette ligne (totaux par financeur et répartition par axe) ne sont pas jugés.',
    );
    expect(m.en).toBe(
      '"Axe": unknown axis "Axe 4" (Article 1 sets three): choose Axe 1, Axe 2, Axe 3 or Animation du contrat (CRESS); meanwhile the checks that depend on this line’s axis (totals per funder, split by axis) are not judged.',
    );
  });

  test('action.added-without-copil names the COPIL and quotes Article 2 §4.1', () => {
    const none = ces((s) => set(s, 'Actions', { Code: 'II_3.2' }, 'Décision COPIL', null), 'action.added-without-copil');
    expect(none.article).toBe('Art. 2 §4.1');
    expect(none.fr).toBe('L’action II_3.2, entrée en 2015, ne mentionne aucune décision du COPIL qui l’a intégrée.');
    expect(none.en).toBe('Action II_3.2, added in 2015, names no COPIL decision that integrated it.');
    const future = ces(() => undefined, 'action.added-without-copil', date('2014-12-31'));
    expect(future.fr).toBe(
      'L’action II_3.2, entrée en 2015\u00a0: la décision du COPIL qui l’intègre n’est pas encore intervenue à la date de situation (le COPIL «\u00a0statuera sur l’intégration de nouvelles actions\u00a0», article 2, §4.1).',
    );
    expect(future.en).toBe('Action II_3.2, added in 2015: the COPIL decision integrating it has not happened yet at the as-of date (Article 2 §4.1).');
  });

  test('actions.too-many: « une vingtaine d’actions », the COPIL', () => {
    const m = ces((s) => {
      for (let i = 0; i < 9; i++) addRow(s, 'Actions', { Code: `III_9.${i}`, Axe: 'Axe 3', Intitulé: 'Action ajoutée', "Année d'entrée": 2014 });
    }, 'actions.too-many');
    expect(m.article).toBe('Art. 2 §3.1');
    expect(m.fr).toBe('26 actions\u00a0: le contrat est resserré autour d’une vingtaine d’actions (au-delà de 25, vérifiez avec le COPIL).');
    expect(m.en).toBe('26 actions: the contract centres on about twenty actions (beyond 25, check with the COPIL).');
  });

  test('governance.unknown-body lists the CES bodies, the technical committees said once', () => {
    const m = ces((s) => addRow(s, 'Instances', { Instance: 'Réunion de chantier', Date: date('2015-03-03') }), 'governance.unknown-body');
    expect(m.article).toBe('Art. 2 §4');
    expect(m.fr).toBe(
      '«\u00a0Instance\u00a0»\u00a0: instance «\u00a0Réunion de chantier\u00a0» non reconnue\u00a0: la réunion n’est comptée pour aucune instance de la convention\u202f; choisissez COPIL, Assemblée des territoires, Espace régional de dialogue social, Comité technique Axe 1, 2 ou 3, Rencontre régionale, Groupe de travail thématique ou COPIL d’une action.',
    );
    expect(m.en).toBe(
      '"Instance": unrecognised body "Réunion de chantier": the meeting counts for none of the convention’s bodies; choose COPIL, Assemblée des territoires, Espace régional de dialogue social, Comité technique Axe 1, 2 or 3, Rencontre régionale, Groupe de travail thématique or COPIL d’une action.',
    );
  });

  test('reporting.final-bilan-scope quotes Article 2 §5', () => {
    const m = ces((s) => set(s, 'Bilans', { 'Code action': 'II_2.1.1', Année: 2016 }, 'Période couverte', '2016'), 'reporting.final-bilan-scope');
    expect(m.article).toBe('Art. 2 §5');
    expect(m.fr).toBe(
      'Action II_2.1.1\u00a0: le bilan 2016 ne dit pas couvrir toute la période de mise en œuvre de l’action\u202f; le bilan de la dernière année «\u00a0fera également le bilan consolidé de l’action sur toute la période de mise en œuvre\u00a0» (article 2, §5)\u00a0: indiquez «\u00a02014-2016\u00a0» en colonne Période couverte.',
    );
    expect(m.en).toBe(
      'Action II_2.1.1: the 2016 report does not say it covers the action’s whole period of implementation; the last year’s report also gives the consolidated report of the action over its whole period (Article 2 §5): enter "2014-2016" in the Période couverte column.',
    );
  });
});

describe('a second convention: its own funders, axes, bodies and articles', () => {
  const noCes = (m: { fr: string; en: string }) => {
    expect(m.fr).not.toMatch(CES_WORDS);
    expect(m.en).not.toMatch(CES_WORDS);
  };

  test('cell.unknown-funder lists its four funders', () => {
    const m = other((s) => addRow(s, 'Financements', { 'Code action': 'A_1', Année: 2022, Financeur: 'XYZ', 'Prévu (€)': 10 }), 'cell.unknown-funder');
    expect(m.fr).toBe(
      '«\u00a0Financeur\u00a0»\u00a0: financeur «\u00a0XYZ\u00a0» inconnu\u00a0: utilisez Région, ADEME, Banque publique d’investissement, Métropole ou un cofinanceur déclaré en colonne des tableaux de participations.',
    );
    expect(m.en).toBe('"Financeur": unknown funder "XYZ": use Région, ADEME, Public investment bank, Métropole or a co-funder declared as a column of the participation tables.');
    noCes(m);
  });

  test('axis.unknown: its two axes, set by its period’s article', () => {
    const m = other((s) => set(s, 'Actions', { Code: 'A_1' }, 'Axe', 'Axe C'), 'axis.unknown');
    // The profile's article for the axes is its period's (Art. 2): the finding cites it, and the message too.
    expect(m.article).toBe('Art. 2');
    expect(m.fr).toBe(
      '«\u00a0Axe\u00a0»\u00a0: axe «\u00a0Axe C\u00a0» inconnu (l’article 2 en fixe deux)\u00a0: choisissez Axe A – Décarbonation de l’industrie ou Axe B – Économie circulaire\u202f; d’ici là, les contrôles qui dépendent de l’axe de cette ligne (totaux par financeur et répartition par axe) ne sont pas jugés.',
    );
    expect(m.en).toBe(
      '"Axe": unknown axis "Axe C" (Article 2 sets two): choose Axe A or Axe B; meanwhile the checks that depend on this line’s axis (totals per funder, split by axis) are not judged.',
    );
    noCes(m);
  });

  test('action.added-without-copil: its Comité des financeurs and Article 8, no quote it does not carry', () => {
    const added = (decision: string | null) => (s: WorkbookSnapshot) =>
      addRow(s, 'Actions', { Code: 'A_3', Axe: 'Axe A', Intitulé: 'Réseaux de chaleur', "Année d'entrée": 2022, 'Décision COPIL': decision });
    const none = other(added(null), 'action.added-without-copil');
    expect(none.article).toBe('Art. 8');
    expect(none.fr).toBe('L’action A_3, entrée en 2022, ne mentionne aucune décision du Comité des financeurs qui l’a intégrée.');
    expect(none.en).toBe('Action A_3, added in 2022, names no Comité des financeurs decision that integrated it.');
    const future = other(added('Comité des financeurs du 12/10/2025'), 'action.added-without-copil');
    expect(future.fr).toBe('L’action A_3, entrée en 2022\u00a0: la décision du Comité des financeurs qui l’intègre n’est pas encore intervenue à la date de situation (article 8).');
    expect(future.en).toBe('Action A_3, added in 2022: the Comité des financeurs decision integrating it has not happened yet at the as-of date (Article 8).');
    noCes(none);
    noCes(future);
  });

  test('actions.too-many: « une douzaine d’actions au plus », its Comité des financeurs', () => {
    const m = other((s) => {
      for (let i = 0; i < 9; i++) addRow(s, 'Actions', { Code: `B_9${i}`, Axe: 'Axe B', Intitulé: 'Action ajoutée', "Année d'entrée": 2021 });
    }, 'actions.too-many');
    expect(m.article).toBe('Art. 3');
    expect(m.fr).toBe('13 actions\u00a0: le contrat prévoit une douzaine d’actions au plus (au-delà de 12, vérifiez avec le Comité des financeurs).');
    expect(m.en).toBe('13 actions: the contract says "une douzaine d’actions au plus" (beyond 12, check with the Comité des financeurs).');
    noCes(m);
  });

  test('governance.unknown-body lists its three bodies', () => {
    const m = other((s) => addRow(s, 'Instances', { Instance: 'Réunion de chantier', Date: date('2022-03-03') }), 'governance.unknown-body');
    expect(m.article).toBe('Art. 8');
    expect(m.fr).toBe(
      '«\u00a0Instance\u00a0»\u00a0: instance «\u00a0Réunion de chantier\u00a0» non reconnue\u00a0: la réunion n’est comptée pour aucune instance de la convention\u202f; choisissez Comité des financeurs, Comité de suivi ou Atelier technique.',
    );
    expect(m.en).toBe('"Instance": unrecognised body "Réunion de chantier": the meeting counts for none of the convention’s bodies; choose Comité des financeurs, Comité de suivi or Atelier technique.');
    noCes(m);
  });

  test('reporting.final-bilan-scope: its Article 9 and period, no sentence its profile does not quote', () => {
    const m = other(
      (s) => addRow(s, 'Bilans', { 'Code action': 'A_1', Année: 2024, 'Reçu le': date('2025-03-31'), 'Période couverte': '2024' }),
      'reporting.final-bilan-scope',
    );
    expect(m.article).toBe('Art. 9');
    expect(m.fr).toBe(
      'Action A_1\u00a0: le bilan 2024 ne dit pas couvrir toute la période de mise en œuvre de l’action\u202f; le bilan de la dernière année doit la couvrir (article 9)\u00a0: indiquez «\u00a02021-2024\u00a0» en colonne Période couverte.',
    );
    expect(m.en).toBe(
      'Action A_1: the 2024 report does not say it covers the action’s whole period of implementation; the last year’s report must cover it (Article 9): enter "2021-2024" in the Période couverte column.',
    );
    noCes(m);
  });

  test('a ledger’s year that is no year names the workbook’s years (the ledger is read before it)', () => {
    const ledger = parseLedgerRows(
      [
        ['Référence', 'Code action', 'Année', 'Financeur', 'Engagé'],
        ['EJ-1', 'A_1', 'deux mille vingt-deux', 'ADEME', 100],
      ],
      { sheet: 'releve.csv', kind: 'csv' },
    );
    if (!ledger.ok) throw new Error('ledger not read');
    const said = (profile?: typeof second) => {
      const s = profile ? secondBlank() : exampleSnapshot();
      const { findings } = reconcileLedger(readModel(s, []), ledger, { lang: 'fr' });
      return findings.filter((f) => f.rule === 'cell.bad-year').map((f) => f.message);
    };
    expect(said(second)).toEqual(['«\u00a0Année\u00a0»\u00a0: «\u00a0deux mille vingt-deux\u00a0» n’est pas une année\u00a0: saisissez 2021, 2022, 2023 ou 2024.']);
    expect(said()).toEqual(['«\u00a0Année\u00a0»\u00a0: «\u00a0deux mille vingt-deux\u00a0» n’est pas une année\u00a0: saisissez 2014, 2015 ou 2016.']);
  });
});

describe('the summary names the workbook’s axes and funders', () => {
  test('the short axis names of the narrow matrices are the profile’s: the CES’s as they were, another’s before their dash', () => {
    const shorts = (s: WorkbookSnapshot, lang: 'fr' | 'en') => summarise(s, { asOf: date('2025-06-30'), lang }).summary.allYears.rows.map((r) => r.short);
    expect(shorts(exampleSnapshot(), 'fr')).toEqual(['Axe 1', 'Axe 2', 'Axe 3', 'Animation']);
    expect(shorts(exampleSnapshot(), 'en')).toEqual(['Axis 1', 'Axis 2', 'Axis 3', 'Facilitation']);
    expect(shorts(secondBlank(), 'fr')).toEqual(['Axe A', 'Axe B']);
    expect(shorts(secondBlank(), 'en')).toEqual(['Axis A', 'Axis B']);
  });

  test('« Évolutions depuis le … » names a changed funder by its label, not its id (PDF text, CSV, XLSX)', () => {
    const before = secondBlank();
    addRow(before, 'Financements', { 'Code action': 'A_1', Année: 2022, Financeur: 'Région', 'Prévu (€)': 1000, Référence: 'R-1' });
    const after = secondBlank();
    addRow(after, 'Financements', { 'Code action': 'A_1', Année: 2022, Financeur: 'Banque publique d’investissement', 'Prévu (€)': 1000, Référence: 'R-1' });
    const e = buildEvolutions(before, after, { date: '2022-12-31', file: 'avant.xlsx' }, 'fr');
    const cells = evolutionTables(e, 'fr').flatMap((t) => t.rows.flat());
    expect(cells).toEqual(expect.arrayContaining(['Région', 'Banque publique d’investissement']));
    const { summary } = summarise(after, { asOf: date('2023-01-31'), lang: 'fr' });
    const withEvolutions = { ...summary, evolutions: e } as typeof summary;
    const csv = evolutionCsvLines(withEvolutions).map(([, f]) => String(f.message ?? ''));
    expect(csv.join('\n')).toMatch(/Région.*Banque publique d’investissement/);
    // The COPIL .xlsx's sheet: the changed line's before and after.
    const lines = evolutionsSheets(withEvolutions)[0].tables.find((t) => t.name === 'EvolutionsLignes')!;
    expect(lines.rows.map((r) => [r[4], r[5]])).toContainEqual(['Région', 'Banque publique d’investissement']);
    for (const text of [...cells, ...csv, ...lines.rows.flat().map(String)]) expect(text).not.toMatch(/\b(region|banque|ademe|metropole)\b/);
  });
});
