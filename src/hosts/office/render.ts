/**
 * Rendering the core's workbook plan (what `init` builds) through Office.js: sheets, tables,
 * number formats, dropdowns, formulas. A table that already exists is never touched, and a table
 * is only placed where every cell it would cover is blank: a user's value is never overwritten.
 */
import type { Lang } from '../../core/contract';
import { messages } from '../../core/i18n';
import { cellAddress, columnLetter } from '../../core/snapshot';
import { DATE_FORMAT, EURO_FORMAT, VALIDATION_ROOM, type PlanTable, type PlanValue, type WorkbookPlan } from '../../core/template';
import { ALL_FEATURES, type ExcelFeatures } from './features';
import { cellText } from './write';
import { dateToSerial } from '../../core/cells';

export interface InitializeReport {
  /** Tables written. */
  created: string[];
  /** Tables left as they were, and why. */
  skipped: { table: string; reason: 'exists' | 'occupied' }[];
  /** Sheets added to the workbook. */
  sheetsAdded: string[];
  /** Tables created without their drop-down lists and amount checks (an Excel without ExcelApi 1.8). */
  withoutValidation?: string[];
}

export const dateSerial = dateToSerial;

/** A plan value as Range.formulas takes it: text kept as text, formulas as formulas. */
export function planCell(v: PlanValue): string | number {
  if (v === null) return '';
  if (v instanceof Date) return dateSerial(v);
  if (typeof v === 'object') return `=${v.formula.replace(/^=/, '')}`;
  if (typeof v === 'number') return v;
  return v === '' ? '' : cellText(v);
}

export function tableBox(t: PlanTable): { address: string; bottom: number; right: number } {
  const rows = Math.max(1, t.rows.length);
  const bottom = t.row + rows + (t.totalsRow ? 1 : 0);
  const right = t.column + t.columns.length - 1;
  return { address: `${cellAddress(t.row, t.column)}:${columnLetter(right)}${bottom}`, bottom, right };
}

function formatOf(kind: string): string | undefined {
  return kind === 'amount' || kind === 'formula-amount' ? EURO_FORMAT : kind === 'date' ? DATE_FORMAT : kind === 'year' ? '0' : undefined;
}

/**
 * Queues the writes of one table (its sheet exists and its area is blank). Without ExcelApi 1.8
 * the table has no data validation; returns whether it should have had some.
 */
export function queueTable(ctx: Excel.RequestContext, sheet: string, t: PlanTable, lang: Lang, features: ExcelFeatures = ALL_FEATURES): boolean {
  const ws = ctx.workbook.worksheets.getItem(sheet);
  const rows = t.rows.length ? t.rows : [t.columns.map(() => null)];
  const bodyTop = t.row + 1;
  const bodyBottom = t.row + rows.length;
  const right = t.column + t.columns.length - 1;
  ws.getRange(`${cellAddress(t.row, t.column)}:${columnLetter(right)}${t.row}`).values = [t.columns.map((c) => cellText(c.header))];
  ws.getRange(`${cellAddress(bodyTop, t.column)}:${columnLetter(right)}${bodyBottom}`).formulas = rows.map((r) => t.columns.map((_, i) => planCell(r[i] ?? null)));
  t.columns.forEach((c, i) => {
    const fmt = formatOf(c.kind);
    if (!fmt) return;
    const L = columnLetter(t.column + i);
    ws.getRange(`${L}${bodyTop}:${L}${bodyBottom}`).numberFormat = rows.map(() => [fmt]);
  });
  const table = ws.tables.add(`${cellAddress(t.row, t.column)}:${columnLetter(right)}${bodyBottom}`, true);
  table.name = t.name;
  table.style = 'TableStyleMedium2';
  if (t.totalsRow) {
    table.showTotals = true;
    const totals = t.columns.map((c) => (c.totals === 'sum' ? `=SUBTOTAL(109,[${c.header.replace(/([[\]#'])/g, "'$1")}])` : c.totals === 'label' ? cellText(messages[lang].summary.total) : ''));
    ws.getRange(`${cellAddress(bodyBottom + 1, t.column)}:${columnLetter(right)}${bodyBottom + 1}`).formulas = [totals];
  }
  const v = messages[lang].office.validation;
  const validations = features.dataValidation ? t.validations : [];
  for (const val of validations) {
    const L = columnLetter(t.column + val.column);
    const dv = ws.getRange(`${L}${bodyTop}:${L}${t.row + VALIDATION_ROOM}`).dataValidation;
    dv.clear();
    if (val.list) {
      dv.rule = { list: { inCellDropDown: true, source: val.list.join(',') } };
      dv.errorAlert = { showAlert: true, style: 'Warning' as Excel.DataValidationAlertStyle.warning, title: v.listTitle, message: v.list(val.list.join(', ')) };
    } else if (val.decimalMin !== undefined) {
      dv.rule = { decimal: { formula1: val.decimalMin, operator: 'GreaterThanOrEqualTo' as Excel.DataValidationOperator.greaterThanOrEqualTo } };
      dv.errorAlert = { showAlert: true, style: 'Stop' as Excel.DataValidationAlertStyle.stop, title: v.amountTitle, message: v.amount };
    } else if (val.whole) {
      dv.rule = { wholeNumber: { formula1: val.whole.min, formula2: val.whole.max, operator: 'Between' as Excel.DataValidationOperator.between } };
    }
  }
  if (t.flagNonZero !== undefined) {
    const L = columnLetter(t.column + t.flagNonZero);
    const first = `${L}${bodyTop}`;
    const cf = ws.getRange(`${first}:${L}${bodyBottom}`).conditionalFormats.add('Custom' as Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = `=AND(ISNUMBER(${first}),${first}<>0)`;
    cf.custom.format.fill.color = '#FFC7CE';
    cf.custom.format.font.color = '#9C0006';
  }
  return t.validations.length > 0 && !features.dataValidation;
}

/** Title, note, column widths and frozen header: only on a sheet the add-in has just created. */
export function queueSheetDecor(ctx: Excel.RequestContext, sheet: string, title: string, note: string | undefined, plan: WorkbookPlan): void {
  const ws = ctx.workbook.worksheets.getItem(sheet);
  ws.getRange('A1').values = [[cellText(title)]];
  ws.getRange('A1').format.font.bold = true;
  ws.getRange('A1').format.font.size = 14;
  if (note) {
    ws.getRange('A2').values = [[cellText(note)]];
    ws.getRange('A2').format.font.italic = true;
  }
  ws.freezePanes.freezeRows(4);
  const ps = plan.sheets.find((s) => s.name === sheet);
  for (const t of ps?.tables ?? []) {
    t.columns.forEach((c, i) => {
      const L = columnLetter(t.column + i);
      // Plan widths are in characters, Office.js's in points (about 7 per character in Calibri 11).
      ws.getRange(`${L}:${L}`).format.columnWidth = Math.round(c.width * 7);
    });
  }
}
