/**
 * The spreadsheet formats the reader does not read, told apart so that the one-line refusal names
 * the format and says how to convert it. One function, one branch per format (an .ods is read:
 * book.ts tells it by its package, ods.ts reads it).
 */

import { Buffer } from 'buffer';

export type OtherFormat = 'xls' | 'xlsb';

/** The signature of an OLE compound file (CFB): legacy .xls, or an encrypted .xlsx wrapped by Office (guard.ts tells them apart, on the whole file). */
const CFB = Buffer.from('d0cf11e0a1b11ae1', 'hex');

/** Whether `head` holds `bytes` at `at` (a byte loop: the browser's Buffer stand-in types its slices as plain Uint8Array). */
function holds(head: Uint8Array, at: number, bytes: Uint8Array): boolean {
  if (head.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (head[at + i] !== bytes[i]) return false;
  return true;
}

/** An OLE compound file: an encrypted workbook, or an old .xls. */
export const isOleContainer = (head: Buffer) => holds(head, 0, CFB);
/** Enough of a file's start for the preflight: a zip's local header, and an OpenDocument package's `mimetype` entry after it. */
export const FORMAT_HEAD_BYTES = 30 + 'mimetype'.length + 'application/vnd.oasis.opendocument.spreadsheet'.length;

/**
 * Which other spreadsheet format a file is: from its first bytes (`head`, FORMAT_HEAD_BYTES of
 * them), or for a zip from the workbook part its package names (`workbookPart`: a binary
 * xl/workbook.bin is an .xlsb). Null for an .xlsx, or for anything else (said otherwise).
 */
export function otherFormat(file: { head?: Buffer; workbookPart?: string }): OtherFormat | null {
  const { head, workbookPart } = file;
  if (head && isOleContainer(head)) return 'xls';
  if (workbookPart && /\.bin$/i.test(workbookPart)) return 'xlsb';
  return null;
}
