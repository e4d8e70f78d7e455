/**
 * The preview's .xlsx reader, loaded on demand (dynamic import) so that ExcelJS stays out of the
 * task pane's first download. ExcelJS resolves to its browser build through its package's "browser"
 * field; the conversion to a snapshot is the CLI's own (hosts/xlsx/snapshot.ts).
 */
import ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { snapshotOf } from '../xlsx/snapshot';

export async function readXlsx(data: ArrayBuffer): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  return snapshotOf(wb);
}
