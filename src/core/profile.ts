/**
 * The convention "Contrat économique sectoriel Économie sociale et solidaire 2014-2016" as data.
 * Every fact carries the seed line it comes from (../shared/seed/000_3d1c0acb239d7dfe.txt).
 * Rules read this object; nothing else in the code repeats an amount, a year or a name.
 */
import type { Cents } from './money';

export type FunderId = 'region' | 'etat' | 'cdc';
export type AxisId = 'axe1' | 'axe2' | 'axe3' | 'animation';
export type StatusId = 'fixe' | 'previsionnel' | 'sous-reserve' | 'a-decider' | 'confirme';
export type InstanceId =
  | 'copil'
  | 'assemblee'
  | 'dialogue-social'
  | 'comite-technique-1'
  | 'comite-technique-2'
  | 'comite-technique-3'
  | 'rencontre-regionale'
  | 'groupe-de-travail'
  | 'copil-action';

/** What an avenant changes (Art. 7): a signatory's amount for a year, or the list of partner collectivités. */
export type AvenantKind = 'montant' | 'partenaires';

export interface Funder {
  id: FunderId;
  label: { fr: string; en: string };
  /** Accepted spellings, compared by matchKey. */
  aliases: string[];
  article: string;
  /** The instrument that turns a renewed amount into a decision (Art. 3: budget; Art. 4: loi de finances; Art. 5: comité régional d'engagement). */
  instrument: { fr: string; en: string };
}

export interface SignedAmount {
  funder: FunderId;
  year: number;
  /** null: the convention fixes no amount (CDC 2015-2016 depend on later decisions, Art. 5). */
  amount: Cents | null;
  status: StatusId;
  article: string;
  line: string;
}

export interface Partner {
  name: string;
  /** Extra spellings seen in the documents. */
  aliases: string[];
  kind: string;
  deliberation: string;
  /** ISO date, or '' where the scan is illegible. */
  date: string;
  /** '' for the 16 original signatories, '1' for those added by Avenant n°1. */
  avenant: string;
}

export interface PlannedAction {
  code: string;
  axis: AxisId;
  title: string;
}

