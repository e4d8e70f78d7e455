/** item 14: one style guide (src/core/i18n/style.ts) holds for every message, in both languages. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { messages } from '../../src/core/i18n';
import { styleViolations } from '../../src/core/i18n/style';
import { RULE_IDS, type MessageParams } from '../../src/core/findings';

const variants = [
  undefined,
  ...new Set(
    [...readFileSync(join(__dirname, '../../src/core/i18n/fr.ts'), 'utf8').matchAll(/(?:variant === |case )'([\w-]+)'/g)].map((m) => m[1]),
  ),
];
const params = (variant?: string): MessageParams => ({
  sheet: 'Convention',
  cell: 'C7',
  table: 'Convention',
  column: 'Montant (€)',
  columns: 'Financeur, Année',
  funder: 'Région',
  year: 2015,
  axis: 'axe1',
  code: 'I_1.1',
  text: 'Ville de Lyon',
  suggestion: '12',
  expected: 100_00,
  actual: 200_00,
  gap: 100_00,
  count: 1,
  min: 1,
  max: 2,
  label: 'comite-technique-1',
  due: '2016-12-31',
  variant,
  other: 'C5',
});

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
};

function allTexts(node: unknown, path: string, out: [string, string][]): void {
  if (typeof node === 'string') out.push([path, node]);
  else if (typeof node === 'function') {
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
      for (const v of variants) {
        const text = messages[lang].rules[id]({ ...params(v), ...(id === 'action.axis-mismatch' ? { other: 'axe2' } : {}) });
        for (const x of styleViolations(text, lang)) bad.push(`${id} (${v ?? '-'}) ${x.rule}: …${x.excerpt}…`);
      }
    }
    expect(bad).toEqual([]);
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
