/**
 * Reading a convention's profile (issue 23): the text is JSON, the JSON is checked against
 * profiles/schema.json by ajv (French words from ajv-i18n), then against itself (what a schema cannot
 * say: an amount's funder is one of the funders, every funder × year of the period has its amount…).
 * Every problem is one line naming its JSON path; a profile with one is never used.
 *
 * ajv compiles the schema into code at first use: only the CLI and the hosts that read a profile
 * file load this module, never the task pane's first download (it checks a stored profile's hash).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import localizeFr from 'ajv-i18n/localize/fr';
import schema from '../../profiles/schema.json';
import type { Lang } from './contract';
import { RULE_IDS } from './findings';
import { messages } from './i18n';
import type { ProfilePattern } from './i18n/profileTypes';
import { profileFromDocument, type Profile, type ProfileDocument } from './profile';
import { matchKey, parseDateText } from './text';

export type ProfileReading = { ok: true; document: ProfileDocument; profile: Profile } | { ok: false; problems: string[] };

/** A problem before it is worded: where (a JSON pointer) and what. */
interface Problem {
  path: string;
  text: string;
}

let validator: ValidateFunction | undefined;
/** The schema compiled once per process (a few milliseconds), on the first profile read. */
function validate(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  return validator;
}

/** The patterns of the schema, by the name their message has in the catalogues. */
const PATTERNS: Record<string, ProfilePattern> = {
  [schema.definitions.id.pattern]: 'id',
  [schema.definitions.isoDate.pattern]: 'date',
  [schema.definitions.isoDateOrEmpty.pattern]: 'dateOrEmpty',
  [schema.properties.evaluations.items.properties.due.pattern]: 'due',
  [schema.properties.amounts.items.properties.amount.pattern]: 'amount',
};

/**
 * The governance rules a body may name (`bodies[].rule`): those of the rule list that count a body's
 * meetings. Not governance.unknown-body (it names a body no profile has), nor a "-possibility" rule
 * (the information the counting rule gives instead for a body whose `duty` is a possibility).
 * governance.meetings is the generic counting rule of issue 23 that a convention of its own names
 * (test/fixtures/profiles): named here until the rule list of this branch carries it.
 */
export function governanceRuleIds(): string[] {
  const ids = (RULE_IDS as readonly string[]).filter((id) => id.startsWith('governance.') && id !== 'governance.unknown-body' && !id.endsWith('-possibility'));
  return ids.includes('governance.meetings') ? ids : [...ids, 'governance.meetings'];
}

/** Where a JSON.parse error is, 1-based: V8 says "at position N" (or nothing at the very end). */
function jsonProblem(text: string, error: Error, lang: Lang): string {
  const m = messages[lang].profile;
  const at = /position (\d+)/.exec(error.message);
  const offset = at ? Number(at[1]) : text.length;
  const before = text.slice(0, offset).split('\n');
  // A control character is shown escaped (\t, \u0000), any other as itself (« " », never with a backslash).
  const c = text[offset];
  const what = offset >= text.length ? m.jsonEnd : m.jsonChar(c < ' ' ? JSON.stringify(c).slice(1, -1) : c);
  return m.json(before.length, before[before.length - 1].length + 1, what);
}

/** ajv's errors in the user's words: the ajv-i18n sentence, made precise where it says too little. */
function schemaProblems(errors: ErrorObject[], lang: Lang): Problem[] {
  const m = messages[lang].profile.schema;
  if (lang === 'fr') localizeFr(errors);
  return errors.map((e) => {
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'additionalProperties':
        return { path: `${e.instancePath}/${String(p.additionalProperty)}`, text: m.additional(String(p.additionalProperty)) };
      case 'pattern': {
        const name = PATTERNS[String(p.pattern)];
        return { path: e.instancePath, text: name ? m.pattern[name] : String(e.message) };
      }
      case 'enum':
        return { path: e.instancePath, text: m.allowed(String(e.message), (p.allowedValues as unknown[]).join(', ')) };
      case 'const':
        return { path: e.instancePath, text: m.allowed(String(e.message), String(p.allowedValue)) };
      case 'type':
        // An amount typed as a number (2387500) is the likely mistake: say how it is written.
        if (/^\/amounts\/\d+\/amount$/.test(e.instancePath)) return { path: e.instancePath, text: m.pattern.amount };
        return { path: e.instancePath, text: String(e.message) };
      default:
        return { path: e.instancePath, text: String(e.message) };
    }
  });
}

