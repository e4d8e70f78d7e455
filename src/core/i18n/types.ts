import type { TableRead } from '../readReport';
import type { RuleId, Severity } from '../findings';
import type { RuleParams } from '../ruleParams';
import type { LegalStatusId } from '../legalStatus';

/** The ess-budget commands (src/cli/). */
export type CliCommand = 'init' | 'check' | 'report' | 'reconcile' | 'diff' | 'close' | 'reopen' | 'profile';
import type { VersionsMessages } from './versionsTypes';
import type { PaneMessages } from './paneTypes';
import type { ConventionText } from './ruleWordsTypes';
import type { ProfileMessages } from './profileTypes';
import type { PaneActsMessages } from './paneActsTypes';
import type { ProfileStoreMessages } from './profileStoreTypes';

export interface Messages {
  /** One function per rule, taking that rule's own parameters. */
  rules: { [R in RuleId]: (p: RuleParams[R]) => string };
  /** Each rule's short title (the id stays a secondary label); read through core/ruleWords.ts ruleTitle, in the words of the workbook's convention. */
  ruleTitles: Record<RuleId, ConventionText>;
  severity: Record<Severity, string>;
  severityPlural: Record<Severity, string>;
  cli: {
    usage: string;
    summary: (errors: number, warnings: number, infos: number) => string;
    /** What was read of one contract table (issue 19): « Financements : 151 lignes (Financements!A4:H155) ; non lu : … ». */
    read: (r: TableRead) => string;
    /** Before each table's line in `check`'s text output: « Lu : ». */
    readPrefix: string;
    written: (file: string, example: boolean) => string;
    /** With the command, the help named is that command's. */
    badArgs: (detail: string, command?: string) => string;
    badDate: (s: string) => string;
    unknownCommand: (s: string, suggestion?: string) => string;
    /** `ess-budget <command> --help`. */
    help: Record<CliCommand, string>;
    version: (v: string) => string;
    unknownOption: (command: string, option: string, suggestion?: string) => string;
    missingValue: (command: string, option: string) => string;
    takesNoValue: (command: string, option: string) => string;
    badValue: (command: string, option: string, value: string, allowed: string) => string;
    fileMissing: (f: string) => string;
    notXlsx: (f: string) => string;
    corrupt: (f: string, detail: string) => string;
    tooLarge: (f: string, detail: string) => string;
    cannotWrite: (f: string, detail: string) => string;
    /** A workbook saved with a password (an encrypted OLE container): readable only once saved without. */
    encrypted: (f: string) => string;
    /** Issue 19: another spreadsheet format, named, with the way to convert it. */
    otherFormat: (f: string, format: 'xls' | 'xlsb') => string;
    /** Issue 19: a write into the user's workbook that did not happen; `why` is one of writeFailure's. */
    notWritten: (f: string, why: string) => string;
    /** Why nothing was written (src/hosts/xlsx/safeWrite.ts, WriteFailureReason). */
    writeFailure: {
      unreadable: (part: string, detail: string) => string;
      readonly: string;
      temp: (code: string) => string;
      lost: (part: string) => string;
      changed: (part: string) => string;
      xml: (part: string, detail: string) => string;
      table: (table: string) => string;
      own: (table: string) => string;
      reread: (detail: string) => string;
      moved: string;
      replace: (code: string) => string;
    };
    /** close and reopen on an .ods: it is read, but the closing record is written into an .xlsx only. */
    odsReadOnly: (f: string) => string;
  };
  ui: UiMessages;
  office: OfficeMessages;
  summary: SummaryMessages;
  reconcile: ReconcileMessages;
  hostLimits: HostLimitMessages;
  /** The task pane's reading aids (issue 21). */
  pane: PaneMessages;
  /** Issue 23: profiles (validation, `profile validate`, `profile show`). */
  profile: ProfileMessages;
  versions: VersionsMessages;
  /** The convention a workbook carries (issue 23, core/profileStore.ts). */
  profileStore: ProfileStoreMessages;
}

