/** An .xlsx ledger in the browser: ExcelJS (its browser build) then the ledger host's reading. */
import ExcelJS from 'exceljs';
import type { Lang } from '../../core/contract';
import type { LedgerField, LedgerParseResult } from '../../core/reconcile/ledger';
import { parseLedgerWorkbook } from '../../hosts/ledger/xlsx';

export async function parseXlsxLedger(bytes: Uint8Array, options: { lang: Lang; map?: Partial<Record<LedgerField, string>> }): Promise<LedgerParseResult> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return parseLedgerWorkbook(wb, options);
}
