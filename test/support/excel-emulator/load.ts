/**
 * Filling an emulated workbook without going through the API: from the core's workbook plan (what
 * `init` builds), from a snapshot (what a host read), or from an ExcelJS workbook (a real file).
 */
import { columnLetter, type CellValue, type WorkbookSnapshot } from '../../../src/core/snapshot';
import { DATE_FORMAT, EURO_FORMAT, VALIDATION_ROOM, type PlanValue, type WorkbookPlan } from '../../../src/core/template';
import { dateToSerial } from './model/cellInput';
import type { Cell, SheetModel } from './model/types';
import type { WorkbookModel } from './model/workbook';

/** Stores a value as the file holds it: no parsing of text (unlike a write through Range.values). */
export function setRaw(m: WorkbookModel, s: SheetModel, r: number, c: number, v: PlanValue | CellValue | boolean): void {
  if (v === null || v === undefined || v === '') return;
  const cell: Cell = m.cellForWrite(s, r, c);
  cell.value = null;
  if (v instanceof Date) {
    cell.value = dateToSerial(v);
    cell.numberFormat ??= DATE_FORMAT;
  } else if (typeof v === 'object') {
    if ('formula' in v) cell.formula = `=${v.formula.replace(/^=/, '')}`;
    else if ('uncalculated' in v) cell.formula = v.uncalculated.startsWith('=') ? v.uncalculated : `=${v.uncalculated}`;
    else if ('error' in v) cell.error = v.error;
  } else cell.value = v;
}

export function loadPlan(m: WorkbookModel, plan: WorkbookPlan): void {
  for (const ps of plan.sheets) {
    const s = m.sheet(ps.name) ?? m.addSheet(ps.name);
    setRaw(m, s, 1, 1, ps.title);
    m.cellForWrite(s, 1, 1).bold = true;
    if (ps.note) setRaw(m, s, 2, 1, ps.note);
    s.frozenRows = 4;
    for (const t of ps.tables) {
      t.columns.forEach((col, i) => {
        setRaw(m, s, t.row, t.column + i, col.header);
        s.columnWidths.set(t.column + i, col.width);
      });
      const rows = Math.max(1, t.rows.length);
      t.rows.forEach((row, ri) => row.forEach((v, ci) => setRaw(m, s, t.row + 1 + ri, t.column + ci, v)));
      const table = m.addTable(s, { top: t.row, left: t.column, bottom: t.row + rows, right: t.column + t.columns.length - 1 }, true);
      m.renameTable(table, t.name);
      if (t.totalsRow) {
        m.setShowTotals(table, true);
        t.columns.forEach((col, i) => {
          if (col.totals === 'sum') setRaw(m, s, table.box.bottom, t.column + i, { formula: `SUBTOTAL(109,[${col.header}])` });
        });
      }
      t.columns.forEach((col, i) => {
        const fmt = col.kind === 'amount' || col.kind === 'formula-amount' ? EURO_FORMAT : col.kind === 'date' ? DATE_FORMAT : col.kind === 'year' ? '0' : undefined;
        if (!fmt) return;
        for (let r = t.row + 1; r <= t.row + rows; r++) m.cellForWrite(s, r, t.column + i).numberFormat = fmt;
      });
      for (const v of t.validations) {
        const box = { top: t.row + 1, bottom: t.row + VALIDATION_ROOM, left: t.column + v.column, right: t.column + v.column };
        if (v.list) s.validations.push({ box, rule: { list: { inCellDropDown: true, source: v.list.join(',') } } });
        else if (v.decimalMin !== undefined) s.validations.push({ box, rule: { decimal: { formula1: v.decimalMin, operator: 'GreaterThanOrEqualTo' } } });
        else if (v.whole) s.validations.push({ box, rule: { wholeNumber: { formula1: v.whole.min, formula2: v.whole.max, operator: 'Between' } } });
      }
      if (t.flagNonZero !== undefined) {
        const c = t.column + t.flagNonZero;
        const first = `${columnLetter(c)}${t.row + 1}`;
        m.conditionalFormats.push({
          id: m.id('CF'),
          sheet: s,
          box: { top: t.row + 1, bottom: t.row + rows, left: c, right: c },
          type: 'Custom',
          formula: `=AND(ISNUMBER(${first}),${first}<>0)`,
          fill: '#FFC7CE',
          fontColor: '#9C0006',
          bold: true,
          priority: m.conditionalFormats.length,
        });
      }
    }
  }
  m.activeSheet = m.sheets[0] ?? null;
}

export function loadSnapshot(m: WorkbookModel, snapshot: WorkbookSnapshot): void {
  for (const name of snapshot.sheets) if (!m.sheet(name)) m.addSheet(name);
  for (const t of snapshot.tables) {
    const s = m.sheet(t.sheet) ?? m.addSheet(t.sheet);
    t.headers.forEach((h, i) => setRaw(m, s, t.headerRow, t.firstColumn + i, h));
    t.rows.forEach((row, ri) => row.forEach((v, ci) => setRaw(m, s, t.headerRow + 1 + ri, t.firstColumn + ci, v)));
    if (t.isTable) {
      const table = m.addTable(s, { top: t.headerRow, left: t.firstColumn, bottom: t.headerRow + Math.max(1, t.rows.length), right: t.firstColumn + t.headers.length - 1 }, true);
      m.renameTable(table, t.name);
    }
  }
  m.activeSheet = m.sheets[0] ?? null;
}
