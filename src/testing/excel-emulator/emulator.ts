/**
 * The emulated Excel: a WorkbookModel, an Excel.run-like entry point, a count of round trips,
 * fault injection, and a way to play a user's (or a coauthor's) edit with its change events.
 */
import { boxAddress, intersects } from './address';
import { RequestContext, type Registration } from './api';
import { EmulatorError, WorkbookModel, type ChangeSource } from './model';

export interface RunOptions {
  delayForCellEdit?: boolean;
}

/** Office.js's own limit on Excel on the web: 5 MB per request and per response. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export class ExcelEmulator {
  readonly model = new WorkbookModel();
  /** context.sync() calls that reached the workbook (a sync with nothing queued costs nothing). */
  roundTrips = 0;
  /** Every context.sync() call, empty or not. */
  syncCalls = 0;
  /** Bytes a request (the queued work of one sync) may carry. */
  payloadLimit = WEB_PAYLOAD_LIMIT;
  /** Bytes the answer to one sync (loaded values) may carry. */
  responseLimit = WEB_PAYLOAD_LIMIT;
  /** The options of the last run: tests check that the host asks for delayForCellEdit. */
  lastRunOptions: RunOptions = {};
  private faults: EmulatorError[] = [];
  private registrations: Registration[] = [];
  private cellEdit: { waiters: (() => void)[] } | null = null;

  constructor() {
    this.run = this.run.bind(this);
  }

  /** Excel.run(batch) or Excel.run(options, batch); whatever the batch leaves queued is synced at the end. */
  async run<T>(a: RunOptions | RequestContext | ((ctx: RequestContext) => Promise<T>), b?: (ctx: RequestContext) => Promise<T>): Promise<T> {
    const batch = typeof a === 'function' ? a : b!;
    let ctx: RequestContext;
    if (a instanceof RequestContext) ctx = a;
    else {
      const options = typeof a === 'function' ? {} : a;
      this.lastRunOptions = { ...options };
      ctx = new RequestContext(this, options);
    }
    const out = await batch(ctx);
    if (ctx._pending) await ctx.sync();
    return out;
  }

  resetCounters(): void {
    this.roundTrips = 0;
    this.syncCalls = 0;
  }

  /** The next sync fails with this OfficeExtension.Error code, and nothing of its batch is applied. */
  failNextSync(code: 'InvalidOperationInCellEditMode' | 'RequestPayloadSizeLimitExceeded' | 'ItemNotFound' | 'GeneralException' | string, message?: string): void {
    this.faults.push(new EmulatorError(code, message ?? defaultMessages[code] ?? code));
  }

  _takeFault(): EmulatorError | undefined {
    return this.faults.shift();
  }

  /** The user is typing in a cell: batches fail, or wait when they asked for delayForCellEdit. */
  enterCellEdit(): void {
    this.cellEdit ??= { waiters: [] };
  }

  exitCellEdit(): void {
    const w = this.cellEdit?.waiters ?? [];
    this.cellEdit = null;
    w.forEach((f) => f());
  }

  async _waitForCellEdit(delay: boolean): Promise<void> {
    if (!this.cellEdit) return;
    if (!delay) throw new EmulatorError('InvalidOperationInCellEditMode', defaultMessages.InvalidOperationInCellEditMode);
    await new Promise<void>((resolve) => this.cellEdit!.waiters.push(resolve));
  }

  // ---------- events ----------

  _register(r: Registration): void {
    this.registrations.push(r);
  }

  _unregister(r: Registration): void {
    this.registrations = this.registrations.filter((x) => x !== r);
  }

  get handlerCount(): number {
    return this.registrations.length;
  }

  _fire(target: { kind: string; key?: string }, args: unknown): void {
    for (const r of this.registrations.filter((x) => x.kind === target.kind && (target.key === undefined || x.key === '' || x.key === target.key))) {
      try {
        void Promise.resolve(r.handler(args)).catch(() => undefined);
      } catch {
        /* a failing handler does not stop Excel */
      }
    }
  }

  /** Turns the changes the model recorded into TableChanged and WorksheetChanged events. */
  _dispatchChanges(): void {
    const changes = this.model.changes;
    this.model.changes = [];
    for (const ch of changes) {
      const base = { changeType: ch.changeType, source: ch.source };
      for (const t of this.model.tables) {
        if (t.sheet !== ch.sheet || !intersects(t.box, ch.box)) continue;
        const box = { top: Math.max(t.box.top, ch.box.top), left: Math.max(t.box.left, ch.box.left), bottom: Math.min(t.box.bottom, ch.box.bottom), right: Math.min(t.box.right, ch.box.right) };
        const args = { ...base, type: 'TableChanged', address: boxAddress(box), tableId: t.id, worksheetId: t.sheet.id };
        for (const r of this.registrations) {
          const hit = (r.kind === 'table' && r.key === t.id) || (r.kind === 'tables' && (r.key === '' || r.key === t.sheet.id));
          if (hit) safeCall(r.handler, args);
        }
      }
      const args = { ...base, type: 'WorksheetChanged', address: boxAddress(ch.box), worksheetId: ch.sheet.id };
      for (const r of this.registrations) {
        if ((r.kind === 'worksheet' && r.key === ch.sheet.id) || r.kind === 'worksheets') safeCall(r.handler, args);
      }
    }
  }

  /**
   * What a user typing (or pasting) into cells does: the values land at once, as typed text is
   * parsed by Excel, and onChanged fires with source Local (or Remote for a coauthor).
   */
  userEdit(address: string, values: unknown[][], options: { source?: ChangeSource } = {}): void {
    const { sheet, box } = this.model.resolve(address, this.model.activeSheet ?? undefined);
    this.model.writeBlock(sheet, box, values);
    this.model.changes.push({ sheet, box, source: options.source ?? 'Local', changeType: 'RangeEdited' });
    this._dispatchChanges();
  }
}

function safeCall(h: (a: unknown) => unknown, args: unknown): void {
  try {
    void Promise.resolve(h(args)).catch(() => undefined);
  } catch {
    /* ignored, as Excel does */
  }
}

const defaultMessages: Record<string, string> = {
  InvalidOperationInCellEditMode: 'The operation is not allowed while the user is editing a cell: exit cell edit mode and try again.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ItemNotFound: "The requested resource doesn't exist.",
  GeneralException: 'An internal error has occurred.',
};
