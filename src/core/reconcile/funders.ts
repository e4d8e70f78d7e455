/** The funders a ledger names, resolved once per distinct text (a ledger repeats one funder line after line). */
import { resolveFunder, type Lang } from '../contract';
import type { FunderKey, Model } from '../model';
import { closest, matchKey } from '../text';
import type { LedgerRef } from './ledger';
import type { RuleParams } from '../ruleParams';
import { funderNames } from '../conventionNames';

export function ledgerFunders(model: Model, lang: Lang, unknown: (at: LedgerRef, params: RuleParams['cell.unknown-funder']) => void) {
  const coByKey = new Map(model.coFunders.map((c) => [matchKey(c), c] as const));
  const resolveText = (text: string): FunderKey | null => {
    const id = resolveFunder(text, model.profile);
    if (id) return id;
    const co = coByKey.get(matchKey(text));
    return co !== undefined ? (`co:${co}` as FunderKey) : null;
  };
  const funderCache = new Map<string, FunderKey | null>();
  let lastText: string | undefined;
  let lastKey: FunderKey | null = null;
  const resolveLedgerFunder = (text: string, at: LedgerRef): FunderKey | null => {
    // Ledgers repeat one funder line after line.
    if (text === lastText) return lastKey;
    let k = funderCache.get(text);
    if (k !== undefined) {
      lastText = text;
      lastKey = k;
      return k;
    }
    if (k !== undefined) return k;
    k = resolveText(text);
    if (k === null) {
      const candidates = [...model.profile.funders.map((f) => ({ label: f.label[lang], keys: [f.label.fr, f.label.en, ...f.aliases] })), ...model.coFunders.map((c) => ({ label: c, keys: [c] }))];
      unknown(at, { text, suggestion: closest(text, candidates, (c) => c.keys)?.label, funders: funderNames(model.profile) });
    }
    funderCache.set(text, k);
    lastText = text;
    lastKey = k;
    return k;
  };
  return { resolveText, resolveLedgerFunder };
}
