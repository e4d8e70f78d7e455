/**
 * A ledger file the user picked, read in the browser: CSV through the CSV host (encoding,
 * separator, papaparse), XLSX through ExcelJS, itself loaded only for an .xlsx. Loaded by import()
 * from the Rapprochement tab, so none of it weighs on the pane's first paint.
 */
import { reconcilableModel, reconcileLedger } from '../../app/reconcile';
import type { Lang } from '../../core/contract';
import type { Finding } from '../../core/findings';
import { messages } from '../../core/i18n';
import { ledgerProblemMessage, parseLedgerRows, type LedgerField, type LedgerParsed, type LedgerParseResult } from '../../core/reconcile/ledger';
import type { ReconcileResult } from '../../core/reconcile/match';
import { reconciliationTable, totalsTable } from '../../core/reconcile/table';
import { qualifiedAddress, type WorkbookSnapshot } from '../../core/snapshot';
import { LEDGER_LIMITS, parseLedgerBytes } from '../../hosts/ledger/csv';
import type { ReconciliationSheet, SelectedRange } from '../../hosts/host';

/** ExcelJS holds a workbook many times its size in memory: the preview's own cap for .xlsx files. */
export const XLSX_LEDGER_MAX_BYTES = 20 * 1024 * 1024;

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export interface LedgerFileInput {
  name: string;
  size: number;
  bytes(): Promise<Uint8Array>;
}

/** Refused by size before a byte is read, as the CLI does. */
export async function readLedger(file: LedgerFileInput, options: { lang: Lang; map?: Partial<Record<LedgerField, string>> }): Promise<LedgerParseResult> {
  if (file.size > LEDGER_LIMITS.bytes) return { ok: false, problem: { kind: 'too-large', bytes: file.size, limit: LEDGER_LIMITS.bytes } };
  const bytes = await file.bytes();
  if (isZip(bytes)) {
    if (bytes.length > XLSX_LEDGER_MAX_BYTES) return { ok: false, problem: { kind: 'too-large', bytes: bytes.length, limit: XLSX_LEDGER_MAX_BYTES } };
    const { parseXlsxLedger } = await import(/* webpackChunkName: "ledger-xlsx" */ './ledgerXlsx');
    return parseXlsxLedger(bytes, options);
  }
  if (/\.(xlsx|xlsm|xls|ods|pdf)$/i.test(file.name)) return { ok: false, problem: bytes.length === 0 ? { kind: 'empty' } : { kind: 'unsupported' } };
  return parseLedgerBytes(bytes, { ...options, sheet: file.name });
}

export type LedgerRun =
  | { ok: false; message: string; headers: string[] | null }
  | { ok: true; ledger: LedgerParsed; result: ReconcileResult; findings: Finding[]; sheet: ReconciliationSheet };

/**
 * Reads the ledger, then reconciles it with the workbook's Financements (the core's matching) and
 * prepares the Rapprochement sheet's tables. A ledger or workbook that cannot be used gives one
 * line for the user, and the headers found when a column picker can help.
 */
export async function reconcileFile(
  file: LedgerFileInput,
  snapshot: WorkbookSnapshot,
  options: { lang: Lang; map?: Partial<Record<LedgerField, string>>; title: string },
): Promise<LedgerRun> {
  return reconcileWith(file.name, snapshot, options, () => readLedger(file, options));
}

/** The same for a range of the workbook (a ledger pasted into a sheet): findings name its cells. */
export async function reconcileRange(
  range: SelectedRange,
  snapshot: WorkbookSnapshot,
  options: { lang: Lang; map?: Partial<Record<LedgerField, string>>; title: string },
): Promise<LedgerRun> {
  const name = qualifiedAddress(range.sheet, range.address);
  return reconcileWith(name, snapshot, options, async () =>
    parseLedgerRows(range.values, { sheet: range.sheet, kind: 'xlsx', firstRow: range.firstRow, firstColumn: range.firstColumn, lang: options.lang, map: options.map }),
  );
}

async function reconcileWith(name: string, snapshot: WorkbookSnapshot, options: { lang: Lang; title: string }, read: () => Promise<LedgerParseResult>): Promise<LedgerRun> {
  const { lang } = options;
  const m = messages[lang];
  const model = reconcilableModel(snapshot);
  if (!model) return { ok: false, message: m.reconcile.noFinancing(m.ui.contractTitle), headers: null };
  const ledger = await read();
  if (!ledger.ok) {
    const p = ledger.problem;
    const list = (h: string[]) => h.map((x) => (lang === 'fr' ? `«\u00a0${x}\u00a0»` : `"${x}"`)).join(', ');
    // The core's sentence points to the CLI's --map; here the column picker is the way.
    const message = p.kind === 'no-header' && p.headersFound.length ? m.ui.ledger.noHeader(name, list(p.headersFound)) : ledgerProblemMessage(name, p, lang);
    return { ok: false, message, headers: 'headersFound' in p ? p.headersFound : null };
  }
  const { result, findings } = reconcileLedger(model, ledger, { lang });
  const sheet: ReconciliationSheet = { lang, title: m.reconcile.title(options.title, name), lines: reconciliationTable(result, lang), totals: totalsTable(result.totals, lang) };
  return { ok: true, ledger, result, findings, sheet };
}
