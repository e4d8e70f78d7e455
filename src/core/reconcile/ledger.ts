/**
 * A commitment ledger (CDC or Région export) as plain lines: header recognition by synonyms or an
 * explicit mapping, French amounts into integer cents, dd/mm/yyyy dates. Works on a grid of cell
 * values, so the same code serves a CSV parsed by the host, an .xlsx ledger and a range the task
 * pane reads from the open workbook.
 */
import type { Lang } from '../contract';
import { rawFinding, type RawFinding, type RuleId } from '../findings';
import type { RuleParams } from '../ruleParams';
import type { Profile } from '../profile';
import { messages } from '../i18n';
import { readCellNumber, type Cents } from '../money';
import { isBlank, isCellError, isUncalculated, cellAddress, type CellValue, isDate } from '../snapshot';
import { matchKey, parseDateText } from '../text';
import { serialToIso } from '../cells';

import { columnsFromSynonyms, LEDGER_FIELDS, mapFieldName, type LedgerField } from './ledgerColumns';
import { parseLedgerAmount, type DecimalMark } from './ledgerAmount';

export { LEDGER_FIELDS, ledgerFieldForHeader, ledgerFieldOf, type LedgerField } from './ledgerColumns';
export { parseLedgerAmount, type DecimalMark, type LedgerAmount } from './ledgerAmount';

/** Where a ledger line or one of its cells comes from: the file (CSV) or sheet (XLSX), and "ligne 12" or "E12". */
export interface LedgerRef {
  sheet: string;
  cell: string;
}

export interface LedgerLine {
  reference: string | null;
  action: string | null;
  year: number | null;
  /** As written in the ledger; the reconciliation resolves it against the workbook's funders. */
  funder: string | null;
  /** null when the cell is blank (a payment line has no commitment amount, and the reverse). */
  committed: Cents | null;
  paid: Cents | null;
  /** ISO yyyy-mm-dd, or null when blank or not a date. */
  date: string | null;
  beneficiary: string | null;
  label: string | null;
  /** 1-based line of the CSV file, or row of the sheet. */
  row: number;
  /** The line as a whole (its reference cell, else its amount cell in an XLSX; "ligne 12" in a CSV). */
  ref: LedgerRef;
}

function dateOf(v: CellValue): string | null {
  if (isDate(v)) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'number' && v > 1 && v < 2958466) return serialToIso(v);
  if (typeof v === 'string') {
    const d = parseDateText(v.trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2})?$/, ''));
    return d ? d.toISOString().slice(0, 10) : null;
  }
  return null;
}

// ---------- the grid ----------

export interface LedgerParseOptions {
  /** The CSV file's name, or the XLSX sheet's: what findings name as their sheet. */
  sheet: string;
  /** A CSV's lines are named "ligne 12"; an XLSX's cells "E12". */
  kind: 'csv' | 'xlsx';
  lang?: Lang;
  /** Explicit mapping, field → header as written in the ledger (the --map option, the column picker). */
  map?: Partial<Record<LedgerField, string>>;
  /** How a text amount's separators are read; the CSV host derives it from the delimiter. */
  decimal?: DecimalMark;
  /** 1-based sheet row and column of grid[0][0] (XLSX ranges that do not start at A1). */
  firstRow?: number;
  firstColumn?: number;
  /** CSV records may span lines: the 1-based file line of each grid row, when it differs from its index + 1. */
  lineNumbers?: number[];
}

export type LedgerProblem =
  | { kind: 'empty' }
  | { kind: 'no-header'; headersFound: string[] }
  | { kind: 'unknown-map-field'; field: string }
  | { kind: 'map-header-not-found'; field: LedgerField; header: string; headersFound: string[] }
  | { kind: 'no-lines'; headersFound: string[] }
  /** Refused before parsing: the host's size cap. */
  | { kind: 'too-large'; bytes: number; limit: number }
  /** Neither CSV text nor an .xlsx workbook (an .xls, a PDF…). */
  | { kind: 'unsupported' };

const mo = (bytes: number, lang: Lang) => `${Math.round(bytes / 1024 / 1024)}${lang === 'fr' ? '\u00a0Mo' : ' MB'}`;

/** Line breaks and tabs (and the spaces around them) as one space. */
const oneLine = (s: string) => s.replace(/\s*[\r\n\t\u2028\u2029]+\s*/g, ' ').trim();

