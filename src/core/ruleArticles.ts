/**
 * The article a rule cites, read from the workbook's profile (the CES ESS's are those of
 * findings.ts, which these give back unchanged): the avenants' article, the funders', the bodies',
 * the bilans' and evaluations', the period's. A finding that names a narrower one (its funder's,
 * its body's) carries it in its parameters.
 */
import { RULES, type RuleId } from './findings';
import { actionsAddedBody, awaitsDecision, perProfile, type Profile } from './profile';

/** "Art. 1 ; Art. 8" → its parts. */
const parts = (a: string) => a.split(/\s*;\s*/).filter(Boolean);

/** ["Art. 3", "Art. 4", "Art. 5"] → "Art. 3, 4 ou 5": one article or several, as the text writes them. */
export function articleList(articles: readonly string[]): string | null {
  const unique = [...new Set(articles)];
  if (!unique.length) return null;
  const [first, ...rest] = unique;
  const tail = rest.map((a) => a.replace(/^Art\.\s*/, ''));
  return tail.length ? `${[first, ...tail.slice(0, -1)].join(', ')} ou ${tail[tail.length - 1]}` : first;
}

/** The part every article shares ("Art. 2 §4.1", "Art. 2 §4.2" → "Art. 2 §4"): the section of all the bodies. */
function commonSection(articles: readonly string[]): string | null {
  if (!articles.length) return null;
  let prefix = articles[0];
  for (const a of articles) while (!a.startsWith(prefix)) prefix = prefix.slice(0, -1);
  prefix = prefix.replace(/[\s.§,]+$/, '');
  return /\d/.test(prefix) ? prefix : null;
}

type Resolver = (p: Profile) => string | null;

const avenants: Resolver = (p) => p.articles.avenants;
/** The article that closes the period (the CES's "Art. 1 ; Art. 8": its end, Art. 8). */
const periodEnd: Resolver = (p) => {
  const all = parts(p.articles.period);
  return all[all.length - 1] ?? null;
};
/** The article that sets the axes: the one the period's list opens with (the CES's Art. 1 sets both). */
const axes: Resolver = (p) => parts(p.articles.period)[0] ?? null;
const fundersWith = (keep: (p: Profile, funder: string) => boolean): Resolver => (p) => articleList(p.funders.filter((f) => keep(p, f.id)).map((f) => f.article));
const bodyOf = (rule: string): Resolver => (p) => p.governance.find((g) => g.rule === rule)?.article ?? null;

const RESOLVERS: Partial<Record<RuleId, Resolver>> = {
  'period.outside': periodEnd,
  'period.closed-year-changed': periodEnd,
  'period.closure-record-missing': periodEnd,
  'period.closed-later-changed': periodEnd,
  'axis.unknown': axes,
  'action.axis-mismatch': axes,
  'convention.total-mismatch': fundersWith(() => true),
  'convention.duplicate-row': fundersWith(() => true),
  'convention.changed-without-avenant': avenants,
  'convention.unknown-avenant': avenants,
  'avenant.incomplete': avenants,
  'avenant.irregular': avenants,
  'avenant.pending': avenants,
  'partner.without-avenant': avenants,
  'convention.unconfirmed': fundersWith((p, f) => p.signedAmounts.some((s) => s.funder === f && (s.status === 'sous-reserve' || s.status === 'previsionnel'))),
  'convention.cdc-undecided': fundersWith(awaitsDecision),
  'action.added-without-copil': (p) => actionsAddedBody(p)?.article ?? p.articles.actions,
  'actions.too-many': (p) => p.articles.actions,
  'governance.copil': bodyOf('governance.copil'),
  'governance.assembly': bodyOf('governance.assembly'),
  'governance.social-dialogue': bodyOf('governance.social-dialogue'),
  'governance.technical-committee': bodyOf('governance.technical-committee'),
  'governance.regional-meeting': bodyOf('governance.regional-meeting'),
  'governance.meetings': bodyOf('governance.meetings'),
  'governance.meetings-possibility': bodyOf('governance.meetings'),
  'governance.unknown-body': (p) => commonSection(p.governance.map((g) => g.article)),
  'reporting.missing-bilan': (p) => p.articles.bilans,
  'reporting.final-bilan-scope': (p) => p.articles.bilans,
  'evaluation.missing': (p) => p.evaluations[0]?.article ?? null,
  'evaluation.no-evaluator': (p) => p.evaluations[0]?.article ?? null,
};

// A rule the profile gives no article for (no evaluation in it…) cites none, never the CES's.
const articles = perProfile((p) => new Map((Object.keys(RULES) as RuleId[]).map((r) => [r, RESOLVERS[r] ? RESOLVERS[r](p) : RULES[r].article] as const)));

/** The article `rule` cites under the workbook's profile, when its finding names none narrower. */
export const ruleArticle = (rule: RuleId, p: Profile): string | null => articles(p).get(rule) ?? null;
