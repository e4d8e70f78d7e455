/**
 * The example `init --example` writes: a plausible, clearly labelled allocation of the convention's
 * amounts that satisfies every rule, so that a newcomer opens a working workbook. Amounts are
 * illustrative (the convention fixes totals per funder, not their split per axis or action).
 */
import type { Cents } from './money';
import { profile, type AxisId, type FunderId, type InstanceId, type StatusId } from './profile';

export interface ExampleData {
  convention: { funder: FunderId; year: number; amount: Cents | null; status: StatusId; line: string; avenant: string; decision: string }[];
  participations: Record<number, Record<AxisId, Record<FunderId, Cents>>>;
  actions: { code: string; axis: AxisId; title: string; holder: string; entryYear: number; copilDecision: string }[];
  financing: { code: string; year: number; funder: FunderId; planned: Cents; committed: Cents; paid: Cents; reference: string; comment: string }[];
  instances: { instance: InstanceId; date: string; object: string }[];
  bilans: { code: string; year: number; receivedOn: string; comment: string; period: string }[];
  evaluationsDone: Record<string, string>;
  evaluator: string;
  avenant1: { date: string; deliberation: string };
}

/**
 * French public holidays of the contract's years (Code du travail L3133-1; Easter Monday, Ascension
 * and Whit Monday from each year's Easter): no meeting of the example falls on one.
 */
export const PUBLIC_HOLIDAYS = new Set(
  [2014, 2015, 2016].flatMap((y) => ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map((d) => `${y}-${d}`)).concat([
    '2014-04-21',
    '2014-05-29',
    '2014-06-09',
    '2015-04-06',
    '2015-05-14',
    '2015-05-25',
    '2016-03-28',
    '2016-05-05',
    '2016-05-16',
  ]),
);

/** The first working day (Monday to Friday, not a public holiday) on or after an ISO date. */
export function workingDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  for (;;) {
    const s = d.toISOString().slice(0, 10);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6 && !PUBLIC_HOLIDAYS.has(s)) return s;
    d.setUTCDate(d.getUTCDate() + 1);
  }
}

const EUR = 100;

/** CDC 2015 and 2016 are not in the convention (Art. 5): the example shows them decided. */
const CDC_DECIDED: Record<number, Cents> = { 2015: 1_000_000 * EUR, 2016: 950_000 * EUR };

/** Split of each funder's yearly amount over the axes, in euros (the last axis takes the rest). */
const AXIS_SHARE: Record<FunderId, Record<AxisId, number>> = {
  region: { animation: 250_000, axe1: 537_500, axe2: 900_000, axe3: 0 },
  etat: { animation: 100_000, axe1: 200_000, axe2: 400_000, axe3: 0 },
  cdc: { animation: 0, axe1: 150_000, axe2: 450_000, axe3: 0 },
};

/** The scan stops inside Axe 3 (convention.md): these codes are invented for the example, and say so. */
export const INVENTED = ' [code fictif, exemple]';
const EXTRA_ACTIONS: ExampleData['actions'] = [
  { code: 'III_1.2', axis: 'axe3', title: `Reprise d’entreprises par les salariés (outil TRANSMEA)${INVENTED}`, holder: 'URSCOP (exemple)', entryYear: 2014, copilDecision: '' },
  { code: 'III_2.1', axis: 'axe3', title: `CAE et fonds régional de prêt d’honneur${INVENTED}`, holder: 'France Active (exemple)', entryYear: 2014, copilDecision: '' },
  { code: 'III_3.1', axis: 'axe3', title: `Lisibilité des outils de financement (volet ESS du Hub de la finance)${INVENTED}`, holder: 'CRESS (exemple)', entryYear: 2014, copilDecision: '' },
  { code: 'III_4.1', axis: 'axe3', title: `Développement d’affaires et accès à la commande publique${INVENTED}`, holder: 'CRESS (exemple)', entryYear: 2014, copilDecision: '' },
  { code: 'III_5.1', axis: 'axe3', title: `Évolution des structures et de leurs RH (DLA, PMAE, VAE)${INVENTED}`, holder: 'Avise (exemple)', entryYear: 2014, copilDecision: '' },
  { code: 'II_3.2', axis: 'axe2', title: `Action intégrée en 2015 : essaimage des PTCE${INVENTED}`, holder: 'Réseau PTCE (exemple)', entryYear: 2015, copilDecision: 'COPIL du 09/06/2015 (exemple)' },
];

