/**
 * CSV ledgers from bytes: encoding (UTF-8 with or without BOM, else Windows-1252), separator
 * (";" or "," or tab) and records, then the core's ledger reading. No file system here: the task
 * pane passes the bytes of a file the user picked, the CLI those it read from disk.
 */
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { parseLedgerRows, type LedgerParseOptions, type LedgerParseResult } from '../../core/reconcile/ledger';

export const LEDGER_LIMITS = {
  /** 100 000 ledger lines weigh about 15 MB; a file many times that size is no commitment ledger. */
  bytes: 100 * 1024 * 1024,
};

export type LedgerEncoding = 'utf-8' | 'windows-1252';

/**
 * Strict UTF-8 first: Windows-1252 accents ("é" = 0xE9) are never valid UTF-8 sequences, so a
 * file that decodes without error is UTF-8. Anything else is taken for Windows-1252, which maps
 * every byte (the usual export of French accounting software and of Excel's "CSV (séparateur : point-virgule)").
 */
export function decodeLedgerBytes(bytes: Uint8Array): { text: string; encoding: LedgerEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252' };
  }
}

/** The separator the header line uses most, quotes aside: ";" in French exports, "," in English ones. */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const lines = text.split(/\r\n|\n|\r/, 40).filter((l) => l.trim() !== '');
  let best: ';' | ',' | '\t' = ';';
  let bestScore = -1;
  for (const d of [';', '\t', ','] as const) {
    // The busiest of the first lines: a title line above the headers has few separators.
    const score = Math.max(0, ...lines.map((l) => l.replace(/"[^"]*"/g, '').split(d).length - 1));
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export type CsvLedgerOptions = Omit<LedgerParseOptions, 'kind' | 'decimal' | 'lineNumbers'>;

export function parseLedgerText(text: string, options: CsvLedgerOptions): LedgerParseResult & { delimiter?: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problem: { kind: 'empty' } };
  const delimiter = detectDelimiter(body);
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  const rows = parsed.data;
  // A quoted field may hold line breaks: the file line of each record, for findings that name it.
  let lineNumbers: number[] | undefined;
  if (body.includes('"') && /"[^"]*[\r\n]/.test(body)) {
    lineNumbers = [];
    let line = 1;
    for (const r of rows) {
      lineNumbers.push(line);
      line += 1 + r.reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
    }
  }
  // With ";" or tab as separator the decimal mark is the comma (French exports); with "," it cannot be.
  const result = parseLedgerRows(rows, { ...options, kind: 'csv', decimal: delimiter === ',' ? 'point' : 'comma', lineNumbers });
  return { ...result, delimiter };
}

export function parseLedgerBytes(bytes: Uint8Array, options: CsvLedgerOptions): LedgerParseResult & { encoding?: LedgerEncoding; delimiter?: string } {
  if (bytes.length > LEDGER_LIMITS.bytes) return { ok: false, problem: { kind: 'too-large', bytes: bytes.length, limit: LEDGER_LIMITS.bytes } };
  if (bytes.length === 0) return { ok: false, problem: { kind: 'empty' } };
  // A zip (an .xlsx given a .csv name) or a binary file is no CSV: say so rather than list garbage headers.
  if ((bytes[0] === 0x50 && bytes[1] === 0x4b) || bytes.subarray(0, 4096).includes(0)) return { ok: false, problem: { kind: 'unsupported' } };
  const { text, encoding } = decodeLedgerBytes(bytes);
  return { ...parseLedgerText(text, options), encoding };
}
