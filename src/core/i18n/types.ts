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
  reconcile: ReconcileMessages;
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

/** The reconciliation of a ledger with the workbook: CLI output, the Rapprochement sheet, one-line errors. */
export interface ReconcileMessages {
  /** How a CSV ledger line is named: "ligne 12". */
  line: (n: number) => string;
  lines: (list: string) => string;
  status: Record<'matched' | 'different' | 'missing-in-ledger' | 'missing-in-workbook' | 'netted-out', string>;
  matchedOn: { reference: string; key: string };
  counts: (c: { matched: number; different: number; missingInLedger: number; missingInWorkbook: number; nettedOut: number }) => string;
  scope: (funders: string) => string;
  skipped: (n: number) => string;
  totalsTitle: string;
  totalsHeaders: { funder: string; year: string; wbCommitted: string; ledCommitted: string; gapCommitted: string; wbPaid: string; ledPaid: string; gapPaid: string };
  sheet: string;
  title: (workbook: string, ledger: string) => string;
  headers: {
    status: string;
    matchedOn: string;
    reference: string;
    action: string;
    year: string;
    funder: string;
    wbCommitted: string;
    ledCommitted: string;
    gapCommitted: string;
    wbPaid: string;
    ledPaid: string;
    gapPaid: string;
    workbookCell: string;
    ledgerLines: string;
    label: string;
  };
  written: (file: string) => string;
  empty: (file: string) => string;
  noHeader: (file: string, headers: string) => string;
  noLines: (file: string, headers: string) => string;
  unknownMapField: (field: string) => string;
  mapHeaderNotFound: (file: string, field: string, header: string, headers: string) => string;
  badMap: (arg: string) => string;
  tooLarge: (file: string, size: string, limit: string) => string;
  unsupported: (file: string) => string;
  noFinancing: (file: string) => string;
  args: string;
}
