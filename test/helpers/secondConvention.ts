/**
 * The second convention of the tests (issue 23), typed as its finance officer would: the fixture's
 * JSON file, the situation date, and what is typed into the workbook `init --profile` wrote —
 * shared by the CLI test and the pane's, which must find the same.
 */
import { join } from 'path';
import type { TableEdits } from './fillTables';

export const SECOND_PROFILE = join(__dirname, '../fixtures/profiles/transition-2021-2024.json');
export const SECOND_AS_OF = '2023-01-31';

/** What a finance officer of that convention types in: 2021's participations (ADEME 10 000 € short), lines, meetings, decisions. */
export const secondTyping: Record<string, TableEdits> = {
  Participations2021: {
    set: [
      { where: { Axe: 'Axe A – Décarbonation de l’industrie' }, values: { Région: 250000, ADEME: 150000, 'Banque publique d’investissement': 625000, Métropole: 75000 } },
      { where: { Axe: 'Axe B – Économie circulaire' }, values: { Région: 250000, ADEME: 140000, 'Banque publique d’investissement': 625000, Métropole: 75000 } },
    ],
  },
  // The other years as the convention sets them (the bank's, « à décider », left blank).
  ...Object.fromEntries(
    [2022, 2023, 2024].map((year) => {
      const metropole = year === 2022 ? 75000 : 87500;
      const values = { Région: 250000, ADEME: 150000, Métropole: metropole };
      return [`Participations${year}`, { set: [{ where: { Axe: 'Axe A – Décarbonation de l’industrie' }, values }, { where: { Axe: 'Axe B – Économie circulaire' }, values }] }];
    }),
  ),
  Financements: {
    add: [
      { 'Code action': 'A_1', Année: 2021, Financeur: 'Région', 'Prévu (€)': 100000, 'Engagé (€)': 100000, 'Versé (€)': 50000, Référence: 'R-2021-001' },
      { 'Code action': 'B_1', Année: 2021, Financeur: 'Banque publique d’investissement', 'Prévu (€)': 300000, 'Engagé (€)': 300000, 'Versé (€)': 0, Référence: 'B-2021-007' },
    ],
  },
  Instances: {
    add: [
      { Instance: 'Comité des financeurs', Date: { date: '2021-06-10' }, Objet: 'Installation' },
      { Instance: 'Comité des financeurs', Date: { date: '2021-11-18' }, Objet: 'Programmation 2022' },
      { Instance: 'Comité de suivi', Date: { date: '2021-12-02' }, Objet: 'Bilan 2021' },
      // 2022: one Comité des financeurs where Art. 8 asks two.
      { Instance: 'Comité des financeurs', Date: { date: '2022-06-09' }, Objet: 'Programmation 2023' },
      { Instance: 'Comité de suivi', Date: { date: '2022-12-01' }, Objet: 'Bilan 2022' },
    ],
  },
  // Avenant n°1 signed on 01/06/2022, approved by a deliberation of 01/07/2022: after its signature.
  Avenants: { set: [{ where: { 'N°': '1' }, values: { Date: { date: '2022-06-01' }, Délibération: 'Délibération n°22-07 du 01/07/2022' } }] },
};

