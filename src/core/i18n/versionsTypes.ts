/** The words of versions (issue 15): diff, closed years, "Évolutions depuis le …". */
import type { ChangeKind, TotalField } from '../versions/fields';

export interface VersionsMessages {
  blank: string;
  kind: Record<ChangeKind, string>;
  fields: Record<TotalField, string>;
  diff: {
    args: string;
    table: (table: string, n: number) => string;
    changed: (key: string, column: string, before: string, after: string, delta: string | null) => string;
    added: (key: string) => string;
    removed: (key: string) => string;
    /** Marks a cell named in the *before* workbook. */
    inBefore: string;
    totalsTitle: string;
    total: (funder: string, year: number, field: string, before: string, after: string, delta: string) => string;
    none: string;
    count: (changed: number, added: number, removed: number) => string;
  };
  close: {
    args: string;
    reopenArgs: string;
    /** years: the workbook's convention's (the CES ESS's when the workbook could not say). */
    badYear: (s: string, ...years: number[]) => string;
    closed: (file: string, year: number, lines: number, by: string) => string;
    forced: (errors: number) => string;
    refused: (file: string, year: number, errors: number) => string;
    alreadyClosed: (year: number, on: string, by: string) => string;
    notClosed: (year: number) => string;
    reopened: (file: string, year: number) => string;
    reasonRequired: string;
    noOwnSheet: (sheet: string) => string;
    /** The Journal line: "Clôture de l'année 2014". */
    /** Issue 20: closing a year that has not ended at the situation date (end: ISO 31 December). */
    notEnded: (year: number, end: string, reasonMissing: boolean, article: string | null) => string;
    /** The record's and the Journal's words for a forced early closing, with its reason. */
    early: (year: number, asOf: string, reason: string) => string;
    journalClose: (year: number, forced: boolean) => string;
    journalReopen: (year: number, reason: string) => string;
    /** The add-in's own sheet that holds the record. */
    sheet: string;
    title: string;
    note: string;
    headers: { year: string; operation: string; date: string; by: string; reason: string; table: string; key: string; cell: string; values: string; fingerprint: string };
    operation: { close: string; reopen: string; line: string };
    unknownUser: string;
  };
  evolutions: {
    title: (date: string, file: string) => string;
    totalsTitle: string;
    headers: { funder: string; year: string; field: string; before: string; after: string; delta: string };
    linesTitle: string;
    lineHeaders: { action: string; change: string; cell: string; column: string; before: string; after: string };
    none: string;
    otherTables: string;
    /** The sheet of the summary .xlsx that holds them. */
    sheet: string;
  };
  /** The task pane's Export COPIL comparison with an earlier file. */
  pane: {
    title: string;
    pick: string;
    hint: string;
    comparing: (file: string, date: string) => string;
    clear: string;
    reading: string;
    unreadable: (file: string, detail: string) => string;
    /** Closing a year from the pane. */
    closeTitle: string;
    closeIntro: string;
    year: string;
    by: string;
    force: string;
    close: string;
    reopen: string;
    reason: string;
    /** A year still running, in the pane: closed once it has ended (no command-line flag to offer there). */
    notEnded: (year: number, end: string, article: string | null) => string;
    refused: (year: number, errors: number) => string;
    status: (year: number, date: string, by: string) => string;
    failed: (detail: string) => string;
  };
}
