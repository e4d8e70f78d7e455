/**
 * Ledger files on disk (CLI side): size cap before anything is read, CSV by bytes, XLSX through
 * the same streaming reader (and guard) as workbooks, one sheet at a time.
 */
import { promises as fs } from 'fs';
import { basename } from 'path';
import type { LedgerParseResult } from '../../core/reconcile/ledger';
import { InputError, preflight } from '../xlsx/guard';
import { eachSheetGrid } from '../xlsx/nodeRead';
import { LEDGER_LIMITS, parseLedgerBytes, type LedgerEncoding } from './csv';
import { parseLedgerSheets, type LedgerWorkbookOptions } from './xlsx';

export type LedgerFileOptions = LedgerWorkbookOptions;

export type LedgerFileResult = LedgerParseResult & { format: 'csv' | 'xlsx'; encoding?: LedgerEncoding; delimiter?: string };

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** An OLE compound file: a password-protected .xlsx (or a legacy .xls). */
const isCfb = (b: Uint8Array) => b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** An .xlsx or .ods ledger's bytes: the first sheet that reads as a ledger, else the most telling problem (the sheet with the most headers). */
export function readLedgerXlsx(buf: Buffer, options: LedgerFileOptions): Promise<LedgerParseResult> {
  return parseLedgerSheets((use) => eachSheetGrid(buf, use), options);
}

/**
 * Reads a ledger file: CSV (any name) or XLSX (recognised by its zip signature, whatever its
 * extension). InputError for a file that cannot be read at all; a problem result for one that
 * is not a usable ledger.
 */
export async function readLedgerFile(path: string, options: LedgerFileOptions = {}): Promise<LedgerFileResult> {
  let size: number;
  try {
    const st = await fs.stat(path);
    if (st.isDirectory()) throw new InputError('not-xlsx', 'c’est un dossier');
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('missing', 'fichier introuvable');
    throw new InputError('corrupt', `lecture impossible (${code ?? (e as Error).message})`);
  }
  // Refused before a byte is read: a 200 MB file must not be loaded to learn it is too big.
  if (size > LEDGER_LIMITS.bytes) return { ok: false, problem: { kind: 'too-large', bytes: size, limit: LEDGER_LIMITS.bytes }, format: /\.xlsx$/i.test(path) ? 'xlsx' : 'csv' };
  let buf: Buffer;
  try {
    buf = await fs.readFile(path);
  } catch (e) {
    throw new InputError('corrupt', `lecture impossible (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (isZip(buf)) return { ...(await readLedgerXlsx(buf, options)), format: 'xlsx' };
  // A password-protected workbook says so (InputError 'encrypted'); a legacy .xls stays "unsupported".
  if (isCfb(buf)) {
    try {
      preflight(buf);
    } catch (e) {
      if (e instanceof InputError && e.kind === 'encrypted') throw e;
    }
    return { ok: false, problem: { kind: 'unsupported' }, format: 'xlsx' };
  }
  if (/\.(xlsx|xlsm|xls|ods|pdf)$/i.test(path)) return { ok: false, problem: buf.length === 0 ? { kind: 'empty' } : { kind: 'unsupported' }, format: 'xlsx' };
  return { ...parseLedgerBytes(buf, { ...options, sheet: basename(path) }), format: 'csv' };
}
