/**
 * The Rapprochement sheet as plain data: the CLI's --out and the task pane write the same columns.
 * Amounts are numbers in euros (the host applies the euro format); text is neutralised so that a
 * ledger label such as "=HYPERLINK(…)" stays text in any spreadsheet that re-reads the file.
 */
import type { Lang } from '../contract';
import { messages } from '../i18n';
import { neutralise } from '../neutralise';
import type { Cents } from '../money';
import { qualifiedAddress } from '../snapshot';
import type { ReconcileResult, ReconTotal } from './match';

export type ReconValue = string | number | null;

export interface ReconTable {
  headers: string[];
  /** Indexes of the columns that hold amounts (euro format). */
  amountColumns: number[];
  rows: ReconValue[][];
}


const euros = (c: Cents | null | undefined): number | null => (c === null || c === undefined ? null : c / 100);
const text = (s: string | null | undefined): string | null => (s === null || s === undefined || s === '' ? null : neutralise(s));

export function reconciliationTable(result: ReconcileResult, lang: Lang = 'fr'): ReconTable {
  const m = messages[lang].reconcile;
  const h = m.headers;
  const headers = [h.status, h.matchedOn, h.reference, h.action, h.year, h.funder, h.wbCommitted, h.ledCommitted, h.gapCommitted, h.wbPaid, h.ledPaid, h.gapPaid, h.workbookCell, h.ledgerLines, h.label];
  // Differences first, then what is missing, then what agrees: the reader starts with the work to do.
  const order = { different: 0, 'missing-in-ledger': 1, 'missing-in-workbook': 2, 'netted-out': 3, matched: 4 } as const;
  const lines = [...result.lines].sort((a, b) => order[a.status] - order[b.status]);
  const rows = lines.map((l) => [
    m.status[l.status],
    l.matchedOn ? m.matchedOn[l.matchedOn] : null,
    text(l.reference),
    text(l.action),
    l.year,
    text(l.funder),
    euros(l.workbook?.committed),
    euros(l.ledger?.committed),
    euros(l.gapCommitted),
    euros(l.workbook?.paid),
    euros(l.ledger?.paid),
    euros(l.gapPaid),
    l.workbook ? text(l.workbook.cells.map((c) => qualifiedAddress(c.sheet, c.cell)).join(', ')) : null,
    l.ledger ? text(`${l.ledger.lines[0].sheet} : ${l.ledger.lines.map((r) => r.cell).join(', ')}`) : null,
    text(l.ledger?.label),
  ]);
  return { headers, amountColumns: [6, 7, 8, 9, 10, 11], rows };
}

export function totalsTable(totals: ReconTotal[], lang: Lang = 'fr'): ReconTable {
  const h = messages[lang].reconcile.totalsHeaders;
  return {
    headers: [h.funder, h.year, h.wbCommitted, h.ledCommitted, h.gapCommitted, h.wbPaid, h.ledPaid, h.gapPaid],
    amountColumns: [2, 3, 4, 5, 6, 7],
    rows: totals.map((t) => [text(t.funder), t.year, euros(t.workbookCommitted), euros(t.ledgerCommitted), euros(t.gapCommitted), euros(t.workbookPaid), euros(t.ledgerPaid), euros(t.gapPaid)]),
  };
}
