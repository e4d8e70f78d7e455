/**
 * What was read, said: per contract table, where it was found, its range, how many lines were read
 * and what was left out and why. `check` prints it (text and JSON `read`), the COPIL summary's
 * method note and the pane show it: this is what lets a user trust "0 erreur".
 */

/** Rows of the sheet (1-based, inclusive) left out of the reading, and why. */
export interface ReadGap {
  first: number;
  last: number;
  count: number;
  /**
   * total-row: a total or subtotal line typed inside the table (an error names it);
   * totals-row: the old totals row at the end of a plain range;
   * below-unclear: rows just under the table that do not read as lines (a warning names them).
   */
  reason: 'total-row' | 'totals-row' | 'below-unclear';
}

export interface TableRead {
  /** The contract's table name ("Financements"). */
  table: string;
  sheet: string;
  /** Header to last row read, local to the sheet ("A4:H155"). */
  range: string;
  /** Lines read (non-blank data rows that count). */
  lines: number;
  /** table: the Excel table of that name; renamed: an Excel table found by its sheet and headers; range: no Excel table. */
  kind: 'table' | 'renamed' | 'range';
  /** The Excel table's own name, when renamed. */
  foundAs?: string;
  headerHidden?: boolean;
  /** Rows typed just under the Excel table, read as lines. */
  below?: { first: number; last: number; count: number };
  leftOut: ReadGap[];
  /** Columns of the table not read, by header ("Part Région (%)", "Engagé (k€)"). */
  ignoredColumns?: string[];
  /**
   * Cells typed on the table's sheet outside every table, not read (core/outside.ts): said with the
   * sheet's first contract table, the first ranges and how many cells are not in them.
   */
  outside?: { count: number; ranges: string[]; more: number };
}
