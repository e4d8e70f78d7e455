/**
 * The task pane's host inside Excel: the WorkbookHost contract over the Excel JavaScript API.
 * Excel.run is injected, so the same code runs against Excel and against the emulated Excel of the
 * tests and of the browser test page.
 */
import { CLOSURE_TABLE } from '../../core/versions/closure';
import { checkWorkbook } from '../../core/check';
import { userTables, type Lang } from '../../core/contract';
import { messages } from '../../core/i18n';
import { columnLetter, type WorkbookSnapshot } from '../../core/snapshot';
import { buildWorkbookPlan, type WorkbookPlan } from '../../core/template';
import { summarise } from '../../core/summary';
import { copilSheet } from '../../core/sheets/copil';
import { resultsPlan } from '../../core/sheets/controls';
import { formatDate } from '../../core/text';
import type { ReconciliationSheet, SelectedRange, SyncOutcome, WorkbookHost, WrittenSheet } from '../host';
import { errorCode, OfficeHostError, toHostError } from './errors';
import { excelFeatures, officeIsSetSupported, type ExcelFeatures, type IsSetSupported } from './features';
import { fingerprint } from './fingerprint';
import { queueRead, readBodiesInChunks, readFallbacks, type ReadResult } from './read';
import { queueReconRead, readSelectedGrid, RECON_ASIDE } from './reconcile';
import { queueSheet } from './renderPlan';
import { rapprochementSheet } from '../../core/sheets/rapprochement';
import { renderInitPlan, type InitializeReport } from './initialize';
import { queueOwnSheetPlaces, queueOwnSheetRewrite, restoreOwnSheet } from './ownSheet';
import { SUMMARY_ASIDE } from './summary';
import { DEFAULT_PAYLOAD_BUDGET, planResultWrites, type Row } from './write';

/** Excel.run's two overloads the host uses: with run options, and with an earlier context (to remove an event handler). */
export interface ExcelRun {
  <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

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

export interface RestoreReport extends InitializeReport {
  /** Contract tables found as plain ranges and turned back into Excel tables (values untouched). */
  converted: string[];
}

/** The closed-year record is the add-in's own table, read with the contract's but never one of them. */
const isClosureTable = (name: string) => name.toLowerCase() === CLOSURE_TABLE.toLowerCase();

export class OfficeHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  private readonly run: ExcelRun;
  private lang: Lang;
  private readonly budget: number;
  private readonly now: () => Date;
  private readonly grace: number;
  /** >0 while the add-in writes into user tables (initialize, restore): those events are its own. */
  private ownWrites = 0;
  private ownTableIds = new Set<string>();
  private userTableIds = new Set<string>();
  /** Tables seen in events that are neither the contract's nor Controles/Journal (the summary's, a user's own). */
  private otherTableIds = new Set<string>();
  /** Table lookups by id under way or done (one per unknown table). */
  private lookups = new Map<string, Promise<string | null>>();
  /** >0 while a sync writes its results; table events met meanwhile wait in deferredEdits. */
  private syncWrites = 0;
  private deferredEdits: (() => void)[] = [];
  /** The last sync's round trips, for the task pane's diagnostics. */
  lastRoundTrips = 0;

  private readonly isSetSupported: IsSetSupported;

  constructor(options: OfficeHostOptions) {
    this.run = options.run;
    this.isSetSupported = options.isSetSupported ?? officeIsSetSupported();
    this.lang = options.lang ?? 'fr';
    this.budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
    this.now = options.now ?? (() => new Date());
    this.grace = options.ownWriteGraceMs ?? 1500;
  }

  /** What this Excel offers above ExcelApi 1.7 (the manifest's minimum), asked at each use. */
  get features(): ExcelFeatures {
    return excelFeatures(this.isSetSupported);
  }

