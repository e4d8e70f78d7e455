/**
 * The convention a workbook file carries (core/profileStore.ts): the cells of its very hidden sheet
 * SuiviCES-convention, in an .xlsx or an .ods, read only when the workbook has that sheet (the other
 * workbooks pay nothing). What the cells mean is the core's; a convention that cannot be trusted is
 * refused here, as any unusable input: one line, exit status 2, never the CES ESS in its place.
 */
import { messages } from '../../core/i18n';
import type { Profile } from '../../core/profile';
import { PROFILE_MAX_ROWS, PROFILE_SHEET, problemText, readProfileSheet, type ProfileProblem } from '../../core/profileStore';
import type { CellValue } from '../../core/snapshot';
import { InputError } from './guard';
import type { WorkbookInfo } from './package';
import { region } from './region';
import { streamSheet } from './reader';
import { SheetReader } from './sheet';
import { readSharedStrings } from './strings';
import type { ZipPackage } from './zip';

/** A workbook whose convention cannot be trusted: `problem` for whoever words it (CLI, pane) in its language. */
export class ProfileSheetError extends InputError {
  constructor(readonly problem: ProfileProblem) {
    super('profile', problemText(messages.fr.profileStore.why, problem));
  }
}

/** The sheet's rows → the profile, or the refusal. */
export function profileOfRows(rows: CellValue[][]): Profile {
  const read = readProfileSheet(rows);
  if ('problem' in read) throw new ProfileSheetError(read.problem);
  return read.profile;
}

/** Columns A and B of the sheet's first rows, in an .xlsx: one worksheet part and the shared strings it uses. */
async function xlsxProfileRows(zip: ZipPackage, info: WorkbookInfo): Promise<CellValue[][] | null> {
  const sheet = info.sheets.find((s) => s.name === PROFILE_SHEET);
  if (!sheet?.part) return null;
  const g = region(1, PROFILE_MAX_ROWS, 1, 2);
  const reader = new SheetReader({ regions: [g], dateStyles: null, date1904: info.date1904, sst: null });
  await streamSheet(zip, sheet.part, reader);
  reader.resolve(info.sharedStrings && reader.needed.length ? await readSharedStrings(zip, info.sharedStrings, reader.needed) : []);
  return g.cells.grid(0, g.cells.rowCount, 2).toRows();
}

/** The convention an .xlsx carries, when it carries one (read before its tables: snapshotOfZip's `conventionOf`). */
export async function xlsxConvention(zip: ZipPackage, info: WorkbookInfo): Promise<Profile | undefined> {
  const rows = await xlsxProfileRows(zip, info);
  return rows ? profileOfRows(rows) : undefined;
}
