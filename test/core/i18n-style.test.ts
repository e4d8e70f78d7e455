/** item 14: one style guide (src/core/i18n/style.ts) holds for every message, in both languages. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { messages } from '../../src/core/i18n';
import { styleViolations } from '../../src/core/i18n/style';
import { RULE_IDS, type RuleId } from '../../src/core/findings';
import type { RuleParams } from '../../src/core/ruleParams';
import { actionsBody, axisChoices, bodyNames, finalBilan, funderNames } from '../../src/core/conventionNames';
import { profile as ces, profileFromDocument, type ProfileDocument } from '../../src/core/profile';
import { ruleWordsOf } from '../../src/core/ruleWords';
import fixture from '../fixtures/profiles/transition-2021-2024.json';

/** The variants each rule's message tells apart in a catalogue (`case 'x'`, `variant === 'x'`). */
function cataloguedVariants(lang: 'fr' | 'en'): Map<string, Set<string>> {
  const source = readFileSync(join(__dirname, `../../src/core/i18n/${lang}.ts`), 'utf8');
  const starts = [...source.matchAll(/^ {4}'([a-z-]+\.[a-z-]+)': \(p\) =>/gm)];
  return new Map(
    starts.map((m, i) => {
      const body = source.slice(m.index, starts[i + 1]?.index ?? source.indexOf('ruleTitles'));
      return [m[1], new Set([...body.matchAll(/(?:variant === |case )'([\w-]+)'/g)].map((v) => v[1]))];
    }),
  );
}

const column = 'Montant (€)';
const amounts = { expected: 100_00, actual: 200_00, gap: 100_00 };
const funderYear = { funder: 'Région', year: 2015 };
const line = { code: 'I_1.1 · 2015 · Région', funder: 'Région', year: 2015 };
const closed = { year: 2015, due: '2016-12-31', label: 'I_1.1 · 2015 · Région' };
const text = 'Ville de Lyon';
const axe1 = { fr: 'Axe 1 – Promotion', en: 'Axis 1 – Promotion' };
const regionBudget = { fr: 'inscription des crédits au budget de la Région', en: 'the Région’s budget vote' };
const financeLaw = { fr: 'loi de finances de l’année', en: 'that year’s Loi de finances' };
const cdc = { year: 2015, label: { fr: 'CDC', en: 'CDC' }, instrument: { fr: 'décision du comité régional d’engagement', en: 'decision of the comité régional d’engagement' }, article: 'Art. 5' };
const bank = { year: 2022, label: { fr: 'Banque publique d’investissement', en: 'Public investment bank' }, instrument: { fr: 'vote du conseil', en: 'board vote' }, article: 'Art. 6' };
const originals = { originals: 16, article: 'Art. 7' };
// Issue 23: the convention's lists and words, the CES ESS's and the second convention's of the tests.
const other = profileFromDocument(fixture as ProfileDocument);
const financeurs = { year: 2022, body: 'comite-financeurs', label: { fr: 'Comité des financeurs', en: 'Funders’ committee' }, min: 2, max: null, words: 'se réunit au moins deux fois par an', article: 'Art. 8' };

