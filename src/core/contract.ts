/**
 * The workbook contract v1 (product.md, "The workbook contract"): which tables, on which sheets,
 * with which columns, and how the words users type map to the convention's vocabulary.
 */
import { perProfile, profile, type AvenantKind, type AxisId, type FunderId, type InstanceId, type Profile, type StatusId } from './profile';
import { matchKey } from './text';

export type Lang = 'fr' | 'en';
export type ColumnKind = 'text' | 'amount' | 'year' | 'date' | 'funder' | 'axis' | 'status' | 'instance' | 'avenant-kind';

export interface ColumnDef {
  key: string;
  header: { fr: string; en: string };
  /** Other headers accepted for this column. */
  aliases?: string[];
  kind: ColumnKind;
  required: boolean;
}

export interface TableDef {
  key: string;
  name: string;
  sheet: { fr: string; en: string };
  columns: ColumnDef[];
  /** The user keeps it; without it the checks cannot run. */
  userTable: boolean;
}

const col = (key: string, fr: string, en: string, kind: ColumnKind, required: boolean, aliases: string[] = []): ColumnDef => ({
  key,
  header: { fr, en },
  kind,
  required,
  aliases,
});

export const CONTRACT_VERSION = 1;

export const conventionTable: TableDef = {
  key: 'convention',
  name: 'Convention',
  sheet: { fr: 'Convention', en: 'Convention' },
  userTable: true,
  columns: [
    col('funder', 'Financeur', 'Funder', 'funder', true),
    col('year', 'Année', 'Year', 'year', true, ['Exercice']),
    col('amount', 'Montant (€)', 'Amount (€)', 'amount', false, ['Montant convention', 'Montant de la convention', 'Montant conventionnel']),
    col('status', 'Statut', 'Status', 'status', true),
    col('basis', 'Base', 'Basis', 'text', false, ['Article']),
    col('avenant', 'Avenant', 'Amendment', 'text', false),
    col('decision', 'Décision', 'Decision', 'text', false),
  ],
};

/** One participation table per year of the profile's period. */
export const participationTablesOf = perProfile((p): TableDef[] =>
  p.years.map((y) => ({
    key: `participations${y}`,
    name: `Participations${y}`,
    sheet: { fr: `Participations ${y}`, en: `Participations ${y}` },
    userTable: true,
    // Funder columns are found by name between Axe and Total: see readParticipations.
    columns: [col('axis', 'Axe', 'Axis', 'axis', true), col('total', 'Total', 'Total', 'amount', false)],
  })),
);
/** The built-in CES ESS's (2014 to 2016), for the callers that have no workbook. */
export const participationTables: TableDef[] = participationTablesOf(profile);

export const actionsTable: TableDef = {
  key: 'actions',
  name: 'Actions',
  sheet: { fr: 'Actions', en: 'Actions' },
  userTable: true,
  columns: [
    col('code', 'Code', 'Code', 'text', true, ['Code action']),
    col('axis', 'Axe', 'Axis', 'axis', true),
    col('title', 'Intitulé', 'Title', 'text', true, ['Action', 'Libellé']),
    col('holder', 'Porteur', 'Lead', 'text', false, ['Opérateur']),
    col('entryYear', "Année d'entrée", 'Entry year', 'year', true),
    col('copilDecision', 'Décision COPIL', 'COPIL decision', 'text', false),
  ],
};

export const financingTable: TableDef = {
  key: 'financements',
  name: 'Financements',
  sheet: { fr: 'Financements', en: 'Financing' },
  userTable: true,
  columns: [
    col('code', 'Code action', 'Action code', 'text', true, ['Code']),
    col('year', 'Année', 'Year', 'year', true, ['Exercice']),
    col('funder', 'Financeur', 'Funder', 'funder', true),
    // The words finance officers and ledgers use (AE / CP: autorisations d'engagement, crédits de paiement).
    col('planned', 'Prévu (€)', 'Planned (€)', 'amount', true, ['Montant prévu', 'Prévu', 'Budget', 'Budget prévu', 'Prévisionnel', 'Montant prévisionnel']),
    col('committed', 'Engagé (€)', 'Committed (€)', 'amount', false, ['Montant engagé', 'Engagements', 'Engagement', 'AE', "Autorisations d'engagement", 'Montant des engagements']),
    col('paid', 'Versé (€)', 'Paid (€)', 'amount', false, ['Montant versé', 'Versements', 'Versement', 'Mandaté', 'Montant mandaté', 'Mandatements', 'Payé', 'Montant payé', 'Paiements', 'CP', 'Crédits de paiement']),
    col('reference', 'Référence', 'Reference', 'text', false, ["N° d'engagement"]),
    col('comment', 'Commentaire', 'Comment', 'text', false),
  ],
};