const frDay = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The dated decision of a renewed or undecided amount. The Lois de finances are the real ones
 * (n°2013-1278, 2014-1654 and 2015-1785, each of 29 December of the year before); the Région's budget
 * votes (mid-December of the year before) and the CDC's comités (10 March) are invented, and say so.
 */
function decisionText(funder: FunderId, year: number): string {
  if (funder === 'etat') return `Loi de finances pour ${year} du ${frDay(LOIS_DE_FINANCES[year])} (exemple)`;
  if (funder === 'region') return `Budget primitif ${year} de la Région voté le ${frDay(workingDay(`${year - 1}-12-16`))} (exemple)`;
  return `Comité régional d’engagement du ${frDay(workingDay(`${year}-03-10`))} (exemple)`;
}
const LOIS_DE_FINANCES: Record<number, string> = { 2014: '2013-12-29', 2015: '2014-12-29', 2016: '2015-12-29' };

function yearAmount(funder: FunderId, year: number): Cents {
  if (funder === 'cdc' && year > 2014) return CDC_DECIDED[year];
  return profile.signedAmounts.find((s) => s.funder === funder && s.year === year)!.amount!;
}

/** Split `total` over `n` parts by weights, in whole hundreds of euros, the last part taking the rest. */
function split(total: Cents, weights: number[]): Cents[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum / 10_000) * 10_000);
  parts[parts.length - 1] = total - parts.slice(0, -1).reduce((a, b) => a + b, 0);
  return parts;
}

const pad = (n: number) => String(n).padStart(3, '0');

