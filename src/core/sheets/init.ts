/**
 * The sheets `init` writes (and the pane's "initialise" and "restore"), as sheet plans: the
 * workbook plan of template.ts (the contract's tables and the example's rows) with its titles,
 * formats, totals, drop-down lists, the Convention's gap check, widths and print set-up.
 */
import { columnLetter } from '../cells';
import type { Lang } from '../contract';
import { messages } from '../i18n';
import { TABLE_ROW, VALIDATION_ROOM, type PlanColumn, type PlanSheet, type PlanTable as InitTable, type WorkbookPlan } from '../template';
import { DATE_FORMAT, emptySheet, EURO_FORMAT, TITLE_COLOR, type PlanConditionalFormat, type PlanTable, type PlanTotal, type PlanValidation, type SheetPlan } from './types';

function numberFormat(kind: PlanColumn['kind']): string | undefined {
  return kind === 'amount' || kind === 'formula-amount' ? EURO_FORMAT : kind === 'date' ? DATE_FORMAT : kind === 'year' ? '0' : undefined;
}

function table(t: InitTable, lang: Lang): PlanTable {
  const totals: PlanTotal[] = t.columns.map((c) => (c.totals === 'sum' ? { sum: true } : c.totals === 'label' ? { label: messages[lang].summary.total } : null));
  return {
    name: t.name,
    row: t.row,
    column: t.column,
    columns: t.columns.map((c) => {
      const f = numberFormat(c.kind);
      return f ? { header: c.header, numberFormat: f } : { header: c.header };
    }),
    rows: t.rows,
    ...(t.totalsRow ? { totals } : {}),
    style: 'TableStyleMedium2',
  };
}

/** Each column's drop-down list or amount check, over the table and VALIDATION_ROOM rows below its header (new lines get them too). */
function validations(t: InitTable, lang: Lang): PlanValidation[] {
  const v = messages[lang].office.validation;
  return t.validations.flatMap((val): PlanValidation[] => {
    const L = columnLetter(t.column + val.column);
    const range = `${L}${t.row + 1}:${L}${t.row + VALIDATION_ROOM}`;
    if (val.list) return [{ table: t.name, range, rule: { list: val.list }, alert: { style: 'warning', title: v.listTitle, message: v.list(val.list.join(', ')) } }];
    if (val.decimalMin !== undefined) return [{ table: t.name, range, rule: { decimalMin: val.decimalMin }, alert: { style: 'stop', title: v.amountTitle, message: v.amount } }];
    if (val.whole) return [{ table: t.name, range, rule: { whole: val.whole } }];
    return [];
  });
}

/** A column painted red where its value is not zero (the Convention's gap). */
function flagNonZero(t: InitTable): PlanConditionalFormat[] {
  if (t.flagNonZero === undefined) return [];
  const L = columnLetter(t.column + t.flagNonZero);
  const first = `${L}${t.row + 1}`;
  return [{ table: t.name, range: `${first}:${L}${t.row + Math.max(1, t.rows.length)}`, formula: `AND(ISNUMBER(${first}),${first}<>0)`, fill: 'FFC7CE', font: '9C0006', bold: true }];
}

export function initSheet(s: PlanSheet, lang: Lang): SheetPlan {
  const sheet = emptySheet(s.name);
  sheet.cells.push({ address: 'A1', value: s.title, style: { bold: true, size: 14, color: TITLE_COLOR } });
  // The example's banner in red: its figures are not the contract's.
  if (s.note) sheet.cells.push({ address: 'A2', value: s.note, style: { italic: true, color: s.example ? 'C00000' : '595959' } });
  sheet.tables = s.tables.map((t) => table(t, lang));
  sheet.validations = s.tables.flatMap((t) => validations(t, lang));
  sheet.conditionalFormats = s.tables.flatMap(flagNonZero);
  sheet.columnWidths = s.tables.flatMap((t) => t.columns.map((c, i) => ({ column: t.column + i, width: c.width })));
  sheet.freezeRows = TABLE_ROW;
  sheet.pageSetup = { paperSize: 'A4', orientation: 'Landscape', fitToWidth: 1, fitToHeight: 0 };
  return sheet;
}

/** Every sheet of the workbook plan, worded in its language. */
export function initSheets(plan: WorkbookPlan, lang: Lang = plan.lang ?? 'fr'): SheetPlan[] {
  return plan.sheets.map((s) => initSheet(s, lang));
}
