/**
 * Change events as Excel delivers them: the model's change records become TableChanged and
 * WorksheetChanged events after the request that made them has been answered (`delayMs` later),
 * for the handlers registered through the emulator's own proxies or, in Node, for Office.js's
 * transport (test/helpers/officeJs.ts).
 */
import { boxAddress, intersection, intersects, type Box } from './address';
import type { Registration } from './host';
import type { ChangeRecord, TableModel } from './model/types';
import type { WorkbookModel } from './model/workbook';

/** A table change as Office.js delivers it to a handler (TableChangedEventArgs' wire form). */
export interface TableChangeMessage {
  changeType: string;
  source: string;
  tableId: string;
  worksheetId: string;
  address: string;
}

/** The tables a change touches, with the part of the table it covers. */
function tablesHit(model: WorkbookModel, ch: ChangeRecord): { t: TableModel; box: Box }[] {
  return model.tables.filter((t) => t.sheet === ch.sheet && intersects(t.box, ch.box)).map((t) => ({ t, box: intersection(t.box, ch.box) }));
}

/** A handler's failure does not stop Excel, nor do the others miss the event. */
function safeCall(h: (a: unknown) => unknown, args: unknown): void {
  try {
    void Promise.resolve(h(args)).catch(() => undefined);
  } catch {
    /* ignored, as Excel does */
  }
}

export class ChangeEvents {
  private registrations: Registration[] = [];

  register(r: Registration): void {
    this.registrations.push(r);
  }

  unregister(r: Registration): void {
    this.registrations = this.registrations.filter((x) => x !== r);
  }

  get count(): number {
    return this.registrations.length;
  }

  /** An event for the handlers of this kind (and key, when given: "" listens to every key). */
  fire(target: { kind: string; key?: string }, args: unknown): void {
    for (const r of this.registrations.filter((x) => x.kind === target.kind && (target.key === undefined || x.key === '' || x.key === target.key))) safeCall(r.handler, args);
  }

  /** Takes the model's change records and delivers them `delayMs` later, to `sink` when set. */
  dispatch(model: WorkbookModel, sink: ((m: TableChangeMessage) => void) | null, delayMs: number): void {
    const changes = model.changes;
    model.changes = [];
    if (!changes.length) return;
    // Table ids and boxes as they are now, not when the event is delivered.
    const messages: TableChangeMessage[] = changes.flatMap((ch) => tablesHit(model, ch).map(({ t, box }) => ({ changeType: ch.changeType, source: ch.source, tableId: t.id, worksheetId: t.sheet.id, address: boxAddress(box) })));
    setTimeout(() => {
      if (sink) messages.forEach((m) => sink(m));
      else this.deliver(model, changes);
    }, delayMs);
  }

  private deliver(model: WorkbookModel, changes: ChangeRecord[]): void {
    for (const ch of changes) {
      const base = { changeType: ch.changeType, source: ch.source };
      for (const { t, box } of tablesHit(model, ch)) {
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
}
