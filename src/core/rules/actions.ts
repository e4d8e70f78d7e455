/** The action plan (Art. 1, Art. 2 §3.1 and §4.1) and the money it carries. */
import { actState, dateInText } from '../acts';
import { axisOfCode, type AxisId } from '../profile';
import type { Cents } from '../money';
import { linesOf, tableRange, type ActionFields, type FunderKey, type Lines, type Row } from '../model';
import { nameOf, type Rule, type RuleContext } from './context';
import { duplicateReferences } from '../reconcile/keys';
import { actionsBody } from '../conventionNames';

const codeKeys = new Map<string, string>();
/** Action codes compare without case or surrounding spaces; the same few codes recur on every line. */
export function codeKey(c: string): string {
  let k = codeKeys.get(c);
  if (k === undefined) {
    if (codeKeys.size > 50_000) codeKeys.clear();
    k = c.trim().toUpperCase();
    codeKeys.set(c, k);
  }
  return k;
}

/** The first row of each action code: what financing lines and bilans refer to. */
export function actionsByCode(ctx: RuleContext): Map<string, Row<ActionFields>> {
  const m = new Map<string, Row<ActionFields>>();
  for (const a of ctx.model.actions) if (a.v.code && !m.has(codeKey(a.v.code))) m.set(codeKey(a.v.code), a);
  return m;
}

/** action.duplicate */
export const duplicateAction: Rule = (ctx) => {
  const first = actionsByCode(ctx);
  for (const a of ctx.model.actions) {
    if (!a.v.code) continue;
    const f = first.get(codeKey(a.v.code))!;
    if (f !== a) ctx.emit('action.duplicate', a.ref.code, { code: a.v.code, other: f.ref.code.cell });
  }
};

/** action.unknown: a financing line or a bilan names an action the plan lacks. */
export const unknownAction: Rule = (ctx) => {
  if (!ctx.model.located.actions) return;
  const known = actionsByCode(ctx);
  for (const lines of [linesOf(ctx.model, 'financing'), linesOf(ctx.model, 'bilans')] as Lines<{ code: string }>[]) {
    const codeAt = lines.column('code');
    for (let i = 0; i < lines.length; i++) {
      const code = codeAt(i);
      if (code && !known.has(codeKey(code))) ctx.emit('action.unknown', lines.ref(i, 'code'), { code });
    }
  }
};

/** An axis in the profile's words (its id where the profile has none such: never the case once the model has read it). */
const axisName = (ctx: RuleContext, id: AxisId) => ctx.profile.axes.find((a) => a.id === id)?.label ?? { fr: id, en: id };

/** action.axis-mismatch (Art. 1): I_ belongs to Axe 1, II_ to Axe 2, III_ to Axe 3. */
export const axisMismatch: Rule = (ctx) => {
  for (const a of ctx.model.actions) {
    if (!a.v.code || !a.v.axis) continue;
    const fromCode = axisOfCode(ctx.profile, a.v.code);
    if (fromCode && fromCode !== a.v.axis) {
      ctx.emit('action.axis-mismatch', a.ref.axis, { code: a.v.code, axis: a.v.axis, codeAxis: fromCode, axisName: axisName(ctx, a.v.axis), codeAxisName: axisName(ctx, fromCode) });
    }
  }
};

/**
 * action.added-without-copil (Art. 2 §4.1, L976-L978: the COPIL « statuera sur l'intégration de
 * nouvelles actions »): an action added in 2015 or 2016 names the COPIL decision that integrated it;
 * a decision dated after the situation date has not happened yet (acts.ts). Another convention's
 * body (`actions.addedBy`), its article and words come from its profile (conventionNames.ts).
 */
export const addedWithoutCopil: Rule = (ctx) => {
  for (const a of ctx.model.actions) {
    if (a.v.entryYear === undefined || a.v.entryYear <= ctx.profile.years[0]) continue;
    const params = { code: a.v.code ?? '', year: a.v.entryYear, ...actionsBody(ctx.profile) };
    if (!a.v.copilDecision) ctx.emit('action.added-without-copil', a.ref.copilDecision, params);
    else if (actState(dateInText(a.v.copilDecision), ctx.asOf) === 'future') ctx.emit('action.added-without-copil', a.ref.copilDecision, { ...params, variant: 'future' });
  }
};

/** actions.too-many (Art. 2 §3.1): "une vingtaine d'actions"; another convention's number, words and body from its profile. */
export const tooManyActions: Rule = (ctx) => {
  const n = actionsByCode(ctx).size;
  const loc = ctx.model.located.actions;
  if (n > ctx.profile.maxActions && loc) ctx.emit('actions.too-many', tableRange(loc.table), { count: n, max: ctx.profile.maxActions, words: ctx.profile.maxActionsWords, body: actionsBody(ctx.profile).body });
};

