/**
 * What a host hands the core: the workbook's tables as plain values, wherever the workbook lives
 * (an .xlsx file, Excel through the Excel JavaScript API, a test). The core never sees ExcelJS or the Excel JavaScript API objects.
 */
import type { Profile } from './profile';

export type CellError = { error: string };
/** A formula whose result the file does not carry (never calculated). */
export type CellUncalculated = { uncalculated: string };
export type CellValue = number | string | boolean | Date | CellError | CellUncalculated | null;

export interface TableSnapshot {
  /** Excel table name, or the expected name when the host fell back to a plain range. */
  name: string;
  sheet: string;
  /** 1-based row of the header row. */
  headerRow: number;
  /** 1-based column of the first column. */
  firstColumn: number;
  headers: string[];
  /** Data rows only (no header, no totals row). */
  rows: CellValue[][];
  /**
   * false when no Excel table of that name exists and the host read a header-shaped range instead:
   * then `rows` run down to the last row used in its columns (blank rows included), and the core
   * decides where the data ends (core/extent.ts).
   */
  isTable: boolean;
  /** Cells (sheet addresses such as "B7") inside the data rows that are covered by a merge, not its master. */
  mergedCells?: string[];
  /**
   * For an Excel table: how many of `rows` are its own data rows. The rows after them are what the
   * host found just under the table (down to the first blank row; LibreOffice never extends a
   * table): the core decides whether they are read (core/extent.ts). Absent: every row is the table's.
   */
  declaredRows?: number;
  /** The table's totals row stands at rows[declaredRows], kept only so the rows typed under it keep their place. */
  totalsInRows?: boolean;
  /** The Excel table's own name when the host found a contract table by its sheet and headers (a renamed table). */
  foundAs?: string;
  /** The table's header row is switched off: `headers` are its column names, `headerRow` the row above its data. */
  headerHidden?: boolean;
}
/**
 * What a sheet holding a table holds outside every range the host read (its tables, what lies just
 * under them): never read, so the core names it (core/outside.ts). A host that cannot tell says nothing.
 */
export interface OutsideCells {
  sheet: string;
  /** The first OUTSIDE_NOTED of them, row by row (1-based); `text`: a text, else a number, a date, a boolean, an error or a formula. */
  cells: { row: number; col: number; text: boolean }[];
  /** How many of each kind there are in all (more than `cells` holds when the host stopped noting them). */
  values: number;
  texts: number;
}

/** Cells outside the tables noted per sheet at most: a sheet full of them is named by its first ones and a count. */
export const OUTSIDE_NOTED = 1000;

export interface WorkbookSnapshot {
  sheets: string[];
  tables: TableSnapshot[];
  /** The sheets that hold something outside their tables (absent: nothing, or a host that does not look). */
  outside?: OutsideCells[];
  /**
   * The convention the workbook follows, when it carries one (written by `init --profile`, read by
   * the host that read the snapshot); absent: the CES ESS 2014-2016, the built-in profile.
   */
  profile?: Profile;
}

/**
 * A date, whichever JavaScript realm made it (a snapshot cloned across a worker, an iframe or a
 * test sandbox carries Dates that fail `instanceof Date`).
 */
export function isDate(v: unknown): v is Date {
  // A string or a number (nearly every cell) is answered without the tag lookup, which a Date from another realm needs.
  return typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]';
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && !isDate(v) && 'error' in v;
}

export function isUncalculated(v: CellValue): v is CellUncalculated {
  return typeof v === 'object' && v !== null && !isDate(v) && 'uncalculated' in v;
}

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

// Addresses are written once, in cells.ts; re-exported here for the snapshot's readers.
export { cellAddress, columnLetter, columnNumber, parseAddress, qualifiedAddress } from './cells';
