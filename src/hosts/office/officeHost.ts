/**
 * The task pane's host inside Excel: the WorkbookHost contract over the Excel JavaScript API.
 * Excel.run is injected, so the same code runs against Excel and against the emulated Excel of the
 * tests and of the browser test page.
 */
import { cellAddress } from '../../core/cells';
import { controlsTable, userTables, type Lang } from '../../core/contract';
import { messages } from '../../core/i18n';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { WorkbookPlan } from '../../core/template';
import { CLOSURE_TABLE, type RecordRow } from '../../core/versions/closure';
import type { JournalLine } from '../../core/versions/closing';
import type { Analysis, ClosureWritten, HostCapabilities, InitializeReport, SelectedRange, SheetRequest, SyncOutcome, WorkbookHost, WrittenSheet } from '../host';
import { writeClosureRows } from './closeYear';
import { journalStamp } from '../../core/sheets/journal';
import { EditTracker, type ExcelRun } from './edits';
import { errorCode, OfficeHostError, toHostError } from './errors';
import { excelFeatures, officeIsSetSupported, type ExcelFeatures, type IsSetSupported } from './features';
import { renderInitPlan } from './initialize';
import { asideName, queueOwnSheetPlaces, queueOwnSheetRewrite, restoreOwnSheet } from './ownSheet';
import { isContractTable, queueRead, readBodiesInChunks, readFallbacks, type ReadResult } from './read';
import { addConventionTables } from './conventionTables';
import { profileOfRows } from './profileRead';
import { withRoomBelow, type RoomBelow } from './below';
import { queueTakenElsewhere, readSelectedGrid } from './selection';
import { queueSheet } from './renderPlan';
import { DEFAULT_PAYLOAD_BUDGET, planResultWrites } from './write';

export type { ExcelRun } from './edits';

export interface OfficeHostOptions {
  run: ExcelRun;
  /** Language of the sheets, headers and messages the add-in writes when no sync says otherwise. */
  lang?: Lang;
  /** Bytes per batch before writes are split (Excel on the web refuses requests over 5 MB). */
  payloadBudget?: number;
  /** The Journal's clock. */
  now?: () => Date;
  /** How long after its own writes table events are still taken as the add-in's (they arrive after the sync). */
  ownWriteGraceMs?: number;
  /** Office.context.requirements.isSetSupported (by default, office.js's own). */
  isSetSupported?: IsSetSupported;
}

/** The closed-year record is the add-in's own table, read with the contract's but never one of them. */
const isClosureTable = (name: string) => name.toLowerCase() === CLOSURE_TABLE.toLowerCase();

