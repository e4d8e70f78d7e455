/**
 * The .xlsx host: ExcelJS workbooks ⇄ the core's snapshot and workbook plan.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import { userTables } from '../../core/contract';
import { findHeaderRow } from '../../core/model';
import { cellAddress, columnLetter, type CellValue, type TableSnapshot, type WorkbookSnapshot } from '../../core/snapshot';
import { DATE_FORMAT, EURO_FORMAT, VALIDATION_ROOM, type PlanTable, type PlanValue, type WorkbookPlan } from '../../core/template';
import { matchKey } from '../../core/text';
import { guardXlsx, InputError } from './guard';

export { InputError } from './guard';

// ---------- reading ----------

type ExcelValue = ExcelJS.CellValue;

/** ExcelJS's many value shapes → the core's few. */
export function toCellValue(v: ExcelValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  const o = v as unknown as Record<string, unknown>;
  if ('error' in o) return { error: String(o.error) };
  if ('richText' in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('formula' in o || 'sharedFormula' in o) {
    const result = o.result as ExcelValue | undefined;
    if (result === undefined || result === null) return { uncalculated: `=${String(o.formula ?? o.sharedFormula)}` };
    return toCellValue(result);
  }
  if ('text' in o) return toCellValue(o.text as ExcelValue);
  return String(v);
}

function parseRef(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref);
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { left: col(m[1]), top: Number(m[2]), right: col(m[3] ?? m[1]), bottom: Number(m[4] ?? m[2]) };
}

function readCell(ws: ExcelJS.Worksheet, row: number, col: number, merged: string[]): CellValue {
  const cell = ws.findCell(row, col);
  if (!cell) return null;
  if (cell.type === ExcelJS.ValueType.Merge) {
    merged.push(cellAddress(row, col));
    return null;
  }
  if (cell.type === ExcelJS.ValueType.Formula) {
    // cell.value drops falsy results (a formula worth 0 would look uncalculated): read the model.
    const m = cell.model as unknown as { formula?: string; sharedFormula?: string; result?: ExcelValue };
    if (m.result === undefined || m.result === null) return { uncalculated: `=${m.formula ?? m.sharedFormula ?? ''}` };
    return toCellValue(m.result);
  }
  return toCellValue(cell.value);
}

function readRange(ws: ExcelJS.Worksheet, name: string, top: number, left: number, right: number, bottom: number, isTable: boolean): TableSnapshot {
  const merged: string[] = [];
  const headers: string[] = [];
  for (let c = left; c <= right; c++) {
    const h = readCell(ws, top, c, merged);
    headers.push(h === null ? '' : typeof h === 'string' ? h : String(h));
  }
  const rows: CellValue[][] = [];
  for (let r = top + 1; r <= bottom; r++) {
    const row: CellValue[] = [];
    for (let c = left; c <= right; c++) row.push(readCell(ws, r, c, merged));
    rows.push(row);
  }
  return { name, sheet: ws.name, headerRow: top, firstColumn: left, headers, rows, isTable, mergedCells: merged };
}

/** The last row of a plain range: the row before the first fully blank one. */
function rangeBottom(ws: ExcelJS.Worksheet, top: number, left: number, right: number): number {
  let r = top;
  const last = ws.rowCount;
  while (r < last) {
    const next = r + 1;
    let blank = true;
    for (let c = left; c <= right && blank; c++) {
      const v = toCellValue(ws.findCell(next, c)?.value);
      if (!(v === null || (typeof v === 'string' && v.trim() === ''))) blank = false;
    }
    if (blank) break;
    r = next;
  }
  return r;
}

export function snapshotOf(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const tables: TableSnapshot[] = [];
  for (const ws of wb.worksheets) {
    const wsTables = (ws as unknown as { tables: Record<string, { table: { name: string; tableRef?: string; ref?: string; headerRow?: boolean; totalsRow?: boolean } }> }).tables ?? {};
    for (const t of Object.values(wsTables)) {
      const model = t.table;
      const box = parseRef(model.tableRef ?? model.ref ?? '');
      if (!box) continue;
      const bottom = box.bottom - (model.totalsRow ? 1 : 0);
      tables.push(readRange(ws, model.name, box.top, box.left, box.right, bottom, true));
    }
  }
  // A contract table that is not an Excel table (lost on a copy, or typed by hand): read the range
  // under its headers all the same, and the core reports that the table itself is missing.
  for (const def of userTables) {
    if (tables.some((t) => matchKey(t.name) === matchKey(def.name))) continue;
    const ws = wb.worksheets.find((w) => [def.sheet.fr, def.sheet.en].some((n) => matchKey(n) === matchKey(w.name)));
    if (!ws) continue;
    const firstRows: CellValue[][] = [];
    const width = Math.min(ws.columnCount, 60);
    for (let r = 1; r <= Math.min(ws.rowCount, 30); r++) {
      const row: CellValue[] = [];
      for (let c = 1; c <= width; c++) row.push(toCellValue(ws.findCell(r, c)?.value));
      firstRows.push(row);
    }
    const at = findHeaderRow(def, firstRows);
    if (!at) continue;
    let right = at.column;
    while (right < width && firstRows[at.row - 1][right] !== null) right++;
    tables.push(readRange(ws, def.name, at.row, at.column, right, rangeBottom(ws, at.row, at.column, right), false));
  }
  return { sheets: wb.worksheets.map((w) => w.name), tables };
}