/** Every rule in every variant, with and without what it may lack: typed, so a sample is what a rule really emits. */
const samples: { [R in RuleId]: RuleParams[R][] } = {
  'workbook.table-missing': [
    { table: 'Convention', sheet: 'Convention', variant: 'absent' },
    { table: 'Convention', sheet: 'Convention', variant: 'range' },
  ],
  'workbook.column-missing': [{ table: 'Convention', column }],
  'workbook.table-renamed': [{ table: 'Financements', sheet: 'Financements', text: 'Tableau1' }],
  'workbook.header-hidden': [{ table: 'Financements', sheet: 'Financements' }],
  'workbook.column-duplicate': [{ table: 'Financements', column: 'Prévu (€)', headers: ['Prévu (€)', 'Budget'], cells: ['D4', 'I4'] }],
  'workbook.column-thousands': [{ table: 'Financements', column: 'Engagé (€)', text: 'Engagé (k€)' }],
  'workbook.column-optional-missing': [{ table: 'Financements', column: 'Engagé (€)' }],
  'workbook.column-ignored': [{ table: 'Participations2014', text: 'Part Région (%)' }],
  'workbook.total-row': [{ table: 'Financements', text: 'TOTAL', row: 12 }],
  'workbook.rows-below': [
    { table: 'Financements', first: 7, last: 7, count: 1 },
    { table: 'Financements', first: 7, last: 8, count: 2 },
  ],
  'workbook.rows-below-unread': [
    { table: 'Financements', first: 7, last: 7, count: 1 },
    { table: 'Financements', first: 7, last: 8, count: 2 },
  ],
  'workbook.values-outside': [
    { tables: ['Financements'], ranges: ['J10'], count: 1, more: 0 },
    { tables: ['Financements'], ranges: ['I4:I19', 'J10'], count: 17, more: 0 },
    { tables: ['Bilans', 'Jalons'], ranges: ['F7', 'K3:L9'], count: 2000, more: 1985 },
    { tables: ['Financements'], ranges: ['I4'], count: 2, more: 1 },
  ],
  'workbook.notes-outside': [
    { tables: ['Financements'], ranges: ['J5'], count: 1, more: 0 },
    { tables: ['Bilans', 'Jalons'], ranges: ['F7', 'K3'], count: 2, more: 0 },
  ],
  'cell.required': [
    { column, variant: 'blank' },
    { variant: 'blank' },
    { column, variant: 'merged' },
    ...(['error-value', 'uncalculated', 'not-a-date', 'status', 'avenant-kind'] as const).map((variant) => ({ column, text: '#N/A', variant })),
  ],
  'cell.not-a-number': [
    ...(['other', 'text', 'error-value', 'uncalculated', 'date', 'boolean'] as const).map((variant) => ({ column, text: '12 €', variant })),
    { column, text: '12,50 €', variant: 'text-amount', suggestion: '12.5' },
  ],
  'cell.negative': [{ column, actual: -100_00 }],
  'cell.sub-cent': [{ column, text: '200000.005' }],
  'cell.unknown-funder': [
    { column, text: 'Regio', suggestion: 'Région', funders: funderNames(ces) },
    { text: 'Regio', funders: funderNames(ces) },
    { text: 'Regio', funders: funderNames(other) },
  ],
  'cell.bad-year': [{ column, text: '15/16' }, { column, text: '15/16', years: [2021, 2022, 2023, 2024] }],
  'period.outside': [
    { column, year: 15, suggestion: '2015', years: [2014, 2015, 2016] },
    { column, year: 2017, years: [2014, 2015, 2016] },
    { column, year: 2025, years: [2021, 2022, 2023, 2024] },
  ],
  'axis.unknown': [
    { column, text: 'Axe 4', ...axisChoices(ces) },
    { column, text: 'Axe C', ...axisChoices(other) },
    { column, text: 'Axe C', axes: ['Transversal'], numbered: 0 },
    { column, text: 'Axe C', axes: ['Axe A', 'Axe B'], numbered: 2 },
  ],
  'convention.total-mismatch': [{ ...funderYear, ...amounts, other: 'Convention!C7', article: 'Art. 3' }],
  'convention.duplicate-row': [{ ...funderYear, other: 'C5', article: 'Art. 3' }],
  'convention.changed-without-avenant': (['fixe', 'previsionnel', 'sous-reserve'] as const).flatMap((label) => {
    const base = { ...funderYear, ...amounts, label, article: 'Art. 7' };
    return [
      { ...base, variant: 'none' as const },
      { ...base, variant: 'wrong-kind' as const, text: '2' },
      { ...base, variant: 'no-object' as const, text: '2' },
      { ...base, variant: 'not-covering' as const, text: '2', other: 'État 2016' },
      { ...base, variant: 'not-covering' as const, text: '2', other: '' },
      { ...base, variant: 'other-amount' as const, text: '2', avenantAmount: 150_00 },
      { ...base, variant: 'future' as const, text: '2' },
      { ...base, variant: 'undated' as const, text: '2' },
      { ...base, variant: 'unapproved' as const, text: '2' },
    ];
  }),
  'convention.unknown-avenant': [{ text: '9' }],
  'avenant.incomplete': (['neither', 'no-date', 'no-deliberation'] as const).flatMap((variant) => [
    { text: '2', variant, article: 'Art. 7' },
    { text: '2', variant, other: 'État 2015, Ville de Bron', article: 'Art. 7' },
  ]),
  'avenant.irregular': [
    { text: '2', variant: 'before-convention', due: '2014-10-01', other: '2014-11-15', article: 'Art. 7' },
    { text: '2', variant: 'approved-after', due: '2015-06-01', other: '2015-06-12', article: 'Art. 10' },
  ],
  'avenant.pending': [
    { text: '2', article: 'Art. 7' },
    { text: '2', other: 'Ville de Bron', article: 'Art. 7' },
  ],
  'avenant.after-year': [{ ...funderYear, text: '2', due: '2016-02-01', avenantArticle: 'Art. 7' }],
  'convention.unconfirmed': [
    { ...funderYear, variant: 'previsionnel', label: 'region', instrument: regionBudget, article: 'Art. 3' },
    { ...funderYear, funder: 'État', variant: 'sous-reserve', label: 'etat', instrument: financeLaw, article: 'Art. 4' },
    { ...funderYear, funder: 'État', variant: 'sous-reserve', label: 'etat', instrument: financeLaw, article: 'Art. 4', typed: 'confirme', decision: 'none' },
    { ...funderYear, funder: 'État', variant: 'sous-reserve', label: 'etat', instrument: financeLaw, article: 'Art. 4', decision: 'undated', text: 'Loi de finances pour 2016' },
    { ...funderYear, variant: 'sous-reserve', label: 'region', instrument: regionBudget, article: 'Art. 3', decision: 'future' },
  ],
  'convention.cdc-undecided': [
    ...(['no-row', 'no-amount', 'no-decision', 'future-decision'] as const).map((variant) => ({ ...cdc, variant })),
    { ...cdc, variant: 'undated-decision', text: 'Comité régional d’engagement' },
    // Issue 23: another convention's funder and its instrument, from its profile.
    ...(['no-row', 'no-amount', 'no-decision', 'future-decision'] as const).map((variant) => ({ ...bank, variant })),
    { ...bank, variant: 'undated-decision', text: 'Comité d’engagement' },
  ],
  'partner.without-avenant': [
    { text, variant: 'none', ...originals },
    { text, suggestion: 'Ville de Lyon', variant: 'none', ...originals },
    { text, other: '2', variant: 'wrong-kind', ...originals },
    { text, other: '2', suggestion: 'Lyon', variant: 'not-listed', ...originals },
  ],
  'action.duplicate': [{ code: 'I_1.1', other: 'A5' }],
  'action.unknown': [{ code: 'I_1.1' }],
  'action.axis-mismatch': [{ code: 'I_1.1', axis: 'axe1', codeAxis: 'axe2', axisName: axe1, codeAxisName: { fr: 'Axe 2 – Innovation sociale', en: 'Axis 2 – Social innovation' } }],
  'action.added-without-copil': [ces, other].flatMap((p) => [
    { code: 'I_1.1', year: 2015, ...actionsBody(p) },
    { code: 'I_1.1', year: 2015, variant: 'future' as const, ...actionsBody(p) },
  ]),
  'actions.too-many': [
    { count: 26, max: 25, words: ces.maxActionsWords, body: actionsBody(ces).body },
    { count: 13, max: 12, words: other.maxActionsWords, body: actionsBody(other).body },
    { count: 13, max: 12, words: '', body: 'Assemblée des territoires' },
  ],
  'allocation.over': [{ ...funderYear, ...amounts, axis: 'axe1', axisName: axe1 }],
  'allocation.under': [{ ...funderYear, ...amounts, gap: -100_00, axis: 'axe1', axisName: axe1 }],
  'execution.commitment-over-plan': [{ code: 'I_1.1', ...amounts }, { ...amounts }],
  'execution.payment-over-commitment': [{ code: 'I_1.1', ...amounts }, { ...amounts }],
  'governance.copil': [{ year: 2015, count: 3, body: 'copil' }],
  'governance.meetings': [
    { ...financeurs, count: 1 },
    { ...financeurs, count: 0, min: 1, max: 1 },
    { ...financeurs, count: 3, min: 1, max: 2 },
    { ...financeurs, count: 4, min: 0, max: 3 },
  ],
  'governance.meetings-possibility': [{ ...financeurs, count: 0, words: 'peut réunir des ateliers techniques' }],
  'governance.assembly': [{ year: 2015, count: 0, body: 'assemblee' }],
  'governance.social-dialogue': [{ year: 2015, count: 1, body: 'dialogue-social' }],
  'governance.technical-committee': [
    { year: 2015, count: 1, body: 'comite-technique-1' },
    { year: 2015, count: 0, body: 'comite-technique-2' },
  ],
  'governance.regional-meeting': [{ year: 2015, count: 0, body: 'rencontre-regionale' }],
  'governance.unknown-body': [
    { column, text: 'Bureau', bodies: bodyNames(ces) },
    { column, text: 'Bureau', bodies: bodyNames(other) },
  ],
  'reporting.missing-bilan': [
    { code: 'I_1.1', year: 2015, due: '2016-06-30', bilanArticle: 'Art. 2 §5', words: 'en année civile de préférence' },
    { code: 'A_1', year: 2021, due: '2022-04-30', bilanArticle: 'Art. 9', words: 'un bilan annuel par action' },
    { code: 'A_1', year: 2021, due: '2022-04-30', bilanArticle: 'Art. 9', words: '' },
  ],
  'reporting.final-bilan-scope': [
    { code: 'I_1.1', year: 2016, period: '2014-2016', ...finalBilan(ces) },
    { code: 'II_3.2', year: 2016, period: '2015-2016', ...finalBilan(ces) },
    { code: 'A_1', year: 2024, period: '2021-2024', ...finalBilan(other) },
    { code: 'A_1', year: 2024, period: '2021-2024', article: 'Art. 9', words: 'couvre toute la période' },
  ],
  'evaluation.missing': (['no-row', 'not-done'] as const).flatMap((variant) => [
    { label: 'Évaluation intermédiaire', due: '2015-12-31', variant },
    { label: 'Évaluation finale', due: '2017-06-30', variant, usage: true },
  ]),
  'evaluation.no-evaluator': [
    { label: 'Évaluation finale', evaluationArticle: 'Art. 2 §5', variant: 'none' },
    { label: 'Évaluation finale', evaluationArticle: 'Art. 2 §5', text: 'CRESS', variant: 'not-third-party' },
  ],
  'reconciliation.amount-mismatch': [
    { ...line, ...amounts, variant: 'committed', other: 'releve.csv, ligne 4' },
    { code: 'CDC/1', ...amounts, variant: 'paid' },
  ],
  'reconciliation.missing-in-ledger': [{ ...line, actual: 100_00 }, { code: 'CDC/1', actual: 100_00 }, { code: 'CDC/1', funder: 'CDC', actual: 100_00 }],
  'reconciliation.missing-in-workbook': [
    { ...line, actual: 100_00, variant: 'committed', label: 'Subvention', other: 'lignes 4, 5' },
    { code: 'CDC/1', actual: 100_00, variant: 'paid' },
  ],
  'reconciliation.duplicate-reference': (['workbook', 'conflict', 'repeated'] as const).map((variant) => ({ code: 'CDC/1', other: 'C5', variant })),
  'reconciliation.matched-by-key': [
    { count: 47, inCommon: 0 },
    { count: 47, inCommon: 3 },
  ],
  'period.closed-year-changed': [
    { ...closed, variant: 'added' },
    { ...closed, variant: 'removed', other: 'Financements!A7' },
    { ...closed, variant: 'changed', column, text: '500.00', other: '600.00', expected: 500_00, actual: 600_00 },
    { ...closed, variant: 'changed', column: 'Commentaire', text: 'avant' },
  ],
  'period.closed-later-changed': [
    { ...closed, variant: 'added' },
    { ...closed, variant: 'removed', other: 'Financements!A7' },
    { ...closed, variant: 'changed', column, text: '500.00', other: '600.00', expected: 500_00, actual: 600_00 },
    { ...closed, variant: 'changed', column: 'Commentaire', text: 'avant' },
  ],
  'period.closure-record-missing': [
    { year: 2014, due: '2026-11-30' },
    { year: 2014, due: '' },
  ],
  'financing.duplicate-reference': [{ code: 'EX-2014-REGION-001', other: 'G5' }],
};

