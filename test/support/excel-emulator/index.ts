/**
 * The emulated Excel, for tests and for the browser page where it stands in for Excel. No Node
 * imports: it bundles for the browser. ExcelJS loading lives in ./exceljs (not re-exported here);
 * Microsoft's Office.js client in front of it (Node only) in test/helpers/officeJs.ts.
 *
 *   const emu = emulatorFromPlan(buildWorkbookPlan({ example: true, lang: 'fr' }));
 *   const host = emulatedOfficeHost(emu);       // the real Office host, over the emulator
 *   await host.sync({ asOf, lang: 'fr' });      // emu.roundTrips === 2
 *   emu.userEdit("'Participations 2014'!B5", [[1000]], { source: 'Remote' });
 */
import type { Lang } from '../../../src/core/contract';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import type { WorkbookPlan } from '../../../src/core/template';
import { OfficeHost, type ExcelRun, type OfficeHostOptions } from '../../../src/hosts/office/officeHost';
import { ExcelEmulator } from './emulator';
import { loadPlan, loadSnapshot } from './load';

export { CURRENT_EXCEL, ExcelEmulator, WEB_PAYLOAD_LIMIT, type HostVersion, type RunOptions } from './emulator';
export { EmulatorError } from './model/errors';
export { WorkbookModel } from './model/workbook';
export { dateToSerial } from './model/cellInput';
export type { Cell, SheetModel, TableModel, ConditionalFormatModel, ChartModel, Scalar } from './model/types';
export { RequestContext } from './api/requestContext';
export { evaluateFormula } from './formula';
export { loadPlan, loadSnapshot, setRaw } from './load';
export { parseBox, boxAddress, type Box } from './address';

/** An emulated workbook holding what `init` (or `init --example`) writes. */
export function emulatorFromPlan(plan: WorkbookPlan): ExcelEmulator {
  const emu = new ExcelEmulator();
  loadPlan(emu.model, plan);
  return emu;
}

/** An emulated workbook holding a snapshot's tables (formulas from `uncalculated` cells). */
export function emulatorFromSnapshot(snapshot: WorkbookSnapshot): ExcelEmulator {
  const emu = new ExcelEmulator();
  loadSnapshot(emu.model, snapshot);
  if (!emu.model.sheets.length) emu.model.addSheet('Feuil1');
  return emu;
}

/** An empty workbook (one blank sheet, as Excel opens a new one). */
export function emptyEmulator(sheetName = 'Feuil1'): ExcelEmulator {
  const emu = new ExcelEmulator();
  emu.model.addSheet(sheetName);
  return emu;
}

/**
 * The production Office host over the emulator's own proxies (api/), for the browser test page
 * where Microsoft's client is not loaded; its requirement sets are the emulator's `version`. In
 * Node, tests use officeJsHost (test/helpers/officeJs.ts): the same host through Office.js.
 */
export function emulatedOfficeHost(emu: ExcelEmulator, options: Omit<OfficeHostOptions, 'run'> & { lang?: Lang } = {}): OfficeHost {
  // Events arrive after the request (emu.eventDelayMs): the add-in's own are recognised for a
  // moment after its writes, as in Excel (1,500 ms there).
  return new OfficeHost({ ownWriteGraceMs: emu.eventDelayMs + 200, isSetSupported: (name, version) => emu.supports(name, version), ...options, run: emu.run as unknown as ExcelRun });
}
