/**
 * The .xlsx host: ExcelJS workbooks ⇄ the core's snapshot and workbook plan.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import { cellAddress, columnLetter, type WorkbookSnapshot } from '../../core/snapshot';
import { DATE_FORMAT, EURO_FORMAT, VALIDATION_ROOM, type PlanTable, type PlanValue, type WorkbookPlan } from '../../core/template';
import { guardXlsx, InputError } from './guard';

export { InputError } from './guard';

// ---------- reading ----------

// The pure conversion lives in snapshot.ts (no fs) so the browser preview shares it.
export { snapshotOf, toCellValue } from './snapshot';
import { streamSnapshot } from './stream';
import { snapshotOf } from './snapshot';

/** Reads an .xlsx file into a snapshot; InputError for anything that cannot be used. */
export async function readWorkbookFile(path: string): Promise<{ snapshot: WorkbookSnapshot }> {
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

/**
 * Beyond this much worksheet XML (about 25 000 financing lines) the workbook is streamed: a full
 * ExcelJS load of 100 000 lines takes seconds and most of a gigabyte. The full load stays the
 * default below it because ExcelJS's streaming reader loses the code of an error a formula
 * returns (#DIV/0! becomes NaN) and reads a boolean result as 1 or 0.
 */
export const STREAM_ABOVE_SHEET_BYTES = 8 * 1024 * 1024;
/** ExcelJS's full load checks merges pairwise: 10 000 of them take half a minute. Streaming does not. */
export const STREAM_ABOVE_MERGES = 1000;

export type ReadMode = 'auto' | 'full' | 'stream';

/** Guards, then reads the workbook into a snapshot: InputError for anything that cannot be used. */
export async function readWorkbookBuffer(buf: Buffer, mode: ReadMode = 'auto'): Promise<{ snapshot: WorkbookSnapshot }> {
  const report = await guardXlsx(buf);
  try {
    const merges = [...report.merges.values()].reduce((n, m) => n + m.length, 0);
    const large = report.sheetBytes > STREAM_ABOVE_SHEET_BYTES || merges > STREAM_ABOVE_MERGES;
    if (mode === 'stream' || (mode === 'auto' && large)) return { snapshot: await streamSnapshot(buf, report) };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    return { snapshot: snapshotOf(wb) };
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('corrupt', `contenu illisible : ${firstLine((e as Error).message)}`);
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
