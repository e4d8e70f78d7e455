/**
 * What the proxies (api/) and the protocol host (protocol.ts) need of the emulated Excel: an
 * interface, implemented by ExcelEmulator (emulator.ts), so that neither imports the emulator that
 * imports them (no import circle).
 */
import type { EmulatorError } from './model/errors';
import type { RangeRef } from './model/types';
import type { WorkbookModel } from './model/workbook';

/** An event handler the add-in registered through the emulator's own proxies. */
export interface Registration {
  kind: string;
  /** A sheet id, a table id, or "" for the workbook. */
  key: string;
  handler: (args: unknown) => unknown;
}

export interface EmulatorHost {
  readonly model: WorkbookModel;
  roundTrips: number;
  syncCalls: number;
  readonly payloadLimit: number;
  readonly responseLimit: number;
  readonly cellLimit: number;
  /** Ranges Office.js keeps by reference across requests (their _ReferenceId). */
  readonly _references: Map<string, RangeRef>;
  /** Office.context.requirements.isSetSupported as this Excel answers it. */
  supports(name: string, version?: string): boolean;
  /** Resolves when the user leaves cell edit mode (when the request asked to wait), else fails. */
  _waitForCellEdit(delay: boolean): Promise<void>;
  /** The failure injected for the next request, if any. */
  _takeFault(): EmulatorError | undefined;
  /** Turns the model's recorded changes into events, delivered after the answer. */
  _dispatchChanges(): void;
  _fire(target: { kind: string; key?: string }, args: unknown): void;
  _register(r: Registration): void;
  _unregister(r: Registration): void;
  /** Handlers registered through Microsoft's client (counted only). */
  _registered(delta: number): void;
}
