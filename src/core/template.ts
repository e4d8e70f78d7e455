/**
 * The workbook `init` creates, as a plan any host can render (ExcelJS for files, the Excel JavaScript API in Excel):
 * sheets, tables, formats, dropdowns, formulas. Pure data; nothing here writes.
 */
import {
  actionsTable,
  avenantsTable,
  axisLabel,
  bilansTable,
  conventionTable,
  financingTable,
  instanceLabel,
  instancesTable,
  jalonsTable,
  participationTablesOf,
  partnersTable,
  statusLabel,
  type Lang,
  type TableDef,
} from './contract';
import { buildExample, type ExampleData } from './example';
import { evaluationDue, profile as builtIn, type Profile } from './profile';
import { ruleArticle } from './ruleArticles';
import { avenantKindLabel } from './contract';
import { cellAddress, columnLetter, qualifiedAddress } from './snapshot';

export type PlanValue = string | number | Date | null | { formula: string };

export interface PlanColumn {
  header: string;
  kind: 'text' | 'amount' | 'year' | 'date' | 'formula-amount';
  width: number;
  totals?: 'sum' | 'label';
}

export interface PlanValidation {
  /** Column index in the table. */
  column: number;
  list?: string[];
  whole?: { min: number; max: number };
  decimalMin?: number;
}

export interface PlanTable {
  name: string;
  /** 1-based top-left cell of the header row. */
  row: number;
  column: number;
  columns: PlanColumn[];
  rows: PlanValue[][];
  totalsRow: boolean;
  validations: PlanValidation[];
  /** A conditional format that paints a column red where its value is not zero. */
  flagNonZero?: number;
}

export interface PlanSheet {
  name: string;
  title: string;
  note?: string;
  /** The note is the fictitious example's banner. */
  example?: boolean;
  tables: PlanTable[];
}

export interface WorkbookPlan {
  sheets: PlanSheet[];
  /** The language of its words (sheet names, headers, lists). */
  lang?: Lang;
}

export { DATE_FORMAT, EURO_FORMAT } from './sheets/types';
/** Rows of room below each table that the dropdowns cover, so new lines get them too. */
export const VALIDATION_ROOM = 1000;
export const TABLE_ROW = 4;

/** ["3", "4", "5"] → "3, 4 et 5". */
const spoken = (n: string[], and: string) => (n.length > 1 ? `${n.slice(0, -1).join(', ')} ${and} ${n[n.length - 1]}` : n.join(''));

const words = {
  fr: {
    example: 'EXEMPLE FICTIF : répartition, financements, instances et bilans illustratifs, à remplacer par les données réelles.',
    conventionNote: (n: string[]) =>
      `Montants ${n.length > 1 ? 'des articles' : 'de l’article'} ${spoken(n, 'et')}. Les colonnes Participations et Écart se recalculent seules à partir des feuilles Participations.`,
    participationsNote: 'Une ligne par axe, une colonne par financeur (ajoutez à droite les cofinanceurs).',
    participationsCol: 'Participations (€)',
    gapCol: 'Écart (€)',
    total: 'Total',
    titles: {
      convention: 'Convention : montants par financeur et par année',
      participations: 'Participations par axe',
      actions: 'Plan d’actions',
      financements: 'Financement des actions : prévu, engagé, versé',
      avenants: 'Avenants à la convention',
      partenaires: 'Collectivités partenaires',
      instances: (a: string) => `Instances de gouvernance (${a.replace(/^Art\./, 'art.')})`,
      suivi: (a: string) => `Bilans annuels et évaluations (${a.replace(/^Art\./, 'art.')})`,
    },
  },
  en: {
    example: 'FICTITIOUS EXAMPLE: illustrative allocation, financing, meetings and reports, to be replaced by real data.',
    conventionNote: (n: string[]) => `Amounts of Article${n.length > 1 ? 's' : ''} ${spoken(n, 'and')}. The Participations and Gap columns recalculate from the Participations sheets.`,
    participationsNote: 'One row per axis, one column per funder (add co-funders on the right).',
    participationsCol: 'Participations (€)',
    gapCol: 'Gap (€)',
    total: 'Total',
    titles: {
      convention: 'Convention: amounts per funder and year',
      participations: 'Participations by axis',
      actions: 'Action plan',
      financements: 'Financing of the actions: planned, committed, paid',
      avenants: 'Amendments to the convention',
      partenaires: 'Partner authorities',
      instances: (a: string) => `Governance meetings (${a})`,
      suivi: (a: string) => `Annual reports and evaluations (${a})`,
    },
  },
};

