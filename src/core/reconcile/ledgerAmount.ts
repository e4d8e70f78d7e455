/** A ledger's amounts: French or English decimal marks, spaces between thousands, into integer cents. */
import type { Cents } from '../money';

export type DecimalMark = 'comma' | 'point';

export type LedgerAmount = { kind: 'ok'; cents: Cents } | { kind: 'blank' } | { kind: 'sub-cent'; text: string } | { kind: 'not-an-amount'; text: string };

const SPACES = /[\s\u00a0\u202f\u2007']/g;
const FAST_AMOUNT = /^(-?)(\d{1,3}(?:[ \u00a0\u202f]?\d{3})*)(?:[,.](\d{1,2}))?$/;

function digitsToCents(intPart: string, frac: string, neg: boolean): Cents {
  const c = Number(intPart) * 100 + (frac.length === 0 ? 0 : frac.length === 1 ? Number(frac) * 10 : Number(frac));
  return neg && c !== 0 ? -c : c;
}

/**
 * A French (or English) amount written as text: "1 234,56", "1 234,56 €", "-50 000,00", "(50 000,00)",
 * "1.234,56", "1234.56". Thousands may be grouped by spaces, U+00A0, U+202F or the other mark.
 * A single separator followed by exactly three digits is a thousands group when the file's decimal
 * mark is the other one ("1.234" in a ";" file is 1 234 €), a decimal mark otherwise.
 */
export function parseLedgerAmount(input: string, decimal: DecimalMark = 'comma'): LedgerAmount {
  // Fast path for the common shapes ("-1 234,56", "1234.5", "12"): no copy, no ambiguity.
  const f = FAST_AMOUNT.exec(input);
  if (f) {
    const int = f[2].length > 3 ? f[2].replace(SPACES, '') : f[2];
    if (int.length <= 13) return { kind: 'ok', cents: digitsToCents(int, f[3] ?? '', f[1] === '-') };
  }
  let t = input.replace(SPACES, '');
  if (t === '') return { kind: 'blank' };
  let neg = false;
  if (/^\(.*\)$/.test(t)) {
    neg = true;
    t = t.slice(1, -1);
  }
  t = t.replace(/^(€|EUR)/i, '').replace(/(€|EUR|euros?)$/i, '');
  if (t.startsWith('-') || t.startsWith('−')) {
    neg = !neg;
    t = t.slice(1);
  } else if (t.endsWith('-')) {
    neg = !neg;
    t = t.slice(0, -1);
  } else if (t.startsWith('+')) t = t.slice(1);
  if (!/^[\d.,]+$/.test(t) || !/\d/.test(t)) return { kind: 'not-an-amount', text: input.trim() };
  const commas = t.split(',').length - 1;
  const points = t.split('.').length - 1;
  let intPart: string;
  let frac = '';
  if (commas && points) {
    // Both marks: the last one is the decimal mark, the other groups thousands.
    const dec = t.lastIndexOf(',') > t.lastIndexOf('.') ? ',' : '.';
    const grp = dec === ',' ? '.' : ',';
    const [i, f, ...more] = t.split(dec);
    if (more.length || !new RegExp(`^\\d{1,3}(\\${grp}\\d{3})*$`).test(i)) return { kind: 'not-an-amount', text: input.trim() };
    intPart = i.split(grp).join('');
    frac = f;
  } else if (commas || points) {
    const mark = commas ? ',' : '.';
    const parts = t.split(mark);
    const grouped = parts.length > 2 || (parts[1].length === 3 && (mark === ',' ? decimal === 'point' : decimal === 'comma'));
    if (grouped) {
      if (!/^\d{1,3}$/.test(parts[0]) || parts.slice(1).some((p) => p.length !== 3)) return { kind: 'not-an-amount', text: input.trim() };
      intPart = parts.join('');
    } else {
      intPart = parts[0] === '' ? '0' : parts[0];
      frac = parts[1];
    }
  } else intPart = t;
  if (!/^\d+$/.test(intPart) || !/^\d*$/.test(frac)) return { kind: 'not-an-amount', text: input.trim() };
  frac = frac.replace(/0+$/, '');
  if (frac.length > 2) return { kind: 'sub-cent', text: input.trim() };
  if (intPart.length > 13) return { kind: 'not-an-amount', text: input.trim() };
  return { kind: 'ok', cents: digitsToCents(intPart, frac, neg) };
}
