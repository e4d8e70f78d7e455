/** The words of the convention a workbook carries (issue 23: core/profileStore.ts, the pane's Paramètres). */
export interface ProfileStoreMessages {
  /** Why a stored convention (or a profile file) cannot be read: one piece per problem kind. */
  why: {
    /** The sheet's first cell is not the add-in's mark. */
    mark: (cell: string) => string;
    id: (cell: string) => string;
    hash: (cell: string) => string;
    count: (cell: string) => string;
    piece: (piece: number, of: number, cell: string) => string;
    /** The text no longer matches its SHA-256. */
    changed: string;
    json: (line: number, column: number) => string;
    /** Where the engine does not say: the character it did not expect. */
    jsonToken: (token: string) => string;
    jsonEnd: string;
    /** `detail`: the document check's line (« $.id : … »). */
    document: (detail: string) => string;
    idMismatch: (cell: string, inCell: string, inText: string) => string;
  };
  /** The one line of a command (or the pane) on a workbook whose convention cannot be trusted. */
  unreadable: (file: string, sheet: string, why: string) => string;
  /** The same in the pane, about the workbook open. */
  unreadableHere: (sheet: string, why: string) => string;
  /** `init --profile FILE` on a file that is no profile. */
  badFile: (file: string, why: string) => string;
  /** `init --example --profile`. */
  exampleWithProfile: string;
  /** `diff` of two workbooks that follow different conventions. */
  diffDiffers: (before: string, beforeId: string, after: string, afterId: string) => string;
  /** `init --profile`: what was written. */
  written: (file: string, title: string) => string;
  /** The pane's Paramètres: the convention the workbook follows. */
  settings: {
    heading: string;
    title: string;
    period: string;
    funders: string;
    asOf: string;
    /** Where the convention comes from. */
    stored: (sheet: string, id: string) => string;
    builtIn: string;
  };
}
