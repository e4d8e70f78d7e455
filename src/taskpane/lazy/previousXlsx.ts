/**
 * The previous COPIL's workbook, read in the browser for the Export COPIL comparison; loaded on
 * demand with ExcelJS, like the preview's own reader. Its date is the one the file's document
 * properties record (as `report --since` reads it), else the file's own.
 */
import ExcelJS from 'exceljs';
import type { PreviousVersion } from '../../app/report';
import { isoDate } from '../../core/text';
import { snapshotOf } from '../../hosts/xlsx/snapshot';

export type { PreviousVersion };

export async function readPrevious(file: File): Promise<PreviousVersion> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await file.arrayBuffer());
  const saved = wb.modified instanceof Date && !Number.isNaN(wb.modified.getTime()) ? wb.modified : new Date(file.lastModified);
  return { file: file.name, date: isoDate(saved), snapshot: snapshotOf(wb) };
}