/** The one line a user reads when a ledger cannot be used at all (CLI exit status 2, task pane message). */
export function ledgerProblemMessage(file: string, problem: LedgerProblem, lang: Lang = 'fr'): string {
  const m = messages[lang].reconcile;
  // A header typed on two lines in its cell ("Montant\nengagé") is shown on one: the answer stays one line.
  const list = (h: string[]) => h.map((x) => oneLine(x)).map((x) => (lang === 'fr' ? `«\u00a0${x}\u00a0»` : `"${x}"`)).join(', ');
  switch (problem.kind) {
    case 'empty':
      return m.empty(file);
    case 'no-header':
      return m.noHeader(file, list(problem.headersFound));
    case 'no-lines':
      return m.noLines(file, list(problem.headersFound));
    case 'unknown-map-field':
      return m.unknownMapField(problem.field);
    case 'map-header-not-found':
      return m.mapHeaderNotFound(file, mapFieldName(problem.field, lang), oneLine(problem.header), list(problem.headersFound));
    case 'too-large':
      return m.tooLarge(file, mo(problem.bytes, lang), mo(problem.limit, lang));
    case 'unsupported':
      return m.unsupported(file);
  }
}

export interface LedgerParsed {
  ok: true;
  sheet: string;
  kind: 'csv' | 'xlsx';
  lines: LedgerLine[];
  /** Findings on the ledger's own cells (text amounts, blank amounts, bad years…). */
  findings: RawFinding[];
  /** The header each field was read from, null where the ledger has no such column. */
  columns: Record<LedgerField, string | null>;
  headers: string[];
  /** 1-based row (CSV line) of the header. */
  headerRow: number;
  /** Lines that could not be used (their findings say why): they take no part in the matching. */
  skipped: number;
}

export type LedgerParseResult = LedgerParsed | { ok: false; problem: LedgerProblem };

/**
 * The ledger's findings under the workbook's convention: the ledger is read before the workbook, so
 * a year that is no year names the workbook's years only here (never the CES ESS's for another convention).
 */
export function ledgerFindingsUnder(findings: readonly RawFinding[], p: Profile): RawFinding[] {
  return findings.map((f) => (f.rule === 'cell.bad-year' && !f.params.years ? { ...f, params: { ...f.params, years: p.years } } : f));
}

function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isDate(v)) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  if (isUncalculated(v)) return v.uncalculated;
  return '';
}

/** A line is "complete enough" to reconcile when it has an amount and a reference or an action code. */
function usable(cols: Partial<Record<LedgerField, number>>): boolean {
  return (cols.committed !== undefined || cols.paid !== undefined) && (cols.reference !== undefined || cols.action !== undefined);
}

const HEADER_SCAN_ROWS = 30;

/** The headers a user would recognise, for the message that says none was understood. */
function headersOf(grid: CellValue[][]): string[] {
  const firstRows = grid.slice(0, HEADER_SCAN_ROWS);
  const best = firstRows.reduce<CellValue[] | null>((b, r) => {
    const n = r.filter((v) => typeof v === 'string' && v.trim() !== '').length;
    const bn = b ? b.filter((v) => typeof v === 'string' && v.trim() !== '').length : -1;
    return n > bn ? r : b;
  }, null);
  return (best ?? []).map(cellText).filter((s) => s !== '');
}

function isTotalRow(texts: string[]): boolean {
  return texts.some((t) => /^(sous)?totaux?(general|generaux)?$/.test(matchKey(t)));
}

