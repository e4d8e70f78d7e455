/**
 * The pane's words for what it does to the workbook (issue 21): the status line after
 * Synchroniser, closing a year behind a confirmation, and the sentences that stand in for an
 * exception's text.
 */
export interface PaneActsMessages {
  syncStatus: {
    /** "Contrôlé à 14:32". */
    checkedAt: (time: string) => string;
    /** The link that activates the sheet: "feuille Contrôles à jour". */
    upToDate: (sheet: string) => string;
  };
  close: {
    /** Under « Clôturée par » when it is empty. */
    nameRequired: string;
    checking: string;
    confirmTitle: (year: number) => string;
    /** What will be frozen: the year, its number of lines. */
    confirmBody: (year: number, lines: number) => string;
    /** "Financements (60), Participations2015 (9)". */
    tables: (list: string) => string;
    recordedAs: (by: string) => string;
    confirm: (year: number) => string;
    cancel: string;
    forcedTitle: (year: number, errors: number) => string;
    forcedBody: (year: number, errors: number) => string;
    forcedConfirm: string;
    closed: (year: number, lines: number, journalSheet: string) => string;
    closedForced: (year: number, lines: number, errors: number, journalSheet: string) => string;
    reopened: (year: number, journalSheet: string) => string;
  };
  errors: {
    /** In place of an unexpected exception's text, inside the sentence of the action that failed. */
    unexpected: string;
    /** Why a file could not be read, by kind (the CLI's reader's InputError kinds). */
    file: Record<'not-xlsx' | 'corrupt' | 'encrypted' | 'too-large' | 'missing' | 'unknown', string>;
  };
}