/** Each value of `field` seen twice in `items`: the second is the problem, pointing at the first. */
function duplicates<T>(items: T[], base: string, field: keyof T & string, lang: Lang, key: (v: string) => string = (v) => v): Problem[] {
  const seen = new Map<string, string>();
  const out: Problem[] = [];
  items.forEach((item, i) => {
    const value = String(item[field]);
    const path = `${base}/${i}/${field}`;
    const first = seen.get(key(value));
    if (first !== undefined) out.push({ path, text: messages[lang].profile.check.duplicate(value, first) });
    else seen.set(key(value), path);
  });
  return out;
}

/** One spelling for two funders (two axes, two bodies): the workbook could not tell which is meant. */
function aliasClashes(items: { id: string; aliases: string[] }[], base: string, lang: Lang): Problem[] {
  const owner = new Map<string, { id: string; path: string }>();
  const out: Problem[] = [];
  items.forEach((item, i) =>
    item.aliases.forEach((alias, j) => {
      const path = `${base}/${i}/aliases/${j}`;
      const seen = owner.get(matchKey(alias));
      if (seen && seen.id !== item.id) out.push({ path, text: messages[lang].profile.check.duplicateAlias(alias, seen.path) });
      else if (!seen) owner.set(matchKey(alias), { id: item.id, path });
    }),
  );
  return out;
}

