/**
 * Every rule of product.md's table (but reconciliation.*): one edit that makes it fire on the right
 * cell, one edit at its boundary that keeps it silent. The example workbook is the clean baseline.
 */
import { RULE_IDS, RULES, type RuleId } from '../../src/core/findings';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { profile, profileFromDocument } from '../../src/core/profile';
import { closeYear, raisePlanned } from '../helpers/closure';
import { AS_OF, addRow, check, date, exampleSnapshot, fired, removeRows, set, table, col, get } from '../helpers/workbook';

interface Case {
  fire: (s: WorkbookSnapshot) => void;
  silent: (s: WorkbookSnapshot) => void;
  /** sheet and cell the finding must point to */
  at: [string, string];
  asOf?: Date;
  message?: RegExp;
  /** The article this finding cites when narrower than the rule's (the funder's own). */
  article?: string;
}

const conv = (funder: string, year: number) => ({ Financeur: funder, Année: year });
/** A Journal table (as close writes it) whose second line is `line`, after a synchronisation line. */
const journal = (s: WorkbookSnapshot, line: [string, string]) =>
  s.tables.push({ name: 'Journal', sheet: 'Journal', headerRow: 4, firstColumn: 1, headers: ['Date', 'Action', 'Erreurs', 'Avertissements', 'Empreinte'], rows: [['2026-11-29 09:00:00', 'Synchronisation', 0, 0, null], [...line, 0, 0, null]], isTable: true });
const instancesOf = (s: WorkbookSnapshot, label: string, year: number) =>
  removeRows(s, 'Instances', (r, t) => !(r[col(t, 'Instance')] === label && (r[col(t, 'Date')] as Date).getUTCFullYear() === year));

/** The CES ESS with its COPIL counted by the generic rule (issue 23), as an obligation or a possibility. */
const copilAs = (duty: 'obligation' | 'possibility') =>
  profileFromDocument({ ...profile.document, bodies: profile.document.bodies.map((b) => (b.id === 'copil' ? { ...b, rule: 'governance.meetings', duty } : b)) });

/** A column added at the right of a table, `value` on every row. */
function addColumn(s: WorkbookSnapshot, name: string, header: string, value: number) {
  const t = table(s, name);
  t.headers.push(header);
  t.rows.forEach((r) => r.push(value));
}