/** What the Office host (src/hosts/office/) writes into the workbook or reports when Excel refuses. */
export interface OfficeMessages {
  journal: { sync: (asOf: string) => string; init: string; restore: string };
  validation: { listTitle: string; list: (items: string) => string; amountTitle: string; amount: string };
  errors: {
    cellEdit: string;
    payload: string;
    notFound: string;
    general: (code: string) => string;
  };
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
    /** The gap of an amount the check could not read. */
    notAvailable: string;
    noAmount: string;
    counts: string;
    restore: string;
    restoreHint: string;
    /** The collapsed detail under the funder × year grid. */
    amounts: string;
    year: string;
    /** A grid cell read aloud or hovered: the funder, year, verdict and the three amounts. */
    cell: (p: { funder: string; year: number; state: string; convention: string; participations: string; gap: string }) => string;
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
  /** The Export COPIL tab. */
  copil: {
    title: string;
    intro: string;
    writeSheet: string;
    writeHint: string;
    writing: string;
    written: (sheet: string) => string;
    filesTitle: string;
    filesHint: string;
    download: { pdf: string; xlsx: string; csv: string };
    preparing: string;
    downloaded: (file: string) => string;
    failed: (detail: string) => string;
    noWorkbook: string;
  };
  /** The Rapprochement tab. */
  ledger: {
    title: string;
    intro: string;
    pick: string;
    useSelection: string;
    selectionHint: string;
    emptySelection: string;
    /** A ledger whose headers were not recognised: the picker below is the way out (not the CLI's --map). */
    noHeader: (file: string, headers: string) => string;
    file: (name: string) => string;
    range: (address: string) => string;
    reading: string;
    mapping: string;
    mappingHint: string;
    changeMapping: string;
    apply: string;
    unmapped: string;
    fields: Record<'reference' | 'action' | 'year' | 'funder' | 'committed' | 'paid' | 'date' | 'beneficiary' | 'label', string>;
    counts: string;
    count: Record<'matched' | 'different' | 'missing-in-ledger' | 'missing-in-workbook' | 'netted-out', string>;
    skipped: (n: number) => string;
    write: string;
    writing: string;
    written: (sheet: string) => string;
    failed: (detail: string) => string;
    unreadable: (file: string, detail: string) => string;
    noWorkbook: string;
  };
  /** Issue 21: the status line after Synchroniser, closing a year, errors in words. */
  acts: PaneActsMessages;
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

/** The COPIL summary's words (src/core/summary*.ts, src/exports/, `ess-budget report`). */
export interface SummaryMessages {
  sheetName: string;
  title: string;
  asOf: (date: string) => string;
  source: string;
  /** Numbers in the PDF; Excel's &P and &N codes in the sheet's footer. */
  page: (n: number | string, total: number | string) => string;
  total: string;
  noAmount: string;
  uncoded: string;
  unknownAction: string;
  counts: (errors: number, warnings: number, infos: number) => string;
  noErrors: string;
  /** Every page and file made from the example: the tag in headers, the banner on page 1. */
  exampleTag: string;
  exampleBanner: string;
  /** The amount's standing in the convention's terms (legalStatus.ts). */
  legalStatus: Record<LegalStatusId, string>;
  /** Why an amount or a gap is not known. */
  unknown: Record<'no-amount' | 'unreadable-amount' | 'unreadable-participation', string>;
  /** A total that cannot add up: "n.d." and the reason. */
  notAvailable: (why: string) => string;
  /** Why an execution amount is n.d. when its column is missing from Financements (issue 19). */
  noColumn: string;
  /** What was read, per table, after the method note: the sentences `check` prints (cli.read). */
  readNote: (...tables: string[]) => string;
  /** The convention's references, on page 1. */
  references: (r: { deliberation: string; approvedOn: string; signedOn: string; avenants: { number: string; date: string | null; kind: string | null }[] }) => string;
  /** The choices made where the convention is silent. */
  method: (c: { signedOn: string; firstYear: number; avenantArticle: string; bilanGraceMonths: number; finalEvaluationGraceMonths: number; amountChangeDeadline: boolean; firstYearFrom: string }) => string;
  /** One sentence: errors, warnings, and no claim of compliance while warnings remain. */
  conclusion: (errors: number, warnings: number, infos: number) => string;
  moreErrors: (n: number) => string;
  sections: {
    convention: string;
    execution: string;
    /** span: the convention's period (« 2014-2016 »). */
    byFunder: (span: string) => string;
    allYears: (span: string) => string;
    year: (y: number) => string;
    actions: (span: string) => string;
    findings: string;
    topErrors: string;
    /** Every rule that fired, with its count and first cells. */
    groups: string;
    references: string;
  };
  columns: {
    section: string;
    funder: string;
    year: string;
    status: string;
    convention: string;
    participations: string;
    gap: string;
    planned: string;
    committed: string;
    paid: string;
    commitmentRate: string;
    paymentRate: string;
    axis: string;
    total: string;
    code: string;
    title: string;
    severity: string;
    rule: string;
    count: string;
    article: string;
    message: string;
    sheet: string;
    cell: string;
    /** The first cells of a group of findings. */
    firstCells: string;
    /** The rule's id, secondary to its title. */
    ruleId: string;
    example: string;
  };
  /** The CSV's "Section" column. */
  csvSections: { convention: string; participations: string; action: string; finding: string; group: string; info: string };
  charts: {
    participations: { title: (span: string) => string; category: string; value: string };
    execution: { title: (span: string) => string; category: string; value: string };
    /** An execution amount not known, on the chart: the bar's place (« n.d. ») and the legend (issue 19). */
    notKnown: { label: string; legend: string };
  };
  cli: {
    written: (file: string, detail: string) => string;
    pages: (n: number) => string;
    badOut: (file: string) => string;
    missingOut: string;
    sameAsInput: (file: string) => string;
    exists: (file: string) => string;
  };
}

/** What an older Excel lacks, or what Excel refuses, said to the user (issue 10: Excel JavaScript API fidelity). */
export interface HostLimitMessages {
  /** Shown once in the pane where ExcelApi 1.8 is missing: tables without drop-down lists. */
  noDropDowns: string;
  /** A chart, a shape or several areas selected instead of one range (InvalidSelection). */
  invalidSelection: string;
  /** More cells than Excel reads in one go (RangeExceedsLimit). */
  rangeTooLarge: string;
}