export const avenantsTable: TableDef = {
  key: 'avenants',
  name: 'Avenants',
  sheet: { fr: 'Avenants', en: 'Amendments' },
  userTable: true,
  columns: [
    col('number', 'N°', 'No.', 'text', true, ['Numéro', 'Num']),
    // The scan of Avenant n°1 leaves its date blank ("FAIT à Lyon le ……"): not required.
    col('date', 'Date', 'Date', 'date', false),
    col('object', 'Objet', 'Purpose', 'text', false),
    col('deliberation', 'Délibération', 'Resolution', 'text', false),
    // What the avenant changes, in words the rules understand (Art. 7): one row per change.
    col('kind', 'Nature', 'Kind', 'avenant-kind', false, ['Type', 'Nature de l’avenant']),
    col('funder', 'Financeur', 'Funder', 'funder', false),
    col('year', 'Année', 'Year', 'year', false, ['Exercice']),
    col('amount', 'Nouveau montant (€)', 'New amount (€)', 'amount', false, ['Montant (€)', 'Nouveau montant']),
    col('partners', 'Collectivités ajoutées', 'Partners added', 'text', false, ['Collectivités', 'Partenaires ajoutés']),
  ],
};

export const partnersTable: TableDef = {
  key: 'partenaires',
  name: 'Partenaires',
  sheet: { fr: 'Partenaires', en: 'Partners' },
  userTable: true,
  columns: [
    col('name', 'Collectivité', 'Local authority', 'text', true),
    col('kind', 'Type', 'Type', 'text', false),
    col('deliberation', 'Délibération', 'Resolution', 'text', false),
    col('date', 'Date', 'Date', 'date', false),
    col('avenant', 'Avenant', 'Amendment', 'text', false),
  ],
};

export const instancesTable: TableDef = {
  key: 'instances',
  name: 'Instances',
  sheet: { fr: 'Instances', en: 'Meetings' },
  userTable: true,
  columns: [
    col('instance', 'Instance', 'Body', 'instance', true),
    col('date', 'Date', 'Date', 'date', true),
    col('object', 'Objet', 'Purpose', 'text', false),
  ],
};

export const bilansTable: TableDef = {
  key: 'bilans',
  name: 'Bilans',
  sheet: { fr: 'Suivi', en: 'Follow-up' },
  userTable: true,
  columns: [
    col('code', 'Code action', 'Action code', 'text', true, ['Code']),
    col('year', 'Année', 'Year', 'year', true),
    col('receivedOn', 'Reçu le', 'Received on', 'date', true),
    col('comment', 'Commentaire', 'Comment', 'text', false),
    // §5: the last year's bilan covers the whole period ("2014-2016").
    col('period', 'Période couverte', 'Period covered', 'text', false, ['Période']),
  ],
};

export const jalonsTable: TableDef = {
  key: 'jalons',
  name: 'Jalons',
  sheet: { fr: 'Suivi', en: 'Follow-up' },
  userTable: true,
  columns: [
    col('milestone', 'Jalon', 'Milestone', 'text', true),
    col('due', 'Échéance', 'Due', 'date', true),
    col('doneOn', 'Réalisé le', 'Done on', 'date', false),
    // §5: both evaluations are entrusted to a third party.
    col('evaluator', 'Évaluateur (tiers)', 'Evaluator (third party)', 'text', false, ['Évaluateur', 'Prestataire']),
  ],
};

export const controlsTable: TableDef = {
  key: 'controles',
  name: 'Controles',
  sheet: { fr: 'Contrôles', en: 'Checks' },
  userTable: false,
  columns: [
    col('severity', 'Gravité', 'Severity', 'text', false),
    col('rule', 'Règle', 'Rule', 'text', false),
    col('article', 'Article', 'Article', 'text', false),
    col('message', 'Message', 'Message', 'text', false),
    col('sheet', 'Feuille', 'Sheet', 'text', false),
    col('cell', 'Cellule', 'Cell', 'text', false),
  ],
};

export const journalTable: TableDef = {
  key: 'journal',
  name: 'Journal',
  sheet: { fr: 'Journal', en: 'Log' },
  userTable: false,
  columns: [
    col('date', 'Date', 'Date', 'text', false),
    col('action', 'Action', 'Action', 'text', false),
    col('errors', 'Erreurs', 'Errors', 'text', false),
    col('warnings', 'Avertissements', 'Warnings', 'text', false),
    col('fingerprint', 'Empreinte', 'Fingerprint', 'text', false),
  ],
};

