/**
 * The profile's facts as a sentence names them: an article ("Art. 7" → « article 7 »), the decision
 * a funder's amount awaits (its `instrument`). French first; the CES ESS's words come out unchanged.
 */

import { profile } from '../profile';

/** A profile's years as a list: « 2014, 2015 ou 2016 » (the built-in CES ESS's where none is given). */
export function yearList(years: readonly number[] | undefined, or: string): string {
  const y = years ?? profile.years;
  return y.length > 1 ? `${y.slice(0, -1).join(', ')} ${or} ${y[y.length - 1]}` : y.join('');
}

/** « 2014 à 2016 ». */
export const yearSpan = (years: readonly number[], to: string): string => `${years[0]} ${to} ${years[years.length - 1]}`;

/** "Art. 7" → "article 7", "Art. 2 §4.1" → "article 2, §4.1". */
export function articleFr(a: string): string {
  const m = /^Art\.\s*(\S+)(?:\s+(§.+))?$/.exec(a.trim());
  return m ? `article ${m[1]}${m[2] ? `, ${m[2]}` : ''}` : a;
}

/** "Art. 7" → "Article 7", "Art. 2 §4.1" → "Article 2 §4.1". */
export function articleEn(a: string): string {
  const m = /^Art\.\s*(\S+)(?:\s+(§.+))?$/.exec(a.trim());
  return m ? `Article ${m[1]}${m[2] ? ` ${m[2]}` : ''}` : a;
}

/**
 * A decision's words, from the instrument the profile names: « décision du comité régional
 * d’engagement » → its body (« comité régional d’engagement ») and what an amount depends on
 * (« du comité régional d’engagement »). An instrument that is not « décision de … » is its own body.
 */
export function decisionFr(instrument: string): { body: string; of: string } {
  const m = /^décision (du |de la |de l’|des )(.+)$/.exec(instrument);
  return m ? { body: m[2], of: `${m[1]}${m[2]}` } : { body: instrument, of: `de la décision suivante\u00a0: ${instrument}` };
}

/** "decision of the comité régional d’engagement" → body "comité régional d’engagement", of "the comité régional d’engagement". */
export function decisionEn(instrument: string): { body: string; of: string } {
  const m = /^decision of (the )?(.+)$/.exec(instrument);
  return m ? { body: m[2], of: `${m[1] ?? ''}${m[2]}` } : { body: instrument, of: instrument };
}

/** A convention's period as titles name it: « 2014-2016 ». */
export const periodSpan = (s: { years: readonly number[] }): string => `${s.years[0]}-${s.years[s.years.length - 1]}`;

/**
 * Why a year is closed only once it has ended, citing the article that closes the convention's
 * period (the CES ESS's: « l’article 8 couvre les engagements décidés pendant toute l’année »).
 */
export const yearCoveredFr = (article: string | null): string =>
  `${article ? `l’${articleFr(article)}` : 'la convention'} couvre les engagements décidés pendant toute l’année`;

export const yearCoveredEn = (article: string | null): string => `${article ? articleEn(article) : 'The convention'} covers the commitments decided during the whole year`;
