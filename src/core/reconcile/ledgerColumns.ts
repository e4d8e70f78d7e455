/** A ledger's columns: the fields the reconciliation reads, and the headers (synonyms) that name them. */
import type { CellValue } from '../snapshot';
import { matchKey } from '../text';

export type LedgerField = 'reference' | 'action' | 'year' | 'funder' | 'committed' | 'paid' | 'date' | 'beneficiary' | 'label';

export const LEDGER_FIELDS: readonly LedgerField[] = ['reference', 'action', 'year', 'funder', 'committed', 'paid', 'date', 'beneficiary', 'label'];

/**
 * Header synonyms, as match keys (case, accents, spaces, punctuation and "(€)" ignored). Ledgers
 * exported by finance systems say "N° d'engagement", "Exercice", "Montant AE", "Mandaté"…
 */
const SYNONYMS: Record<LedgerField, string[]> = {
  reference: [
    'Référence',
    'Réf.',
    'Réf engagement',
    'Référence engagement',
    "Référence de l'engagement",
    "N° d'engagement",
    'N° engagement',
    'Numéro engagement',
    "Numéro d'engagement",
    'No engagement',
    'Engagement n°',
    'Reference',
    'Commitment reference',
    'Commitment number',
  ],
  action: ['Code action', 'Action', "Code de l'action", 'Code', 'Action code', 'Code opération'],
  year: ['Année', 'Exercice', 'Exercice budgétaire', 'Millésime', 'Year', 'Fiscal year'],
  funder: ['Financeur', 'Bailleur', 'Organisme financeur', 'Funder'],
  // Not "Engagement" alone: some exports give that name to the commitment number.
  committed: ['Montant engagé', 'Engagé', 'Montant engagement', 'Montant AE', 'AE', 'Committed', 'Amount committed', 'Committed amount'],
  paid: ['Montant versé', 'Versé', 'Montant mandaté', 'Mandaté', 'Montant payé', 'Payé', 'Paiement', 'Montant paiement', 'Paid', 'Amount paid', 'Paid amount'],
  date: ['Date', "Date d'engagement", 'Date engagement', 'Date opération', 'Date comptable', 'Date de pièce'],
  beneficiary: ['Bénéficiaire', 'Tiers', 'Porteur', 'Beneficiary'],
  label: ['Libellé', 'Objet', 'Intitulé', 'Désignation', 'Label', 'Description'],
};

const synonymIndex = new Map<string, LedgerField>();
/** How telling a synonym is: "Code action" (0) beats "Code" (4) when a ledger has both. */
const synonymRank = new Map<string, number>();
for (const f of LEDGER_FIELDS) {
  SYNONYMS[f].forEach((s, i) => {
    synonymIndex.set(matchKey(s), f);
    synonymRank.set(matchKey(s), i);
  });
}

/** What --map and the column picker accept as field names, in French or English: the first is the French one the help lists. */
const MAP_NAMES = {
  reference: ['reference', 'ref', 'engagement', 'numero', 'commitment'],
  action: ['action', 'code', 'codeaction'],
  year: ['annee', 'exercice', 'year'],
  funder: ['financeur', 'funder'],
  committed: ['engage', 'montantengage', 'committed', 'ae'],
  paid: ['verse', 'mandate', 'paye', 'paid', 'montantverse'],
  date: ['date'],
  beneficiary: ['beneficiaire', 'tiers', 'beneficiary'],
  label: ['libelle', 'objet', 'label'],
} as Record<LedgerField, string[]>;
const FIELD_NAMES: Record<string, LedgerField> = {};
for (const [f, names] of Object.entries(MAP_NAMES)) for (const n of names) FIELD_NAMES[n] = f as LedgerField;

/** The field as the help of --map names it ("engage" in French, "committed" in English): what the user typed, not the code's name. */
export const mapFieldName = (field: LedgerField, lang: 'fr' | 'en') => (lang === 'fr' ? MAP_NAMES[field][0] : field);

/** "engagé", "Versé", "year" → the ledger field; undefined when it names none. */
export function ledgerFieldOf(name: string): LedgerField | undefined {
  return FIELD_NAMES[matchKey(name)];
}

export function ledgerFieldForHeader(header: string): LedgerField | undefined {
  return synonymIndex.get(matchKey(header));
}

/** The columns a header row names, each by its best synonym. */
export function columnsFromSynonyms(row: CellValue[]): Partial<Record<LedgerField, number>> {
  const cols: Partial<Record<LedgerField, number>> = {};
  const rank: Partial<Record<LedgerField, number>> = {};
  row.forEach((v, i) => {
    if (typeof v !== 'string') return;
    const k = matchKey(v);
    const f = synonymIndex.get(k);
    if (f && (cols[f] === undefined || synonymRank.get(k)! < rank[f]!)) {
      cols[f] = i;
      rank[f] = synonymRank.get(k)!;
    }
  });
  return cols;
}
