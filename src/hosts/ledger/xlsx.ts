/**
 * XLSX (and .ods) ledgers from their sheets as the streaming reader gives them, one at a time: the
 * first sheet that reads as a ledger, else the most telling problem. No file system here: the CLI
 * (file.ts, hosts/xlsx/nodeRead.ts) and the browser (taskpane/lazy/ledgerXlsx.ts,
 * hosts/xlsx/bytesRead.ts) hand it their sheets.
 */
import { parseLedgerRows, type LedgerParseOptions, type LedgerParseResult, type LedgerProblem } from '../../core/reconcile/ledger';
import type { CellValue } from '../../core/snapshot';

export type LedgerWorkbookOptions = Omit<LedgerParseOptions, 'kind' | 'decimal' | 'sheet' | 'firstRow' | 'firstColumn' | 'lineNumbers'>;

/** Something that hands over a workbook's sheets one at a time and stops when `use` returns true. */
export type EachSheet = (use: (sheet: { name: string; grid: CellValue[][] }) => boolean) => Promise<void>;

/** The first sheet that reads as a ledger; otherwise the most telling problem (the sheet with the most headers). */
export async function parseLedgerSheets(each: EachSheet, options: LedgerWorkbookOptions = {}): Promise<LedgerParseResult> {
  let result: LedgerParseResult | null = null;
  let problem: LedgerProblem = { kind: 'empty' };
  const weight = (p: LedgerProblem) => (p.kind === 'empty' ? 0 : 'headersFound' in p ? 1 + p.headersFound.length : 1);
  await each(({ name, grid }) => {
    const r = parseLedgerRows(grid, { ...options, sheet: name, kind: 'xlsx' });
    // A mapping error is the user's to fix whatever the sheet: report it first.
    if (r.ok || r.problem.kind === 'unknown-map-field') {
      result = r;
      return true;
    }
    if (weight(r.problem) > weight(problem)) problem = r.problem;
    return false;
  });
  return result ?? { ok: false, problem };
}