const cases: Record<Exclude<RuleId, `reconciliation.${string}`>, Case> = {
  'workbook.table-missing': {
    fire: (s) => (s.tables = s.tables.filter((t) => t.name !== 'Avenants')),
    silent: (s) => (table(s, 'Avenants').name = 'AVENANTS'),
    at: ['Avenants', 'A1'],
    message: /Restaurer/,
  },
  'workbook.column-missing': {
    fire: (s) => (table(s, 'Financements').headers[col(table(s, 'Financements'), 'Prévu (€)')] = 'Coût'),
    silent: (s) => (table(s, 'Financements').headers[col(table(s, 'Financements'), 'Prévu (€)')] = 'PREVU'),
    at: ['Financements', 'A4:H4'],
    message: /Prévu/,
  },
  'workbook.table-renamed': {
    fire: (s) => (table(s, 'Financements').foundAs = 'Tableau1'),
    silent: (s) => (table(s, 'Financements').name = 'FINANCEMENTS'),
    at: ['Financements', 'A4:H4'],
    message: /«\u00a0Tableau1\u00a0».*Création de tableau > Nom du tableau/,
  },
  'workbook.header-hidden': {
    fire: (s) => (table(s, 'Actions').headerHidden = true),
    silent: (s) => (table(s, 'Actions').headerHidden = false),
    at: ['Actions', 'A4:F4'],
  },
  'workbook.column-duplicate': {
    fire: (s) => addColumn(s, 'Financements', 'Budget', 1),
    silent: (s) => addColumn(s, 'Financements', 'Budget 2', 1),
    at: ['Financements', 'D4:I4'],
    message: /«\u00a0Prévu \(€\)\u00a0» \(D4\) et «\u00a0Budget\u00a0» \(I4\)/,
  },
  'workbook.column-thousands': {
    fire: (s) => (table(s, 'Financements').headers[col(table(s, 'Financements'), 'Engagé (€)')] = 'Engagé (k€)'),
    silent: (s) => (table(s, 'Financements').headers[col(table(s, 'Financements'), 'Engagé (€)')] = 'Engagé (en €)'),
    at: ['Financements', 'E4'],
  },
  'workbook.column-optional-missing': {
    fire: (s) => (table(s, 'Financements').headers[col(table(s, 'Financements'), 'Versé (€)')] = 'Réglé'),
    silent: (s) => (table(s, 'Financements').headers[col(table(s, 'Financements'), 'Versé (€)')] = 'Montant mandaté (€)'),
    at: ['Financements', 'A4:H4'],
    message: /n\.d\./,
  },
  'workbook.column-ignored': {
    fire: (s) => addColumn(s, 'Participations2014', 'Part Région (%)', 0.5),
    silent: (s) => addColumn(s, 'Participations2014', 'Métropole de Lyon', 0),
    at: ['Participations 2014', 'F4'],
  },
  'workbook.total-row': {
    fire: (s) => set(s, 'Financements', 3, 'Code action', 'TOTAL'),
    silent: (s) => set(s, 'Financements', 3, 'Commentaire', 'Total engagé'),
    at: ['Financements', 'A8'],
  },
  'workbook.rows-below': {
    fire: (s) => (table(s, 'Actions').declaredRows = table(s, 'Actions').rows.length - 1),
    silent: (s) => (table(s, 'Actions').declaredRows = table(s, 'Actions').rows.length),
    at: ['Actions', 'A21:F21'],
  },
  'workbook.rows-below-unread': {
    fire: (s) => {
      const t = table(s, 'Actions');
      t.declaredRows = t.rows.length - 1;
      t.rows[t.rows.length - 1] = t.rows[t.rows.length - 1].map((v, i) => (t.headers[i] === 'Porteur' ? v : null));
    },
    silent: (s) => (table(s, 'Actions').declaredRows = table(s, 'Actions').rows.length - 1),
    at: ['Actions', 'A21:F21'],
  },
  'workbook.values-outside': {
    fire: (s) => (s.outside = [{ sheet: 'Financements', cells: [{ row: 2, col: 1, text: true }, { row: 10, col: 10, text: false }], values: 1, texts: 1 }]),
    // The same cells on a sheet of the add-in's own tables only: not the user's data.
    silent: (s) => (s.outside = [{ sheet: 'Journal', cells: [{ row: 10, col: 10, text: false }], values: 1, texts: 0 }]),
    at: ['Financements', 'J10'],
    message: /^Une valeur \(nombre, date ou formule\) saisie hors du tableau «\u00a0Financements\u00a0», en J10, n’est pas lue/,
  },
  'workbook.notes-outside': {
    fire: (s) => (s.outside = [{ sheet: 'Suivi', cells: [{ row: 5, col: 6, text: true }, { row: 6, col: 6, text: true }, { row: 3, col: 11, text: true }], values: 0, texts: 3 }]),
    silent: (s) => (s.outside = [{ sheet: 'Suivi', cells: [{ row: 5, col: 6, text: false }], values: 1, texts: 0 }]),
    at: ['Suivi', 'K3'],
    message: /^3 textes saisis hors des tableaux «\u00a0Bilans\u00a0» et «\u00a0Jalons\u00a0», en K3 et F5:F6, ne sont pas lus/,
  },
  'cell.required': {
    fire: (s) => set(s, 'Financements', 0, 'Financeur', null),
    silent: (s) => set(s, 'Financements', 0, 'Commentaire', null),
    at: ['Financements', 'C5'],
  },
  'cell.not-a-number': {
    fire: (s) => set(s, 'Participations2014', 0, 'Région', '537 500,00 €'),
    silent: (s) => set(s, 'Participations2014', 0, 'Région', 537500.0000000001),
    at: ['Participations 2014', 'B5'],
    message: /saisissez 537500/,
  },
  'cell.negative': {
    fire: (s) => set(s, 'Financements', 0, 'Versé (€)', -1),
    silent: (s) => set(s, 'Financements', 0, 'Versé (€)', 0),
    at: ['Financements', 'F5'],
  },
  'cell.sub-cent': {
    fire: (s) => set(s, 'Financements', 0, 'Versé (€)', 10.005),
    silent: (s) => set(s, 'Financements', 0, 'Versé (€)', 10.05),
    at: ['Financements', 'F5'],
  },
  'cell.unknown-funder': {
    fire: (s) => set(s, 'Financements', 0, 'Financeur', 'Regoin'),
    silent: (s) => set(s, 'Financements', 0, 'Financeur', 'Région Rhône-Alpes'),
    at: ['Financements', 'C5'],
    message: /vouliez-vous dire «\u00a0Région\u00a0»/,
  },
  'cell.bad-year': {
    fire: (s) => set(s, 'Financements', 0, 'Année', 2014.5),
    silent: (s) => set(s, 'Financements', 0, 'Année', '2014'),
    at: ['Financements', 'B5'],
  },
  'period.outside': {
    fire: (s) => set(s, 'Financements', 0, 'Année', 2017),
    silent: (s) => set(s, 'Financements', 0, 'Année', 2016),
    at: ['Financements', 'B5'],
  },
  'axis.unknown': {
    fire: (s) => set(s, 'Actions', 0, 'Axe', 'Axe 4'),
    silent: (s) => set(s, 'Actions', 0, 'Axe', 'animation du contrat'),
    at: ['Actions', 'B5'],
  },
  'convention.total-mismatch': {
    fire: (s) => set(s, 'Participations2014', 0, 'Région', 537501),
    silent: (s) => {
      set(s, 'Participations2014', 0, 'Région', 537501);
      set(s, 'Participations2014', 1, 'Région', 899999);
    },
    at: ['Participations 2014', 'B5:B8'],
    message: /écart \+1,00\u00a0€/,
    article: 'Art. 3',
  },
  'convention.changed-without-avenant': {
    fire: (s) => set(s, 'Convention', conv('État', 2015), 'Montant (€)', 900000),
    // Only an avenant of that kind, for that funder, year and amount, covers the change (Avenant n°1 adds partners).
    silent: (s) => {
      set(s, 'Convention', conv('État', 2015), 'Montant (€)', 900000);
      set(s, 'Convention', conv('État', 2015), 'Avenant', '2');
      addRow(s, 'Avenants', { 'N°': '2', Date: date('2015-06-01'), Délibération: 'CP n°15.06.001', Nature: 'Modification de montant', Financeur: 'État', Année: 2015, 'Nouveau montant (€)': 900000 });
    },
    at: ['Convention', 'C9'],
    article: 'Art. 7',
  },
  'convention.unknown-avenant': {
    fire: (s) => set(s, 'Convention', conv('CDC', 2014), 'Avenant', 'Avenant n°2'),
    silent: (s) => set(s, 'Convention', conv('CDC', 2014), 'Avenant', 'Avenant n°1'),
    at: ['Convention', 'F7'],
  },
  'convention.unconfirmed': {
    fire: (s) => {
      set(s, 'Convention', conv('Région', 2016), 'Statut', 'Sous réserve');
      set(s, 'Convention', conv('Région', 2016), 'Décision', null);
    },
    silent: (s) => set(s, 'Convention', conv('Région', 2016), 'Statut', 'Sous réserve'),
    at: ['Convention', 'D11'],
    article: 'Art. 3',
  },
  'convention.cdc-undecided': {
    fire: (s) => set(s, 'Convention', conv('CDC', 2016), 'Décision', null),
    // 2014 is fixed by the convention itself: no later decision is needed.
    silent: (s) => set(s, 'Convention', conv('CDC', 2014), 'Décision', null),
    at: ['Convention', 'G13'],
  },
  'partner.without-avenant': {
    fire: (s) => set(s, 'Partenaires', { Collectivité: 'Ville de Firminy' }, 'Avenant', null),
    silent: (s) => set(s, 'Partenaires', { Collectivité: 'Ville de Lyon' }, 'Avenant', null),
    at: ['Partenaires', 'E24'],
  },
  'action.duplicate': {
    fire: (s) => set(s, 'Actions', 2, 'Code', 'I_1.1.1'),
    silent: (s) => set(s, 'Actions', 2, 'Code', 'I_1.1.3'),
    at: ['Actions', 'A7'],
  },
  'action.unknown': {
    fire: (s) => set(s, 'Financements', 0, 'Code action', 'IV_9.9'),
    silent: (s) => set(s, 'Financements', 0, 'Code action', 'anim'),
    at: ['Financements', 'A5'],
  },
  'action.axis-mismatch': {
    fire: (s) => set(s, 'Actions', { Code: 'I_1.2' }, 'Axe', 'Axe 2 – Innovation sociale'),
    silent: (s) => set(s, 'Actions', { Code: 'I_1.2' }, 'Axe', 'Axe 1'),
    at: ['Actions', 'B8'],
  },
  'action.added-without-copil': {
    fire: (s) => set(s, 'Actions', { Code: 'II_3.2' }, 'Décision COPIL', null),
    silent: (s) => {
      set(s, 'Actions', { Code: 'II_3.2' }, 'Décision COPIL', null);
      set(s, 'Actions', { Code: 'II_3.2' }, "Année d'entrée", 2014);
    },
    at: ['Actions', 'F21'],
  },
  'actions.too-many': {
    fire: (s) => {
      for (let i = 0; i < 9; i++) addRow(s, 'Actions', { Code: `III_9.${i}`, Axe: 'Axe 3', Intitulé: 'Action ajoutée', "Année d'entrée": 2014 });
    },
    silent: (s) => {
      for (let i = 0; i < 8; i++) addRow(s, 'Actions', { Code: `III_9.${i}`, Axe: 'Axe 3', Intitulé: 'Action ajoutée', "Année d'entrée": 2014 });
    },
    at: ['Actions', 'A4:F30'],
  },
  'allocation.over': {
    fire: (s) => set(s, 'Financements', 0, 'Prévu (€)', (get(s, 'Financements', 0, 'Prévu (€)') as number) + 0.01),
    silent: (s) => {
      set(s, 'Financements', 0, 'Prévu (€)', (get(s, 'Financements', 0, 'Prévu (€)') as number) + 0.01);
      set(s, 'Participations2014', { Axe: 'Animation du contrat (CRESS)' }, 'Région', 250000.01);
      set(s, 'Participations2014', { Axe: 'Axe 3 – Entrepreneuriat et développement économique' }, 'Région', 699999.99);
      set(s, 'Financements', { 'Code action': 'III_1.1', Année: 2014, Financeur: 'Région' }, 'Prévu (€)', (get(s, 'Financements', { 'Code action': 'III_1.1', Année: 2014, Financeur: 'Région' }, 'Prévu (€)') as number) - 0.01);
    },
    at: ['Participations 2014', 'B8'],
  },
  'allocation.under': {
    fire: (s) => set(s, 'Financements', 0, 'Prévu (€)', (get(s, 'Financements', 0, 'Prévu (€)') as number) - 0.01),
    silent: (s) => set(s, 'Financements', 0, 'Commentaire', 'revu'),
    at: ['Participations 2014', 'B8'],
  },
  'execution.commitment-over-plan': {
    fire: (s) => set(s, 'Financements', 0, 'Engagé (€)', (get(s, 'Financements', 0, 'Prévu (€)') as number) + 0.01),
    silent: (s) => set(s, 'Financements', 0, 'Engagé (€)', get(s, 'Financements', 0, 'Prévu (€)')),
    at: ['Financements', 'E5'],
  },
  'execution.payment-over-commitment': {
    fire: (s) => set(s, 'Financements', 0, 'Versé (€)', (get(s, 'Financements', 0, 'Engagé (€)') as number) + 0.01),
    silent: (s) => set(s, 'Financements', 0, 'Versé (€)', get(s, 'Financements', 0, 'Engagé (€)')),
    at: ['Financements', 'F5'],
  },
  'governance.copil': {
    fire: (s) => addRow(s, 'Instances', { Instance: 'COPIL', Date: date('2015-09-01') }),
    // Two COPIL a year is the most: one of them written another way still counts once.
    silent: (s) => {
      instancesOf(s, 'COPIL', 2015);
      addRow(s, 'Instances', { Instance: 'comite de pilotage', Date: date('2015-09-01') });
      addRow(s, 'Instances', { Instance: 'COPIL', Date: date('2015-12-01') });
    },
    at: ['Instances', expect.stringMatching(/^A4:C\d+$/) as unknown as string],
  },
  'governance.assembly': {
    fire: (s) => instancesOf(s, 'Assemblée des territoires', 2016),
    silent: (s) => {
      instancesOf(s, 'Assemblée des territoires', 2016);
      addRow(s, 'Instances', { Instance: 'ASSEMBLEE DES TERRITOIRES', Date: '15/12/2016' });
    },
    at: ['Instances', expect.stringMatching(/^A4:C\d+$/) as unknown as string],
  },
  'governance.social-dialogue': {
    fire: (s) => removeRows(s, 'Instances', (r, t) => !(r[col(t, 'Instance')] === 'Espace régional de dialogue social' && (r[col(t, 'Date')] as Date).getUTCMonth() === 8)),
    silent: (s) => addRow(s, 'Instances', { Instance: 'Espace régional de dialogue social', Date: date('2016-01-05') }),
    at: ['Instances', expect.stringMatching(/^A4:C\d+$/) as unknown as string],
  },
  'governance.technical-committee': {
    fire: (s) => removeRows(s, 'Instances', (r, t) => !(r[col(t, 'Instance')] === 'Comité technique Axe 2' && (r[col(t, 'Date')] as Date).getUTCFullYear() === 2015 && (r[col(t, 'Date')] as Date).getUTCMonth() === 3)),
    silent: (s) => addRow(s, 'Instances', { Instance: 'Comité technique Axe 2', Date: date('2015-12-07') }),
    at: ['Instances', expect.stringMatching(/^A4:C\d+$/) as unknown as string],
  },
  'reporting.missing-bilan': {
    fire: (s) => removeRows(s, 'Bilans', (r, t) => !(r[col(t, 'Code action')] === 'II_2.1.1' && r[col(t, 'Année')] === 2015)),
    silent: (s) => set(s, 'Bilans', { 'Code action': 'II_2.1.1', Année: 2015 }, 'Commentaire', null),
    at: ['Financements', expect.stringMatching(/^A\d+$/) as unknown as string],
  },
  'evaluation.missing': {
    fire: (s) => set(s, 'Jalons', 0, 'Réalisé le', null),
    silent: (s) => set(s, 'Jalons', 1, 'Réalisé le', null),
    asOf: new Date(Date.UTC(2016, 11, 31)),
    at: ['Suivi', 'I5'],
  },
  'evaluation.no-evaluator': {
    fire: (s) => set(s, 'Jalons', 0, 'Évaluateur (tiers)', null),
    silent: (s) => set(s, 'Jalons', 0, 'Évaluateur (tiers)', 'Cabinet Tiers'),
    at: ['Suivi', 'J5'],
  },
  'convention.duplicate-row': {
    fire: (s) => addRow(s, 'Convention', { Financeur: 'CDC', Année: 2014, 'Montant (€)': 1085200, Statut: 'Fixé' }),
    silent: (s) => addRow(s, 'Convention', { Financeur: 'Toulouse', Année: 2014 }),
    at: ['Convention', 'A14'],
    article: 'Art. 5',
  },
  'avenant.incomplete': {
    fire: (s) => set(s, 'Avenants', 0, 'Date', null),
    silent: (s) => set(s, 'Avenants', 0, 'Objet', null),
    at: ['Avenants', 'B5'],
  },
  // Art. 7, L1185-L1190: « soumis, préalablement à sa signature » — the approval before the signature.
  'avenant.irregular': {
    fire: (s) => set(s, 'Avenants', 0, 'Délibération', 'Commission permanente du 01/03/2016'),
    silent: (s) => set(s, 'Avenants', 0, 'Délibération', 'Commission permanente du 15/02/2016'),
    at: ['Avenants', 'D5'],
    message: /approuvé le 01\/03\/2016, après sa signature/,
  },
  // An avenant dated after the situation date does not exist yet.
  'avenant.pending': {
    fire: () => undefined,
    silent: (s) => set(s, 'Avenants', 0, 'Date', date('2016-01-31')),
    asOf: date('2016-01-31'),
    at: ['Avenants', 'B5'],
    message: /pas encore signé à la date de situation/,
  },
  // Art. 7 sets no deadline: signed after the year it changes is a usage's warning, not an article's error.
  'avenant.after-year': {
    fire: (s) => {
      set(s, 'Convention', conv('État', 2015), 'Montant (€)', 900000);
      set(s, 'Convention', conv('État', 2015), 'Avenant', '2');
      addRow(s, 'Avenants', { 'N°': '2', Date: date('2016-02-01'), Délibération: 'CP du 20/01/2016', Nature: 'Modification de montant', Financeur: 'État', Année: 2015, 'Nouveau montant (€)': 900000 });
    },
    silent: (s) => {
      set(s, 'Convention', conv('État', 2015), 'Montant (€)', 900000);
      set(s, 'Convention', conv('État', 2015), 'Avenant', '2');
      addRow(s, 'Avenants', { 'N°': '2', Date: date('2015-12-31'), Délibération: 'CP du 20/12/2015', Nature: 'Modification de montant', Financeur: 'État', Année: 2015, 'Nouveau montant (€)': 900000 });
    },
    at: ['Avenants', 'B6'],
    message: /usage retenu par le suivi/,
  },
  // Issue 23: a body the profile gives the generic rule; the finding cites the body's article.
  'governance.meetings': {
    fire: (s) => {
      s.profile = copilAs('obligation');
      instancesOf(s, 'COPIL', 2015);
    },
    silent: (s) => (s.profile = copilAs('obligation')),
    at: ['Instances', expect.stringMatching(/^A4:C\d+$/) as unknown as string],
    article: 'Art. 2 §4.1',
    message: /^2015\u00a0: aucune réunion de l’instance «\u00a0COPIL\u00a0»\u202f; la convention en prévoit 1 à 2 par an \(«\u00a0.+\u00a0», article 2, §4\.1\)\.$/,
  },
  'governance.meetings-possibility': {
    fire: (s) => {
      s.profile = copilAs('possibility');
      instancesOf(s, 'COPIL', 2015);
    },
    silent: (s) => (s.profile = copilAs('possibility')),
    at: ['Instances', expect.stringMatching(/^A4:C\d+$/) as unknown as string],
    article: 'Art. 2 §4.1',
    message: /comme une faculté .*, non une obligation\.$/,
  },
  'governance.regional-meeting': {
    fire: (s) => instancesOf(s, 'Rencontre régionale', 2015),
    silent: (s) => instancesOf(s, 'Rencontre régionale', 2014),
    at: ['Instances', expect.stringMatching(/^A4:C\d+$/) as unknown as string],
  },
  'governance.unknown-body': {
    fire: (s) => addRow(s, 'Instances', { Instance: 'Réunion de chantier', Date: date('2015-03-03') }),
    silent: (s) => addRow(s, 'Instances', { Instance: 'Groupe de travail', Date: date('2015-03-03') }),
    at: ['Instances', expect.stringMatching(/^A\d+$/) as unknown as string],
  },
  'reporting.final-bilan-scope': {
    fire: (s) => set(s, 'Bilans', { 'Code action': 'II_2.1.1', Année: 2016 }, 'Période couverte', '2016'),
    silent: (s) => set(s, 'Bilans', { 'Code action': 'II_2.1.1', Année: 2016 }, 'Période couverte', '2014 à 2016'),
    at: ['Suivi', expect.stringMatching(/^E\d+$/) as unknown as string],
  },
  // Closed years (issue 15): after closing 2014, a 2014 amount changed fires; a 2015 one does not.
  'period.closed-year-changed': {
    fire: (s) => (closeYear(s, 2014, '2026-11-28'), raisePlanned(s, 2014)),
    silent: (s) => (closeYear(s, 2014, '2026-11-28'), raisePlanned(s, 2015)),
    at: ['Financements', 'D5'],
    message: /2014 est clôturée depuis le 28\/11\/2026\u202f; .* valait 250\u00a0000,00\u00a0€ à la clôture et vaut maintenant 250\u00a0500,00\u00a0€/,
  },
  // A closing dated after the situation date (29/11/2026): not counted yet, the change since it said as a warning; the day of the closing itself counts (silent).
  'period.closed-later-changed': {
    fire: (s) => (closeYear(s, 2014, '2026-11-30'), raisePlanned(s, 2014)),
    silent: (s) => (closeYear(s, 2014, '2026-11-29'), raisePlanned(s, 2014)),
    at: ['Financements', 'D5'],
    message: /2014 a été clôturée le 30\/11\/2026, après la date de situation\u00a0: à cette date, la clôture ne compte pas encore\u202f; cette cellule .* valait toutefois 250\u00a0000,00\u00a0€ à la clôture et vaut maintenant 250\u00a0500,00\u00a0€/,
  },
  // Issue 19: the Journal records the closing of 2014, the Clôtures sheet is gone; with the sheet there, silent.
  'period.closure-record-missing': {
    fire: (s) => (closeYear(s, 2014), journal(s, ['2026-11-30 10:00:00', 'Clôture de l’année 2014 — Test']), (s.tables = s.tables.filter((t) => t.name !== 'Clotures'))),
    silent: (s) => (closeYear(s, 2014), journal(s, ['2026-11-30 10:00:00', 'Clôture de l’année 2014 — Test'])),
    at: ['Journal', 'B6'],
    message: /clôture de l’année 2014 le 30\/11\/2026, mais son enregistrement \(feuille Clôtures\) a disparu/,
  },
  // Issue 19: two financing lines with one Référence (the reconciliation's reading), said by check.
  'financing.duplicate-reference': {
    fire: (s) => set(s, 'Financements', 1, 'Référence', 'EX-2014-REGION-001'),
    silent: (s) => set(s, 'Financements', 1, 'Référence', 'EX-2014-REGION-001-B'),
    at: ['Financements', 'G6'],
    message: /Référence EX-2014-REGION-001 déjà portée par la cellule G5/,
  },
};