/** Each sample with its rule: TypeScript ties a rule's message to its own parameters. */
const word = <R extends RuleId>(lang: 'fr' | 'en', id: R, p: RuleParams[R]) => messages[lang].rules[id](p);
const variantOf = (p: object) => ('variant' in p && typeof p.variant === 'string' ? p.variant : '-');

/** Any argument a message function may take: a number, a string, an object of numbers. */
const anything: unknown = new Proxy(
  {},
  { get: (_, k) => (k === Symbol.toPrimitive ? () => 3 : k === 'toString' ? () => '3' : 3) },
);

/** What the summary's worded functions take (references, method): real shapes, so every branch is read. */
const sampleObject = {
  deliberation: 'n°14.04.253',
  approvedOn: '2014-06-18',
  signedOn: '2014-11-15',
  avenants: [
    { number: '1', date: '2016-02-15', kind: 'Adhésion de partenaires' },
    { number: '2', date: null, kind: null },
  ],
  bilanGraceMonths: 6,
  bilanDue: '2015-06-30',
  finalEvaluationDue: '2017-06-30',
  firstYearFrom: 'signature',
  // What was read of a table (cli.read): every part of the sentence present.
  table: 'Financements',
  sheet: 'Participations 2014',
  range: 'A4:H155',
  lines: 151,
  kind: 'renamed',
  foundAs: 'Tableau1',
  headerHidden: true,
  below: { first: 153, last: 154, count: 2 },
  leftOut: [
    { first: 12, last: 12, count: 1, reason: 'total-row' },
    { first: 156, last: 157, count: 2, reason: 'below-unclear' },
  ],
  ignoredColumns: ['Part Région (%)'],
};

