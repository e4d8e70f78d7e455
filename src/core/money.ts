import Decimal from 'decimal.js';

/**
 * Amounts are integer cents held in a JS number: exact up to 2^53 cents (90 000 milliards d'euros),
 * far beyond any public budget, and much faster than a Decimal per cell on 100 000 lines.
 * decimal.js handles the few values that are not plain cents (float noise, sub-cent, rates).
 */
export type Cents = number;

export type AmountReading =
  | { kind: 'ok'; cents: Cents }
  | { kind: 'sub-cent'; value: string }
  | { kind: 'not-finite' };

/** Excel keeps 15 significant digits: a formula's 1234.5600000000001 is 1 234,56 €. */
export function readCellNumber(n: number): AmountReading {
  if (!Number.isFinite(n)) return { kind: 'not-finite' };
  const c = Math.round(n * 100);
  // Fast exact path: n is the double nearest to c/100, so its 15-digit form is c/100 itself.
  if (c / 100 === n && Math.abs(c) < 1e15) return { kind: 'ok', cents: c === 0 ? 0 : c };
  const d = new Decimal(n.toPrecision(15));
  if (d.decimalPlaces() > 2) return { kind: 'sub-cent', value: d.toString() };
  return { kind: 'ok', cents: d.times(100).toNumber() };
}

/** Exact cents from a decimal string such as "2387500.00" or "-12.5" (JSON, CLI flags, ledgers). */
export function centsFromDecimalString(s: string): Cents | null {
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return null;
  const d = new Decimal(s);
  if (d.decimalPlaces() > 2) return null;
  return d.times(100).toNumber();
}

/** "2387500.00": the JSON form of an amount. */
export function centsToDecimalString(c: Cents): string {
  const neg = c < 0;
  const a = Math.abs(c);
  const euros = Math.floor(a / 100);
  const rest = a - euros * 100;
  return `${neg ? '-' : ''}${euros}.${rest < 10 ? '0' : ''}${rest}`;
}

export function centsToNumber(c: Cents): number {
  return c / 100;
}

const NBSP = '\u00a0';

function groupThousands(digits: string, sep: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
    out += digits[i];
  }
  return out;
}

/**
 * French accounting format, "2 387 500,00 €" (no-break spaces, so an amount never wraps);
 * English, "€2,387,500.00".
 */
export function formatEuros(c: Cents, lang: 'fr' | 'en' = 'fr'): string {
  const neg = c < 0;
  const a = Math.abs(c);
  const euros = String(Math.floor(a / 100));
  const rest = a % 100;
  const cents = rest < 10 ? `0${rest}` : String(rest);
  if (lang === 'en') return `${neg ? '-' : ''}€${groupThousands(euros, ',')}.${cents}`;
  return `${neg ? '-' : ''}${groupThousands(euros, NBSP)},${cents}${NBSP}€`;
}

/** A signed gap, "+1,00 €" / "-250,00 €", so the reader sees at once which way it goes. */
export function formatGap(c: Cents, lang: 'fr' | 'en' = 'fr'): string {
  return c > 0 ? `+${formatEuros(c, lang)}` : formatEuros(c, lang);
}

/** A rate in percent with one decimal, exact (decimal.js), or null when the base is zero. */
export function rate(part: Cents, whole: Cents): string | null {
  if (whole === 0) return null;
  return new Decimal(part).dividedBy(whole).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
}

export function formatRate(r: string | null, lang: 'fr' | 'en' = 'fr'): string {
  if (r === null) return '–';
  return lang === 'fr' ? `${r.replace('.', ',')}${NBSP}%` : `${r}%`;
}

/**
 * What an amount typed as text would be as a number, to suggest the fix: "2 387 500,00 €" → 238750000.
 * Returns null when the text is no amount at all ("deux millions").
 */
export function centsFromFrenchText(s: string): Cents | null {
  const t = s
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(€|EUR|euros?)$/i, '')
    .replace(/^(€)/, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return centsFromDecimalString(t.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d+,\d+$/.test(t)) return centsFromDecimalString(t.replace(',', '.'));
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return centsFromDecimalString(t.replace(/,/g, ''));
  if (/^-?\d+(\.\d+)?$/.test(t)) return centsFromDecimalString(t);
  return null;
}