function columnsOf(def: TableDef, lang: Lang, widths: Record<string, number> = {}): PlanColumn[] {
  return def.columns.map((c) => ({
    header: c.header[lang],
    kind: c.kind === 'amount' ? 'amount' : c.kind === 'year' ? 'year' : c.kind === 'date' ? 'date' : 'text',
    width: widths[c.key] ?? (c.kind === 'amount' ? 16 : c.kind === 'date' || c.kind === 'year' ? 12 : 18),
  }));
}

const funderList = (p: Profile) => p.funders.map((f) => f.label.fr);
const yearList = (p: Profile) => p.years.map(String);
const axisList = (p: Profile, lang: Lang) => p.axes.map((a) => axisLabel(a.id, lang, p));
const statusList = (p: Profile, lang: Lang) => p.statuses.map((s) => statusLabel(s.id, lang, p));
const instanceList = (p: Profile, lang: Lang) => p.governance.map((g) => instanceLabel(g.id, lang, p));

function colIndex(def: TableDef, key: string): number {
  return def.columns.findIndex((c) => c.key === key);
}

/** A sheet holding one contract table, its header at TABLE_ROW in column A. */
function tableSheet(def: TableDef, lang: Lang, title: string, note: string | undefined, t: Pick<PlanTable, 'columns' | 'rows' | 'validations'> & { totalsRow?: boolean }): PlanSheet {
  return { name: def.sheet[lang], title, note, tables: [{ name: def.name, row: TABLE_ROW, column: 1, totalsRow: false, ...t }] };
}

export function participationLayout(year: number, p: Profile = builtIn) {
  const dataFirstRow = TABLE_ROW + 1;
  const dataLastRow = TABLE_ROW + p.axes.length;
  return { sheet: `Participations ${year}`, dataFirstRow, dataLastRow, funderColumn: (i: number) => 2 + i };
}

/**
 * The workbook `init` writes, for the convention `profile` (the built-in CES ESS by default): one
 * participation sheet per year, a column per funder, its lists. The example is the CES's only.
 */
