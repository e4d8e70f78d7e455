/** The task pane's reading aids (issue 21): what to do per rule, the Synthèse, busy lines, first run. */
import type { RuleId } from '../findings';
import type { ConventionText } from './ruleWordsTypes';

export interface PaneMessages {
  /** One short line per rule: what the user does next (core/ruleWords.ts ruleHint). Partial: a rule added later may come without one. */
  whatToDo: Partial<Record<RuleId, ConventionText>>;
  whatToDoLabel: string;
  /** The rule's id and article, kept for the CLI's and the exports' readers (a tooltip). */
  ruleDetails: (rule: string, article: string | null) => string;
  /** Several findings of one rule at the same place, listed as one. */
  samePlace: (n: number) => string;
  /** The settings tab, shown as a gear. */
  settings: string;
  synthese: {
    title: string;
    intro: string;
    planned: string;
    committed: string;
    paid: string;
    convention: string;
    participations: string;
    total: string;
    /** n.d. said in words, under the table. */
    notAvailable: string;
    /** Header of an amount column, in euros. */
    euros: (label: string) => string;
  };
  /** The exact amount behind a compact one (« 1,0 M€ »). */
  exact: (text: string) => string;
  asOfInvalid: string;
  asOfRange: (min: number, max: number) => string;
  busy: { opening: string; checking: string; example: string };
  /** Export COPIL: the heading over « Écrire la feuille Synthèse COPIL ». */
  sheetTitle: string;
  showSheet: string;
  firstRun: {
    title: string;
    intro: string;
    open: string;
    example: string;
    blank: string;
    blankHint: string;
  };
  /** After a blank workbook was created: what its findings mean. */
  blankTemplate: (errors: number, warnings: number) => string;
  templateName: string;
  ledgerAmounts: { lines: string; committed: string; gap: string };
  /** What was read, under the counts (issue 19): the totals, the tables read otherwise than as their Excel table, each table on demand. */
  read: {
    /** « Lu : 11 tableaux, 285 lignes » and whether anything is to note. */
    summary: (tables: number, lines: number, toNote: number) => string;
    /** The disclosure of every table's line. */
    details: string;
  };
}
