/**
 * Closed years: the record a closing writes into the add-in's own sheet ("Clôtures", table
 * Clotures), how it reads back from a snapshot, and what differs from it now. One record line per
 * contract-table line of the year holds its canonical values and their fingerprint, so a later check
 * can name the very cell that changed, and the lines added or removed since.
 */
import type { Lang } from '../contract';
import type { Finding } from '../findings';
import { profile as builtIn, profileOf, type Profile } from '../profile';
import { isBlank, qualifiedAddress, type CellValue, type WorkbookSnapshot } from '../snapshot';
import { isoDate, matchKey } from '../text';
import { compareLines, type Change } from './changes';
import { contractLines, lineYear, type Line, type LineCell } from './lines';
import { serialToIso } from '../cells';

export const CLOSURE_TABLE = 'Clotures';
export const CLOSURE_SHEET = 'Clôtures';
/** The record's columns, in order (French headers: the record is the same in every language). */
export const CLOSURE_COLUMNS = ['Année', 'Opération', 'Date', 'Par', 'Motif', 'Tableau', 'Clé', 'Cellule', 'Valeurs', 'Empreinte'] as const;
export const OPERATIONS = { close: 'Clôture', reopen: 'Réouverture', line: 'Ligne' } as const;

export const isContractYear = (y: number, profile: Profile = builtIn) => profile.years.includes(y);

/** FNV-1a, 64 bits: a fingerprint, not a secret (the core has no crypto; a record is not a signature). */
export function fingerprintText(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of utf8(text)) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

/**
 * The text's UTF-8 bytes, as TextEncoder gives them (a lone surrogate becomes U+FFFD), written here
 * because the core runs with no DOM or Node globals.
 */
function* utf8(text: string): Generator<number> {
  for (const ch of text) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) yield c;
    else if (c < 0x800) yield* [0xc0 | (c >> 6), 0x80 | (c & 63)];
    else if (c < 0x10000) yield* [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
    else yield* [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
  }
}

const valuesOf = (line: Line) => Object.fromEntries(line.cells.map((c) => [c.column, c.value]));
export const lineFingerprint = (line: Line) => fingerprintText(JSON.stringify([line.table, valuesOf(line)]));

/** Every contract-table line of a year, in workbook order. */
export function yearLines(snapshot: WorkbookSnapshot, year: number): Line[] {
  return contractLines(snapshot).filter((l) => lineYear(l, profileOf(snapshot)) === year);
}

export interface ClosingMeta {
  year: number;
  /** ISO date. */
  date: string;
  by: string;
  /** Why a reopening, or that a closing was forced. */
  reason: string;
}

export type RecordRow = string[];

/**
 * A record row as cells: the year a number, everything else the text itself. Every host writes
 * these values (the .xlsx writer as literal text; Excel's writers behind its text prefix, so that an
 * address such as 'Participations 2014'!A5 keeps its leading quote).
 */
export function recordCells(rows: RecordRow[]): (string | number)[][] {
  return rows.map((r) => r.map((v, i) => (i === 0 ? Number(v) : v)));
}

/** The rows a closing appends to the Clotures table: one for the closing, one per line. */
export function closingRows(lines: Line[], meta: ClosingMeta): RecordRow[] {
  const prints = lines.map(lineFingerprint);
  const whole = fingerprintText(prints.join(''));
  const head = [String(meta.year), OPERATIONS.close, meta.date, meta.by, meta.reason, '', String(lines.length), '', '', whole];
  return [
    head,
    ...lines.map((l, i) => [String(meta.year), OPERATIONS.line, '', '', '', l.table, '', qualifiedAddress(l.sheet, l.cell), JSON.stringify(valuesOf(l)), prints[i]]),
  ];
}

export function reopeningRow(meta: ClosingMeta): RecordRow {
  return [String(meta.year), OPERATIONS.reopen, meta.date, meta.by, meta.reason, '', '', '', '', ''];
}

export interface YearState {
  year: number;
  closed: boolean;
  date: string;
  by: string;
  reason: string;
  /** The lines as recorded at the last closing (empty once reopened). */
  lines: Line[];
  /** Record lines whose fingerprint no longer matches their values: the record itself was edited. */
  tampered: number;
}

