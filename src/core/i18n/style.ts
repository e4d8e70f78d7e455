/**
 * The message style guide, one for both languages, applied by test/core/i18n-style.test.ts to every
 * message of fr.ts and en.ts.
 *
 * French (Lexique des règles typographiques en usage à l'Imprimerie nationale):
 * - a no-break space before « : » (U+00A0) and a narrow no-break space before « ; », « ! », « ? »
 *   (U+202F; U+00A0 is accepted too), so that the sign never starts a line;
 * - no-break spaces inside the guillemets: «\u00a0texte\u00a0»;
 * - one apostrophe, the typographic ’ (U+2019), never the straight ' (U+0027);
 * - dates 31/12/2015, amounts 2 387 500,00 € (money.ts).
 * English: no space before : ; ! ?, the same ’ apostrophe; straight double quotes around a quoted
 * value are the English habit and are kept.
 * Sheet references (Convention!C10, 'Participations 2014'!A5), ranges (A4:C5) and times are not punctuation: a sign between
 * two letters or digits is left alone.
 */
import type { Lang } from '../contract';

export const NBSP = '\u00a0';
export const NNBSP = '\u202f';
export const APOSTROPHE = '’';

export interface StyleViolation {
  rule: string;
  at: number;
  excerpt: string;
}

const around = (s: string, i: number) => s.slice(Math.max(0, i - 12), i + 12);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}$_\-.]/u.test(c);

export function styleViolations(text: string, lang: Lang): StyleViolation[] {
  const out: StyleViolation[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const prev = text[i - 1];
    const next = text[i + 1];
    // The closing quote of a quoted sheet name ('Participations 2014'!A5) is no apostrophe.
    if (c === "'" && /\p{L}/u.test(prev ?? '') && next !== '!') out.push({ rule: `apostrophe ${APOSTROPHE}`, at: i, excerpt: around(text, i) });
    if (':;!?'.includes(c)) {
      // A reference or a range (Convention!C10, A4:C5, 10:30), not punctuation.
      if (isWordChar(prev) && isWordChar(next)) continue;
      // A quoted sheet's reference ('Participations 2014'!A5), not punctuation.
      if (c === '!' && prev === "'" && isWordChar(next)) continue;
      if (lang === 'fr') {
        const ok = c === ':' ? prev === NBSP : prev === NNBSP || prev === NBSP;
        // "…?" after a closing quote or parenthesis is still punctuation: it needs its space too.
        if (!ok && i > 0) out.push({ rule: `espace insécable avant ${c}`, at: i, excerpt: around(text, i) });
      } else if (prev === ' ' || prev === NBSP || prev === NNBSP) {
        out.push({ rule: `no space before ${c}`, at: i, excerpt: around(text, i) });
      }
    }
    if (lang === 'fr' && c === '«' && next !== NBSP) out.push({ rule: 'espace insécable après «', at: i, excerpt: around(text, i) });
    if (lang === 'fr' && c === '»' && prev !== NBSP) out.push({ rule: 'espace insécable avant »', at: i, excerpt: around(text, i) });
  }
  return out;
}