/** The tables the user keeps, in workbook order, for the workbook's profile. */
export const userTablesOf = perProfile((p): TableDef[] => [
  conventionTable,
  ...participationTablesOf(p),
  actionsTable,
  financingTable,
  avenantsTable,
  partnersTable,
  instancesTable,
  bilansTable,
  jalonsTable,
]);
/** The built-in CES ESS's, for the callers that have no workbook. */
export const userTables: TableDef[] = userTablesOf(profile);

export function headerKeys(c: ColumnDef): string[] {
  return [c.header.fr, c.header.en, ...(c.aliases ?? [])].map(matchKey);
}

// ---- vocabulary: what users type → the convention's ids ----

function indexOf<T extends string>(entries: { id: T; keys: string[] }[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const e of entries) for (const k of e.keys) m.set(matchKey(k), e.id);
  return m;
}

const indexes = perProfile((p) => ({
  funder: indexOf<FunderId>(p.funders.map((f) => ({ id: f.id, keys: [f.label.fr, f.label.en, ...f.aliases] }))),
  axis: indexOf<AxisId>(p.axes.map((a) => ({ id: a.id, keys: [a.label.fr, a.label.en, ...a.aliases] }))),
  status: indexOf<StatusId>(p.statuses.map((s) => ({ id: s.id, keys: [s.label.fr, s.label.en] }))),
  instance: indexOf<InstanceId>(p.governance.map((g) => ({ id: g.id, keys: [g.label.fr, g.label.en, ...g.aliases] }))),
  /** « COPIL DLA », « COPIL II_3.1.1 », « Comité de pilotage de l'action ANIM »: an action's own COPIL (§4.1, profile.actionBodies). */
  actionCopil: new RegExp(
    `^(copil|comitedepilotage)(dedie|dediea)?(delaction|daction|dela|du|de|des|d)?(${p.actionBodies.map((b) => matchKey(b)).join('|')}|anim|i{1,3}\\d+[a-z0-9]*)$`,
  ),
  /** The body an action's own COPIL counts as, when the profile has one. */
  actionCopilId: p.governance.some((g) => g.id === 'copil-action') ? 'copil-action' : undefined,
}));

// Each reads the workbook's profile; the built-in CES ESS for a caller that has no workbook.
export const resolveFunder = (s: string, p: Profile = profile): FunderId | undefined => indexes(p).funder.get(matchKey(s));
export const resolveAxis = (s: string, p: Profile = profile): AxisId | undefined => indexes(p).axis.get(matchKey(s));
export const resolveStatus = (s: string, p: Profile = profile): StatusId | undefined => indexes(p).status.get(matchKey(s));
export const resolveInstance = (s: string, p: Profile = profile): InstanceId | undefined => {
  const k = matchKey(s);
  const ix = indexes(p);
  return ix.instance.get(k) ?? (ix.actionCopilId && ix.actionCopil.test(k) ? ix.actionCopilId : undefined);
};

export const avenantKinds: { id: AvenantKind; label: { fr: string; en: string }; aliases: string[] }[] = [
  { id: 'montant', label: { fr: 'Modification de montant', en: 'Amount change' }, aliases: ['Montant', 'Modification du montant', 'Changement de montant', 'Amount'] },
  { id: 'partenaires', label: { fr: 'Adhésion de partenaires', en: 'Partner accession' }, aliases: ['Partenaires', 'Adhésion', 'Ajout de partenaires', 'Nouveaux partenaires', 'Partners'] },
];
const avenantKindIndex = indexOf<AvenantKind>(avenantKinds.map((k) => ({ id: k.id, keys: [k.label.fr, k.label.en, ...k.aliases] })));
export const resolveAvenantKind = (s: string): AvenantKind | undefined => avenantKindIndex.get(matchKey(s));
export const avenantKindLabel = (id: AvenantKind, lang: Lang): string => avenantKinds.find((k) => k.id === id)!.label[lang];

export function funderLabel(id: FunderId, lang: Lang, p: Profile = profile): string {
  const f = p.funders.find((x) => x.id === id);
  return f ? f.label[lang] : id;
}

export function axisLabel(id: AxisId, lang: Lang, p: Profile = profile): string {
  return p.axes.find((a) => a.id === id)?.label[lang] ?? id;
}

export function statusLabel(id: StatusId, lang: Lang, p: Profile = profile): string {
  return p.statuses.find((s) => s.id === id)!.label[lang];
}

export function instanceLabel(id: InstanceId, lang: Lang, p: Profile = profile): string {
  return p.governance.find((g) => g.id === id)?.label[lang] ?? id;
}

/** "Avenant n°1", "n° 1", "1" → "1": how avenant numbers are compared. */
export function avenantKey(s: string): string {
  return matchKey(s).replace(/^(avenant|amendment)/, '').replace(/^(no|n|num|numero)(?=\d)/, '');
}
