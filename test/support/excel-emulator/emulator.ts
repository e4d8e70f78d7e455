/**
 * The emulated Excel: a WorkbookModel, an Excel.run-like entry point, a count of round trips,
 * fault injection, and a way to play a user's (or a coauthor's) edit with its change events.
 */
import { RequestContext } from './api/requestContext';
import { ChangeEvents, type TableChangeMessage } from './changeEvents';
import type { EmulatorHost, Registration } from './host';
import { EmulatorError, payloadTooLarge } from './model/errors';
import type { ChangeSource, RangeRef } from './model/types';
import { WorkbookModel } from './model/workbook';
import { ProtocolHost, type RichApiRequest } from './protocol';

export type { TableChangeMessage } from './changeEvents';

export interface RunOptions {
  delayForCellEdit?: boolean;
}

/**
 * The requirement sets an Excel supports: ExcelApi up to `excelApi` (1.7 is Office 2019 and Mac
 * 16.9–16.16; 1.8 Office 2019 updated; 1.9+ Microsoft 365), and DelayForCellEdit or not.
 */
export interface HostVersion {
  excelApi: string;
  delayForCellEdit: boolean;
}

/** What Microsoft 365 offers today (far above what the add-in asks for). */
export const CURRENT_EXCEL: HostVersion = { excelApi: '1.17', delayForCellEdit: true };

function versionAtLeast(have: string, want: string): boolean {
  const [a, b] = have.split('.').map(Number);
  const [c, d] = want.split('.').map(Number);
  return a > c || (a === c && (b ?? 0) >= (d ?? 0));
}

