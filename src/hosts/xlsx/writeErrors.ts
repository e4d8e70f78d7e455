/**
 * What a write that did not happen says (safeWrite.ts, patch.ts), apart from the code that writes: the
 * CLI and the file host test for them on every command, while the writing code (xmldom, crypto, JSZip)
 * is loaded only when something is written (`check` never does; its start-up was paying for it).
 */

/** A sheet of that name exists but holds no table of the add-in: it is the user's, left alone. */
export class NotOwnSheetError extends Error {
  constructor(readonly sheet: string) {
    super(sheet);
  }
}

/** Why nothing was written; the file is as it was. The CLI words each kind (i18n `cli.writeFailure`). */
export type WriteFailureReason =
  /** A part the edit must change could not be read as XML (the package is the user's, left alone). */
  | { kind: 'unreadable'; part: string; detail: string }
  /** The file is marked read-only: not ours to replace. */
  | { kind: 'readonly' }
  /** The temporary file beside the original could not be written (a full disk, a read-only folder). */
  | { kind: 'temp'; code: string }
  /** The verification of the written package failed: what it found. */
  | { kind: 'lost'; part: string }
  | { kind: 'changed'; part: string }
  | { kind: 'xml'; part: string; detail: string }
  | { kind: 'table'; table: string }
  | { kind: 'own'; table: string }
  | { kind: 'reread'; detail: string }
  /** The original changed on disk while the command ran (saved from Excel meanwhile). */
  | { kind: 'moved' }
  /** The rename over the original failed. */
  | { kind: 'replace'; code: string };

export class WriteFailure extends Error {
  constructor(readonly reason: WriteFailureReason) {
    super(reason.kind);
  }
}
