/**
 * The Office.js host. createOfficeHost() is what the task pane loads inside Excel; tests and the
 * browser test page build an OfficeHost over the emulated Excel instead.
 */
import type { Lang } from '../../core/contract';
import { OfficeHost, type ExcelRun } from './officeHost';

export { OfficeHost, type ExcelRun, type OfficeHostOptions } from './officeHost';
export { journalStamp } from '../../core/sheets/journal';
export { OfficeHostError, toHostError } from './errors';
export type { InitializeReport } from '../host';
export { OWN_HIGHLIGHT_FORMULA } from './read';
export { cellText } from './write';
export { HIGHLIGHT_COLORS } from '../../core/sheets/controls';

/** The host over the real Excel.run (office.js loaded and Office.onReady resolved). */
export function createOfficeHost(options: { lang?: Lang } = {}): OfficeHost {
  return new OfficeHost({ run: Excel.run as unknown as ExcelRun, lang: options.lang });
}
