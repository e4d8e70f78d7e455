/**
 * Where a workbook keeps the convention it follows (issue 23, Build 3): a very hidden sheet of the
 * add-in's, SuiviCES-convention, that Excel, LibreOffice (.xlsx and .ods) and openpyxl all keep as
 * it is (a custom XML part would not survive LibreOffice). Column B holds, from row 2: the profile's
 * id, the SHA-256 of its JSON text, the number of pieces, then the text itself in pieces of at most
 * 30 000 characters (Excel keeps 32 767 per cell). The hosts only move these cells; what they mean,
 * and whether they can be trusted, is decided here, for every host the same way.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { profileFromDocument, type Profile, type ProfileDocument } from './profile';
import type { SheetPlan } from './sheets/types';
import type { CellValue } from './snapshot';
import { PROFILE_HEAD_ROWS, PROFILE_MAX_ROWS, PROFILE_SHEET, type ProfileProblem } from './profileWords';

// Their home is profileWords.ts (no SHA-256 there, for the pane's first download); the readers find them here too.
export { PROFILE_MAX_ROWS, PROFILE_SHEET, problemText, ProfileUnreadableError, type ProfileProblem } from './profileWords';

/** A1: what the sheet is, and the layout's version. */
export const PROFILE_MARK = 'SuiviCES-convention 1';
/** Characters per cell: under Excel's 32 767, with room for any producer's rounding. */
export const PROFILE_CHUNK = 30_000;

/** The text as stored: the document's JSON on one line (no line breaks a producer could rewrite). */
export function storedText(doc: ProfileDocument): string {
  // U+FFFE and U+FFFF are no XML characters: escaped as JSON allows.
  return JSON.stringify(doc).replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * The text in pieces of at most `size` characters, never cut next to a space (a producer may trim
 * a cell's edge) nor inside a surrogate pair.
 */
export function chunks(text: string, size = PROFILE_CHUNK): string[] {
  const out: string[] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + size);
    if (to < text.length) {
      const bad = (i: number) => /\s/.test(text[i - 1]) || /\s/.test(text[i]) || /[\uDC00-\uDFFF]/.test(text[i]);
      while (to > from + 1 && bad(to)) to--;
    }
    out.push(text.slice(from, to));
    from = to;
  }
  return out;
}

/** The cells of the sheet, column A the labels (for whoever unhides it), column B the values. */
export function profileCells(doc: ProfileDocument): [string, string | number][] {
  const text = storedText(doc);
  const pieces = chunks(text);
  return [
    [PROFILE_MARK, 'Convention suivie par ce classeur\u00a0: ne pas modifier (ess-budget init --profile)'],
    ['Identifiant', doc.id],
    ['Empreinte SHA-256', sha256Hex(text)],
    ['Morceaux', pieces.length],
    ...pieces.map((p, i): [string, string] => [`JSON ${i + 1}/${pieces.length}`, p]),
  ];
}

/** The sheet as a plan (both renderers draw it): very hidden, text only. */
export function profileSheetPlan(doc: ProfileDocument): SheetPlan {
  const cells = profileCells(doc).flatMap(([label, value], i) => [
    { address: `A${i + 1}`, value: label },
    { address: `B${i + 1}`, value },
  ]);
  return { name: PROFILE_SHEET, cells, tables: [], validations: [], conditionalFormats: [], charts: [], columnWidths: [], freezeRows: 0, gridlines: true, hidden: 'very' };
}

/**
 * Where JSON.parse stopped, as numbers: the engines' words are English and vary ("…at position 12",
 * "…(line 1 column 13)", "Unexpected token '}', …"): a position becomes a line and a column of `text`.
 */
function jsonWhere(e: unknown, text: string): ProfileProblem {
  const msg = String((e as Error)?.message ?? e);
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (lc) return { kind: 'json', line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(msg);
  if (pos) {
    const before = text.slice(0, Number(pos[1])).split('\n');
    return { kind: 'json', line: before.length, column: before[before.length - 1].length + 1 };
  }
  const token = /Unexpected token '?(.)'?/.exec(msg);
  return token ? { kind: 'json', token: token[1] } : { kind: 'json' };
}

/**
 * A profile's JSON text → its document and the profile the rules read, or the problem in French.
 * The one place a profile's text is read (a file given to `init --profile`, a workbook's sheet): the
 * schema's validator (core/profileCheck.ts) plugs in here.
 */
export function readProfileText(text: string): { doc: ProfileDocument; profile: Profile } | { problem: ProfileProblem } {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { problem: jsonWhere(e, text.replace(/^\uFEFF/, '')) };
  }
  // Until the schema's validator plugs in here, the least a document must be: the lines are the validator's style ($.path : problème).
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { problem: { kind: 'document', detail: '$ : un objet JSON est attendu' } };
  const d = doc as Partial<ProfileDocument>;
  if (d.format !== 1) return { problem: { kind: 'document', detail: `$.format : 1 attendu, ${JSON.stringify(d.format ?? null)} trouvé` } };
  if (typeof d.id !== 'string' || !d.id) return { problem: { kind: 'document', detail: '$.id : identifiant manquant' } };
  try {
    return { doc: d as ProfileDocument, profile: profileFromDocument(d as ProfileDocument) };
  } catch {
    return { problem: { kind: 'document', detail: '$ : document incomplet (une partie attendue manque)' } };
  }
}

const text = (v: CellValue | undefined): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

/**
 * The sheet's rows (from A1, columns A and B) → the workbook's convention, or why it cannot be
 * trusted: a hash that no longer matches its text, a text that is no profile. Never the CES instead.
 */
export function readProfileSheet(rows: CellValue[][]): { profile: Profile } | { problem: ProfileProblem } {
  const b = (row: number) => text(rows[row - 1]?.[1]);
  if (text(rows[0]?.[0]) !== PROFILE_MARK) return { problem: { kind: 'mark', cell: 'A1' } };
  const id = b(2);
  const hash = b(3)?.trim().toLowerCase();
  const count = Number(b(4));
  if (!id) return { problem: { kind: 'cell', what: 'id', cell: 'B2' } };
  if (!hash || !/^[0-9a-f]{64}$/.test(hash)) return { problem: { kind: 'cell', what: 'hash', cell: 'B3' } };
  if (!Number.isInteger(count) || count < 1 || count > PROFILE_MAX_ROWS - PROFILE_HEAD_ROWS) return { problem: { kind: 'cell', what: 'count', cell: 'B4' } };
  const pieces: string[] = [];
  for (let i = 0; i < count; i++) {
    const piece = b(PROFILE_HEAD_ROWS + 1 + i);
    if (piece === null) return { problem: { kind: 'cell', what: 'piece', cell: `B${PROFILE_HEAD_ROWS + 1 + i}`, piece: i + 1, of: count } };
    pieces.push(piece);
  }
  const json = pieces.join('');
  if (sha256Hex(json) !== hash) return { problem: { kind: 'hash' } };
  const read = readProfileText(json);
  if ('problem' in read) return read;
  if (read.doc.id !== id) return { problem: { kind: 'id', cell: 'B2', inCell: id, inText: read.doc.id } };
  return { profile: read.profile };
}

