/**
 * Cells, ranges and dates as Excel names them: A1 addresses, sheet-qualified addresses, rectangular
 * boxes and serial dates. Written once here; every host, export and rule uses these.
 */

/** 1 → A, 28 → AB */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A → 1, AB → 28 (case-insensitive). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** "B7" or "$B$7" → row 7, column 2; null for anything else. */
export function parseAddress(a: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a.trim());
  if (!m) return null;
  return { col: columnNumber(m[1]), row: Number(m[2]) };
}

/** A rectangle of cells, 1-based and inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * "B2:D9", "$B$2", "D9:B2" → its box, corners put in order (Excel accepts them either way); a sheet
 * prefix ("'Feuille 1'!B2:D9") is ignored. Null for anything else (whole columns, names…).
 */
export function parseRange(ref: string): Box | null {
  const local = ref.slice(ref.lastIndexOf('!') + 1);
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(local.trim());
  if (!m) return null;
  const [l, t, r, b] = [columnNumber(m[1]), Number(m[2]), columnNumber(m[3] ?? m[1]), Number(m[4] ?? m[2])];
  return { top: Math.min(t, b), bottom: Math.max(t, b), left: Math.min(l, r), right: Math.max(l, r) };
}

/** The box's A1 address ("B2:D9", or "B2" for one cell). */
export function rangeAddress(b: Box): string {
  const a = cellAddress(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? a : `${a}:${cellAddress(b.bottom, b.right)}`;
}

/** "'Participations 2014'!B7": how Excel (and our text output) names a cell on a sheet. */
export function qualifiedAddress(sheet: string, cell: string): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${cell}`;
}

/** "'Feuille 1'!B2:C3" → the sheet ("Feuille 1") and the local address ("B2:C3"). */
export function splitQualified(address: string): { sheet: string; local: string } {
  const bang = address.lastIndexOf('!');
  let sheet = address.slice(0, Math.max(bang, 0));
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** Reading order of a cell or range's first cell: row, then column (sorting findings top to bottom). */
export function cellOrder(cell: string): number {
  const m = /^\$?([A-Za-z]+)\$?(\d+)/.exec(cell);
  return m ? Number(m[2]) * 20000 + columnNumber(m[1]) : 0;
}

const DAY_MS = 86400000;
/** Serial of 1970-01-01 in the 1900 date system; the 1904 system counts 1462 days fewer. */
const EPOCH_1900 = 25569;
const OFFSET_1904 = 1462;

/** Excel serial date → UTC date, rounded to the millisecond (as Excel and ExcelJS do). */
export function serialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - EPOCH_1900 + (date1904 ? OFFSET_1904 : 0)) * DAY_MS));
}

/** Excel serial date → ISO date (YYYY-MM-DD). */
export function serialToIso(serial: number, date1904 = false): string {
  return serialToDate(serial, date1904).toISOString().slice(0, 10);
}

/** UTC date → Excel serial (1900 system), fraction of a day kept. */
export function dateToSerial(d: Date): number {
  return d.getTime() / DAY_MS + EPOCH_1900;
}