const text = (v: CellValue | undefined): string => {
  if (v === undefined || isBlank(v)) return '';
  if (Object.prototype.toString.call(v) === '[object Date]') return isoDate(v as Date);
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' ? v.trim() : '';
};

/** "'Participations 2014'!A5" → sheet and cell. */
function splitAddress(a: string): { sheet: string; cell: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+\d+)$/.exec(a);
  if (!m) return { sheet: '', cell: a };
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), cell: m[3] };
}

/** The state of every year the Clotures table mentions, read back from a snapshot. */
export function readClosures(snapshot: WorkbookSnapshot): Map<number, YearState> {
  const out = new Map<number, YearState>();
  const t = snapshot.tables.find((x) => matchKey(x.name) === matchKey(CLOSURE_TABLE));
  if (!t) return out;
  const keys = t.headers.map((h) => matchKey(h ?? ''));
  const at = (name: string) => keys.indexOf(matchKey(name));
  const [cYear, cOp, cDate, cBy, cReason, cTable, , cCell, cValues, cPrint] = CLOSURE_COLUMNS.map(at);
  if (cYear < 0 || cOp < 0) return out;
  for (const row of t.rows) {
    const year = Number(text(row[cYear]));
    if (!isContractYear(year, profileOf(snapshot))) continue;
    const op = matchKey(text(row[cOp]));
    const get = (i: number) => (i >= 0 ? text(row[i]) : '');
    // Excel may have turned the ISO date into a date serial: read it back as ISO.
    const dateAt = (i: number) => (i >= 0 && typeof row[i] === 'number' ? serialToIso(row[i] as number) : get(i));
    if (op === matchKey(OPERATIONS.close)) {
      out.set(year, { year, closed: true, date: dateAt(cDate), by: get(cBy), reason: get(cReason), lines: [], tampered: 0 });
    } else if (op === matchKey(OPERATIONS.reopen)) {
      out.set(year, { year, closed: false, date: dateAt(cDate), by: get(cBy), reason: get(cReason), lines: [], tampered: 0 });
    } else if (op === matchKey(OPERATIONS.line)) {
      const state = out.get(year);
      if (!state?.closed) continue;
      let values: Record<string, string>;
      try {
        values = JSON.parse(get(cValues)) as Record<string, string>;
      } catch {
        state.tampered++;
        continue;
      }
      const { sheet, cell } = splitAddress(get(cCell));
      const cells: LineCell[] = Object.entries(values).map(([column, value]) => ({ column, header: '', kind: 'text', value: String(value), cell }));
      const line: Line = { table: get(cTable), sheet, index: state.lines.length, cell, cells };
      if (get(cPrint) !== lineFingerprint(line)) state.tampered++;
      state.lines.push(line);
    }
  }
  return out;
}

/** What differs now from the record of a closed year (cells of the current workbook; removed lines where they stood). */
export function closedYearChanges(snapshot: WorkbookSnapshot, state: YearState, lang: Lang = 'fr'): Change[] {
  return compareLines(state.lines, yearLines(snapshot, state.year), lang);
}

/** The errors a closing would seal: error findings on a line of that year, or about that year. */
export function errorsOnYear(snapshot: WorkbookSnapshot, findings: Finding[], year: number): Finding[] {
  const rows = new Set<string>();
  const sheets = new Set<string>();
  for (const l of yearLines(snapshot, year)) {
    if (l.table.startsWith('Participations')) sheets.add(l.sheet);
    rows.add(`${l.sheet}!${/\d+$/.exec(l.cell)![0]}`);
  }
  const rowOf = (cell: string) => /^[A-Z]+(\d+)/.exec(cell)?.[1];
  // A record gone is what closing again repairs: it does not stand in the way.
  return findings.filter((f) => f.severity === 'error' && f.rule !== 'period.closure-record-missing' && (f.year === year || sheets.has(f.sheet) || rows.has(`${f.sheet}!${rowOf(f.cell)}`)));
}
