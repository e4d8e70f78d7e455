import { rawFinding, type RawFinding, type RuleId } from '../findings';
import type { RuleParams } from '../ruleParams';
import type { Model, Ref } from '../model';
import { funderLabel, type Lang } from '../contract';
import { signatureDate, type Profile } from '../profile';
import type { FunderKey } from '../model';

export interface RuleContext {
  model: Model;
  /** The convention of the workbook being checked (model.profile): every rule reads it, never a module's. */
  profile: Profile;
  /** UTC midnight of the as-of date. */
  asOf: Date;
  emit<R extends RuleId>(rule: R, ref: Ref, params: RuleParams[R]): void;
}

export type Rule = (ctx: RuleContext) => void;

export function makeContext(model: Model, asOf: Date, out: RawFinding[]): RuleContext {
  return {
    model,
    profile: model.profile,
    asOf,
    emit: (rule, ref, params) => out.push(rawFinding(rule, ref, params)),
  };
}

/**
 * A year has begun on its 1 January (the first one at the signature, profile.usages.firstYearFrom:
 * nothing is due under a contract not yet signed), is finished once 31 December is past.
 */
export const hasBegun = (ctx: RuleContext, year: number) =>
  ctx.asOf.getTime() >= (year === ctx.profile.years[0] && ctx.profile.usages.firstYearFrom === 'signature' ? signatureDate(ctx.profile).getTime() : Date.UTC(year, 0, 1));
export const isFinished = (ctx: RuleContext, year: number) => ctx.asOf.getTime() >= Date.UTC(year + 1, 0, 1);

export function funderName(key: FunderKey, lang: Lang = 'fr', p?: Profile): string {
  return key.startsWith('co:') ? key.slice(3) : funderLabel(key, lang, p);
}

/** A funder as the messages name it, in the workbook's profile (a co-funder by its header). */
export const nameOf = (ctx: RuleContext, key: FunderKey): string => funderName(key, 'fr', ctx.profile);

/** A date the workbook records counts only once it is reached: a bilan "reçu le 31/03/2017" is not received at 31/12/2016. */
export const isReached = (ctx: RuleContext, d: Date | undefined): d is Date => d !== undefined && d.getTime() <= ctx.asOf.getTime();
