/**
 * The user's edits of the contract tables, told apart from the add-in's own writes: Excel sends
 * table events for both (after the request, and coauthors' with source Remote). The add-in's own
 * tables (Controles, Journal) and its writes are ignored; a table not seen before (created since
 * the last read) is looked up once by id.
 */
import { userTables } from '../../core/contract';

/** Excel.run's two overloads the host uses: with run options, and with an earlier context (to remove an event handler). */
export interface ExcelRun {
  <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export class EditTracker {
  /** >0 while the add-in writes into user tables (initialize, restore): those events are its own. */
  private ownWrites = 0;
  readonly ownTableIds = new Set<string>();
  readonly userTableIds = new Set<string>();
  /** Tables seen in events that are neither the contract's nor Controles/Journal (the summary's, a user's own). */
  private otherTableIds = new Set<string>();
  /** Table lookups by id under way or done (one per unknown table). */
  private lookups = new Map<string, Promise<string | null>>();
  /** >0 while a sync writes its results; table events met meanwhile wait in deferredEdits. */
  private syncWrites = 0;
  private deferredEdits: (() => void)[] = [];

  constructor(
    private readonly run: ExcelRun,
    /** How long after its own writes table events are still taken as the add-in's (they arrive after the sync). */
    private readonly grace: number,
  ) {}

  /** Runs the add-in's own writes: the events they cause are not the user's. */
  async ownWriting<T>(f: () => Promise<T>): Promise<T> {
    this.ownWrites++;
    try {
      return await f();
    } finally {
      // Excel delivers the events of a batch after the batch: keep ignoring them a moment longer.
      if (this.grace > 0) setTimeout(() => this.ownWrites--, this.grace);
      else this.ownWrites--;
    }
  }

  /** Runs a sync's writes: events of tables it creates wait until their ids are known. */
  async syncWriting<T>(f: () => Promise<T>): Promise<T> {
    this.syncWrites++;
    try {
      return await f();
    } finally {
      this.syncWrites--;
      this.flushDeferredEdits();
    }
  }

  private flushDeferredEdits(): void {
    if (this.syncWrites > 0) return;
    const todo = this.deferredEdits;
    this.deferredEdits = [];
    todo.forEach((f) => f());
  }

  async watch(batch: <T>(f: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>, callback: () => void): Promise<() => void> {
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
    const registration = await batch(async (ctx) => {
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
}