/** allocation.over / allocation.under: actions' planned amounts against each participation cell. */
export const allocation: Rule = (ctx) => {
  const actions = actionsByCode(ctx);
  // year → "funder|axis" → planned cents; nested so that 100 000 lines build no key string each.
  const planned = new Map<number, Map<FunderKey, Map<AxisId, Cents>>>();
  // Funder, year and axis whose amounts are not all readable (each unreadable cell has its own
  // finding): judging them would add a second, misleading finding for one typing mistake.
  const unknown = new Set<string>();
  for (const t of ctx.model.participations) for (const u of t.unreadable) unknown.add(`${t.year}|${u.funder}|${u.axis ?? '*'}`);
  const isUnknown = (year: number, funder: FunderKey, axis: AxisId) => unknown.has(`${year}|${funder}|${axis}`) || unknown.has(`${year}|${funder}|*`);
  const lines = linesOf(ctx.model, 'financing');
  const [codeAt, yearAt, funderAt, plannedAt, badPlanned] = [lines.column('code'), lines.column('year'), lines.column('funder'), lines.column('planned'), lines.unreadable('planned')];
  for (let i = 0; i < lines.length; i++) {
    const code = codeAt(i);
    const year = yearAt(i);
    const funder = funderAt(i);
    if (!code || year === undefined || !funder) continue;
    const p = plannedAt(i);
    const axis = actions.get(codeKey(code))?.v.axis;
    if (!axis) {
      // One cause, one finding: an action whose axis is wrong or blank (axis.unknown, cell.required), or a
      // code the Actions table lacks (action.unknown), puts money on no known axis: that funder and year
      // cannot be judged axis by axis, and the finding at fault says so.
      if (p) unknown.add(`${year}|${funder}|*`);
      continue;
    }
    if (p === undefined) {
      if (badPlanned(i)) unknown.add(`${year}|${funder}|${axis}`);
      continue;
    }
    let byFunder = planned.get(year);
    if (!byFunder) planned.set(year, (byFunder = new Map()));
    let byAxis = byFunder.get(funder);
    if (!byAxis) byFunder.set(funder, (byAxis = new Map()));
    byAxis.set(axis, (byAxis.get(axis) ?? 0) + p);
  }
  for (const table of ctx.model.participations) {
    const participation = new Map<string, { amount: Cents; ref: { sheet: string; cell: string }; axis: AxisId; funder: string }>();
    for (const c of table.cells) {
      const k = `${table.year}|${c.funder}|${c.axis}`;
      const prev = participation.get(k);
      participation.set(k, { amount: (prev?.amount ?? 0) + c.amount, ref: prev?.ref ?? c.ref, axis: c.axis, funder: c.funder });
    }
    const plannedThisYear = planned.get(table.year);
    for (const [k, p] of participation) {
      const [, funder, axis] = k.split('|') as [string, FunderKey, AxisId];
      if (isUnknown(table.year, funder, axis)) continue;
      const sum = plannedThisYear?.get(funder)?.get(axis) ?? 0;
      const params = { funder: nameOf(ctx, p.funder as FunderKey), year: table.year, axis: p.axis, axisName: axisName(ctx, p.axis), expected: p.amount, actual: sum, gap: sum - p.amount };
      if (sum > p.amount) ctx.emit('allocation.over', p.ref, params);
      else if (sum < p.amount) ctx.emit('allocation.under', p.ref, params);
    }
    // Money planned where the table has no participation at all (no row for that axis, no column for that funder).
    for (const [funder, byAxis] of plannedThisYear ?? []) {
      for (const [axis, sum] of byAxis) {
        if (participation.has(`${table.year}|${funder}|${axis}`) || sum === 0 || isUnknown(table.year, funder, axis)) continue;
        const col = table.funders.find((f) => f.key === funder);
        ctx.emit('allocation.over', col ? col.range : table.range, { funder: nameOf(ctx, funder), year: table.year, axis, axisName: axisName(ctx, axis), expected: 0, actual: sum, gap: sum });
      }
    }
  }
};

/** execution.commitment-over-plan and execution.payment-over-commitment, line by line. */
export const execution: Rule = (ctx) => {
  // An unknown commitment (unreadable, or no Engagé column) is n.d., never 0: nothing is compared with it.
  const hasCommitted = (ctx.model.located.financements?.columns.committed ?? -1) >= 0;
  const lines = linesOf(ctx.model, 'financing');
  const [plannedAt, committedAt, paidAt, codeAt, badCommitted] = [lines.column('planned'), lines.column('committed'), lines.column('paid'), lines.column('code'), lines.unreadable('committed')];
  // An indexed loop: for…of over 100 000 lines made an iterator result per line (the rule runs once, unoptimised).
  for (let i = 0; i < lines.length; i++) {
    const planned = plannedAt(i);
    const committed = committedAt(i);
    const paid = paidAt(i);
    if (committed !== undefined && planned !== undefined && committed > planned) {
      ctx.emit('execution.commitment-over-plan', lines.ref(i, 'committed'), { code: codeAt(i), expected: planned, actual: committed, gap: committed - planned });
    }
    if (paid !== undefined && hasCommitted && !badCommitted(i) && paid > (committed ?? 0)) {
      ctx.emit('execution.payment-over-commitment', lines.ref(i, 'paid'), { code: codeAt(i), expected: committed ?? 0, actual: paid, gap: paid - (committed ?? 0) });
    }
  }
};

/**
 * financing.duplicate-reference (warning): two financing lines carrying one commitment reference —
 * the same reading as the reconciliation's (reconcile/keys.ts), said by `check` too, without a ledger.
 */
export const duplicateReference: Rule = (ctx) => {
  const fin = linesOf(ctx.model, 'financing');
  const referenceAt = fin.column('reference');
  const duplicate = (i: number, first: number) => ctx.emit('financing.duplicate-reference', fin.ref(i, 'reference'), { code: referenceAt(i)!, other: fin.ref(first, 'reference').cell });
  duplicateReferences(fin.length, referenceAt, duplicate, fin.bytes?.('reference'));
};
