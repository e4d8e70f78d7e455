/**
 * onChanged and onActivated as the emulator's own proxies offer them: a handler is registered at
 * the next sync, on the workbook, a sheet, the tables of a sheet or one table.
 */
import type { Registration } from '../host';
import { notFound } from '../model/errors';
import type { SheetModel, TableModel } from '../model/types';
import type { ClientRequestContext } from './context';

export type EventTarget =
  | { kind: 'worksheets' }
  | { kind: 'activated' }
  | { kind: 'worksheet'; resolve: () => SheetModel | null }
  | { kind: 'tables'; resolve?: () => SheetModel | null }
  | { kind: 'table'; resolve: () => TableModel | null };

export class EventHandlerResult {
  constructor(
    readonly context: ClientRequestContext,
    private readonly reg: Registration,
  ) {}
  remove(): void {
    this.context._enqueue(() => this.context._emu._unregister(this.reg));
  }
}

export class EventHandlers {
  constructor(
    private readonly context: ClientRequestContext,
    private readonly target: EventTarget,
  ) {}

  /** Registered at the next sync, as in Office.js. */
  add(handler: (args: never) => unknown): EventHandlerResult {
    const reg: Registration = { kind: this.target.kind, key: '', handler: handler as (a: unknown) => unknown };
    this.context._enqueue(() => {
      reg.key = this.key();
      this.context._emu._register(reg);
    });
    return new EventHandlerResult(this.context, reg);
  }

  /** The id of the sheet or table listened to ("" for the workbook). */
  private key(): string {
    const t = this.target;
    if (t.kind === 'worksheets' || t.kind === 'activated' || !t.resolve) return '';
    const e = t.resolve();
    if (!e) throw notFound(t.kind === 'tables' ? 'worksheet' : 'event source');
    return e.id;
  }
}
