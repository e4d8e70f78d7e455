/**
 * What differs between the places a workbook lives: Excel through Office.js (src/hosts/office/)
 * and the browser preview's in-memory workbook (src/hosts/preview/). A host reads a snapshot,
 * applies plans (core/sheets/: a sync's results, one of the add-in's own sheets, init's tables),
 * selects a cell, watches the user's edits and reads the selection; what it cannot do is said in
 * `capabilities`, never found out by a cast. The operations (check, write the Synthèse COPIL,
 * write the Rapprochement, initialise) are the application layer's (src/app/), shared by every host.
 */
import type { CheckResult } from '../core/check';
import type { Lang } from '../core/contract';
import type { ResultsPlan } from '../core/sheets/controls';
import type { ReconciliationContent } from '../core/sheets/rapprochement';
import type { SheetPlan } from '../core/sheets/types';
import type { CellValue, WorkbookSnapshot } from '../core/snapshot';
import type { WorkbookPlan } from '../core/template';
import type { RecordRow } from '../core/versions/closure';
import type { JournalLine } from '../core/versions/closing';

export interface HostCapabilities {
  /** The add-in's own sheets (Synthèse COPIL, Rapprochement) can be written into the workbook. */
  writeSheets: boolean;
  /** The user's selection can be read (a ledger pasted into the workbook). */
  readSelection: boolean;
  /** Drop-down lists and amount checks in the tables (Excel: ExcelApi 1.8). */
  validationLists: boolean;
}

export interface SyncOutcome {
  result: CheckResult;
  /** context.sync() calls (Office) or 0 (preview): what the round-trip budget is measured on. */
  roundTrips: number;
  /** The sheet the results were written on (Excel's Contrôles); absent where nothing is written (preview). */
  controlsSheet?: string;
}

/** What the application layer makes of the snapshot a sync read: the check and what to write. */
export interface Analysis {
  result: CheckResult;
  plan: ResultsPlan;
}

/** One of the add-in's own sheets, rewritten as a whole in place; its plan is built from what the one read found. */
export interface SheetRequest {
  /**
   * Stable id, in lower-case ASCII: the host keeps its own bookkeeping per sheet under it (Excel:
   * the hidden copy "SuiviCES-<id>-prec" while the sheet is rewritten). A new sheet needs no host code.
   */
  id: string;
  /** The sheet's name in the workbook. */
  name: string;
  /** The plan needs the workbook's snapshot (read in the same round trip). */
  needsSnapshot: boolean;
  /** Table names the plan would use: the read says which a table on ANOTHER sheet already holds. */
  tableNames: string[];
  build(read: { snapshot: WorkbookSnapshot | null; takenElsewhere: Set<string> }): SheetPlan;
}

export interface InitializeReport {
  /** Tables written. */
  created: string[];
  /** Tables left as they were, and why. */
  skipped: { table: string; reason: 'exists' | 'occupied' }[];
  /** Sheets added to the workbook. */
  sheetsAdded: string[];
  /** Tables created without their drop-down lists and amount checks (an Excel without ExcelApi 1.8). */
  withoutValidation?: string[];
  /** Contract tables found as plain ranges and turned back into tables (restore; values untouched). */
  converted?: string[];
}

export interface WorkbookHost {
  /** Excel (Office.js), the browser preview, or a workbook file (the CLI's, hosts/xlsx/fileHost.ts). */
  readonly kind: 'excel' | 'preview' | 'file';
  readonly capabilities: HostCapabilities;
  /** True when the workbook holds none of the contract's tables (first run: offer to initialise). */
  isEmpty(): Promise<boolean>;
  /** Reads every contract table (and the add-in's own) in one round trip. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /**
   * One read, the caller's analysis of it, one write of its plan (Contrôles, highlights of the
   * cells at fault with the previous ones cleared, a Journal line). Never writes into a user's cell.
   */
  applyResults(analyse: (snapshot: WorkbookSnapshot) => Promise<Analysis>): Promise<SyncOutcome>;
  /** Writes (or rewrites in place) one of the add-in's own sheets. Only where capabilities.writeSheets. */
  writeSheet(request: SheetRequest): Promise<WrittenSheet>;
  /**
   * Builds the plan's tables the workbook lacks, never overwriting a table or a cell; with
   * `restore`, a contract table left as a plain range becomes a table again first.
   */
  initialize(plan: WorkbookPlan, options?: { restore?: boolean }): Promise<InitializeReport>;
  /** Records a year's closing or reopening (the Clotures table and a Journal line, the Journal created if missing). */
  writeClosure(rows: RecordRow[], journal: JournalLine): Promise<ClosureWritten>;
  /**
   * True once Synchroniser has written its results into this workbook (Excel: the add-in's
   * Controles table is there). Until then an edit is re-checked by reading only.
   */
  resultsWritten(): Promise<boolean>;
  /** Activates the sheet and selects the cell or range. */
  select(sheet: string, cell: string): Promise<void>;
  /** Calls back (debounced by the caller) when a user edits a contract table; returns an unsubscribe. */
  onUserEdit(callback: () => void): Promise<() => void>;
  /** The cells the user selected, null when it holds nothing (or the host has no selection). */
  readSelection(): Promise<SelectedRange | null>;
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

/** What a closing or reopening wrote: the pane claims a Journal line only when there is one. */
export interface ClosureWritten {
  journal: boolean;
  /** The sheet of the Journal table the line went to. */
  journalSheet: string;
}

export interface WrittenSheet {
  sheet: string;
  roundTrips: number;
}

/** What the Rapprochement sheet holds (core/sheets/rapprochement.ts). */
export type ReconciliationSheet = ReconciliationContent;

export type { Lang };