export function buildWorkbookPlan(options: { example: boolean; lang: Lang; profile?: Profile }): WorkbookPlan {
  const { lang } = options;
  const profile = options.profile ?? builtIn;
  const w = words[lang];
  const ex: ExampleData | null = options.example && profile === builtIn ? buildExample() : null;
  const note = (n?: string) => (ex ? w.example : n);

  // Convention: the seeded amounts, plus two formula columns that check the sheet by themselves.
  const convRows: PlanValue[][] = [];
  const conventionHeaderRow = TABLE_ROW;
  const convSeed = ex ? ex.convention : profile.signedAmounts.map((s) => ({ ...s, decision: '', avenant: '' }));
  convSeed.forEach((s, i) => {
    const r = conventionHeaderRow + 1 + i;
    const layout = participationLayout(s.year, profile);
    const fIdx = profile.funders.findIndex((f) => f.id === s.funder);
    const colL = columnLetter(layout.funderColumn(fIdx));
    const sumRange = qualifiedAddress(layout.sheet, `$${colL}$${layout.dataFirstRow}:$${colL}$${layout.dataLastRow}`);
    convRows.push([
      profile.funders[fIdx].label.fr,
      s.year,
      s.amount === null ? null : s.amount / 100,
      statusLabel(s.status, lang, profile),
      // The article only: the seed's line numbers are the developers' reference, not the reader's.
      profile.funders[fIdx].article,
      s.avenant,
      s.decision,
      { formula: `SUM(${sumRange})` },
      { formula: `IF(C${r}="","",H${r}-C${r})` },
    ]);
  });
  const convention: PlanSheet = {
    name: conventionTable.sheet[lang],
    title: `${w.titles.convention} (${profile.shortTitle})`,
    note: note(w.conventionNote([...new Set(profile.funders.map((f) => f.article.replace(/^Art\.\s*/, '')))])),
    tables: [
      {
        name: conventionTable.name,
        row: TABLE_ROW,
        column: 1,
        columns: [
          ...columnsOf(conventionTable, lang, { basis: 22, decision: 40 }),
          { header: w.participationsCol, kind: 'formula-amount', width: 18 },
          { header: w.gapCol, kind: 'formula-amount', width: 14 },
        ],
        rows: convRows,
        totalsRow: false,
        validations: [
          { column: colIndex(conventionTable, 'funder'), list: funderList(profile) },
          { column: colIndex(conventionTable, 'year'), list: yearList(profile) },
          { column: colIndex(conventionTable, 'status'), list: statusList(profile, lang) },
          { column: colIndex(conventionTable, 'amount'), decimalMin: 0 },
        ],
        flagNonZero: conventionTable.columns.length + 1,
      },
    ],
  };

  const participations: PlanSheet[] = participationTablesOf(profile).map((def, yi) => {
    const year = profile.years[yi];
    const rows: PlanValue[][] = profile.axes.map((a, ai) => {
      const r = TABLE_ROW + 1 + ai;
      const amounts = profile.funders.map((f) => (ex ? ex.participations[year][a.id][f.id] / 100 : null));
      return [axisLabel(a.id, lang, profile), ...amounts, { formula: `SUM(B${r}:${columnLetter(1 + profile.funders.length)}${r})` }];
    });
    return {
      name: def.sheet[lang],
      title: `${w.titles.participations} ${year}`,
      note: note(w.participationsNote),
      tables: [
        {
          name: def.name,
          row: TABLE_ROW,
          column: 1,
          columns: [
            { header: def.columns[0].header[lang], kind: 'text', width: 48, totals: 'label' },
            ...profile.funders.map((f) => ({ header: f.label.fr, kind: 'amount' as const, width: 16, totals: 'sum' as const })),
            { header: w.total, kind: 'formula-amount', width: 16, totals: 'sum' },
          ],
          rows,
          totalsRow: true,
          validations: [{ column: 0, list: axisList(profile, lang) }, ...profile.funders.map((_, i) => ({ column: 1 + i, decimalMin: 0 }))],
        },
      ],
    };
  });

  const actionRows: PlanValue[][] = (ex ? ex.actions : profile.actionPlan2014.map((a) => ({ ...a, holder: '', entryYear: profile.actionPlanYear, copilDecision: '' }))).map((a) => [
    a.code,
    axisLabel(a.axis, lang, profile),
    a.title,
    a.holder,
    a.entryYear,
    a.copilDecision,
  ]);
  const actions = tableSheet(actionsTable, lang, w.titles.actions, note(), {
    columns: columnsOf(actionsTable, lang, { code: 11, axis: 40, title: 70, holder: 24, copilDecision: 28 }),
    rows: actionRows,
    validations: [
      { column: colIndex(actionsTable, 'axis'), list: axisList(profile, lang) },
      { column: colIndex(actionsTable, 'entryYear'), list: yearList(profile) },
    ],
  });

  const financingCols = columnsOf(financingTable, lang, { code: 12, reference: 18, comment: 30 });
  financingCols[0].totals = 'label';
  for (const k of ['planned', 'committed', 'paid']) financingCols[colIndex(financingTable, k)].totals = 'sum';
  const financements = tableSheet(financingTable, lang, w.titles.financements, note(), {
    columns: financingCols,
    rows: ex ? ex.financing.map((f) => [f.code, f.year, profile.funders.find((x) => x.id === f.funder)!.label.fr, f.planned / 100, f.committed / 100, f.paid / 100, f.reference, f.comment]) : [],
    totalsRow: true,
    validations: [
      { column: colIndex(financingTable, 'year'), list: yearList(profile) },
      { column: colIndex(financingTable, 'funder'), list: funderList(profile) },
      ...['planned', 'committed', 'paid'].map((k) => ({ column: colIndex(financingTable, k), decimalMin: 0 })),
    ],
  });

  // The example invents Avenant n°1's date and deliberation: its sheet says EXEMPLE FICTIF like the others.
  const avenants = tableSheet(avenantsTable, lang, w.titles.avenants, note(), {
    columns: columnsOf(avenantsTable, lang, { number: 8, object: 60, deliberation: 30, kind: 24, partners: 60 }),
    rows: profile.avenants.map((a) => {
      // The scan leaves Avenant n°1's date and deliberation blank: only the example fills them (and says so).
      const date = ex ? ex.avenant1.date : a.date;
      return [a.number, date ? new Date(`${date}T00:00:00Z`) : null, a.object, ex ? ex.avenant1.deliberation : a.deliberation, avenantKindLabel(a.kind, lang), null, null, null, a.partners.join('; ')];
    }),
    validations: [],
  });

  const partenaires = tableSheet(partnersTable, lang, w.titles.partenaires, undefined, {
    columns: columnsOf(partnersTable, lang, { name: 56, kind: 22, deliberation: 24, avenant: 10 }),
    rows: profile.partners.map((p) => [p.name, p.kind, p.deliberation, p.date ? new Date(`${p.date}T00:00:00Z`) : null, p.avenant]),
    validations: [],
  });

  const instances = tableSheet(instancesTable, lang, w.titles.instances(ruleArticle('governance.unknown-body', profile) ?? ''), note(), {
    columns: columnsOf(instancesTable, lang, { instance: 36, object: 60 }),
    rows: ex ? ex.instances.map((i) => [instanceLabel(i.instance, lang, profile), new Date(`${i.date}T00:00:00Z`), i.object]) : [],
    validations: [{ column: 0, list: instanceList(profile, lang) }],
  });

  const bilansCols = columnsOf(bilansTable, lang, { comment: 36 });
  const suivi: PlanSheet = {
    name: bilansTable.sheet[lang],
    title: w.titles.suivi(profile.articles.bilans),
    note: note(),
    tables: [
      {
        name: bilansTable.name,
        row: TABLE_ROW,
        column: 1,
        columns: bilansCols,
        rows: ex ? ex.bilans.map((b) => [b.code, b.year, new Date(`${b.receivedOn}T00:00:00Z`), b.comment, b.period]) : [],
        totalsRow: false,
        validations: [{ column: colIndex(bilansTable, 'year'), list: yearList(profile) }],
      },
      {
        name: jalonsTable.name,
        row: TABLE_ROW,
        // Beside the bilans, one empty column between, so each table can grow downwards on its own.
        column: bilansCols.length + 2,
        columns: columnsOf(jalonsTable, lang, { milestone: 30, evaluator: 36 }),
        rows: profile.evaluations.map((e) => {
          const done = ex?.evaluationsDone[e.id];
          // The convention's deadline: end 2015, and "à l'issue du contrat" plus the profile's grace for the final one.
          return [e.label[lang], evaluationDue(profile, e.id), done ? new Date(`${done}T00:00:00Z`) : null, ex ? ex.evaluator : null];
        }),
        totalsRow: false,
        validations: [],
      },
    ],
  };

  const sheets = [convention, ...participations, actions, financements, avenants, partenaires, instances, suivi];
  return { sheets: ex ? sheets.map((sh) => (sh.note ? { ...sh, example: true } : sh)) : sheets, lang };
}

/** Where a plan table's data cell lands on its sheet (for tests and hosts). */
export function planCellAddress(t: PlanTable, dataRow: number, column: number): string {
  return cellAddress(t.row + 1 + dataRow, t.column + column);
}
