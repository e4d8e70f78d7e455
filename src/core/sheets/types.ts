/**
 * One declarative plan for every sheet the add-in writes (init's sheets, Contrôles, Journal,
 * Synthèse COPIL, Rapprochement): pure data, drawn by exactly two renderers, ExcelJS for files
 * (hosts/xlsx/renderPlan.ts) and the Excel JavaScript API (hosts/office/renderPlan.ts). A plan says what
 * the sheet holds, never how a host writes it: addresses are A1 (core/cells.ts), colours "RRGGBB",
 * widths in characters, number formats in the file's (en-US) syntax. Words come from core/i18n.
 *
 * Text cells are written as text: a renderer keeps "=…", "2014" or "TRUE" the text they are (the
 * Excel renderer with its leading apostrophe). User text is already neutralised by the plan.
 */

/** A formula in A1 notation (no "="), with the result a file carries until Excel recomputes it. */
export interface PlanFormula {
  formula: string;
  result?: number | string | null;
}

export type PlanCellValue = string | number | Date | null | PlanFormula;

export interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** "RRGGBB". */
  color?: string;
}

/** A cell the sheet writes outside its tables: a title, a note, a date. */
export interface PlanCell {
  address: string;
  value: PlanCellValue;
  style?: TextStyle;
  numberFormat?: string;
}

/** A cell of a table's totals row. */
export type PlanTotal = null | { label: string } | { sum: true } | PlanFormula;

export interface PlanTableColumn {
  header: string;
  /** Number format of the column's data cells (and of its totals row cell when the table has one). */
  numberFormat?: string;
  /** Long text: wrapped, aligned to the top. */
  wrap?: boolean;
}

export interface PlanTable {
  /** Excel table name, unique in the workbook. */
  name: string;
  /** 1-based row of the header row and first column. */
  row: number;
  column: number;
  columns: PlanTableColumn[];
  /** Data rows; an empty table is written with one blank row (Excel's tables have at least one). */
  rows: PlanCellValue[][];
  /** The totals row, one cell per column, or absent. */
  totals?: PlanTotal[];
  /** Excel's table style, e.g. "TableStyleMedium2". */
  style: string;
  /** Header texts wrap (long headers such as the rates) rather than widen the column. */
  wrapHeaders?: boolean;
  /**
   * The columns' formats belong to the table's columns in the file (a row added in Excel takes
   * them), not only to the cells written. Excel's own tables do that by themselves.
   */
  columnStyles?: boolean;
}

export interface PlanValidation {
  /** The table the rule belongs to (written with it, left out with it). */
  table?: string;
  /** The range the rule covers, e.g. "C5:C1004". */
  range: string;
  rule: { list: string[] } | { decimalMin: number } | { whole: { min: number; max: number } };
  /** What Excel says to a value outside the rule: a warning (may be kept) or a stop. */
  alert?: { style: 'warning' | 'stop'; title: string; message: string };
}

/** A custom-formula conditional format, e.g. a non-zero gap painted red. */
export interface PlanConditionalFormat {
  /** The table the format belongs to (written with it, left out with it). */
  table?: string;
  range: string;
  /** Relative to the range's top-left cell, without "=". */
  formula: string;
  fill: string;
  font: string;
  bold?: boolean;
}

export interface PlanChart {
  id: string;
  name: string;
  title: string;
  /** Excel.ChartType */
  type: 'ColumnClustered';
  /** Each column of the source is one series. */
  seriesBy: 'Columns';
  sourceTable: string;
  /** Header row + data rows of the source table, first column = categories. */
  source: string;
  topLeft: string;
  bottomRight: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  valueNumberFormat: string;
  legend: 'Bottom';
  /** What the chart should show once bound: the series (column headers) and categories (first column). */
  seriesNames: string[];
  /** Fill of each series, "RRGGBB", the same in the sheet, the .xlsx and the PDF. */
  seriesColours: string[];
  categories: string[];
}

export interface PlanPageSetup {
  paperSize: 'A4';
  orientation: 'Landscape';
  fitToWidth: number;
  fitToHeight: number;
  printArea?: string;
  /** Excel header/footer text (codes &P, &N; a literal & doubled). */
  leftHeader?: string;
  rightHeader?: string;
  centerFooter?: string;
}

export interface SheetPlan {
  name: string;
  cells: PlanCell[];
  tables: PlanTable[];
  validations: PlanValidation[];
  conditionalFormats: PlanConditionalFormat[];
  charts: PlanChart[];
  /** Widths in characters, by 1-based column. */
  columnWidths: { column: number; width: number }[];
  /** Rows kept in view when scrolling (0: none). */
  freezeRows: number;
  /** False: gridlines hidden. */
  gridlines: boolean;
  pageSetup?: PlanPageSetup;
  /** 'very': very hidden, shown by no menu (the convention a workbook carries, core/profileStore.ts). */
  hidden?: boolean | 'very';
}

/** A sheet plan with nothing in it yet: the builders fill what their sheet needs. */
export function emptySheet(name: string): SheetPlan {
  return { name, cells: [], tables: [], validations: [], conditionalFormats: [], charts: [], columnWidths: [], freezeRows: 0, gridlines: true };
}

/** The last row a table covers (header, at least one data row, totals). */
export function tableBottom(t: PlanTable): number {
  return t.row + Math.max(1, t.rows.length) + (t.totals ? 1 : 0);
}

/** The one euro format of every sheet: the file's (en-US) syntax; Excel shows "2 387 500,00 €" in French. */
export const EURO_FORMAT = '#,##0.00\\ "€"';
export const DATE_FORMAT = 'dd/mm/yyyy';
/** The title colour of the add-in's sheets. */
export const TITLE_COLOR = '1F4E79';
