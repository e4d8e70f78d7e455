/** Governance (§4.1) and follow-up (§5): meetings held, bilans received, evaluations done. */
import { profile, type InstanceId } from '../profile';
import { matchKey, isoDate } from '../text';
import { tableRange, type Ref } from '../model';
import type { RuleId } from '../findings';
import { isFinished, type Rule, type RuleContext } from './context';
import { codeKey } from './actions';

function meetingsPerYear(ctx: RuleContext): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of ctx.model.instances) {
    if (!i.v.instance || !i.v.date) continue;
    const k = `${i.v.instance}|${i.v.date.getUTCFullYear()}`;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

function instancesRef(ctx: RuleContext): Ref | undefined {
  const loc = ctx.model.located.instances;
  return loc ? tableRange(loc.table) : undefined;
}

function governanceRule(rule: RuleId, bodies: InstanceId[]): Rule {
  return (ctx) => {
    const ref = instancesRef(ctx);
    if (!ref) return;
    const counts = meetingsPerYear(ctx);
    for (const year of profile.years) {
      if (!isFinished(ctx, year)) continue;
      for (const id of bodies) {
        const body = profile.governance.find((g) => g.id === id)!;
        const count = counts.get(`${id}|${year}`) ?? 0;
        if (count < body.min || (body.max !== null && count > body.max)) {
          ctx.emit(rule, ref, { label: id, year, count, min: body.min, max: body.max });
        }
      }
    }
  };
}

/** governance.copil: 1 to 2 COPIL a year. */
export const copil = governanceRule('governance.copil', ['copil']);
/** governance.assembly: at least one Assemblée des territoires a year. */
export const assembly = governanceRule('governance.assembly', ['assemblee']);
/** governance.social-dialogue: at least two Espace régional de dialogue social meetings a year. */
export const socialDialogue = governanceRule('governance.social-dialogue', ['dialogue-social']);
/** governance.technical-committee: at least two comités techniques a year for each axis. */
export const technicalCommittee = governanceRule('governance.technical-committee', ['comite-technique-1', 'comite-technique-2', 'comite-technique-3']);

/** reporting.missing-bilan (§5): each action financed in a finished year sends its bilan for that year. */
export const missingBilan: Rule = (ctx) => {
  if (!ctx.model.located.bilans) return;
  // code → years with a bilan received, and code → years already reported: no key string per line.
  const received = new Map<string, Set<number>>();
  for (const b of ctx.model.bilans) {
    if (!b.v.code || b.v.year === undefined || !b.v.receivedOn) continue;
    const k = codeKey(b.v.code);
    if (!received.has(k)) received.set(k, new Set());
    received.get(k)!.add(b.v.year);
  }
  const reported = new Map<string, Set<number>>();
  for (const f of ctx.model.financing) {
    const { code, year, planned, committed } = f.v;
    if (!code || year === undefined || !isFinished(ctx, year)) continue;
    if (!(planned ?? 0) && !(committed ?? 0)) continue;
    const k = codeKey(code);
    if (received.get(k)?.has(year) || reported.get(k)?.has(year)) continue;
    if (!reported.has(k)) reported.set(k, new Set());
    reported.get(k)!.add(year);
    ctx.emit('reporting.missing-bilan', f.ref.code, { code, year });
  }
};

/** evaluation.missing (§5, L1135): intermediate evaluation end 2015, final one at the end of the contract. */
export const missingEvaluation: Rule = (ctx) => {
  const loc = ctx.model.located.jalons;
  if (!loc) return;
  for (const e of profile.evaluations) {
    const words = e.id === 'intermediaire' ? ['intermediaire', 'intermediate', 'mipars', 'midterm'] : ['final'];
    const row = ctx.model.jalons.find((j) => j.v.milestone && words.some((w) => matchKey(j.v.milestone!).includes(w)));
    const due = row?.v.due ?? new Date(`${e.due}T00:00:00Z`);
    if (ctx.asOf.getTime() <= due.getTime()) continue;
    if (!row) ctx.emit('evaluation.missing', tableRange(loc.table), { label: e.label.fr, due: isoDate(due), variant: 'no-row' });
    else if (!row.v.doneOn) ctx.emit('evaluation.missing', row.ref.doneOn, { label: row.v.milestone, due: isoDate(due), variant: 'not-done' });
  }
};