/** Office.js's own limit on Excel on the web: 5 MB per request and per response. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export class ExcelEmulator implements EmulatorHost {
  readonly model = new WorkbookModel();
  /** context.sync() calls that reached the workbook (a sync with nothing queued costs nothing). */
  roundTrips = 0;
  /** Every context.sync() call, empty or not. */
  syncCalls = 0;
  /** The flags of the last request (64: wait while the user edits a cell). */
  lastRequestFlags = 0;
  /** Requests that only release kept ranges (sent by Excel.run after the batch, not awaited). */
  releases = 0;
  /** Bytes a request (the queued work of one sync) may carry. */
  payloadLimit = WEB_PAYLOAD_LIMIT;
  /** Bytes the answer to one sync (loaded values) may carry. */
  responseLimit = WEB_PAYLOAD_LIMIT;
  /** Cells one read may cover (Excel: 5 million), beyond which it fails with RangeExceedsLimit. */
  cellLimit = 5_000_000;
  /** The options of the last run: tests check that the host asks for delayForCellEdit. */
  lastRunOptions: RunOptions = {};
  /** The Excel version simulated: which requirement sets Office.js reports, which members the host knows. */
  version: HostVersion = { ...CURRENT_EXCEL };
  /**
   * Milliseconds after a request's answer before its change events reach the add-in (Excel delivers
   * them after the sync has resolved, later under load). Tests set it.
   */
  eventDelayMs = 0;
  /** Bytes of the largest request seen (serialised as Microsoft's client sends it). */
  largestRequest = 0;
  /** Called before each request reaches the workbook, with its number since the last resetCounters(). */
  beforeRequest: ((n: number) => void) | null = null;
  /** Set by the Office.js transport (test/helpers/officeJs.ts): where table change events go. */
  _eventSink: ((m: TableChangeMessage) => void) | null = null;
  /** Ranges Office.js keeps by reference across requests (their _ReferenceId). */
  readonly _references = new Map<string, RangeRef>();
  private protocolHandlers = 0;
  private faults: EmulatorError[] = [];
  private readonly events = new ChangeEvents();
  private cellEdit: { waiters: (() => void)[] } | null = null;

  /** Office.context.requirements.isSetSupported as this Excel answers it. */
  supports(name: string, version?: string): boolean {
    if (name === 'ExcelApi') return versionAtLeast(this.version.excelApi, version ?? '1.1');
    if (name === 'DelayForCellEdit') return this.version.delayForCellEdit;
    if (name === 'RichApiRuntimeFlag') return false;
    return false;
  }

  _registered(delta: number): void {
    this.protocolHandlers += delta;
  }

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
    this.largestRequest = 0;
    this.releases = 0;
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

  /**
   * One request of Microsoft's client (one context.sync() with work queued), as Excel's transport
   * takes it: counted, measured, refused when over the size limits or while the user types in a
   * cell (unless it asked to wait and this Excel supports DelayForCellEdit), else answered by the
   * protocol host. Change events follow, after the answer.
   */
  async _request(body: RichApiRequest, flags: number): Promise<{ statusCode: number; body: unknown }> {
    // What Excel.run sends after the batch has resolved, unawaited: the release of the ranges it kept
    // by reference. Counted apart: the add-in never waits for it.
    if (body.Actions.some((a) => a.Name === '_RemoveReference') && body.Actions.every((a) => a.ActionType === 1 || a.Name === '_RemoveReference')) {
      this.releases++;
      return { statusCode: 200, body: new ProtocolHost(this).handle(body) };
    }
    this.roundTrips++;
    this.syncCalls++;
    this.lastRequestFlags = flags;
    const bytes = utf8Length(JSON.stringify(body));
    this.largestRequest = Math.max(this.largestRequest, bytes);
    this.beforeRequest?.(this.roundTrips);
    try {
      // Office.js sets flag 64 for Excel.run({ delayForCellEdit: true }) only where the set exists.
      await this._waitForCellEdit((flags & 64) !== 0);
    } catch (e) {
      return failure(e as EmulatorError);
    }
    const fault = this._takeFault();
    if (fault) return failure(fault);
    if (bytes > this.payloadLimit) return failure(payloadTooLarge('Request', bytes, this.payloadLimit), true);
    const answer = new ProtocolHost(this).handle(body);
    this._dispatchChanges();
    const size = utf8Length(JSON.stringify(answer));
    if (size > this.responseLimit) return failure(payloadTooLarge('Response', size, this.responseLimit), true);
    return { statusCode: 200, body: answer };
  }

  async _waitForCellEdit(delay: boolean): Promise<void> {
    if (!this.cellEdit) return;
    if (!delay || !this.version.delayForCellEdit) throw new EmulatorError('InvalidOperationInCellEditMode', defaultMessages.InvalidOperationInCellEditMode);
    await new Promise<void>((resolve) => this.cellEdit!.waiters.push(resolve));
  }

  // ---------- events (changeEvents.ts) ----------

  _register(r: Registration): void {
    this.events.register(r);
  }

  _unregister(r: Registration): void {
    this.events.unregister(r);
  }

  get handlerCount(): number {
    return this.events.count + this.protocolHandlers;
  }

  _fire(target: { kind: string; key?: string }, args: unknown): void {
    this.events.fire(target, args);
  }

  /** Turns the changes the model recorded into TableChanged and WorksheetChanged events, delivered as Excel does: after the request that made them has been answered, `eventDelayMs` later. */
  _dispatchChanges(): void {
    this.events.dispatch(this.model, this._eventSink, this.eventDelayMs);
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

/** A whole request refused: in the body's Error (as Excel answers), or at the transport for the size limits. */
function failure(e: EmulatorError, transport = false): { statusCode: number; body: unknown } {
  if (transport) return { statusCode: 400, body: { error: { code: e.code, message: e.message } } };
  return { statusCode: 200, body: { Results: [], Error: { Code: e.code, Message: e.message, HttpStatusCode: 400 } } };
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const defaultMessages: Record<string, string> = {
  InvalidOperationInCellEditMode: 'The operation is not allowed while the user is editing a cell: exit cell edit mode and try again.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ItemNotFound: "The requested resource doesn't exist.",
  GeneralException: 'An internal error has occurred.',
};