export function buildExample(): ExampleData {
  const holders: Record<string, string> = { ANIM: 'CRESS Rhône-Alpes', 'I_1.1.1': 'CRESS Rhône-Alpes', 'II_1.1': 'CRESS Rhône-Alpes' };
  const actions: ExampleData['actions'] = [
    ...profile.actionPlan2014.map((a) => ({ ...a, holder: holders[a.code] ?? 'Opérateur (exemple)', entryYear: 2014, copilDecision: '' })),
    ...EXTRA_ACTIONS,
  ];
  const participations: ExampleData['participations'] = {};
  const convention: ExampleData['convention'] = [];
  const financing: ExampleData['financing'] = [];
  const bilans: ExampleData['bilans'] = [];
  const bilanSeen = new Set<string>();
  let ref = 0;
  for (const year of profile.years) {
    participations[year] = { axe1: {}, axe2: {}, axe3: {}, animation: {} } as Record<AxisId, Record<FunderId, Cents>>;
    for (const f of profile.funders) {
      const total = yearAmount(f.id, year);
      const shares = AXIS_SHARE[f.id];
      const fixed = (['animation', 'axe1', 'axe2'] as AxisId[]).reduce((s, a) => s + shares[a] * EUR, 0);
      for (const a of ['animation', 'axe1', 'axe2'] as AxisId[]) participations[year][a][f.id] = shares[a] * EUR;
      participations[year].axe3[f.id] = total - fixed;
      const signed = profile.signedAmounts.find((s) => s.funder === f.id && s.year === year)!;
      // The statuses the convention gives (Art. 3, 4, 5), and the decision that settled each renewed
      // or undecided amount since, dated (acts.ts: an undated decision settles nothing): the summary
      // then reads "fixé" or "décidé" from that date on, never a bare "Confirmé".
      convention.push({
        funder: f.id,
        year,
        amount: total,
        status: signed.status === 'fixe' ? 'fixe' : 'confirme',
        line: signed.line,
        avenant: '',
        decision: signed.status === 'fixe' ? '' : decisionText(f.id, year),
      });
      // Each axis's participation is spread over the actions of that axis open that year.
      for (const axis of ['animation', 'axe1', 'axe2', 'axe3'] as AxisId[]) {
        const amount = participations[year][axis][f.id];
        if (!amount) continue;
        const open = actions.filter((a) => a.axis === axis && a.entryYear <= year);
        const parts = split(amount, open.map((_, i) => 3 + (i % 3)));
        open.forEach((a, i) => {
          const planned = parts[i];
          // Later years are less executed: 2014 fully committed, 2016 at 96 %; payments lag.
          const committed = year === 2016 ? Math.floor((planned * 0.96) / 10_000) * 10_000 : planned;
          const paid = Math.floor((committed * (year === 2014 ? 1 : year === 2015 ? 0.92 : 0.7)) / 10_000) * 10_000;
          ref += 1;
          financing.push({
            code: a.code,
            year,
            funder: f.id,
            planned,
            committed,
            paid,
            reference: `EX-${year}-${f.id.toUpperCase()}-${pad(ref)}`,
            comment: 'Exemple',
          });
          const k = `${a.code}|${year}`;
          if (!bilanSeen.has(k)) {
            bilanSeen.add(k);
            // The last year's bilan covers the whole period (Art. 2 §5).
            const last = year === profile.years[profile.years.length - 1];
            bilans.push({ code: a.code, year, receivedOn: `${year + 1}-03-31`, comment: 'Bilan reçu (exemple)', period: last ? `${profile.years[0]}-${year}` : String(year) });
          }
        });
      }
    }
  }
  const instances: ExampleData['instances'] = [];
  const meet = (instance: InstanceId, date: string, object: string) => instances.push({ instance, date: workingDay(date), object });
  // 2014: the contract exists from its signature (15/11/2014); the COPIL is installed in December.
  meet('copil', '2014-12-04', 'COPIL d’installation (exemple)');
  for (const year of profile.years.slice(1)) {
    meet('copil', `${year}-06-09`, `COPIL ${year} (exemple)`);
    meet('copil', `${year}-12-01`, `COPIL de bilan ${year} (exemple)`);
    meet('assemblee', `${year}-10-15`, `Assemblée des territoires ${year} (exemple)`);
    meet('rencontre-regionale', `${year}-11-19`, `Rencontre régionale ${year}, conférence régionale de l’ESS (exemple)`);
    meet('dialogue-social', `${year}-03-20`, 'Espace régional de dialogue social (exemple)');
    meet('dialogue-social', `${year}-09-25`, 'Espace régional de dialogue social (exemple)');
    for (const ct of ['comite-technique-1', 'comite-technique-2', 'comite-technique-3'] as InstanceId[]) {
      meet(ct, `${year}-04-10`, 'Comité technique (exemple)');
      meet(ct, `${year}-11-05`, 'Comité technique (exemple)');
    }
  }
  meet('groupe-de-travail', '2015-02-12', 'Groupe de travail thématique : commande publique (exemple)');
  return {
    convention,
    participations,
    actions,
    financing,
    instances,
    bilans,
    // The final evaluation comes "à l'issue du contrat": after 31/12/2016.
    evaluationsDone: { intermediaire: workingDay('2015-12-15'), finale: workingDay('2017-03-15') },
    evaluator: 'Cabinet d’évaluation indépendant (exemple)',
    // Approved before it is signed (Art. 7, « soumis, préalablement à sa signature »), after the last
    // new partner's deliberation (Vaulx-en-Velin, 16/12/2015).
    avenant1: { date: workingDay('2016-02-15'), deliberation: `Commission permanente de la Région du ${frDay(workingDay('2016-02-05'))} (exemple, numéro à reporter)` },
  };
}