test('the example workbook is clean: 0 findings of any severity', () => {
  const r = check(exampleSnapshot());
  expect(r.findings).toEqual([]);
});

test('every rule of the table but reconciliation has a case here', () => {
  const covered = Object.keys(cases).sort();
  expect(covered).toEqual(RULE_IDS.filter((id) => !id.startsWith('reconciliation.')).sort());
});

describe.each(Object.entries(cases))('%s', (rule, c) => {
  test('fires on the cell at fault', () => {
    const s = exampleSnapshot();
    c.fire(s);
    const r = check(s, c.asOf ?? AS_OF);
    const found = fired(r, rule as RuleId);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ sheet: c.at[0], cell: c.at[1], severity: RULES[rule as RuleId].severity, article: c.article ?? RULES[rule as RuleId].article });
    if (c.message) expect(found[0].message).toMatch(c.message);
    expect(found[0].message.length).toBeGreaterThan(10);
  });
  test('stays silent at its boundary', () => {
    const s = exampleSnapshot();
    c.silent(s);
    const r = check(s, c.asOf ?? AS_OF);
    expect(fired(r, rule as RuleId)).toEqual([]);
  });
});

describe('as-of date', () => {
  test('a closing counts from its date, read as any act’s (typed in French too); undated, it still counts', () => {
    const ids = (date: string) => {
      const s = exampleSnapshot();
      closeYear(s, 2014, date);
      raisePlanned(s, 2014);
      return check(s, AS_OF).findings.filter((f) => f.rule.startsWith('period.closed')).map((f) => `${f.rule} ${f.cell}`);
    };
    expect(ids('30/11/2026')).toEqual(['period.closed-later-changed D5']);
    expect(ids('29/11/2026')).toEqual(['period.closed-year-changed D5']);
    expect(ids('')).toEqual(['period.closed-year-changed D5']);
  });
  test('CDC 2016 undecided is not yet a warning before 2016 has begun', () => {
    const s = exampleSnapshot();
    set(s, 'Convention', conv('CDC', 2016), 'Décision', null);
    expect(fired(check(s, new Date(Date.UTC(2015, 11, 31))), 'convention.cdc-undecided')).toEqual([]);
    expect(fired(check(s, new Date(Date.UTC(2016, 0, 1))), 'convention.cdc-undecided')).toHaveLength(1);
  });
  test('governance is judged only on finished years', () => {
    const s = exampleSnapshot();
    instancesOf(s, 'Assemblée des territoires', 2016);
    expect(fired(check(s, new Date(Date.UTC(2016, 11, 31))), 'governance.assembly')).toEqual([]);
    expect(fired(check(s, new Date(Date.UTC(2017, 0, 1))), 'governance.assembly')).toHaveLength(1);
  });
  test('the intermediate evaluation is due end 2015, not before', () => {
    const s = exampleSnapshot();
    set(s, 'Jalons', 0, 'Réalisé le', null);
    expect(fired(check(s, new Date(Date.UTC(2015, 11, 31))), 'evaluation.missing')).toEqual([]);
    expect(fired(check(s, new Date(Date.UTC(2016, 0, 1))), 'evaluation.missing')).toHaveLength(1);
  });
});