export function parseLedgerRows(grid: CellValue[][], options: LedgerParseOptions): LedgerParseResult {
  const lang = options.lang ?? 'fr';
  const decimal = options.decimal ?? 'comma';
  const firstRow = options.firstRow ?? 1;
  const firstColumn = options.firstColumn ?? 1;
  const lineOf = (i: number) => options.lineNumbers?.[i] ?? firstRow + i;
  if (grid.every((r) => r.every(isBlank))) return { ok: false, problem: { kind: 'empty' } };

  // Locate the header row: the first of the first rows where the mapping (explicit, then synonyms) works.
  const map = options.map ?? {};
  for (const f of Object.keys(map)) if (!LEDGER_FIELDS.includes(f as LedgerField)) return { ok: false, problem: { kind: 'unknown-map-field', field: f } };
  let headerIndex = -1;
  let cols: Partial<Record<LedgerField, number>> = {};
  for (let r = 0; r < Math.min(grid.length, HEADER_SCAN_ROWS) && headerIndex < 0; r++) {
    const row = grid[r];
    const keys = row.map((v) => (isBlank(v) ? '' : matchKey(cellText(v))));
    const c = columnsFromSynonyms(row);
    let mapped = true;
    for (const [f, header] of Object.entries(map) as [LedgerField, string][]) {
      const i = keys.indexOf(matchKey(header));
      if (i < 0) {
        mapped = false;
        break;
      }
      // The mapped column is that field's and no other's.
      for (const g of LEDGER_FIELDS) if (c[g] === i) delete c[g];
      c[f] = i;
    }
    if (mapped && usable(c)) {
      headerIndex = r;
      cols = c;
    }
  }
  if (headerIndex < 0) {
    const headersFound = headersOf(grid);
    for (const [f, header] of Object.entries(map) as [LedgerField, string][]) {
      if (!grid.slice(0, HEADER_SCAN_ROWS).some((row) => row.some((v) => !isBlank(v) && matchKey(cellText(v)) === matchKey(header)))) {
        return { ok: false, problem: { kind: 'map-header-not-found', field: f, header, headersFound } };
      }
    }
    return { ok: false, problem: { kind: 'no-header', headersFound } };
  }

  const headerCells = grid[headerIndex];
  const headers = headerCells.map(cellText);
  const columns = Object.fromEntries(LEDGER_FIELDS.map((f) => [f, cols[f] === undefined ? null : headers[cols[f]!]])) as Record<LedgerField, string | null>;
  const findings: RawFinding[] = [];
  const lines: LedgerLine[] = [];
  let skipped = 0;
  const lineName = messages[lang].reconcile.line;
  const refAt = (i: number, col: number | undefined): LedgerRef => ({
    sheet: options.sheet,
    cell: options.kind === 'csv' || col === undefined ? lineName(lineOf(i)) : cellAddress(firstRow + i, firstColumn + col),
  });
  const emit = <R extends RuleId>(rule: R, ref: LedgerRef, params: RuleParams[R]) => findings.push(rawFinding(rule, ref, params));
  const get = (row: CellValue[], f: LedgerField): CellValue => (cols[f] === undefined ? null : (row[cols[f]!] ?? null));
  const text = (row: CellValue[], f: LedgerField): string | null => {
    const v = get(row, f);
    if (isBlank(v)) return null;
    return cellText(v);
  };

  const amountOf = (row: CellValue[], i: number, f: 'committed' | 'paid'): { cents: Cents | null; bad: boolean } => {
    const v = get(row, f);
    if (isBlank(v)) return { cents: null, bad: false };
    const ref = refAt(i, cols[f]);
    const column = headers[cols[f]!];
    if (typeof v === 'number') {
      const r = readCellNumber(v);
      if (r.kind === 'ok') return { cents: r.cents, bad: false };
      if (r.kind === 'sub-cent') emit('cell.sub-cent', ref, { column, text: r.value });
      else emit('cell.not-a-number', ref, { column, text: String(v), variant: 'other' });
      return { cents: null, bad: true };
    }
    if (typeof v === 'string') {
      const a = parseLedgerAmount(v, decimal);
      if (a.kind === 'ok') return { cents: a.cents, bad: false };
      if (a.kind === 'blank') return { cents: null, bad: false };
      if (a.kind === 'sub-cent') emit('cell.sub-cent', ref, { column, text: a.text });
      else emit('cell.not-a-number', ref, { column, text: a.text, variant: 'text' });
      return { cents: null, bad: true };
    }
    const variant = isCellError(v) ? 'error-value' : isUncalculated(v) ? 'uncalculated' : isDate(v) ? 'date' : 'boolean';
    emit('cell.not-a-number', ref, { column, text: cellText(v), variant });
    return { cents: null, bad: true };
  };

  for (let i = headerIndex + 1; i < grid.length; i++) {
    const row = grid[i];
    if (row.every(isBlank)) continue;
    const reference = text(row, 'reference');
    const action = text(row, 'action');
    if (reference === null && action === null && isTotalRow(row.map(cellText))) continue;
    const committed = amountOf(row, i, 'committed');
    const paid = amountOf(row, i, 'paid');
    const date = dateOf(get(row, 'date'));
    let year: number | null = null;
    let bad = committed.bad || paid.bad;
    const yv = get(row, 'year');
    if (!isBlank(yv)) {
      const yt = cellText(yv);
      if (typeof yv === 'number' && Number.isInteger(yv)) year = yv;
      else if (/^\d{4}$/.test(yt)) year = Number(yt);
      else {
        emit('cell.bad-year', refAt(i, cols.year), { column: headers[cols.year!], text: yt });
        bad = true;
      }
    } else if (date) year = Number(date.slice(0, 4)); // No exercise column: the date's year stands for it.
    if (!bad && committed.cents === null && paid.cents === null) {
      const f = cols.committed !== undefined ? 'committed' : 'paid';
      emit('cell.required', refAt(i, cols[f]), { column: headers[cols[f]!], variant: 'blank' });
      bad = true;
    }
    if (!bad && reference === null && action === null) {
      const f = cols.reference !== undefined ? 'reference' : 'action';
      emit('cell.required', refAt(i, cols[f]), { column: headers[cols[f]!], variant: 'blank' });
      bad = true;
    }
    if (bad) {
      skipped++;
      continue;
    }
    lines.push({
      reference,
      action,
      year,
      funder: text(row, 'funder'),
      committed: committed.cents,
      paid: paid.cents,
      date,
      beneficiary: text(row, 'beneficiary'),
      label: text(row, 'label'),
      row: lineOf(i),
      ref: refAt(i, reference !== null ? cols.reference : (cols.committed ?? cols.paid)),
    });
  }
  if (lines.length === 0 && skipped === 0) return { ok: false, problem: { kind: 'no-lines', headersFound: headers.filter((h) => h !== '') } };
  return { ok: true, sheet: options.sheet, kind: options.kind, lines, findings, columns, headers, headerRow: lineOf(headerIndex), skipped };
}
