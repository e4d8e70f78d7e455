/** An .xlsx or .ods ledger in the browser: the one streaming reader (hosts/xlsx/bytesRead.ts), then the ledger host's reading. */
import type { Lang } from '../../core/contract';
import type { LedgerField, LedgerParseResult } from '../../core/reconcile/ledger';
import { parseLedgerSheets } from '../../hosts/ledger/xlsx';
import { eachSheetGridBytes } from '../../hosts/xlsx/bytesRead';

export function parseXlsxLedger(bytes: Uint8Array, options: { lang: Lang; map?: Partial<Record<LedgerField, string>> }): Promise<LedgerParseResult> {
  return parseLedgerSheets((use) => eachSheetGridBytes(bytes, use), options);
}
