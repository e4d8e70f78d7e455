/** How the reconciliation compares references, codes and funders, and groups line indexes under a key. */
import { funderLabel, type Lang } from '../contract';
import { perProfile, profile as builtIn, type Profile } from '../profile';
import type { FinancingFields, FunderKey, Row } from '../model';
import { matchKey } from '../text';

/** References compare ignoring case, spaces and punctuation: "EX-2014-CDC-001" = "ex 2014 cdc 001". */
export function referenceKey(s: string): string {
  // Fast path for the usual ASCII reference: one flat string (Map hashing is what costs on 100 000
  // distinct references); accents and other scripts go through matchKey.
  const l = s.toLowerCase();
  if (ALNUM.test(l)) return l;
  return /^[\x20-\x7e]*$/.test(l) ? l.replace(/[^a-z0-9]/g, '') : matchKey(s);
}
const ALNUM = /^[a-z0-9]*$/;

/** Action codes keep their dots ("I_1.1.1" ≠ "I_11.1"): only case and spaces are ignored. */
export const actionKey = (s: string) => s.trim().toUpperCase().replace(/\s+/g, '');

/** One index or several under a key: 100 000 references are nearly all distinct, and an array each would cost. */
export type Group = number | number[];

export function addTo(map: Map<string, Group>, k: string, i: number): number {
  const cur = map.get(k);
  if (cur === undefined) {
    map.set(k, i);
    return -1;
  }
  if (typeof cur === 'number') {
    map.set(k, [cur, i]);
    return cur;
  }
  cur.push(i);
  return cur[0];
}

/**
 * The financing lines grouped by reference: the one reading `check` (financing.duplicate-reference)
 * and `reconcile` (reconciliation.duplicate-reference) share. `duplicate(i, first)` is called for
 * each line whose reference an earlier line already carries; `keys[i]` is line i's reference key.
 */
export function financingByReference(fin: readonly Row<FinancingFields>[], duplicate: (i: number, first: number) => void): { keys: (string | null)[]; byRef: Map<string, Group> } {
  const keys: (string | null)[] = new Array(fin.length);
  const byRef = new Map<string, Group>();
  for (let i = 0; i < fin.length; i++) {
    const reference = fin[i].v.reference;
    const k = reference ? referenceKey(reference) || null : null;
    keys[i] = k;
    if (k === null) continue;
    const first = addTo(byRef, k, i);
    if (first >= 0) duplicate(i, first);
  }
  return { keys, byRef };
}

export const firstOf = (g: Group) => (typeof g === 'number' ? g : g[0]);
export const listOf = (g: Group): number[] => (typeof g === 'number' ? [g] : g);

/** Funder names per profile and language, made once: a ledger names one funder line after line. */
const displayCache = perProfile((): Record<Lang, Map<string, string>> => ({ fr: new Map(), en: new Map() }));

export function funderDisplay(key: FunderKey | null, lang: Lang, profile: Profile = builtIn): string | null {
  if (key === null) return null;
  const cache = displayCache(profile)[lang];
  let d = cache.get(key);
  if (d === undefined) {
    d = key.startsWith('co:') ? key.slice(3) : funderLabel(key, lang, profile);
    cache.set(key, d);
  }
  return d;
}