export class OfficeHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  private readonly run: ExcelRun;
  private lang: Lang;
  private readonly budget: number;
  private readonly now: () => Date;
  private readonly edits: EditTracker;
  /** The last sync's round trips, for the task pane's diagnostics. */
  lastRoundTrips = 0;

  private readonly isSetSupported: IsSetSupported;

  constructor(options: OfficeHostOptions) {
    this.run = options.run;
    this.isSetSupported = options.isSetSupported ?? officeIsSetSupported();
    this.lang = options.lang ?? 'fr';
    this.budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
    this.now = options.now ?? (() => new Date());
    this.edits = new EditTracker(this.run, options.ownWriteGraceMs ?? 1500);
  }

  /** What this Excel offers above ExcelApi 1.7 (the manifest's minimum), asked at each use. */
  get features(): ExcelFeatures {
    return excelFeatures(this.isSetSupported);
  }

  get capabilities(): HostCapabilities {
    return { writeSheets: true, readSelection: true, validationLists: this.features.dataValidation };
  }

  /** Every batch asks Excel to wait while the user is typing in a cell instead of failing. */
  private batch = async <T>(f: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    try {
      return await this.run({ delayForCellEdit: true }, f);
    } catch (e) {
      throw toHostError(e, this.lang);
    }
  };

  /** No contract table, under its name or renamed: only then does the pane offer to initialise. */
  async isEmpty(): Promise<boolean> {
    return this.batch(async (ctx) => {
      const tables = ctx.workbook.tables.load('items/name,items/worksheet/name,items/columns/items/name');
      await ctx.sync();
      return !tables.items.some((t) => isContractTable(t.name, t.worksheet.name, t.columns.items.map((c) => c.name)));
    });
  }

  private async read(ctx: Excel.RequestContext): Promise<{ read: ReadResult; trips: number }> {
    const whole = async (room?: RoomBelow): Promise<{ read: ReadResult; trips: number }> => {
      try {
        const q = queueRead(ctx, true, room);
        await ctx.sync();
        return { read: q.finish(), trips: 1 };
      } catch (e) {
        // Beyond Excel on the web's 5 MB answer: the tables' shapes first, then their rows in blocks.
        if (!isPayloadCode(errorCode(e))) throw e;
        const q = queueRead(ctx, false, room);
        await ctx.sync();
        const read = q.finish();
        return { read, trips: 2 + (await readBodiesInChunks(ctx, read, this.budget)) };
      }
    };
    // A contract table ending near the sheet's last row: measured, then read again (below.ts).
    const first = await withRoomBelow(ctx, () => userTables.map((d) => d.name), whole);
    const read = first.value.read;
    const trips = first.value.trips + first.extra;
    // The workbook's convention first: which tables are the contract's depends on it.
    if (read.profileRows) {
      read.snapshot.profile = await profileOfRows(read.profileRows);
      addConventionTables(read, read.snapshot.profile);
    }
    const fallbacks = read.missing.length || read.renamed.length ? await withRoomBelow(ctx, () => read.renamed.map((r) => r.foundAs), (room) => readFallbacks(ctx, read, room)) : null;
    const extra = fallbacks ? fallbacks.value + fallbacks.extra : 0;
    for (const id of read.ownTableIds) this.edits.ownTableIds.add(id);
    for (const id of read.userTableIds) this.edits.userTableIds.add(id);
    return { read, trips: trips + extra };
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return this.batch(async (ctx) => (await this.read(ctx)).read.snapshot);
  }

  /**
   * One read, one write; more only when Excel refuses. The user typing in a cell, a sheet or table
   * gone under the batch (a coauthor), or Excel's passing GeneralException: the whole sync is tried
   * once more, on a fresh read. A request over Excel's size limit: the write is planned again in
   * smaller blocks, until it goes through. Otherwise the sentence of errors.ts.
   */
  async applyResults(analyse: (snapshot: WorkbookSnapshot) => Promise<Analysis>): Promise<SyncOutcome> {
    let budget = this.budget;
    let retried = false;
    let total = 0;
    for (;;) {
      const attempt = { trips: 0, writing: false, failedCost: 0, sheet: '' };
      try {
        const result = await this.batch((ctx) => this.applyOnce(ctx, analyse, budget, attempt));
        total += attempt.trips;
        this.lastRoundTrips = total;
        return { result, roundTrips: total, controlsSheet: attempt.sheet };
      } catch (e) {
        total += attempt.trips;
        this.lastRoundTrips = total;
        const code = errorCode(e);
        if (attempt.writing && isPayloadCode(code) && budget > MIN_WRITE_BUDGET) {
          budget = Math.max(MIN_WRITE_BUDGET, Math.floor(Math.min(budget, attempt.failedCost) / 2));
          continue;
        }
        if (!retried && code !== undefined && RETRY_ONCE.has(code)) {
          retried = true;
          continue;
        }
        throw e;
      }
    }
  }

  private async applyOnce(ctx: Excel.RequestContext, analyse: (snapshot: WorkbookSnapshot) => Promise<Analysis>, budget: number, attempt: { trips: number; writing: boolean; failedCost: number; sheet: string }) {
    const { read, trips } = await this.read(ctx).catch((e: unknown) => {
      attempt.trips += 1;
      throw e;
    });
    attempt.trips += trips;
    const { result, plan: results } = await analyse(read.snapshot);
    this.lang = results.lang;
    const plan = planResultWrites(read, results, budget, this.features);
    attempt.sheet = plan.controlsSheet;
    attempt.writing = true;
    await this.edits.syncWriting(async () => {
      let still: Excel.Table[] = [];
      for (const [i, b] of plan.batches.entries()) {
        b(ctx);
        // With the last write, at no extra trip: are the tables that were read still there?
        if (i === plan.batches.length - 1) still = read.snapshot.tables.filter((t) => t.isTable && !isClosureTable(t.name)).map((t) => ctx.workbook.tables.getItemOrNullObject(t.foundAs ?? t.name).load('id'));
        attempt.trips++;
        attempt.failedCost = plan.costs[i];
        await ctx.sync();
      }
      for (const t of plan.ownTables) this.edits.ownTableIds.add(t.id);
      // A coauthor deleted (or replaced) a contract table between the read and the write: these
      // results describe a workbook that is gone. Said as Excel would, so that the sync runs again.
      if (still.some((t) => t.isNullObject || !read.userTableIds.has(t.id))) throw new OfficeHostError('ItemNotFound', messages[results.lang].office.errors.notFound);
    });
    return result;
  }

  /**
   * One of the add-in's own sheets, rewritten as a whole in place (ownSheet.ts): one round trip to
   * see the sheet, the table names and (if the plan needs it) the workbook, one to write it.
   */
  async writeSheet(request: SheetRequest): Promise<WrittenSheet> {
    const aside = asideName(request.id);
    return this.edits.ownWriting(() =>
      this.retryOnce(() =>
        this.batch(async (ctx) => {
          const places = queueOwnSheetPlaces(ctx, request.name, aside);
          const taken = queueTakenElsewhere(ctx, request.name, request.tableNames);
          let trips = 1;
          let snapshot: WorkbookSnapshot | null = null;
          if (request.needsSnapshot) {
            const r = await this.read(ctx);
            snapshot = r.read.snapshot;
            trips = r.trips;
          } else await ctx.sync();
          const plan = request.build({ snapshot, takenElsewhere: taken() });
          const features = this.features;
          const undo = queueOwnSheetRewrite(ctx, request.name, aside, places, (ws) => queueSheet(ws, plan, features));
          try {
            await ctx.sync();
          } catch (e) {
            await restoreOwnSheet(ctx, undo).catch(() => undefined);
            throw e;
          }
          return { sheet: plan.name, roundTrips: trips + 1 };
        }),
      ),
    );
  }

  /** Once more after a refusal that a second try may not meet (see RETRY_ONCE). */
  private async retryOnce<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      const code = errorCode(e);
      if (code === undefined || !RETRY_ONCE.has(code)) throw e;
      return f();
    }
  }

  /** The selected cells, for a ledger pasted into the workbook (the Rapprochement tab). */
  readSelection(): Promise<SelectedRange | null> {
    return this.batch(readSelectedGrid);
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.batch(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/i.test(cell) ? cell : 'A1').select();
      await ctx.sync();
    });
  }

  /** Edits of the contract tables, the user's and coauthors' alike (edits.ts). */
  onUserEdit(callback: () => void): Promise<() => void> {
    return this.edits.watch(this.batch, callback);
  }

  /** A year's closing or reopening: the Clotures table and a Journal line (closeYear.ts). */
  writeClosure(rows: RecordRow[], journal: JournalLine): Promise<ClosureWritten> {
    // Not through batch(): its refusal of a sheet already named Clotures must reach the pane as it is.
    return this.edits.ownWriting(() => writeClosureRows((b) => this.run({ delayForCellEdit: true }, b), rows, journal, this.lang));
  }

  /** Synchroniser has been pressed in this workbook: its Controles table is there (it travels with the file). */
  async resultsWritten(): Promise<boolean> {
    return this.batch(async (ctx) => {
      const t = ctx.workbook.tables.getItemOrNullObject(controlsTable.name);
      await ctx.sync();
      return !t.isNullObject;
    });
  }

  /** The last initialize's report: which tables were written, which were left alone and why. */
  lastInitializeReport: InitializeReport | null = null;

  /**
   * Builds the tables the workbook lacks (initialize.ts). With `restore`, a header-shaped range
   * left where a contract table was becomes an Excel table again first (its values untouched).
   */
  async initialize(plan: WorkbookPlan, options: { restore?: boolean } = {}): Promise<InitializeReport> {
    const report = await this.edits.ownWriting(() => this.batch((ctx) => (options.restore ? this.restore(ctx, plan) : this.render(ctx, plan, messages[this.lang].office.journal.init))));
    this.lastInitializeReport = report;
    return report;
  }

  private async render(ctx: Excel.RequestContext, plan: WorkbookPlan, action: string, only?: Set<string>, alreadyDone = 0): Promise<InitializeReport> {
    const { report, journal } = await renderInitPlan(ctx, plan, { lang: this.lang, features: this.features, journalLine: [journalStamp(this.now()), action, '', '', ''], only, alreadyDone });
    if (journal) this.edits.ownTableIds.add(journal.id);
    return report;
  }

  private async restore(ctx: Excel.RequestContext, plan: WorkbookPlan): Promise<InitializeReport> {
    const lang = plan.lang ?? this.lang;
    const { read } = await this.read(ctx);
    const converted: string[] = [];
    for (const name of read.missing) {
      const range = read.snapshot.tables.find((t) => t.name === name && !t.isTable);
      if (!range) continue;
      const right = range.firstColumn + range.headers.length - 1;
      const bottom = range.headerRow + Math.max(1, range.rows.length);
      const t = ctx.workbook.worksheets.getItem(range.sheet).tables.add(`${cellAddress(range.headerRow, range.firstColumn)}:${cellAddress(bottom, right)}`, true);
      t.name = name;
      converted.push(name);
    }
    if (converted.length) await ctx.sync();
    const rest = new Set(read.missing.filter((n) => !converted.includes(n)));
    const report = await this.render(ctx, plan, messages[lang].office.journal.restore, rest, converted.length);
    return { ...report, converted };
  }
}

/** Refusals after which a second try, on a fresh read, makes sense. */
const RETRY_ONCE = new Set(['InvalidOperationInCellEditMode', 'ItemNotFound', 'GeneralException']);
/** Below this, blocks are not made smaller again (a single finding's row weighs far less). */
const MIN_WRITE_BUDGET = 8 * 1024;

function isPayloadCode(code: string | undefined): boolean {
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}
