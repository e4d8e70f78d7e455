/**
 * The convention the workbook carries (core/profileStore.ts: the very hidden sheet
 * SuiviCES-convention), queued in the same round trip as the tables: a sheet fetched by
 * getItemOrNullObject, its first rows' values loaded whether it exists or not (a null object when
 * not). What the cells mean, and whether they can be trusted, is the core's, loaded only for a
 * workbook that has the sheet (its SHA-256 stays out of the pane's first download).
 */
import type { Profile } from '../../core/profile';
import { PROFILE_MAX_ROWS, PROFILE_SHEET, ProfileUnreadableError } from '../../core/profileWords';
import type { CellValue } from '../../core/snapshot';
import { toRows } from './values';

export interface QueuedProfile {
  /** The sheet's rows after the sync, null when the workbook has no such sheet. */
  finish(): CellValue[][] | null;
}

export function queueProfileRead(wb: Excel.Workbook): QueuedProfile {
  const range = wb.worksheets.getItemOrNullObject(PROFILE_SHEET).getRange(`A1:B${PROFILE_MAX_ROWS}`).load('values');
  return { finish: () => (range.isNullObject ? null : toRows(range.values, undefined, undefined)) };
}

/** The sheet's rows → the workbook's convention; ProfileUnreadableError when it cannot be trusted. */
export async function profileOfRows(rows: CellValue[][]): Promise<Profile> {
  const { readProfileSheet } = await import(/* webpackChunkName: "profile-store" */ '../../core/profileStore');
  const read = readProfileSheet(rows);
  if ('problem' in read) throw new ProfileUnreadableError(read.problem);
  return read.profile;
}
