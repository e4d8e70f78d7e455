/**
 * The emulated workbook's plain state: cells, sheets, tables, validations, conditional formats and
 * charts as Excel holds them. Data only; the rules Excel applies to it are in the model's classes.
 */
import type { Box } from '../address';

export type Scalar = number | string | boolean;

export interface Cell {
  /** A constant; for a formula cell, nothing (the result is computed on read). */
  value: Scalar | null;
  formula?: string;
  /** An error value such as "#REF!" loaded from a file (Excel itself only produces them from formulas). */
  error?: string;
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** Set when a string was written with a leading apostrophe: Excel keeps the text as text. */
  quotePrefix?: boolean;
}

export interface ValidationModel {
  box: Box;
  rule: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position?: { start: string; end?: string };
  /** Axes, legend and other presentation settings, as set (chart.axes.valueAxis.title.text…). */
  settings: Record<string, unknown>;
}

export interface SheetModel {
  id: string;
  name: string;
  cells: Map<string, Cell>;
  columnWidths: Map<number, number>;
  frozenRows: number;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  validations: ValidationModel[];
  charts: ChartModel[];
  tabColor: string;
  /** pageLayout settings as set (orientation, zoom, headersFooters…, printArea). */
  pageLayout: Record<string, unknown>;
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  /** Header, body and totals row. */
  box: Box;
  showTotals: boolean;
  style: string;
  /** Set while the header row is hidden (showHeaders = false): the column names. */
  hiddenHeaders?: string[];
}

export interface ConditionalFormatModel {
  id: string;
  sheet: SheetModel;
  /** The first (or only) area the rule applies to. */
  box: Box;
  /** Every area, for a rule over a multi-area range (RangeAreas, ExcelApi 1.9). */
  areas?: Box[];
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  priority: number;
}

/** Cells of one sheet: what a Range designates. */
export interface RangeRef {
  sheet: SheetModel;
  box: Box;
}

export type ChangeSource = 'Local' | 'Remote';

export interface ChangeRecord {
  sheet: SheetModel;
  box: Box;
  source: ChangeSource;
  changeType: string;
}

/** A conditional format's areas (one, or several for a rule over RangeAreas). */
export function cfAreas(cf: ConditionalFormatModel): Box[] {
  return cf.areas ?? [cf.box];
}