  /** Every batch asks Excel to wait while the user is typing in a cell instead of failing. */
  private async batch<T>(f: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run({ delayForCellEdit: true }, f);
    } catch (e) {
      throw toHostError(e, this.lang);
    }
  }

  async isEmpty(): Promise<boolean> {
    return this.batch(async (ctx) => {
      const found = userTables.map((d) => ctx.workbook.tables.getItemOrNullObject(d.name));
      await ctx.sync();
      return found.every((t) => t.isNullObject);
    });
  }

  private async read(ctx: Excel.RequestContext): Promise<{ read: ReadResult; trips: number }> {
    let read: ReadResult;
    let trips = 1;
    try {
      const q = queueRead(ctx);
      await ctx.sync();
      read = q.finish();
    } catch (e) {
      // Beyond Excel on the web's 5 MB answer: the tables' shapes first, then their rows in blocks.
      if (errorCode(e) !== 'RequestPayloadSizeLimitExceeded' && errorCode(e) !== 'ResponsePayloadSizeLimitExceeded') throw e;
      const q = queueRead(ctx, false);
      await ctx.sync();
      read = q.finish();
      trips += 1 + (await readBodiesInChunks(ctx, read, this.budget));
    }
    const extra = read.missing.length ? await readFallbacks(ctx, read) : 0;
    for (const id of read.ownTableIds) this.ownTableIds.add(id);
    for (const id of read.userTableIds) this.userTableIds.add(id);
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
  async sync(options: { asOf: Date; lang: Lang }): Promise<SyncOutcome> {
    this.lang = options.lang;
    let budget = this.budget;
    let retried = false;
    let total = 0;
    for (;;) {
      const attempt = { trips: 0, writing: false, failedCost: 0 };
      try {
        const result = await this.batch((ctx) => this.syncOnce(ctx, options, budget, attempt));
        total += attempt.trips;
        this.lastRoundTrips = total;
        return { result, roundTrips: total };
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

  private async syncOnce(ctx: Excel.RequestContext, options: { asOf: Date; lang: Lang }, budget: number, attempt: { trips: number; writing: boolean; failedCost: number }) {
    const { read, trips } = await this.read(ctx).catch((e: unknown) => {
      attempt.trips += 1;
      throw e;
    });
    attempt.trips += trips;
    const result = checkWorkbook(read.snapshot, { asOf: options.asOf, lang: options.lang });
    const line: Row = [
      journalStamp(this.now()),
      messages[options.lang].office.journal.sync(formatDate(options.asOf, options.lang)),
      result.summary.errors,
      result.summary.warnings,
      await fingerprint(read.snapshot),
    ];
    const plan = planResultWrites(read, resultsPlan(result, read.snapshot.sheets, line, options.lang), budget, this.features);
    attempt.writing = true;
    this.syncWrites++;
    try {
      let still: Excel.Table[] = [];
      for (const [i, b] of plan.batches.entries()) {
        b(ctx);
        // With the last write, at no extra trip: are the tables that were read still there?
        if (i === plan.batches.length - 1) still = read.snapshot.tables.filter((t) => t.isTable && !isClosureTable(t.name)).map((t) => ctx.workbook.tables.getItemOrNullObject(t.name).load('id'));
        attempt.trips++;
        attempt.failedCost = plan.costs[i];
        await ctx.sync();
      }
      for (const t of plan.ownTables) this.ownTableIds.add(t.id);
      // A coauthor deleted (or replaced) a contract table between the read and the write: these
      // results describe a workbook that is gone. Said as Excel would, so that the sync runs again.
      if (still.some((t) => t.isNullObject || !read.userTableIds.has(t.id))) throw new OfficeHostError('ItemNotFound', messages[options.lang].office.errors.notFound);
    } finally {
      this.syncWrites--;
      this.flushDeferredEdits();
    }
    return result;
  }

  /**
   * Writes (or replaces) the "Synthèse COPIL" sheet with native tables and charts: one round trip
   * to read the workbook and see whether the sheet is there, one to write it.
   */
  async writeSummarySheet(options: { asOf: Date; lang: Lang }): Promise<{ sheet: string; roundTrips: number }> {
    return this.ownWriting(() =>
      this.retryOnce(() =>
        this.batch(async (ctx) => {
          const name = messages[options.lang].summary.sheetName;
          const places = queueOwnSheetPlaces(ctx, name, SUMMARY_ASIDE);
          const { read, trips } = await this.read(ctx);
          const { summary } = summarise(read.snapshot, options);
          const plan = copilSheet(summary);
          const features = this.features;
          const undo = queueOwnSheetRewrite(ctx, name, SUMMARY_ASIDE, places, (ws) => queueSheet(ws, plan, features));
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

  /** The task pane's "Export COPIL" into the workbook (same as writeSummarySheet). */
  exportCopil(options: { asOf: Date; lang: Lang }): Promise<{ sheet: string; roundTrips: number }> {
    return this.writeSummarySheet(options);
  }

  /** The task pane's WorkbookHost.writeSummary: the same sheet. */
  writeSummary(options: { asOf: Date; lang: Lang }): Promise<WrittenSheet> {
    return this.writeSummarySheet(options);
  }

  /** The Rapprochement sheet (rewritten as a whole, in place): one round trip to look, one to write. */
  async writeReconciliation(content: ReconciliationSheet): Promise<WrittenSheet> {
    const m = messages[content.lang].reconcile;
    return this.ownWriting(() =>
      this.batch(async (ctx) => {
        const names = queueReconRead(ctx, m.sheet);
        const places = queueOwnSheetPlaces(ctx, m.sheet, RECON_ASIDE);
        await ctx.sync();
        const undo = queueOwnSheetRewrite(ctx, m.sheet, RECON_ASIDE, places, (ws) => queueSheet(ws, rapprochementSheet(content, { names: names().names })));
        try {
          await ctx.sync();
        } catch (e) {
          await restoreOwnSheet(ctx, undo).catch(() => undefined);
          throw e;
        }
        return { sheet: m.sheet, roundTrips: 2 };
      }),
    );
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

  /**
   * Edits of the contract tables, the user's and coauthors' (source Remote) alike. The add-in's own
   * tables (Controles, Journal) and its own writes are ignored; a table not seen before (created
   * since the last read) is looked up once by id.
   */
  async onUserEdit(callback: () => void): Promise<() => void> {
    const handler = async (e: Excel.TableChangedEventArgs): Promise<void> => {
      if (this.ownWrites > 0 || this.ownTableIds.has(e.tableId) || this.otherTableIds.has(e.tableId)) return;
      if (this.userTableIds.has(e.tableId)) {
        callback();
        return;
      }
      // While a sync writes, an unknown table is most likely the Controles or Journal table it is
      // creating: wait for the write's end, when their ids are known, rather than look it up.
      if (this.syncWrites > 0) {
        this.deferredEdits.push(() => void handler(e));
        return;
      }
      // One lookup per unknown table, however many of its events arrive (a table just written
      // sends several), and none again for a table known not to be the user's.
      const first = !this.lookups.has(e.tableId);
      if (first)
        this.lookups.set(
          e.tableId,
          this.run({ delayForCellEdit: true }, async (ctx) => {
            const t = ctx.workbook.tables.getItemOrNullObject(e.tableId).load('name');
            await ctx.sync();
            return t.isNullObject ? null : t.name;
          }).catch(() => null),
        );
      const name = await this.lookups.get(e.tableId)!;
      if (name === null) {
        this.lookups.delete(e.tableId);
        return;
      }
      if (userTables.some((d) => d.name.toLowerCase() === name.toLowerCase())) {
        this.userTableIds.add(e.tableId);
        if (first) callback();
      } else if (['controles', 'journal'].includes(name.toLowerCase())) this.ownTableIds.add(e.tableId);
      else this.otherTableIds.add(e.tableId);
    };
    const registration = await this.batch(async (ctx) => {
      const own = ['Controles', 'Journal'].map((n) => ctx.workbook.tables.getItemOrNullObject(n).load('id'));
      const user = userTables.map((d) => ctx.workbook.tables.getItemOrNullObject(d.name).load('id'));
      const r = ctx.workbook.tables.onChanged.add(handler);
      await ctx.sync();
      for (const t of own) if (!t.isNullObject) this.ownTableIds.add(t.id);
      for (const t of user) if (!t.isNullObject) this.userTableIds.add(t.id);
      return r;
    });
    return () => {
      void this.run(registration.context, async (ctx) => {
        registration.remove();
        await ctx.sync();
      }).catch(() => undefined);
    };
  }

  private flushDeferredEdits(): void {
    if (this.syncWrites > 0) return;
    const todo = this.deferredEdits;
    this.deferredEdits = [];
    todo.forEach((f) => f());
  }

  private async ownWriting<T>(f: () => Promise<T>): Promise<T> {
    this.ownWrites++;
    try {
      return await f();
    } finally {
      // Excel delivers the events of a batch after the batch: keep ignoring them a moment longer.
      if (this.grace > 0) setTimeout(() => this.ownWrites--, this.grace);
      else this.ownWrites--;
    }
  }

  /** The last initialize's report: which tables were written, which were left alone and why. */
  lastInitializeReport: InitializeReport | null = null;

  async initialize(plan: WorkbookPlan): Promise<void> {
    await this.initializeWithReport(plan);
  }

  async initializeWithReport(plan: WorkbookPlan): Promise<InitializeReport> {
    const report = await this.ownWriting(() => this.batch((ctx) => this.render(ctx, plan, messages[this.lang].office.journal.init)));
    this.lastInitializeReport = report;
    return report;
  }

  private async render(ctx: Excel.RequestContext, plan: WorkbookPlan, action: string, only?: Set<string>, alreadyDone = 0): Promise<InitializeReport> {
    const { report, journal } = await renderInitPlan(ctx, plan, { lang: this.lang, features: this.features, journalLine: [journalStamp(this.now()), action, '', '', ''], only, alreadyDone });
    if (journal) this.ownTableIds.add(journal.id);
    return report;
  }

  /**
   * Puts back the contract tables the workbook lacks: a header-shaped range left where the table
   * was becomes an Excel table again (its values untouched); a table gone altogether is recreated
   * empty, where its cells are blank.
   */
  async restoreMissingTables(lang: Lang = this.lang): Promise<RestoreReport> {
    return this.ownWriting(() =>
      this.batch(async (ctx) => {
        const { read } = await this.read(ctx);
        const converted: string[] = [];
        for (const name of read.missing) {
          const range = read.snapshot.tables.find((t) => t.name === name && !t.isTable);
          if (!range) continue;
          const right = range.firstColumn + range.headers.length - 1;
          const bottom = range.headerRow + Math.max(1, range.rows.length);
          const address = `${columnLetter(range.firstColumn)}${range.headerRow}:${columnLetter(right)}${bottom}`;
          const t = ctx.workbook.worksheets.getItem(range.sheet).tables.add(address, true);
          t.name = name;
          converted.push(name);
        }
        if (converted.length) await ctx.sync();
        const rest = new Set(read.missing.filter((n) => !converted.includes(n)));
        const report = await this.render(ctx, buildWorkbookPlan({ example: false, lang }), messages[lang].office.journal.restore, rest, converted.length);
        return { ...report, converted };
      }),
    );
  }
}

/** Refusals after which a second try, on a fresh read, makes sense. */
const RETRY_ONCE = new Set(['InvalidOperationInCellEditMode', 'ItemNotFound', 'GeneralException']);
/** Below this, blocks are not made smaller again (a single finding's row weighs far less). */
const MIN_WRITE_BUDGET = 8 * 1024;

function isPayloadCode(code: string | undefined): boolean {
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** "29/11/2026 21:05": the user's local time, as a French reader writes it. */
export function journalStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
