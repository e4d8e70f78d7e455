/**
 * The convention the workbook carries (core/profileStore.ts: the very hidden sheet
 * SuiviCES-convention), queued in the same round trip as the tables: a sheet fetched by
 * getItemOrNullObject, its first rows' values loaded whether it exists or not (a null object when
 * not). What the cells mean, and whether they can be trusted, is the core's.
 */
import type { Profile } from '../../core/profile';
import { PROFILE_MAX_ROWS, PROFILE_SHEET, ProfileUnreadableError, readProfileSheet } from '../../core/profileStore';
import { toRows } from './values';

export interface QueuedProfile {
  /** The workbook's convention, undefined when it carries none; throws ProfileUnreadableError when it cannot be trusted. */
  finish(): Profile | undefined;
}

export function queueProfileRead(wb: Excel.Workbook): QueuedProfile {
  const range = wb.worksheets.getItemOrNullObject(PROFILE_SHEET).getRange(`A1:B${PROFILE_MAX_ROWS}`).load('values');
  return {
    finish() {
      if (range.isNullObject) return undefined;
      const read = readProfileSheet(toRows(range.values, undefined, undefined));
      if ('problem' in read) throw new ProfileUnreadableError(read.problem);
      return read.profile;
    },
  };
}
