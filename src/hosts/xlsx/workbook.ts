/**
 * The .xlsx host: ExcelJS workbooks ⇄ the core's snapshot and workbook plan.
 */
import type ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import { cellAddress, columnLetter, type WorkbookSnapshot } from '../../core/snapshot';
import { DATE_FORMAT, EURO_FORMAT, VALIDATION_ROOM, type PlanTable, type PlanValue, type WorkbookPlan } from '../../core/template';
import { excel } from './excel';
import { InputError, isOleContainer, LIMITS, preflight, preflightHead } from './guard';

export { InputError } from './guard';

// ---------- reading ----------

// The ExcelJS conversion lives in snapshot.ts (no fs) for the browser preview; the CLI reads with reader.ts.
export { snapshotOf, toCellValue } from './snapshot';
import { readSnapshot, readSnapshotFile } from './reader';

/** Reads an .xlsx file into a snapshot; InputError for anything that cannot be used. The file is read piece by piece, never held whole. */
export async function readWorkbookFile(path: string): Promise<{ snapshot: WorkbookSnapshot }> {
  let file: fs.FileHandle | undefined;
  try {
    file = await fs.open(path, 'r');
    const { size } = await file.stat();
    const head = Buffer.alloc(Math.min(8, size));
    await file.read(head, 0, head.length, 0);
    // Only an OLE container (an encrypted workbook, an old .xls) is read whole, to tell which.
    if (size <= LIMITS.fileBytes && isOleContainer(head)) preflight(await file.readFile());
    preflightHead(head, size);
    return { snapshot: await readSnapshotFile(file.fd, size) };
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('missing', 'fichier introuvable');
    if (code === 'EISDIR') throw new InputError('not-xlsx', 'c’est un dossier');
    throw new InputError('corrupt', `lecture impossible (${code ?? (e as Error).message})`);
  } finally {
    await file?.close();
  }
}

/** Reads the workbook's contract tables into a snapshot (streaming, guarded): InputError for anything that cannot be used. */
export async function readWorkbookBuffer(buf: Buffer): Promise<{ snapshot: WorkbookSnapshot }> {
  return { snapshot: await readSnapshot(buf) };
}


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
  const wb = new (excel().Workbook)();
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
