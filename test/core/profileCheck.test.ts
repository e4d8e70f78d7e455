/**
 * profiles/schema.json describes ProfileDocument exactly (issue 23): the same property names at every
 * level (checked by the compiler), the same required ones (the compiler checks each list below
 * against the TypeScript type, the test against the schema); and readProfileDocument refuses what the
 * schema cannot say, one line per problem with its JSON path.
 */
import { readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import schema from '../../profiles/schema.json';
import type { ProfileDocument } from '../../src/core/profile';
import { readProfileDocument } from '../../src/core/profileCheck';
import { plain } from '../helpers/typography';

const root = join(__dirname, '../..');
const fixtureText = readFileSync(join(root, 'test/fixtures/profiles/transition-2021-2024.json'), 'utf8');
const fixture = () => JSON.parse(fixtureText) as ProfileDocument;

// ——— Compile time: the schema's property names are the type's, level by level. ———
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
type Props<S> = S extends { properties: infer P } ? keyof P : never;
type Item<S> = S extends { items: infer I } ? I : never;
const P = schema.properties;
type D = ProfileDocument;
const _sameKeys: [
  SameKeys<Props<typeof schema>, keyof D>,
  SameKeys<Props<typeof P.approval>, keyof D['approval']>,
  SameKeys<Props<typeof P.signature>, keyof D['signature']>,
  SameKeys<Props<typeof P.period>, keyof D['period']>,
  SameKeys<Props<Item<typeof P.funders>>, keyof D['funders'][number]>,
  SameKeys<Props<Item<typeof P.statuses>>, keyof D['statuses'][number]>,
  SameKeys<Props<Item<typeof P.amounts>>, keyof D['amounts'][number]>,
  SameKeys<Props<Item<typeof P.axes>>, keyof D['axes'][number]>,
  SameKeys<Props<typeof P.actions>, keyof D['actions']>,
  SameKeys<Props<typeof P.actions.properties.plan>, keyof D['actions']['plan']>,
  SameKeys<Props<Item<typeof P.actions.properties.plan.properties.actions>>, keyof D['actions']['plan']['actions'][number]>,
  SameKeys<Props<typeof P.avenants>, keyof D['avenants']>,
  SameKeys<Props<Item<typeof P.avenants.properties.list>>, keyof D['avenants']['list'][number]>,
  SameKeys<Props<Item<typeof P.partners>>, keyof D['partners'][number]>,
  SameKeys<Props<Item<typeof P.bodies>>, keyof D['bodies'][number]>,
  SameKeys<Props<typeof P.bilans>, keyof D['bilans']>,
  SameKeys<Props<Item<typeof P.evaluations>>, keyof D['evaluations'][number]>,
  SameKeys<Props<typeof P.usages>, keyof D['usages']>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];

/** The keys of T that are not optional. */
type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];
/** A list the compiler accepts only when it holds every required key of T and nothing else. */
const required =
  <T>() =>
  <L extends readonly RequiredKeys<T>[]>(list: L & ([RequiredKeys<T>] extends [L[number]] ? unknown : never)) =>
    [...list].sort();
const sorted = (s: { required: string[] }) => [...s.required].sort();

test('every object of the schema requires exactly what ProfileDocument requires', () => {
  expect(sorted(schema)).toEqual(
    required<D>()(['format', 'id', 'title', 'shortTitle', 'approval', 'signature', 'period', 'funders', 'statuses', 'amounts', 'axes', 'actions', 'avenants', 'partners', 'bodies', 'bilans', 'evaluations', 'notThirdParties', 'usages'] as const),
  );
  expect(sorted(P.approval)).toEqual(required<D['approval']>()(['text', 'deliberation', 'date'] as const));
  expect(sorted(P.signature)).toEqual(required<D['signature']>()(['date'] as const));
  expect(sorted(P.period)).toEqual(required<D['period']>()(['years', 'article'] as const));
  expect(sorted(P.funders.items)).toEqual(required<D['funders'][number]>()(['id', 'label', 'aliases', 'article', 'instrument'] as const));
  expect(sorted(P.amounts.items)).toEqual(required<D['amounts'][number]>()(['funder', 'year', 'amount', 'status', 'article', 'source'] as const));
  expect(sorted(P.axes.items)).toEqual(required<D['axes'][number]>()(['id', 'number', 'label', 'aliases', 'codePrefix'] as const));
  expect(sorted(P.actions)).toEqual(required<D['actions']>()(['max', 'article', 'addedBy', 'plan', 'bodies'] as const));
  expect(sorted(P.actions.properties.plan)).toEqual(required<D['actions']['plan']>()(['year', 'actions'] as const));
  expect(sorted(P.avenants)).toEqual(required<D['avenants']>()(['article', 'amountChange', 'newPartner', 'approvalBeforeSignature', 'list'] as const));
  expect(sorted(P.avenants.properties.list.items)).toEqual(required<D['avenants']['list'][number]>()(['number', 'date', 'kind', 'object', 'partners', 'deliberation'] as const));
  expect(sorted(P.partners.items)).toEqual(required<D['partners'][number]>()(['name', 'aliases', 'kind', 'deliberation', 'date', 'avenant'] as const));
  expect(sorted(P.bodies.items)).toEqual(required<D['bodies'][number]>()(['id', 'label', 'aliases', 'min', 'max', 'rule', 'duty', 'words', 'article'] as const));
  expect(sorted(P.bilans)).toEqual(required<D['bilans']>()(['perYear', 'article', 'finalCoversActionPeriod'] as const));
  expect(sorted(P.evaluations.items)).toEqual(required<D['evaluations'][number]>()(['id', 'label', 'words', 'due', 'thirdParty', 'article'] as const));
  expect(sorted(P.usages)).toEqual(required<D['usages']>()(['bilanGraceMonths', 'finalEvaluationGraceMonths', 'firstYearFrom', 'amountChangeDeadline'] as const));
});

