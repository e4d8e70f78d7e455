/**
 * A workbook file (.xlsx or .ods) as a host, behind the same port as Excel and the browser preview
 * (hosts/host.ts): the CLI reads it, runs the application layer on it and prints, as the pane does.
 * The file is read once, piece by piece (nodeRead.ts), the first time something asks. A file is
 * not a live workbook: nothing to select, no edits to follow, no selection; checking writes nothing
 * into it (the CLI writes its results into files of their own). `initialize` writes a new .xlsx at
 * the host's path from the plan; `writeClosure` records a closing through closure.ts, which rewrites
 * only the add-in's own parts of an .xlsx, written beside, verified, then renamed (an .ods is read,
 * never written). A host made by `FileHost.newFile` is a file about to be written: `writeSheet`
 * writes a new workbook holding that one sheet (reconcile --out), nothing is read from it.
 */
import { promises as fs } from 'fs';
import { userTables, type Lang } from '../../core/contract';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { WorkbookPlan } from '../../core/template';
import type { SheetPlan } from '../../core/sheets/types';
import { isoDate, matchKey } from '../../core/text';
import type { RecordRow } from '../../core/versions/closure';
import type { JournalLine } from '../../core/versions/closing';
import type { Analysis, ClosureWritten, HostCapabilities, InitializeReport, SelectedRange, SheetRequest, SyncOutcome, WorkbookHost, WrittenSheet } from '../host';
import { excel } from './excel';
import { renderWorkbook } from './renderPlan';
import { WriteFailure } from './writeErrors';
import { readWorkbookFile, renderPlan, writeWorkbookFile } from './workbook';

export interface ReadFile {
  snapshot: WorkbookSnapshot;
  format: 'xlsx' | 'ods';
  /** The date the file's document properties say it was saved (ISO), null when they do not say. */
  savedOn: string | null;
}

/** Size and modification time when read: a file saved since (from Excel meanwhile) is not written over. */
type Stamp = { size: number; mtimeMs: number } | null;
const stampOf = (path: string): Promise<Stamp> => fs.stat(path).then(({ size, mtimeMs }) => ({ size, mtimeMs }), () => null);

export class FileHost implements WorkbookHost {
  readonly kind = 'file' as const;
  /** Sheets are written into files of their own (report, reconcile --out), never into the workbook read. */
  readonly capabilities: HostCapabilities;
  private read: Promise<ReadFile> | null = null;
  private stamp: Stamp = null;
  private readonly lang: Lang;

  /** `lang`: the language of what the host writes (the Clôtures sheet's title, a new Journal's headers). */
  constructor(
    readonly path: string,
    options: { lang?: Lang; output?: boolean } = {},
  ) {
    this.lang = options.lang ?? 'fr';
    this.capabilities = { writeSheets: !!options.output, readSelection: false, validationLists: true };
  }

  /** A workbook file about to be written (reconcile --out): writeSheet makes it, holding that sheet. */
  static newFile(path: string, lang: Lang = 'fr'): FileHost {
    return new FileHost(path, { lang, output: true });
  }

  /** The file as read (once): InputError when it cannot be used. */
  load(): Promise<ReadFile> {
    this.read ??= stampOf(this.path).then((stamp) => {
      this.stamp = stamp;
      return readWorkbookFile(this.path);
    });
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

  /** Only for a host made by newFile: an export of its own at its path (report --out), written beside then renamed. */
  async writeFile(bytes: Uint8Array): Promise<void> {
    if (!this.capabilities.writeSheets) throw new Error('A workbook read is never replaced by an export.');
    // The writing code (safeWrite, closure, patch: xmldom, crypto) is loaded when something is written:
    // `check` only reads, and evaluating it cost every start about 20 ms of CPU (issue 22).
    await (await import('./safeWrite')).writeNewFile(this.path, bytes);
  }

  /**
   * Only for a host made by newFile: a new workbook at its path holding the one sheet (what was there
   * is replaced: the caller was told to, --force). A workbook read gets no sheet written into it.
   */
  async writeSheet(request?: SheetRequest): Promise<WrittenSheet> {
    if (!this.capabilities.writeSheets || !request) throw new Error('A workbook file gets no sheet written into it: the CLI writes the summary and the reconciliation into files of their own.');
    const plan = request.build({ snapshot: null, takenElsewhere: new Set() });
    await writeWorkbookFile(renderWorkbook(new (excel().Workbook)(), [plan]), this.path);
    return { sheet: plan.name, roundTrips: 0 };
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

  /**
   * Records a closing or reopening in the .xlsx read (closure.ts): from the snapshot the plan was made
   * on, into the bytes that snapshot came from — a file saved since it was read is left as it is
   * (WriteFailure 'moved'), as is one saved while the write is verified (safeWrite.ts).
   */
  async writeClosure(rows: RecordRow[], journal: JournalLine): Promise<ClosureWritten> {
    const { snapshot, format } = await this.load();
    if (format !== 'xlsx') throw new Error('An OpenDocument workbook is read, never written: a closing is recorded in an .xlsx.');
    const handle = await fs.open(this.path, 'r').catch(() => null);
    if (!handle) throw new WriteFailure({ kind: 'moved' });
    let bytes: Buffer;
    let now: Stamp;
    try {
      bytes = await handle.readFile();
      const { size, mtimeMs } = await handle.stat();
      now = { size, mtimeMs };
    } finally {
      await handle.close();
    }
    if (!this.stamp || now.size !== this.stamp.size || now.mtimeMs !== this.stamp.mtimeMs) throw new WriteFailure({ kind: 'moved' });
    const written = await (await import('./closure')).writeClosureFile(this.path, bytes, snapshot, rows, journal, this.lang);
    this.read = null;
    return written;
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
