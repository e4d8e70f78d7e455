/**
 * The .xlsx host: files ⇄ the core's snapshot (reader.ts) and sheet plans (renderPlan.ts).
 */
import type ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import { initSheets } from '../../core/sheets/init';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { WorkbookPlan } from '../../core/template';
import type { SheetPlan } from '../../core/sheets/types';
import { renderWorkbook } from './renderPlan';
import { excel } from './excel';
import { FORMAT_HEAD_BYTES } from './format';
import { InputError, isOleContainer, LIMITS, preflight, preflightHead } from './guard';

export { InputError } from './guard';

// ---------- reading ----------

// The ExcelJS conversion lives in snapshot.ts (no fs) for the browser preview; the CLI reads with reader.ts.
export { snapshotOf, toCellValue } from './snapshot';
import { readSnapshot, readSnapshotFile } from './nodeRead';

/**
 * Reads an .xlsx or .ods file into a snapshot, with the date its document properties say it was
 * saved (null when they do not); InputError for anything that cannot be used. The file is read
 * piece by piece, never held whole.
 */
export async function readWorkbookFile(path: string): Promise<{ snapshot: WorkbookSnapshot; savedOn: string | null; format: 'xlsx' | 'ods' }> {
  let file: fs.FileHandle | undefined;
  try {
    file = await fs.open(path, 'r');
    const { size } = await file.stat();
    const head = Buffer.alloc(Math.min(FORMAT_HEAD_BYTES, size));
    await file.read(head, 0, head.length, 0);
    // Only an OLE container (an encrypted workbook, an old .xls) is read whole, to tell which.
    if (size <= LIMITS.fileBytes && isOleContainer(head)) preflight(await file.readFile());
    preflightHead(head, size);
    return await readSnapshotFile(file.fd, size);
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

/** The workbook `init` writes: the plan's sheets (core/sheets/init.ts) drawn by the one ExcelJS renderer, then the add-in's `ownSheets`. */
export function renderPlan(plan: WorkbookPlan, ownSheets: SheetPlan[] = []): ExcelJS.Workbook {
  return renderWorkbook(new (excel().Workbook)(), [...initSheets(plan), ...ownSheets], { created: new Date(), fullCalcOnLoad: true });
}

/** The workbook as a new file at `path`: written beside, then renamed over what was there. */
export async function writeWorkbookFile(wb: ExcelJS.Workbook, path: string): Promise<void> {
  const buf = await wb.xlsx.writeBuffer();
  await (await import('./safeWrite')).writeNewFile(path, new Uint8Array(buf as ArrayBuffer));
}
