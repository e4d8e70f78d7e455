/** How the reconciliation compares references, codes and funders, and groups line indexes under a key. */
import { funderLabel, type Lang } from '../contract';
import { perProfile, profile as builtIn, type Profile } from '../profile';
import type { FinancingFields, FunderKey, Row } from '../model';
import { matchKey } from '../text';
import type { ByteSpan } from '../tableGrid';

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
  return byReference(fin.length, (i) => fin[i].v.reference, duplicate);
}

/** financingByReference on `length` lines whose references `referenceAt` reads. */
function byReference(length: number, referenceAt: (i: number) => string | undefined, duplicate: (i: number, first: number) => void): { keys: (string | null)[]; byRef: Map<string, Group> } {
  const keys: (string | null)[] = new Array(length);
  const byRef = new Map<string, Group>();
  for (let i = 0; i < length; i++) {
    const reference = referenceAt(i);
    const k = reference ? referenceKey(reference) || null : null;
    keys[i] = k;
    if (k === null) continue;
    const first = addTo(byRef, k, i);
    if (first >= 0) duplicate(i, first);
  }
  return { keys, byRef };
}

/** A character of a printable-ASCII reference as its key keeps it (referenceKey: letters and digits, lower case), else -1. */
const keyChar = (c: number) => (c >= 0x41 && c <= 0x5a ? c + 0x20 : (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) ? c : -1);

const FNV_START = 0x811c9dc5;
const fnv = (h: number, c: number) => Math.imul(h ^ c, 0x01000193);

/**
 * The key referenceKey makes of a printable-ASCII reference held as Latin-1 bytes, hashed (FNV-1a),
 * without making the string; -1: not such a reference; -2: an empty key. Untrimmed: the spaces
 * cellText trims give no key character, and any other byte it trims (a tab, a no-break space) is
 * outside printable ASCII, so -1 sends the line to the string's reading.
 */
function spanKeyHash({ bytes, from, to }: ByteSpan): number {
  let h = FNV_START;
  let n = 0;
  for (let j = from; j < to; j++) {
    const code = bytes[j];
    if (code < 0x20 || code > 0x7e) return -1;
    const c = keyChar(code);
    if (c < 0) continue;
    h = fnv(h, c);
    n++;
  }
  return n === 0 ? -2 : h >>> 0;
}

/** A string's characters, when all are ASCII, copied here to be hashed as bytes (spanKeyHash): one hash for both. */
const ascii: ByteSpan = { bytes: new Uint8Array(256), from: 0, to: 0 };

/** spanKeyHash of a reference held as a string. */
function asciiKeyHash(s: string): number {
  if (s.length > ascii.bytes.length) ascii.bytes = new Uint8Array(s.length * 2);
  for (let j = 0; j < s.length; j++) {
    const code = s.charCodeAt(j);
    if (code > 0x7e) return -1;
    ascii.bytes[j] = code;
  }
  ascii.to = s.length;
  return spanKeyHash(ascii);
}

/** The same hash of a key already made (any reference: referenceKey's). */
function keyHash(k: string): number {
  let h = FNV_START;
  for (let j = 0; j < k.length; j++) h = fnv(h, k.charCodeAt(j));
  return h >>> 0;
}

const printable = (s: string) => /^[\x20-\x7e]*$/.test(s);

/** referenceKey(a) === referenceKey(b), without making either key when both are printable ASCII (nearly always). */
function sameKey(a: string, b: string): boolean {
  if (!printable(a) || !printable(b)) return referenceKey(a) === referenceKey(b);
  let i = 0;
  let j = 0;
  for (;;) {
    let ca = -1;
    while (ca < 0 && i < a.length) ca = keyChar(a.charCodeAt(i++));
    let cb = -1;
    while (cb < 0 && j < b.length) cb = keyChar(b.charCodeAt(j++));
    if (ca !== cb) return false;
    if (ca < 0) return true;
  }
}

/** Line numbers + 1 that fit a slot beside an 11-bit piece of the hash (a sheet holds at most 1 048 576 rows). */
const LINE_BITS = 21;
const LINE_MASK = (1 << LINE_BITS) - 1;

/**
 * What financingByReference says through `duplicate(i, first)`, for `check`, which keeps no key:
 * each reference's key is hashed in place into an open-addressing table (one 32-bit slot a line and
 * a half: the line number and 11 bits of the hash, so that a line is read again only when they
 * agree), equal keys confirmed by comparing the two references. No key string nor Map entry per
 * line: on 1 000 000 distinct references those were the peak of the rule pass. A reference with
 * accents or other scripts has its key made (referenceKey) and hashed the same way, so it meets its
 * ASCII twin. A reference the host keeps as bytes (`bytesAt`: the .xlsx reader's packed shared
 * strings) is hashed from them: its string is made only when two lines' tags agree.
 */
export function duplicateReferences(
  length: number,
  referenceAt: (i: number) => string | undefined,
  duplicate: (i: number, first: number) => void,
  /** Line i's reference as bytes when the host keeps it so (Lines.bytes): hashed without making its string. */
  bytesAt?: ((i: number, out: ByteSpan) => boolean) | null,
): void {
  if (length >= LINE_MASK) return void byReference(length, referenceAt, duplicate);
  const size = Math.max(1024, Math.ceil(length * 1.5));
  const slots = new Uint32Array(size); // 0: free
  const span: ByteSpan = { bytes: new Uint8Array(0), from: 0, to: 0 };
  for (let i = 0; i < length; i++) {
    // -1: hashed from the string (not kept as bytes, or beyond printable ASCII); -2: no key (blank, or no letter nor digit).
    let h = bytesAt && bytesAt(i, span) ? spanKeyHash(span) : -1;
    if (h === -2) continue;
    let reference: string | undefined;
    if (h === -1) {
      reference = referenceAt(i);
      if (!reference) continue;
      h = asciiKeyHash(reference);
      if (h === -2) continue;
      if (h === -1) {
        const k = referenceKey(reference);
        if (!k) continue;
        h = keyHash(k);
      }
    }
    const tag = h >>> LINE_BITS;
    for (let at = h % size; ; at = at + 1 === size ? 0 : at + 1) {
      const slot = slots[at];
      if (slot === 0) {
        slots[at] = ((tag << LINE_BITS) | (i + 1)) >>> 0;
        break;
      }
      // The line already there is read again (no copy of every reference kept) only when the tags agree.
      const held = (slot & LINE_MASK) - 1;
      if (slot >>> LINE_BITS === tag && sameKey(referenceAt(held)!, (reference ??= referenceAt(i)!))) {
        duplicate(i, held);
        break;
      }
    }
  }
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
