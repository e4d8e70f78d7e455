/**
 * A workbook file (.xlsx or .ods) as a host, behind the same port as Excel and the browser preview
 * (hosts/host.ts): the CLI reads it, runs the application layer on it and prints, as the pane does.
 * The file is read once, piece by piece (nodeRead.ts), the first time something asks. A file is
 * not a live workbook: nothing to select, no edits to follow, no selection; checking writes nothing
 * into it (the CLI writes its results into files of their own). `initialize` writes a new .xlsx at
 * the host's path from the plan; a closing is recorded by `close`, through patch.ts, which rewrites
 * only the add-in's own parts of an .xlsx (an .ods is read, never written).
 */
import { promises as fs } from 'fs';
import { userTables } from '../../core/contract';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { WorkbookPlan } from '../../core/template';
import type { SheetPlan } from '../../core/sheets/types';
import { isoDate, matchKey } from '../../core/text';
import type { Analysis, ClosureWritten, HostCapabilities, InitializeReport, SelectedRange, SyncOutcome, WorkbookHost, WrittenSheet } from '../host';
import { readWorkbookFile, renderPlan, writeWorkbookFile } from './workbook';

export interface ReadFile {
  snapshot: WorkbookSnapshot;
  format: 'xlsx' | 'ods';
  /** The date the file's document properties say it was saved (ISO), null when they do not say. */
  savedOn: string | null;
}

export class FileHost implements WorkbookHost {
  readonly kind = 'file' as const;
  /** Sheets are written into files of their own (report, reconcile --out), never into the workbook read. */
  readonly capabilities: HostCapabilities = { writeSheets: false, readSelection: false, validationLists: true };
  private read: Promise<ReadFile> | null = null;

  constructor(readonly path: string) {}

  /** The file as read (once): InputError when it cannot be used. */
  load(): Promise<ReadFile> {
    this.read ??= readWorkbookFile(this.path);
    return this.read;
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return (await this.load()).snapshot;
  }

  async isEmpty(): Promise<boolean> {
    const { tables } = await this.readSnapshot();
    return !tables.some((t) => userTables.some((d) => matchKey(d.name) === matchKey(t.name)));
  }

  /** The analysis runs on the file as read; its results plan is not written into it. */
  async applyResults(analyse: (snapshot: WorkbookSnapshot) => Promise<Analysis>): Promise<SyncOutcome> {
    const { result } = await analyse(await this.readSnapshot());
    return { result, roundTrips: 0 };
  }

  writeSheet(): Promise<WrittenSheet> {
    return Promise.reject(new Error('A workbook file gets no sheet written into it: the CLI writes the summary and the reconciliation into files of their own.'));
  }

  /**
   * Writes a new workbook at the host's path, every table of the plan (the caller decided it may
   * replace what is there), and the add-in's `ownSheets` after them (the convention's, init --profile).
   */
  async initialize(plan: WorkbookPlan, options: { restore?: boolean; ownSheets?: SheetPlan[] } = {}): Promise<InitializeReport> {
    await writeWorkbookFile(renderPlan(plan, options.ownSheets), this.path);
    this.read = null;
    return { created: plan.sheets.flatMap((s) => s.tables.map((t) => t.name)), skipped: [], sheetsAdded: plan.sheets.map((s) => s.name) };
  }

  writeClosure(): Promise<ClosureWritten> {
    return Promise.reject(new Error('A closing is recorded in a workbook file by `ess-budget close` (hosts/xlsx/patch.ts).'));
  }

  /** A file's results are never written by a check: the CLI only reads, and says so. */
  async resultsWritten(): Promise<boolean> {
    return false;
  }

  async select(): Promise<void> {
    // A file has no cursor: the CLI names the cell in its output.
  }

  async onUserEdit(): Promise<() => void> {
    return () => undefined;
  }

  async readSelection(): Promise<SelectedRange | null> {
    return null;
  }

  /** When the file was saved: its document properties, else its modification time (ISO date). */
  async savedOn(): Promise<string> {
    const { savedOn } = await this.load();
    return savedOn ?? isoDate((await fs.stat(this.path)).mtime);
  }
}
