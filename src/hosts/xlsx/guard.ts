/**
 * What makes an .xlsx unusable, decided before or while it is read: the size of the file, what kind
 * of container it is (a password-protected workbook is an OLE compound file, not a zip), the number
 * of parts, and for each part the reader inflates its declared and real size and compression ratio
 * (zip.ts checks them chunk by chunk) and any DTD (xml.ts refuses it: an .xlsx never has one, and
 * entity expansion is how XML bombs work). No separate inflating pass: the limits hold while streaming.
 */

import { Buffer } from 'buffer';
import { isOleContainer, otherFormat } from './format';

export const LIMITS = {
  fileBytes: 100 * 1024 * 1024,
  entries: 5_000,
  // 1 000 000 financing lines are about 330 MB of worksheet XML: streamed, never held.
  entryBytes: 512 * 1024 * 1024,
  totalBytes: 1024 * 1024 * 1024,
  /** Spreadsheet XML compresses well (often 10-30×); bombs reach 1000×. */
  ratio: 250,
  /** Below this uncompressed size the ratio is not judged (tiny XML parts compress oddly). */
  ratioFloorBytes: 4 * 1024 * 1024,
  /** Excel's own last row: a row number past it is no worksheet. */
  rowsPerSheet: 1_048_576,
  /** Cells kept from one sheet (the contract tables' ranges, or a ledger's used cells): beyond, the file is refused. */
  keptCells: 16_000_000,
};

/** 'format': another spreadsheet format (detail: its OtherFormat, format.ts); 'profile': the convention the workbook carries cannot be trusted (profileSheet.ts). */
export type InputErrorKind = 'missing' | 'not-xlsx' | 'corrupt' | 'too-large' | 'encrypted' | 'format' | 'profile';

/** An input that cannot be used: the CLI prints its one-line message and exits with status 2. */
export class InputError extends Error {
  constructor(
    readonly kind: InputErrorKind,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} Mo`;

/** The stream every Office-encrypted package carries in its CFB directory (names are UTF-16LE there). */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

export { isOleContainer };

/** Throws InputError when the bytes cannot be an .xlsx at all; the zip reader checks the rest as it reads. */
export function preflight(buf: Buffer): void {
  if (buf.length <= LIMITS.fileBytes && isOleContainer(buf)) {
    if (buf.includes(ENCRYPTION_INFO)) throw new InputError('encrypted', 'classeur chiffré');
  }
  preflightHead(buf, buf.length);
}

/** The same judgement from a file's size and first bytes (FORMAT_HEAD_BYTES of them), for a file that is no OLE container (read those whole with preflight). */
export function preflightHead(head: Buffer, size: number): void {
  if (size > LIMITS.fileBytes) throw new InputError('too-large', `fichier de ${MB(size)}, au-delà de la limite de ${MB(LIMITS.fileBytes)}`);
  const other = otherFormat({ head });
  if (other) throw new InputError('format', other);
  if (size < 22 || head.length < 4 || head.readUInt32LE(0) !== 0x04034b50) throw new InputError('not-xlsx', 'pas une archive zip');
}

