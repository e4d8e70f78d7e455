/** The words of profiles (issue 23): what is wrong in a profile, `profile validate`, `profile show`. */

/** The patterns of profiles/schema.json, each told in words rather than as a regular expression. */
export type ProfilePattern = 'amount' | 'date' | 'dateOrEmpty' | 'due' | 'id';

export interface ProfileMessages {
  /** One problem of a profile: its JSON path, then what is wrong (« /amounts/3/funder : … »). */
  problem: (path: string, text: string) => string;
  /** The text is no JSON: where (1-based line and column) and what was found there. */
  json: (line: number, column: number, what: string) => string;
  jsonEnd: string;
  jsonChar: (c: string) => string;
  /** What the schema refuses, where ajv-i18n's words say too little. */
  schema: {
    pattern: Record<ProfilePattern, string>;
    additional: (key: string) => string;
    allowed: (text: string, values: string) => string;
  };
  /** What the schema cannot express: references between the parts of the profile. */
  check: {
    unknownFunder: (id: string, known: string) => string;
    yearOutside: (year: number, first: number, last: number) => string;
    yearsOrder: string;
    duplicate: (value: string, first: string) => string;
    duplicateAlias: (alias: string, first: string) => string;
    missingAmount: (funder: string, year: number) => string;
    duplicateAmount: (funder: string, year: number, first: string) => string;
    statusNotListed: (status: string) => string;
    unknownAxis: (id: string, known: string) => string;
    unknownRule: (rule: string, known: string) => string;
    unknownBody: (id: string, known: string) => string;
    unknownAvenant: (n: string, known: string) => string;
    unknownPartner: (name: string) => string;
    badDate: (text: string) => string;
    maxBelowMin: (max: number, min: number) => string;
  };
  cli: {
    /** `profile validate`: « Profil valide : <titre> — <id>, 2021-2024, 4 financeurs, 2 axes ». */
    valid: (title: string, id: string, first: number, last: number, funders: number, axes: number) => string;
    /** A missing or unknown subcommand of `profile`. */
    subcommand: (s: string | undefined, suggestion?: string) => string;
    validateArgs: string;
    showArgs: string;
    /** The profile file could not be read (missing, a directory, no right). */
    unreadable: (file: string, code: string) => string;
    /** A profile is a few dozen kilobytes: a file over the limit is no profile. */
    tooLarge: (file: string, limit: string) => string;
  };
  /** `profile show`: the convention in words. */
  show: {
    builtIn: string;
    fromWorkbook: (file: string) => string;
    noneInWorkbook: (file: string) => string;
    title: (title: string, shortTitle: string, id: string) => string;
    approval: (text: string, date: string) => string;
    signature: (date: string) => string;
    period: (first: number, last: number, article: string) => string;
    fundersTitle: string;
    funder: (label: string, article: string, instrument: string) => string;
    amount: (year: number, amount: string, status: string, article: string, source: string) => string;
    notFixed: string;
    total: (year: number, amount: string, open: number) => string;
    axesTitle: string;
    axis: (label: string, id: string, prefix: string | null) => string;
    actions: (max: number, article: string, addedBy: string, planYear: number, planned: number) => string;
    avenants: (article: string, amountChange: boolean, newPartner: boolean, approvalBeforeSignature: boolean) => string;
    avenant: (n: string, date: string, kind: string, object: string) => string;
    kinds: Record<'montant' | 'partenaires', string>;
    partners: (total: number, added: number) => string;
    bodiesTitle: string;
    body: (label: string, min: number, max: number | null, duty: 'obligation' | 'possibility', counted: boolean, article: string, words: string) => string;
    bilans: (perYear: boolean, article: string, words: string) => string;
    evaluationsTitle: string;
    evaluation: (label: string, due: string | null, graceMonths: number, thirdParty: boolean, article: string) => string;
    usagesTitle: string;
    usage: (name: string, value: string, why: string) => string;
    usageNames: Record<'bilanGraceMonths' | 'finalEvaluationGraceMonths' | 'firstYearFrom' | 'amountChangeDeadline', string>;
    usageValues: Record<'signature' | 'year-start' | 'year-end' | 'none', string>;
    months: (n: number) => string;
  };
}
