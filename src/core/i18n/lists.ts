/**
 * The convention's names in a sentence (issue 23): a list « A, B ou C », a count in words (« l’article
 * 1 en fixe trois »), a body's name with its article (« le COPIL », « du Comité des financeurs »).
 * The catalogues use these on what the workbook's profile gives; the CES ESS's read as they always have.
 */

/** ["A", "B", "C"] → « A, B ou C » (`or`: « ou », "or"). */
export function orList(items: readonly string[], or: string): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}` : (items[0] ?? '');
}

/** A label's last word when it numbers a series (« Comité technique Axe 2 » → « 2 »): a number, a letter, a roman numeral. */
const SERIES = /^(.+)\s(\d+|[A-Z]|[IVX]+)$/;

/**
 * Labels as a list, a series said once: « Comité technique Axe 1 », « … Axe 2 », « … Axe 3 » next to
 * each other → « Comité technique Axe 1, 2 ou 3 ».
 */
export function seriesList(labels: readonly string[], or: string): string {
  const groups: { stem: string | null; items: string[] }[] = [];
  for (const label of labels) {
    const m = SERIES.exec(label);
    const last = groups[groups.length - 1];
    if (m && last && last.stem === m[1]) last.items.push(m[2]);
    else groups.push({ stem: m ? m[1] : null, items: [m ? m[2] : label] });
  }
  return orList(
    groups.map((g) => (g.stem === null ? g.items[0] : `${g.stem} ${orList(g.items, or)}`)),
    or,
  );
}

const FR_COUNTS = ['aucun', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'];
const EN_COUNTS = ['none', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** 3 → « trois » (a masculine noun: un axe), digits beyond ten. */
export const countFr = (n: number): string => FR_COUNTS[n] ?? String(n);
export const countEn = (n: number): string => EN_COUNTS[n] ?? String(n);

/** Nouns that make a body's name feminine (« la Commission permanente »); any other is masculine (« le Comité »). */
const FEMININE = /^(commission|conférence|conference|rencontre|cellule|instance|réunion|reunion|délégation|delegation|direction|assemblée|assemblee|équipe|equipe|revue)\b/i;
const VOWEL = /^[aeiouyàâäéèêëîïôöùûü]/i;

/** « le COPIL », « l’Assemblée des territoires », « la Commission permanente ». */
export function theFr(name: string): string {
  return VOWEL.test(name) ? `l’${name}` : FEMININE.test(name) ? `la ${name}` : `le ${name}`;
}

/** « du COPIL », « de l’Assemblée des territoires », « de la Commission permanente ». */
export function ofFr(name: string): string {
  return VOWEL.test(name) ? `de l’${name}` : FEMININE.test(name) ? `de la ${name}` : `du ${name}`;
}

/**
 * How the contract stands to the text's words on its number of actions: « est resserré autour d’une
 * vingtaine d’actions » (the CES's, a participle), « prévoit une douzaine d’actions au plus » (a quantity).
 */
export function contractFr(words: string): string {
  return /^(une?|des|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|au plus|au maximum|au moins|jusqu|moins|plus|\d)/i.test(words) ? `prévoit ${words}` : `est ${words}`;
}
