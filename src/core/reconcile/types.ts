/** What a reconciliation gives: its lines, findings and totals per funder and year (match.ts makes it). */
import type { Lang } from '../contract';
import type { RawFinding } from '../findings';
import type { Cents } from '../money';
import type { Ref } from '../model';
import type { LedgerRef } from './ledger';

export type LineStatus = 'matched' | 'different' | 'missing-in-ledger' | 'missing-in-workbook' | 'netted-out';

export interface ReconLine {
  status: LineStatus;
  /** How the two sides were paired; null when one side is missing. */
  matchedOn: 'reference' | 'key' | null;
  reference: string | null;
  action: string | null;
  year: number | null;
  /** Canonical funder name (Région, État, CDC, or the co-funder's), null when unknown. */
  funder: string | null;
  workbook: { committed: Cents; paid: Cents; cells: Ref[] } | null;
  /** null amounts: the ledger has no such column. */
  ledger: { committed: Cents | null; paid: Cents | null; lines: LedgerRef[]; label: string | null } | null;
  /** ledger − workbook, null when not compared. */
  gapCommitted: Cents | null;
  gapPaid: Cents | null;
}

export interface ReconTotal {
  funder: string;
  year: number | null;
  workbookCommitted: Cents;
  ledgerCommitted: Cents;
  gapCommitted: Cents;
  workbookPaid: Cents;
  ledgerPaid: Cents;
  gapPaid: Cents;
}

export interface ReconcileOptions {
  lang?: Lang;
  /** Which amounts to compare; by default those the ledger carries (a column with at least one amount). */
  compare?: { committed: boolean; paid: boolean };
  /**
   * A ledger of one funder (a CDC export) says nothing of the others' lines: by default only the
   * funders the ledger names (or whose references it carries) are expected in it. 'all' expects every line.
   */
  scope?: 'ledger-funders' | 'all';
  /** The funder of a ledger that has no funder column ("CDC" for a CDC export). */
  defaultFunder?: string;
  /**
   * How lines are paired. By default on the reference where both sides carry it, then on (action,
   * year, funder); but when the ledger's references have (almost) nothing in common with the
   * workbook's (a funder numbering commitments its own way), only on (action, year, funder), and
   * an information finding says so. 'reference' or 'key' forces either.
   */
  match?: 'reference' | 'key';
}

/** Below this share of its references found in the workbook, a ledger is taken to number in its own scheme… */
export const FOREIGN_SCHEME_SHARE = 0.1;
/** …provided it has enough references to judge (a few new commitments are not a numbering scheme). */
export const FOREIGN_SCHEME_MIN_REFERENCES = 5;

export interface ReconcileResult {
  lines: ReconLine[];
  findings: RawFinding[];
  totals: ReconTotal[];
  counts: Record<LineStatus, number>;
  compared: { committed: boolean; paid: boolean };
  /** The funders whose workbook lines were expected in the ledger. */
  funders: string[];
}
