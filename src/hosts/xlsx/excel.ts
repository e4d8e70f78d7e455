/**
 * ExcelJS, loaded the first time something is written (init, reconcile --out): requiring it costs
 * a quarter of a second and 27 MB at start-up, which `check` on a large workbook never needs (the
 * reader in reader.ts does not use it).
 */
import type ExcelJSModule from 'exceljs';
import { createRequire } from 'module';

let loaded: typeof ExcelJSModule | null = null;

export function excel(): typeof ExcelJSModule {
  if (!loaded) {
    const mod = createRequire(__filename)('exceljs') as typeof ExcelJSModule & { default?: typeof ExcelJSModule };
    loaded = mod.default ?? mod;
  }
  return loaded;
}