test('cells outside the tables: said with what was read, on the sheet\u2019s first table, every kind in one set of ranges; the cap counted, never dropped', () => {
  const s = exampleSnapshot();
  // 1 002 noted, 1 500 in all (a host stops noting at its cap): the ranges name the noted ones, the rest are counted.
  const cells = Array.from({ length: 500 }, (_, i) => [{ row: 200 + i, col: 2, text: false }, { row: 200 + i, col: 3, text: true }]).flat();
  s.outside = [{ sheet: 'Suivi', cells: [{ row: 5, col: 6, text: true }, { row: 6, col: 6, text: false }, ...cells], values: 800, texts: 700 }];
  const r = check(s);
  const bilans = r.read.find((x) => x.table === 'Bilans')!;
  expect(bilans.outside).toEqual({ count: 1500, ranges: ['F5:F6', 'B200:C699'], more: 498 });
  expect(bilans.text).toMatch(/\u00a0; non lu\u00a0: 1500 cellules saisies hors des tableaux \(F5:F6, B200:C699 et 498 autres cellules\)$/);
  expect(r.read.find((x) => x.table === 'Jalons')!.outside).toBeUndefined();
  const values = fired(r, 'workbook.values-outside');
  expect(values.map((f) => f.cell)).toEqual(['F6']);
  expect(values[0].message).toMatch(/^800 valeurs .* hors des tableaux «\u00a0Bilans\u00a0» et «\u00a0Jalons\u00a0», en F6, B200:B699 et 299 autres cellules, ne sont pas lues/);
  expect(fired(r, 'workbook.notes-outside')[0].message).toMatch(/^700 textes .* en F5, C200:C699 et 199 autres cellules, ne sont pas lus/);
  expect(check(s, AS_OF, 'en').read.find((x) => x.table === 'Bilans')!.text).toMatch(/; not read: 1500 cells typed outside the tables \(F5:F6, B200:C699 and 498 other cells\)$/);
});

test('findings carry amounts as strings with two decimals and the funder and year', () => {
  const s = exampleSnapshot();
  set(s, 'Participations2015', 2, 'CDC', 400000.5);
  const [f] = fired(check(s), 'convention.total-mismatch');
  expect(f).toMatchObject({ funder: 'CDC', year: 2015, expected: '1000000.00', actual: '1000000.50', gap: '0.50' });
  expect(f.message).toBe('CDC 2015\u00a0: les participations par axe totalisent 1\u00a0000\u00a0000,50\u00a0€ pour un montant de 1\u00a0000\u00a0000,00\u00a0€ inscrit au tableau Convention (Convention!C10), écart +0,50\u00a0€.');
});

test('messages come in English on request', () => {
  const s = exampleSnapshot();
  set(s, 'Participations2014', 0, 'Région', 537501);
  const [f] = fired(check(s, AS_OF, 'en'), 'convention.total-mismatch');
  expect(f.message).toContain('gap +€1.00');
});