export const profile = {
  id: 'ces-ess-2014-2016',
  title: 'Contrat économique sectoriel Économie sociale et solidaire 2014-2016',
  shortTitle: 'CES ESS 2014-2016',
  approvedBy: 'Délibération n°14.04.253 de la Commission permanente du 18/06/2014', // L135-L138
  deliberation: 'n°14.04.253',
  approvedOn: '2014-06-18', // L135-L138
  signedOn: '2014-11-15', // L137-L138
  /**
   * Usages: what the tool holds where the convention is silent (a deadline, a grace period). Each is
   * the tool's own, never the text's: a finding that rests on one says « usage retenu par le suivi »
   * and cites no article; the summary's method note lists them (README « Usages là où la convention
   * ne dit rien »).
   * - bilanGraceMonths: §5 asks for a bilan per calendar year "de préférence", with no deadline; we
   *   warn six months after the year ends, the usual delay for a subsidised body's compte rendu
   *   (décret n°2001-495 on the loi n°2000-321 art. 10).
   * - finalEvaluationGraceMonths: §5 places the final evaluation "à l'issue du contrat", no date; we
   *   warn six months after the contract's last day (31/12/2016 → 30/06/2017).
   * - firstYearFrom: the contract exists from its signature (15/11/2014); meetings before it are not
   *   counted, and the yearly minimum number of meetings is not asked of 2014, a year of which the
   *   contract covered six weeks (the maximum, 2 COPIL, still holds).
   * - amountChangeDeadline: Art. 7 sets no deadline for an amount avenant (L1185-L1190); the tool
   *   warns (avenant.after-year) when one is signed after the year whose amount it changes, that
   *   year's commitments having been decided meanwhile. 'none' drops the warning.
   */
  usages: {
    bilanGraceMonths: 6,
    finalEvaluationGraceMonths: 6,
    firstYearFrom: 'signature' as 'signature' | 'year-start',
    amountChangeDeadline: 'year-end' as 'year-end' | 'none',
  },
  years: [2014, 2015, 2016] as const, // Art. 1, L460-L469; Art. 8, L1192-L1194
  funders: [
    {
      id: 'region',
      label: { fr: 'Région', en: 'Région' },
      aliases: ['Région', 'Region', 'Région Rhône-Alpes', 'Region Rhone Alpes', 'Conseil régional', 'Conseil régional Rhône-Alpes', 'RRA', 'CRRA'],
      article: 'Art. 3',
      instrument: { fr: 'inscription des crédits au budget de la Région', en: 'the Région’s budget vote' },
    },
    {
      id: 'etat',
      label: { fr: 'État', en: 'État' },
      aliases: ['État', 'Etat', "L'État", 'Etat (Préfet de région)', 'Préfecture de région', 'Préfet de région', 'DIRECCTE', 'SGAR', 'State'],
      article: 'Art. 4',
      instrument: { fr: 'loi de finances de l’année', en: 'that year’s Loi de finances' },
    },
    {
      id: 'cdc',
      label: { fr: 'CDC', en: 'CDC' },
      aliases: ['CDC', 'Caisse des Dépôts', 'Caisse des Dépôts et Consignations', 'Caisse des dépôts et consignations (CDC)', 'Banque des Territoires'],
      article: 'Art. 5',
      instrument: { fr: 'décision du comité régional d’engagement', en: 'decision of the comité régional d’engagement' },
    },
  ] as Funder[],
  /** Art. 3 (L1158-L1163), Art. 4 (L1165-L1170), Art. 5 (L1172-L1179). */
  signedAmounts: [
    { funder: 'region', year: 2014, amount: 238_750_000, status: 'fixe', article: 'Art. 3', line: 'L1158-L1160' },
    { funder: 'region', year: 2015, amount: 238_750_000, status: 'sous-reserve', article: 'Art. 3', line: 'L1160-L1163' },
    { funder: 'region', year: 2016, amount: 238_750_000, status: 'sous-reserve', article: 'Art. 3', line: 'L1160-L1163' },
    { funder: 'etat', year: 2014, amount: 100_000_000, status: 'previsionnel', article: 'Art. 4', line: 'L1165-L1167' },
    { funder: 'etat', year: 2015, amount: 100_000_000, status: 'sous-reserve', article: 'Art. 4', line: 'L1167-L1170' },
    { funder: 'etat', year: 2016, amount: 100_000_000, status: 'sous-reserve', article: 'Art. 4', line: 'L1167-L1170' },
    { funder: 'cdc', year: 2014, amount: 108_520_000, status: 'fixe', article: 'Art. 5', line: 'L1172-L1175' },
    { funder: 'cdc', year: 2015, amount: null, status: 'a-decider', article: 'Art. 5', line: 'L1177-L1179' },
    { funder: 'cdc', year: 2016, amount: null, status: 'a-decider', article: 'Art. 5', line: 'L1177-L1179' },
  ] as SignedAmount[],
  axes: [
    { id: 'axe1', number: 1, label: { fr: 'Axe 1 – Promotion', en: 'Axis 1 – Promotion' }, aliases: ['1', 'Axe 1', 'Axe I', 'I', 'Promotion', 'Axis 1', 'Axe 1 Promotion'] },
    { id: 'axe2', number: 2, label: { fr: 'Axe 2 – Innovation sociale', en: 'Axis 2 – Social innovation' }, aliases: ['2', 'Axe 2', 'Axe II', 'II', 'Innovation sociale', 'Axis 2', 'Social innovation'] },
    {
      id: 'axe3',
      number: 3,
      label: { fr: 'Axe 3 – Entrepreneuriat et développement économique', en: 'Axis 3 – Entrepreneurship and economic development' },
      aliases: ['3', 'Axe 3', 'Axe III', 'III', 'Entrepreneuriat et développement économique', 'Entrepreneuriat', 'Axis 3'],
    },
    {
      id: 'animation',
      number: 0,
      label: { fr: 'Animation du contrat (CRESS)', en: 'Contract facilitation (CRESS)' },
      aliases: ['Animation', 'Animation du contrat', 'Animation CRESS', 'Transversal', 'Contract facilitation'],
    },
  ] as { id: AxisId; number: number; label: { fr: string; en: string }; aliases: string[] }[],
  statuses: [
    { id: 'fixe', label: { fr: 'Fixé', en: 'Fixed' } },
    { id: 'previsionnel', label: { fr: 'Prévisionnel', en: 'Forecast' } },
    { id: 'sous-reserve', label: { fr: 'Sous réserve', en: 'Subject to budget' } },
    { id: 'a-decider', label: { fr: 'À décider', en: 'To be decided' } },
    { id: 'confirme', label: { fr: 'Confirmé', en: 'Confirmed' } },
  ] as { id: StatusId; label: { fr: string; en: string } }[],
  /** Art. 2 §3.1, L650: "resserré autour d'une vingtaine d'actions". */
  maxActions: 25,
  /** Art. 2, L659-L661 and §4.1 L976-L978: actions added in 2015-2016 go through the COPIL. */
  /** Annex, L1424-L1525 (cut off inside Axe 3). */
  actionPlan2014: [
    // The annex gives this action no code: ANIM is ours, and its title says so.
    { code: 'ANIM', axis: 'animation', title: 'Animation du contrat économique sectoriel ESS 2014-2016 par la CRESS Rhône-Alpes [code ANIM attribué par Suivi CES ESS, absent de la convention]' },
    { code: 'I_1.1.1', axis: 'axe1', title: 'Rhône-Alpes Solidaires et ses déclinaisons locales' },
    { code: 'I_1.1.2', axis: 'axe1', title: 'Événementiel (Rencontres Solidaires, Forum de l’emploi, Salons des entrepreneurs…)' },
    { code: 'I_1.2', axis: 'axe1', title: 'Faire (re)découvrir le champ de l’ESS aux jeunes et aux étudiants' },
    { code: 'II_1.1', axis: 'axe2', title: 'Espace régional de dialogue social (capitalisation et essaimage de l’innovation sociale, pratiques RH socialement innovantes)' },
    { code: 'II_2.1.1', axis: 'axe2', title: 'Ingénierie de projets collectifs innovants sur les filières environnementales' },
    { code: 'II_2.1.2', axis: 'axe2', title: 'Plateforme d’accompagnement, de formation et de placement de personnes en insertion sur les filières vertes et blanches' },
    { code: 'II_3.1.1', axis: 'axe2', title: 'Outiller et accompagner les PTCE existants et consolider les PTCE en émergence' },
    { code: 'II_3.1.2', axis: 'axe2', title: 'Structurer une offre d’accompagnement des coopérations territoriales ou sectorielles inter-entreprises' },
    { code: 'II_3.1.3', axis: 'axe2', title: 'Accompagner et encourager le développement de coopérations interrégionales, européennes et internationales' },
    { code: 'III_1.1', axis: 'axe3', title: 'Structurer une offre globale d’accompagnement et de financement des projets' },
  ] as PlannedAction[],
  /** Avenant n°1, L120-L357: adds five partners; "les autres articles … sont inchangés" (L268-L270). */
  avenants: [
    {
      number: '1',
      date: '',
      kind: 'partenaires' as AvenantKind,
      object: 'Ajout de cinq collectivités partenaires signataires (ARC, PETR du Bugey, Loire Forez, Firminy, Vaulx-en-Velin)',
      partners: ['ARC Syndicat mixte', 'Syndicat mixte PETR du Pays du Bugey', 'CA Loire Forez', 'Ville de Firminy', 'Ville de Vaulx-en-Velin'],
      deliberation: '',
    },
  ],
  /** L399-L450 (the 16 original) and L180-L198, L312-L353 (Avenant n°1). */
  partners: [
    { name: "Conseil général de l'Ardèche", aliases: ["Conseil départemental de l'Ardèche"], kind: 'Département', deliberation: 'n°9.27.3', date: '2014-12-18', avenant: '' },
    { name: "Conseil général de l'Isère", aliases: ["Conseil départemental de l'Isère"], kind: 'Département', deliberation: '', date: '2014-10-17', avenant: '' },
    { name: 'Communauté urbaine de Lyon – Grand Lyon', aliases: ['Métropole de Lyon', 'Grand Lyon'], kind: 'Intercommunalité', deliberation: '', date: '', avenant: '' },
    { name: 'CA Grenoble Alpes Métropole', aliases: ["Communauté d'agglomération Grenoble Alpes Métropole", 'Grenoble Alpes Métropole'], kind: 'Intercommunalité', deliberation: '', date: '2014-11-07', avenant: '' },
    { name: 'Saint-Étienne Métropole', aliases: [], kind: 'Intercommunalité', deliberation: '', date: '2014-11-05', avenant: '' },
    { name: 'Roannais Agglomération', aliases: [], kind: 'Intercommunalité', deliberation: '', date: '', avenant: '' },
    { name: "CA Porte de l'Isère", aliases: ["Communauté d'agglomération Porte de l'Isère"], kind: 'Intercommunalité', deliberation: 'n°14_11-04_456', date: '2014-11-04', avenant: '' },
    { name: 'CA du Pays Voironnais', aliases: ["Communauté d'agglomération du Pays Voironnais"], kind: 'Intercommunalité', deliberation: '', date: '2014-10-28', avenant: '' },
    { name: 'Syndicat mixte Rhône Pluriel', aliases: [], kind: 'Syndicat mixte', deliberation: '', date: '2014-12-09', avenant: '' },
    { name: "Syndicat mixte du Pays de l'Ardèche méridionale", aliases: [], kind: 'Syndicat mixte', deliberation: 'DCS14047', date: '', avenant: '' },
    { name: 'Syndicat mixte du Pays du Sud-Grésivaudan', aliases: [], kind: 'Syndicat mixte', deliberation: '', date: '2014-11-18', avenant: '' },
    { name: 'CC du Val de Drôme', aliases: ['Communauté de communes du Val de Drôme'], kind: 'Intercommunalité', deliberation: '', date: '2014-11-04', avenant: '' },
    { name: 'Ville de Lyon', aliases: [], kind: 'Commune', deliberation: '', date: '', avenant: '' },
    { name: 'Ville de Grenoble', aliases: [], kind: 'Commune', deliberation: '', date: '', avenant: '' },
    { name: 'Ville de Villeurbanne', aliases: [], kind: 'Commune', deliberation: '', date: '', avenant: '' },
    { name: 'Parc naturel régional du Pilat', aliases: ['PNR du Pilat'], kind: 'Parc naturel régional', deliberation: 'n°3', date: '2014-09-24', avenant: '' },
    { name: 'ARC Syndicat mixte', aliases: ['Assemblée régionale de coopération du Genevois français'], kind: 'Syndicat mixte', deliberation: 'Comité syndical', date: '2015-10-08', avenant: '1' },
    { name: 'Syndicat mixte PETR du Pays du Bugey', aliases: ["Syndicat mixte de Pôle d'équilibre territorial et rural du Pays du Bugey"], kind: 'Syndicat mixte', deliberation: 'Comité syndical', date: '2015-07-02', avenant: '1' },
    { name: 'CA Loire Forez', aliases: ["Communauté d'agglomération Loire Forez"], kind: 'Intercommunalité', deliberation: 'Conseil communautaire', date: '2015-09-15', avenant: '1' },
    { name: 'Ville de Firminy', aliases: [], kind: 'Commune', deliberation: 'Conseil municipal', date: '2015-12-08', avenant: '1' },
    { name: 'Ville de Vaulx-en-Velin', aliases: [], kind: 'Commune', deliberation: 'Conseil municipal', date: '2015-12-16', avenant: '1' },
  ] as Partner[],
  /**
   * §4.1, L968-L1047, and §4.2, L1052-L1055: how often each body meets in a year. min 0 and max null:
   * a meeting the convention allows (a thematic working group, an action's own steering committee)
   * but does not count.
   */
  governance: [
    { id: 'copil', label: { fr: 'COPIL', en: 'Steering committee (COPIL)' }, aliases: ['COPIL', 'Comité de pilotage', 'Comité de pilotage stratégique'], min: 1, max: 2 },
    { id: 'assemblee', label: { fr: 'Assemblée des territoires', en: 'Assembly of territories' }, aliases: ['Assemblée des territoires'], min: 1, max: null },
    { id: 'dialogue-social', label: { fr: 'Espace régional de dialogue social', en: 'Regional social dialogue forum' }, aliases: ['Espace régional de dialogue social', 'Dialogue social', 'ERDS'], min: 2, max: null },
    { id: 'comite-technique-1', label: { fr: 'Comité technique Axe 1', en: 'Technical committee Axis 1' }, aliases: ['Comité technique Axe 1', 'CT Axe 1', 'Comité technique 1'], min: 2, max: null },
    { id: 'comite-technique-2', label: { fr: 'Comité technique Axe 2', en: 'Technical committee Axis 2' }, aliases: ['Comité technique Axe 2', 'CT Axe 2', 'Comité technique 2'], min: 2, max: null },
    { id: 'comite-technique-3', label: { fr: 'Comité technique Axe 3', en: 'Technical committee Axis 3' }, aliases: ['Comité technique Axe 3', 'CT Axe 3', 'Comité technique 3'], min: 2, max: null },
    {
      id: 'rencontre-regionale',
      label: { fr: 'Rencontre régionale', en: 'Regional meeting' },
      aliases: ['Rencontre régionale', 'Rencontre régionale du contrat', 'Rencontres régionales', 'Conférence régionale de l’ESS', 'Conférence régionale ESS'],
      min: 1,
      max: null,
    },
    {
      id: 'groupe-de-travail',
      label: { fr: 'Groupe de travail thématique', en: 'Thematic working group' },
      aliases: ['Groupe de travail', 'Groupe de travail thématique', 'GT', 'Groupe thématique'],
      min: 0,
      max: null,
    },
    {
      id: 'copil-action',
      label: { fr: 'COPIL d’une action', en: 'Action steering committee' },
      aliases: ['COPIL d’une action', 'COPIL action', 'COPIL de l’action', "COPIL d'action", 'Comité de pilotage de l’action', 'Comité de pilotage d’action'],
      min: 0,
      max: null,
    },
  ] as { id: InstanceId; label: { fr: string; en: string }; aliases: string[]; min: number; max: number | null }[],
  /**
   * §4.1, L1004-L1008: « les instances existantes liées à une action seront maintenues … le DLA
   * continuera à être suivi dans le cadre du comité de pilotage dédié à cette action »; §3.4 names
   * the other tools an action may steer (PMAE, VAE, TRANSMEA). « COPIL DLA », « COPIL II_3.1.1 » are
   * an action's COPIL, a body the convention knows (copil-action).
   */
  actionBodies: ['DLA', 'PMAE', 'VAE', 'TRANSMEA', 'PTCE', 'CAE'],
  /**
   * §5, L1131-L1135: "Une évaluation intermédiaire, fin 2015, … avant l'évaluation finale à l'issue du
   * contrat", both by a third party. The final one has no date in the text: its due date is the
   * contract's end plus usages.finalEvaluationGraceMonths (finalEvaluationDue below).
   */
  evaluations: [
    { id: 'intermediaire', label: { fr: 'Évaluation intermédiaire', en: 'Intermediate evaluation' }, words: ['intermediaire', 'intermediate', 'miparcours', 'midterm'] },
    { id: 'finale', label: { fr: 'Évaluation finale', en: 'Final evaluation' }, words: ['final'] },
  ],
  /** The bodies that may not evaluate the contract (§5: "confiée à un tiers"). */
  notThirdParties: ['CRESS', 'CRESS Rhône-Alpes', 'Chambre régionale de l’économie sociale et solidaire'],
} as const;