/** What the schema cannot express: the references between the parts of a well-formed profile. */
function crossProblems(doc: ProfileDocument, lang: Lang): Problem[] {
  const c = messages[lang].profile.check;
  const out: Problem[] = [];
  const years = doc.period.years;
  const [first, last] = [years[0], years[years.length - 1]];
  const inPeriod = (year: number, path: string) => {
    if (!years.includes(year)) out.push({ path, text: c.yearOutside(year, first, last) });
  };
  years.forEach((y, i) => {
    if (i > 0 && y <= years[i - 1]) out.push({ path: `/period/years/${i}`, text: c.yearsOrder });
  });
  out.push(
    ...duplicates(doc.funders, '/funders', 'id', lang),
    ...duplicates(doc.statuses, '/statuses', 'id', lang),
    ...duplicates(doc.axes, '/axes', 'id', lang),
    ...duplicates(doc.bodies, '/bodies', 'id', lang),
    ...duplicates(doc.evaluations, '/evaluations', 'id', lang),
    ...duplicates(doc.actions.plan.actions, '/actions/plan/actions', 'code', lang, matchKey),
    ...duplicates(doc.avenants.list, '/avenants/list', 'number', lang),
    ...duplicates(doc.partners, '/partners', 'name', lang, matchKey),
    ...aliasClashes(doc.funders, '/funders', lang),
    ...aliasClashes(doc.axes, '/axes', lang),
    ...aliasClashes(doc.bodies, '/bodies', lang),
  );

  const funderIds: string[] = doc.funders.map((f) => f.id);
  const statusIds = new Set(doc.statuses.map((s) => s.id));
  const amountAt = new Map<string, string>();
  doc.amounts.forEach((a, i) => {
    const path = `/amounts/${i}`;
    if (!funderIds.includes(a.funder)) out.push({ path: `${path}/funder`, text: c.unknownFunder(a.funder, funderIds.join(', ')) });
    inPeriod(a.year, `${path}/year`);
    if (!statusIds.has(a.status)) out.push({ path: `${path}/status`, text: c.statusNotListed(a.status) });
    const key = `${a.funder} ${a.year}`;
    const firstAt = amountAt.get(key);
    if (firstAt !== undefined) out.push({ path, text: c.duplicateAmount(a.funder, a.year, firstAt) });
    else amountAt.set(key, path);
  });
  for (const f of funderIds) for (const y of years) if (!amountAt.has(`${f} ${y}`)) out.push({ path: '/amounts', text: c.missingAmount(f, y) });

  const axisIds = doc.axes.map((a) => a.id);
  inPeriod(doc.actions.plan.year, '/actions/plan/year');
  doc.actions.plan.actions.forEach((a, i) => {
    if (!axisIds.includes(a.axis)) out.push({ path: `/actions/plan/actions/${i}/axis`, text: c.unknownAxis(a.axis, axisIds.join(', ')) });
  });
  const bodyIds = doc.bodies.map((b) => b.id);
  if (!bodyIds.includes(doc.actions.addedBy)) out.push({ path: '/actions/addedBy', text: c.unknownBody(doc.actions.addedBy, bodyIds.join(', ')) });
  const rules = governanceRuleIds();
  doc.bodies.forEach((b, i) => {
    if (b.rule !== null && !rules.includes(b.rule)) out.push({ path: `/bodies/${i}/rule`, text: c.unknownRule(b.rule, rules.join(', ')) });
    if (b.max !== null && b.max < b.min) out.push({ path: `/bodies/${i}/max`, text: c.maxBelowMin(b.max, b.min) });
  });

  const avenantNumbers = doc.avenants.list.map((a) => a.number);
  const partnerKeys = new Set(doc.partners.map((p) => matchKey(p.name)));
  doc.partners.forEach((p, i) => {
    if (p.avenant !== '' && !avenantNumbers.includes(p.avenant)) out.push({ path: `/partners/${i}/avenant`, text: c.unknownAvenant(p.avenant, avenantNumbers.join(', ')) });
  });
  doc.avenants.list.forEach((a, i) =>
    a.partners.forEach((name, j) => {
      if (!partnerKeys.has(matchKey(name))) out.push({ path: `/avenants/list/${i}/partners/${j}`, text: c.unknownPartner(name) });
    }),
  );

  // Dates the pattern lets through but the calendar does not have (2015-02-30).
  const dates: [string, string][] = [
    ['/approval/date', doc.approval.date],
    ['/signature/date', doc.signature.date],
    ...doc.avenants.list.map((a, i): [string, string] => [`/avenants/list/${i}/date`, a.date]),
    ...doc.partners.map((p, i): [string, string] => [`/partners/${i}/date`, p.date]),
    ...doc.evaluations.map((e, i): [string, string] => [`/evaluations/${i}/due`, e.due === 'end' ? '' : e.due]),
  ];
  for (const [path, date] of dates) if (date !== '' && !parseDateText(date)) out.push({ path, text: c.badDate(date) });
  return out;
}

/**
 * A profile's text → the document and the profile the rules read, or every problem in it, one French
 * (or English) line each: « /amounts/3/funder : financeur « bpi » inconnu (…) ». Schema problems
 * come alone: the references are checked on a well-formed document only.
 */
export function readProfileDocument(text: string, lang: Lang = 'fr'): ProfileReading {
  const m = messages[lang].profile;
  // A byte order mark (Windows editors) is no JSON, but no mistake either.
  const body = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    return { ok: false, problems: [jsonProblem(body, e as Error, lang)] };
  }
  const check = validate();
  const problems = check(data) ? crossProblems(data as ProfileDocument, lang) : schemaProblems(check.errors ?? [], lang);
  if (problems.length) return { ok: false, problems: problems.map((p) => m.problem(p.path || '/', p.text)) };
  const document = data as ProfileDocument;
  return { ok: true, document, profile: profileFromDocument(document) };
}
