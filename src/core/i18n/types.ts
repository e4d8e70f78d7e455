import type { MessageParams, RuleId, Severity } from '../findings';

export interface Messages {
  rules: Record<RuleId, (p: MessageParams) => string>;
  severity: Record<Severity, string>;
  severityPlural: Record<Severity, string>;
  cli: {
    usage: string;
    summary: (errors: number, warnings: number, infos: number) => string;
    written: (file: string, example: boolean) => string;
    badArgs: (detail: string) => string;
    badDate: (s: string) => string;
    unknownCommand: (s: string) => string;
    fileMissing: (f: string) => string;
    notXlsx: (f: string) => string;
    corrupt: (f: string, detail: string) => string;
    tooLarge: (f: string, detail: string) => string;
    cannotWrite: (f: string, detail: string) => string;
  };
  ui: UiMessages;
}

/** The task pane's words (src/taskpane/), in Excel and in the browser preview. */
export interface UiMessages {
  appTitle: string;
  contractTitle: string;
  loading: string;
  tabs: { checks: string; reconciliation: string; export: string; settings: string };
  init: { title: string; intro: string; example: string; button: string; busy: string };
  dashboard: {
    asOf: (date: string) => string;
    sync: string;
    syncing: string;
    notSynced: string;
    conformity: string;
    funder: string;
    convention: string;
    participations: string;
    gap: string;
    status: string;
    conform: string;
    notConform: string;
    noAmount: string;
    counts: string;
  };
  findings: {
    title: string;
    none: string;
    article: (article: string) => string;
    at: (sheet: string, cell: string) => string;
    count: (n: number) => string;
  };
  settings: { language: string; languageNames: { fr: string; en: string }; asOf: string; asOfHint: string };
  preview: {
    banner: string;
    open: string;
    example: string;
    source: (name: string) => string;
    exampleName: string;
    gridLabel: (sheet: string, cell: string) => string;
    selected: (sheet: string, cell: string, value: string) => string;
    empty: string;
  };
  errors: {
    title: string;
    dismiss: string;
    sync: (detail: string) => string;
    init: (detail: string) => string;
    open: (file: string, detail: string) => string;
    tooLarge: (file: string, limit: string) => string;
    select: (sheet: string, cell: string) => string;
    badDate: string;
    office: string;
  };
  soon: { title: string; reconciliation: string; export: string };
}