export type Profile = typeof profile;

/** Last day of the contract (Art. 8): 31/12 of its last year. */
export const contractEnd = (): Date => new Date(Date.UTC(profile.years[profile.years.length - 1], 11, 31));

/** The last day of the month `months` after `from`'s month: 31/12/2016 + 6 → 30/06/2017. */
export function endOfMonthAfter(from: Date, months: number): Date {
  return new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months + 1, 0));
}

/** When an evaluation is past due: end 2015 for the intermediate one; the contract's end plus the grace for the final one. */
export function evaluationDue(id: 'intermediaire' | 'finale'): Date {
  return id === 'intermediaire' ? new Date(Date.UTC(2015, 11, 31)) : endOfMonthAfter(contractEnd(), profile.usages.finalEvaluationGraceMonths);
}

/** When the bilan of `year` is past due: the end of that year plus the grace. */
export function bilanDue(year: number): Date {
  return endOfMonthAfter(new Date(Date.UTC(year, 11, 31)), profile.usages.bilanGraceMonths);
}

export const signatureDate = (): Date => new Date(`${profile.signedOn}T00:00:00Z`);

export function signedAmount(funder: FunderId, year: number): SignedAmount | undefined {
  return profile.signedAmounts.find((s) => s.funder === funder && s.year === year);
}

/** Roman prefix of an action code → its axis: I_ → Axe 1, II_ → Axe 2, III_ → Axe 3. */
export function axisOfCode(code: string): AxisId | null {
  const m = /^(III|II|I)_/.exec(code.trim().toUpperCase());
  if (!m) return null;
  return ({ I: 'axe1', II: 'axe2', III: 'axe3' } as const)[m[1] as 'I' | 'II' | 'III'];
}
