/** Governance (Art. 2 §4) and follow-up (Art. 2 §5): meetings held, bilans received, evaluations done. */
import { bilanDue, evaluationDue, perProfile, signatureDate, type Profile } from '../profile';
import { resolveFunder } from '../contract';
import { matchKey, isoDate } from '../text';
import { linesOf, tableRange, type Ref } from '../model';
import type { RuleId } from '../findings';

/** The rules that count a body's meetings (governance.unknown-body is about a cell). */
type GovernanceRuleId = Exclude<Extract<RuleId, `governance.${string}`>, 'governance.unknown-body'>;
/** The CES's own rules, each with its words (governance.meetings says any convention's). */
type CesGovernanceRuleId = Exclude<GovernanceRuleId, 'governance.meetings' | 'governance.meetings-possibility'>;
import { isFinished, isReached, type Rule, type RuleContext } from './context';
import { actionsByCode, codeKey } from './actions';
import { finalBilan } from '../conventionNames';

/** Meetings per body and year, counting only those held by the as-of date and, by choice, from the signature on. */
function meetingsPerYear(ctx: RuleContext): Map<string, number> {
  const m = new Map<string, number>();
  const from = ctx.profile.usages.firstYearFrom === 'signature' ? signatureDate(ctx.profile).getTime() : -Infinity;
  for (const i of ctx.model.instances) {
    if (!i.v.instance || !isReached(ctx, i.v.date) || i.v.date.getTime() < from) continue;
    const k = `${i.v.instance}|${i.v.date.getUTCFullYear()}`;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

function instancesRef(ctx: RuleContext): Ref | undefined {
  const loc = ctx.model.located.instances;
  return loc ? tableRange(loc.table) : undefined;
}

type Body = Profile['governance'][number];

/** The bodies the profile counts, by the rule that counts them (`rule`; null: a body it does not count), in its order. */
const bodiesByRule = perProfile((p) => {
  const m = new Map<string, typeof p.governance>();
  for (const g of p.governance) if (g.rule) m.set(g.rule, [...(m.get(g.rule) ?? []), g]);
  return m;
});

/** Each finished year, each body of `rule` whose meetings fall outside the text's minimum and maximum. */
function countMeetings(ctx: RuleContext, rule: string, emit: (ref: Ref, body: Body, year: number, count: number) => void): void {
  const bodies = bodiesByRule(ctx.profile).get(rule);
  const ref = instancesRef(ctx);
  if (!bodies || !ref) return;
  const counts = meetingsPerYear(ctx);
  const { years, usages } = ctx.profile;
  for (const year of years) {
    if (!isFinished(ctx, year)) continue;
    // The first year counts from the signature (profile.usages.firstYearFrom): no yearly minimum for it.
    const firstYear = year === years[0] && usages.firstYearFrom === 'signature';
    for (const body of bodies) {
      const count = counts.get(`${body.id}|${year}`) ?? 0;
      const min = firstYear ? 0 : body.min;
      if (count < min || (body.max !== null && count > body.max)) emit(ref, body, year, count);
    }
  }
}

/** A CES rule: the bodies the profile gives it (`rule`), its own words. */
const governanceRule =
  (rule: CesGovernanceRuleId): Rule =>
  (ctx) =>
    countMeetings(ctx, rule, (ref, body, year, count) => ctx.emit(rule, ref, { body: body.id, year, count }));

/** governance.copil: 1 to 2 COPIL a year. */
export const copil = governanceRule('governance.copil');
/** governance.assembly: at least one Assemblée des territoires a year. */
export const assembly = governanceRule('governance.assembly');
/** governance.social-dialogue: at least two Espace régional de dialogue social meetings a year. */
export const socialDialogue = governanceRule('governance.social-dialogue');
/**
 * governance.technical-committee (information): « Les comités techniques pourront se réunir au moins
 * deux fois par an, selon les besoins de suivi » (L1002-L1003): a possibility the tool watches, not a duty.
 */
export const technicalCommittee = governanceRule('governance.technical-committee');
/** governance.regional-meeting (Art. 2 §4.2): a Rencontre régionale at least once a year. */
export const regionalMeeting = governanceRule('governance.regional-meeting');

/**
 * governance.meetings (warning) and governance.meetings-possibility (information): the bodies of
 * any convention whose profile gives them the rule "governance.meetings", each finding with the
 * body's label, the text's words, minimum and maximum, and its article. A body the text only allows
 * (duty "possibility") is watched as an information, as the CES's technical committees.
 */
export const meetings: Rule = (ctx) =>
  countMeetings(ctx, 'governance.meetings', (ref, body, year, count) =>
    ctx.emit(body.duty === 'possibility' ? 'governance.meetings-possibility' : 'governance.meetings', ref, {
      body: body.id,
      year,
      count,
      label: body.label,
      min: body.min,
      max: body.max,
      words: body.words,
      article: body.article,
    }),
  );

/** reporting.missing-bilan (Art. 2 §5): each action financed in a year sends its bilan for that year, within the grace period. */
export const missingBilan: Rule = (ctx) => {
  if (!ctx.model.located.bilans) return;
  // code → years with a bilan received, and code → years already reported: no key string per line.
  const received = new Map<string, Set<number>>();
  for (const b of ctx.model.bilans) {
    if (!b.v.code || b.v.year === undefined || !isReached(ctx, b.v.receivedOn)) continue;
    const k = codeKey(b.v.code);
    if (!received.has(k)) received.set(k, new Set());
    received.get(k)!.add(b.v.year);
  }
  // One cause, one finding: a line whose code the Actions table lacks has action.unknown, which says
  // the bilan could not be judged (« I-1.2 » typed for I_1.2 is not also a missing bilan).
  const known = ctx.model.located.actions ? actionsByCode(ctx) : undefined;
  const reported = new Map<string, Set<number>>();
  // Whether a year's bilan is past due, once per year rather than three Dates per line.
  const pastDue = new Map<number, boolean>();
  const isPastDue = (year: number) => {
    let p = pastDue.get(year);
    if (p === undefined) pastDue.set(year, (p = ctx.asOf.getTime() > bilanDue(ctx.profile, year).getTime()));
    return p;
  };
  const lines = linesOf(ctx.model, 'financing');
  const [codeAt, yearAt, plannedAt, committedAt] = [lines.column('code'), lines.column('year'), lines.column('planned'), lines.column('committed')];
  // An indexed loop: for…of over 100 000 lines made an iterator result per line (the rule runs once, unoptimised).
  for (let i = 0; i < lines.length; i++) {
    const code = codeAt(i);
    const year = yearAt(i);
    if (!code || year === undefined || !isPastDue(year)) continue;
    if (!(plannedAt(i) ?? 0) && !(committedAt(i) ?? 0)) continue;
    const k = codeKey(code);
    if (known && !known.has(k)) continue;
    if (received.get(k)?.has(year) || reported.get(k)?.has(year)) continue;
    if (!reported.has(k)) reported.set(k, new Set());
    reported.get(k)!.add(year);
    ctx.emit('reporting.missing-bilan', lines.ref(i, 'code'), { code, year, due: isoDate(bilanDue(ctx.profile, year)), bilanArticle: ctx.profile.articles.bilans, words: ctx.profile.bilanWords });
  }
};

/**
 * "2015-2016", "2015 à 2016", "toute la période de mise en œuvre": a bilan that says it covers the
 * action's period from `from` to the contract's last year. A period that starts earlier still covers
 * it (an action entered in 2015 that writes « 2014-2016 » covers 2015-2016).
 */
function coversPeriod(period: string | undefined, from: number, last: number): boolean {
  if (!period) return false;
  const k = matchKey(period);
  const years = (k.match(/\d{4}/g) ?? []).map(Number);
  const starts = years.length >= 2 && Math.min(...years) <= from && Math.max(...years) >= last;
  return starts || /contrat|periodeentiere|ensembledelaperiode|toutelaperiode|miseenoeuvre|wholeperiod/.test(k);
}

/**
 * reporting.final-bilan-scope (Art. 2 §5, L1063-L1064): « Le bilan de la dernière année de mise en
 * œuvre fera également le bilan consolidé de l'action sur toute la période de mise en œuvre » — the
 * action's own period, from its entry year (Actions) to the end: 2015-2016 for an action entered in 2015.
 */
export const finalBilanScope: Rule = (ctx) => {
  const { years } = ctx.profile;
  const first = years[0];
  const last = years[years.length - 1];
  const actions = actionsByCode(ctx);
  const seen = new Set<string>();
  for (const b of ctx.model.bilans) {
    if (!b.v.code || b.v.year !== last || !isReached(ctx, b.v.receivedOn)) continue;
    const k = codeKey(b.v.code);
    if (seen.has(k)) continue;
    seen.add(k);
    const entry = actions.get(k)?.v.entryYear;
    const from = entry !== undefined && entry > first && entry <= last ? entry : first;
    if (ctx.model.bilans.some((o) => o.v.code && codeKey(o.v.code) === k && o.v.year === last && coversPeriod(o.v.period, from, last))) continue;
    ctx.emit('reporting.final-bilan-scope', b.ref.period, { code: b.v.code, year: last, period: `${from}-${last}`, ...finalBilan(ctx.profile) });
  }
};

const notThirdParty = perProfile((p) => new Set(p.notThirdParties.map(matchKey)));

/** evaluation.missing (Art. 2 §5, L1131-L1135): intermediate evaluation end 2015, final one "à l'issue du contrat" (profile grace). */
export const missingEvaluation: Rule = (ctx) => {
  const loc = ctx.model.located.jalons;
  if (!loc) return;
  for (const e of ctx.profile.evaluations) {
    const words: readonly string[] = e.words;
    const row = ctx.model.jalons.find((j) => j.v.milestone && words.some((w) => matchKey(j.v.milestone!).includes(w)));
    // The convention's deadline, not the Échéance a user planned: the warning is about the convention.
    const due = evaluationDue(ctx.profile, e.id);
    if (ctx.asOf.getTime() <= due.getTime()) continue;
    // The intermediate evaluation's « fin 2015 » is the text's; the final one's date is a usage (« à l'issue du contrat »).
    const usage = e.due === 'end';
    if (!row) ctx.emit('evaluation.missing', tableRange(loc.table), { label: e.label.fr, due: isoDate(due), variant: 'no-row', usage });
    else if (!isReached(ctx, row.v.doneOn)) ctx.emit('evaluation.missing', row.ref.doneOn, { label: row.v.milestone ?? e.label.fr, due: isoDate(due), variant: 'not-done', usage });
  }
};

/** evaluation.no-evaluator (Art. 2 §5): an evaluation done is "confiée à un tiers": name it, and not a signatory or the CRESS. */
export const noEvaluator: Rule = (ctx) => {
  for (const j of ctx.model.jalons) {
    const m = j.v.milestone;
    if (!m || !isReached(ctx, j.v.doneOn)) continue;
    const evaluation = ctx.profile.evaluations.find((e) => (e.words as readonly string[]).some((w) => matchKey(m).includes(w)));
    if (!evaluation) continue;
    const who = j.v.evaluator;
    const evaluationArticle = evaluation.article;
    if (!who) ctx.emit('evaluation.no-evaluator', j.ref.evaluator, { label: m, evaluationArticle, variant: 'none' });
    else if (resolveFunder(who, ctx.profile) || notThirdParty(ctx.profile).has(matchKey(who))) ctx.emit('evaluation.no-evaluator', j.ref.evaluator, { label: m, evaluationArticle, text: who, variant: 'not-third-party' });
  }
};