test('the fixture minus any required key is refused, naming the key; minus an optional one it is still valid', () => {
  expect(readProfileDocument(fixtureText).ok).toBe(true);
  for (const key of schema.required) {
    const doc = fixture() as unknown as Record<string, unknown>;
    delete doc[key];
    const r = readProfileDocument(JSON.stringify(doc));
    expect(r.ok ? [] : r.problems.map(plain)).toEqual([`/ : requiert la propriété ${key}`]);
  }
  for (const key of Object.keys(P).filter((k) => !schema.required.includes(k))) {
    const doc = fixture() as unknown as Record<string, unknown>;
    delete doc[key];
    expect(readProfileDocument(JSON.stringify(doc)).ok).toBe(true);
  }
  const deep = fixture();
  delete (deep.usages.bilanGraceMonths as Partial<{ why: string }>).why;
  const r = readProfileDocument(JSON.stringify(deep));
  expect(r.ok ? [] : r.problems.map(plain)).toEqual(['/usages/bilanGraceMonths : requiert la propriété why']);
});

/** The fixture, edited, read: its problems in plain text ([] when valid). */
function problems(edit: (d: ProfileDocument) => void, lang: 'fr' | 'en' = 'fr'): string[] {
  const doc = fixture();
  edit(doc);
  const r = readProfileDocument(JSON.stringify(doc), lang);
  return r.ok ? [] : r.problems.map(plain);
}

test('references the schema cannot express, one line each with its JSON path', () => {
  expect(
    problems((d) => {
      d.actions.plan.actions[0].axis = 'axe1';
      d.bodies[0].rule = 'governance.copill';
      d.bodies[1].max = 0;
      d.actions.addedBy = 'copil';
      d.partners[2].avenant = '2';
      d.avenants.list[0].partners.push('CC du Jura');
      d.amounts[4].status = 'confirme';
      d.statuses = d.statuses.filter((s) => s.id !== 'confirme');
    }),
  ).toEqual([
    "/amounts/4/status : statut « confirme » absent de /statuses",
    '/actions/plan/actions/0/axis : axe « axe1 » inconnu (axes du profil : decarbonation, circulaire)',
    '/actions/addedBy : instance « copil » inconnue (instances du profil : comite-financeurs, comite-suivi, atelier)',
    expect.stringMatching(/^\/bodies\/0\/rule : règle « governance\.copill » inconnue \(règles de gouvernance : governance\.copil, .*, ou null pour une instance que le suivi ne compte pas\)$/),
    '/bodies/1/max : au plus 0 réunion par an, moins que le minimum (1)',
    '/partners/2/avenant : avenant n°2 absent de /avenants/list (avenants : 1)',
    '/avenants/list/0/partners/1 : partenaire « CC du Jura » absent de /partners',
  ]);
});

test('one spelling for two funders, two amounts for one funder × year, unordered years, impossible dates', () => {
  expect(
    problems((d) => {
      d.funders[3].aliases.push('BPI');
      d.amounts.push({ ...d.amounts[0] });
      d.period.years = [2021, 2023, 2022, 2024];
      d.signature.date = '2021-02-30';
      d.evaluations[0].due = '2022-13-01';
    }),
  ).toEqual([
    '/period/years/2 : les années de la période doivent être croissantes',
    "/funders/3/aliases/3 : écriture « BPI » déjà donnée en /funders/2/aliases/1, le classeur ne saurait laquelle lire",
    '/amounts/16 : montant en double pour region en 2021, déjà en /amounts/0',
    '/signature/date : date « 2021-02-30 » impossible',
    '/evaluations/0/due : date « 2022-13-01 » impossible',
  ]);
});

test('a byte order mark is read; an English reader gets English lines', () => {
  expect(readProfileDocument(`\uFEFF${fixtureText}`).ok).toBe(true);
  expect(problems((d) => (d.amounts[3].year = 2030), 'en')).toEqual([
    '/amounts/3/year: year 2030 outside the period 2021-2024',
    '/amounts: missing amount for region in 2024 (one entry per funder and year of the period, amount null when the text fixes none)',
  ]);
});

test('the profile read is the one the rules read: cents, ids, years', () => {
  const r = readProfileDocument(fixtureText);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  expect(r.profile.years).toEqual([2021, 2022, 2023, 2024]);
  expect(r.profile.signedAmounts.find((a) => a.funder === ('banque' as string) && a.year === 2021)?.amount).toBe(125_000_000);
  expect(r.profile.funders.map((f) => f.id)).toEqual(['region', 'ademe', 'banque', 'metropole']);
});

/** The modules src/taskpane/index.tsx loads at start: static imports only (import() is a later download). */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const [, spec] of text.matchAll(/^(?:import|export)\s(?!type\b)[^;]*?from\s+'([^']+)'/gm)) {
    if (!spec.startsWith('.')) {
      seen.add(spec);
      continue;
    }
    const base = resolve(dirname(file), spec);
    const found = ['.ts', '.tsx', '/index.ts', '/index.tsx', ''].map((x) => base + x).find((p) => {
      try {
        return readFileSync(p) && true;
      } catch {
        return false;
      }
    });
    if (found && /\.tsx?$/.test(found)) staticImports(found, seen);
  }
  return seen;
}

test('the task pane’s first download does not carry the validator (ajv) nor profileCheck', () => {
  const loaded = [...staticImports(join(root, 'src/taskpane/index.tsx'))];
  expect(loaded.length).toBeGreaterThan(20);
  expect(loaded.filter((m) => /^ajv|profileCheck/.test(m.replace(/.*\/src\//, '')))).toEqual([]);
});