/** Reads an .xlsx file into a snapshot; InputError for anything that cannot be used. */
export async function readWorkbookFile(path: string): Promise<{ snapshot: WorkbookSnapshot; workbook: ExcelJS.Workbook }> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('missing', 'fichier introuvable');
    if (code === 'EISDIR') throw new InputError('not-xlsx', 'c’est un dossier');
    throw new InputError('corrupt', `lecture impossible (${code ?? (e as Error).message})`);
  }
  return readWorkbookBuffer(buf);
}

export async function readWorkbookBuffer(buf: Buffer): Promise<{ snapshot: WorkbookSnapshot; workbook: ExcelJS.Workbook }> {
  await guardXlsx(buf);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputError('corrupt', `contenu illisible par ExcelJS : ${firstLine((e as Error).message)}`);
  }
  try {
    return { snapshot: snapshotOf(wb), workbook: wb };
  } catch (e) {
    throw new InputError('corrupt', `structure inattendue : ${firstLine((e as Error).message)}`);
  }
}

const firstLine = (s: string) => s.split('\n')[0].slice(0, 200);

// ---------- writing ----------

function toExcel(v: PlanValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'object' && !(v instanceof Date)) return { formula: v.formula } as ExcelJS.CellFormulaValue;
  return v;
}

function writeTable(ws: ExcelJS.Worksheet, t: PlanTable): void {
  const rows = t.rows.length ? t.rows : [t.columns.map(() => null)];
  ws.addTable({
    name: t.name,
    ref: cellAddress(t.row, t.column),
    headerRow: true,
    totalsRow: t.totalsRow,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: t.columns.map((c) => ({
      name: c.header,
      filterButton: true,
      totalsRowFunction: c.totals === 'sum' ? 'sum' : 'none',
      totalsRowLabel: c.totals === 'label' ? 'Total' : undefined,
    })),
    rows: rows.map((r) => r.map(toExcel)),
  });
  const lastRow = t.row + rows.length + (t.totalsRow ? 1 : 0);
  t.columns.forEach((c, i) => {
    const colNo = t.column + i;
    ws.getColumn(colNo).width = c.width;
    const fmt = c.kind === 'amount' || c.kind === 'formula-amount' ? EURO_FORMAT : c.kind === 'date' ? DATE_FORMAT : c.kind === 'year' ? '0' : undefined;
    if (!fmt) return;
    for (let r = t.row + 1; r <= Math.max(lastRow, t.row + 1); r++) ws.getCell(r, colNo).numFmt = fmt;
  });
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of t.validations) {
    const L = columnLetter(t.column + v.column);
    const range = `${L}${t.row + 1}:${L}${t.row + VALIDATION_ROOM}`;
    if (v.list) {
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${v.list.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: 'Valeur inattendue',
        error: `Choisissez parmi : ${v.list.join(', ')}`,
      });
    } else if (v.decimalMin !== undefined) {
      validations.add(range, {
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [v.decimalMin],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Montant invalide',
        error: 'Saisissez un montant positif ou nul, en euros (deux décimales au plus).',
      });
    }
  }
  if (t.flagNonZero !== undefined) {
    const L = columnLetter(t.column + t.flagNonZero);
    const first = `${L}${t.row + 1}`;
    ws.addConditionalFormatting({
      ref: `${first}:${L}${t.row + rows.length}`,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [`AND(ISNUMBER(${first}),${first}<>0)`],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } }, font: { color: { argb: 'FF9C0006' }, bold: true } },
        },
      ],
    });
  }
}

export function renderPlan(plan: WorkbookPlan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Suivi CES ESS';
  wb.created = new Date();
  // Excel recomputes every formula on opening: the file carries formulas, not stale results.
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const s of plan.sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 4 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.getCell('A1').value = s.title;
    ws.getCell('A1').font = { bold: true, size: 14, color: { argb: 'FF1F4E79' } };
    if (s.note) {
      ws.getCell('A2').value = s.note;
      ws.getCell('A2').font = { italic: true, color: { argb: s.note.startsWith('EXEMPLE') || s.note.startsWith('FICTITIOUS') ? 'FFC00000' : 'FF595959' } };
    }
    for (const t of s.tables) writeTable(ws, t);
  }
  return wb;
}

export async function writeWorkbookFile(wb: ExcelJS.Workbook, path: string): Promise<void> {
  const buf = await wb.xlsx.writeBuffer();
  await fs.writeFile(path, Buffer.from(buf as ArrayBuffer));
}