function allTexts(node: unknown, path: string, out: [string, string][]): void {
  if (typeof node === 'string') out.push([path, node]);
  else if (typeof node === 'function' && /\.(ruleTitles|whatToDo)\./.test(path)) {
    // A title or a hint in a convention's words (core/ruleWords.ts): the CES ESS's and the second convention's of the tests.
    for (const p of [ces, other]) out.push([`${path} (${p.id})`, String(node(ruleWordsOf(p)))]);
  } else if (typeof node === 'function') {
    for (const arg of [anything, '3', 3, sampleObject]) {
      try {
        out.push([path, String((node as (...a: unknown[]) => unknown)(...Array(Math.max(1, node.length)).fill(arg)))]);
        return;
      } catch {
        // try the next kind of argument
      }
    }
    throw new Error(`${path} could not be called`);
  } else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) if (k !== 'rules') allTexts(v, `${path}.${k}`, out);
}

describe.each(['fr', 'en'] as const)('%s', (lang) => {
  test('item 14: every rule message, in every variant, follows the style guide', () => {
    const bad: string[] = [];
    for (const id of RULE_IDS) {
      expect(samples[id].length).toBeGreaterThan(0);
      for (const p of samples[id] as RuleParams[typeof id][]) {
        const text = word(lang, id, p);
        expect(text).not.toMatch(/undefined|NaN|\[object/);
        for (const x of styleViolations(text, lang)) bad.push(`${id} (${variantOf(p)}) ${x.rule}: …${x.excerpt}…`);
      }
    }
    expect(bad).toEqual([]);
    // Every variant the catalogue words has a sample above.
    const worded = cataloguedVariants(lang);
    expect([...worded.keys()].sort()).toEqual([...RULE_IDS].sort());
    const unsampled = RULE_IDS.flatMap((id) => [...worded.get(id)!].filter((v) => !(samples[id] as object[]).some((p) => variantOf(p) === v)).map((v) => `${id} ${v}`));
    expect(unsampled).toEqual([]);
  });
  test('item 14: every other message (titles, CLI, pane, summary, reconciliation) follows the style guide', () => {
    const texts: [string, string][] = [];
    allTexts(messages[lang], lang, texts);
    expect(texts.length).toBeGreaterThan(200);
    const bad = texts.flatMap(([path, t]) => styleViolations(t, lang).map((x) => `${path} ${x.rule}: …${x.excerpt}…`));
    expect(bad).toEqual([]);
  });
});

test('the guide itself catches what it forbids', () => {
  expect(styleViolations("Montant : l'année ; « x »", 'fr').map((v) => v.rule)).toEqual(['espace insécable avant :', 'apostrophe ’', 'espace insécable avant ;', 'espace insécable après «', 'espace insécable avant »']);
  expect(styleViolations('Convention!C10, A4:C5', 'fr')).toEqual([]);
  expect(styleViolations('Amount : it’s', 'en').map((v) => v.rule)).toEqual(['no space before :']);
});
