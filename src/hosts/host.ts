/**
 * What the task pane needs from the place a workbook lives. Two implementations: Excel through
 * Office.js (src/hosts/office/) and the browser preview's in-memory workbook (src/hosts/preview/).
 * The task pane calls only this; the core never sees either.
 */
import type { CheckResult } from '../core/check';
import type { Lang } from '../core/contract';
import type { ReconciliationContent } from '../core/sheets/rapprochement';
import type { CellValue, WorkbookSnapshot } from '../core/snapshot';
import type { WorkbookPlan } from '../core/template';

export interface SyncOutcome {
  result: CheckResult;
  /** context.sync() calls (Office) or 0 (preview): what the round-trip budget is measured on. */
  roundTrips: number;
}

export interface WorkbookHost {
  readonly kind: 'excel' | 'preview';
  /** True when the workbook holds none of the contract's tables (first run: offer to initialise). */
  isEmpty(): Promise<boolean>;
  /** Builds the contract's sheets and tables (example optional); never overwrites an existing table. */
  initialize(plan: WorkbookPlan): Promise<void>;
  /** Reads every contract table in one round trip. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /**
   * Reads, checks, and writes the add-in's own results (Contrôles sheet, highlights of the cells at
   * fault with the previous ones cleared, a Journal line): one round trip to read, one to write.
   * Never writes into a user's cell.
   */
  sync(options: { asOf: Date; lang: Lang }): Promise<SyncOutcome>;
  /** Activates the sheet and selects the cell or range. */
  select(sheet: string, cell: string): Promise<void>;
  /** Calls back (debounced by the caller) when a user edits a contract table; returns an unsubscribe. */
  onUserEdit(callback: () => void): Promise<() => void>;
  /**
   * Writes (or replaces) the "Synthèse COPIL" sheet: native tables and charts, at most 2 round
   * trips. Absent where there is no workbook to write into (the preview offers the files only).
   */
  writeSummary?(options: { asOf: Date; lang: Lang }): Promise<WrittenSheet>;
  /** Writes (or replaces) the Rapprochement sheet: the lines, then the totals; at most 2 round trips. */
  writeReconciliation?(sheet: ReconciliationSheet): Promise<WrittenSheet>;
  /** The cells the user selected (a ledger pasted into the workbook), null when it holds nothing. */
  readSelection?(): Promise<SelectedRange | null>;
}

export interface SelectedRange {
  sheet: string;
  /** e.g. "A1:I80". */
  address: string;
  /** 1-based sheet row and column of values[0][0]. */
  firstRow: number;
  firstColumn: number;
  values: CellValue[][];
}

export interface WrittenSheet {
  sheet: string;
  roundTrips: number;
}

/** What the Rapprochement sheet holds (core/sheets/rapprochement.ts). */
export type ReconciliationSheet = ReconciliationContent;
