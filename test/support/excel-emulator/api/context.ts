/**
 * A request context as Office.js's (OfficeExtension.ClientRequestContext): property writes and
 * method calls queue here and run, in order, at sync(), one round trip; a failing request stops
 * the batch there (earlier requests stay applied). Excel.RequestContext adds the workbook
 * (requestContext.ts); the proxies need only this.
 */
import type { EmulatorHost } from '../host';
import { payloadTooLarge } from '../model/errors';
import type { WorkbookModel } from '../model/workbook';
import { notLoaded } from './loadOptions';

type Op = () => void;

/** What a method answers with a value (Range.getCount…): readable after sync. */
export class ClientResult<T> {
  private _v: T | undefined;
  private _done = false;
  get value(): T {
    if (!this._done) throw notLoaded('value');
    return this._v as T;
  }
  _set(v: T): void {
    this._v = v;
    this._done = true;
  }
}

export class ClientRequestContext {
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  private queue: Op[] = [];
  private payload = 0;
  /** Response bytes of the loads being run, checked against the limit. */
  _response = 0;

  constructor(
    readonly _emu: EmulatorHost,
    readonly _options: { delayForCellEdit?: boolean } = {},
  ) {}

  get _model(): WorkbookModel {
    return this._emu.model;
  }

  _enqueue(op: Op, payload: unknown = null): void {
    this.queue.push(op);
    this.payload += 120 + (payload === null ? 0 : JSON.stringify(payload).length);
  }

  get _pending(): number {
    return this.queue.length;
  }

  /** Takes what is queued (and forgets its size). */
  private take(): Op[] {
    const ops = this.queue;
    this.queue = [];
    this.payload = 0;
    return ops;
  }

  /** Runs what is queued now, with no round trip: the protocol host (protocol.ts) drives the proxies action by action. */
  _drain(): void {
    for (const op of this.take()) op();
  }

  async sync(): Promise<void> {
    this._emu.syncCalls++;
    const payload = this.payload;
    const ops = this.take();
    if (!ops.length) return;
    this._emu.roundTrips++;
    await this._emu._waitForCellEdit(this._options.delayForCellEdit === true);
    const fault = this._emu._takeFault();
    if (fault) throw fault;
    if (payload > this._emu.payloadLimit) throw payloadTooLarge('Request', payload, this._emu.payloadLimit);
    this._response = 0;
    try {
      for (const op of ops) op();
    } finally {
      this._emu._dispatchChanges();
    }
    if (this._response > this._emu.responseLimit) throw payloadTooLarge('Response', this._response, this._emu.responseLimit);
  }
}
