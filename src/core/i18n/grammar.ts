/**
 * A convention's names inside a sentence (titles and hints of core/ruleWords.ts, the messages'
 * parameters of core/conventionNames.ts): the French article a name takes (« du COPIL », « de
 * l’Assemblée », « la CDC »), lists (« A, B ou C », a series said once), counts and frequencies in
 * words, the English short form of a body. A profile gives labels, not genders: the gender is read from the
 * name's first word, else the usual one of its kind (a body masculine, a funder feminine: `usual`).
 */

type Gender = 'm' | 'f';

const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
/** Before a vowel, the article elides (« l’État », « de l’ADEME »); an h is left alone (aspirated or not, the profile cannot say). */
const elides = (label: string) => /^[aeiouy]/.test(plain(label));

const MASCULINE = new Set(['comite', 'conseil', 'bureau', 'groupe', 'groupement', 'atelier', 'college', 'copil', 'cotech', 'fonds', 'ministere', 'departement', 'syndicat', 'pole', 'jury', 'forum', 'secretariat', 'reseau', 'service', 'centre', 'office', 'cabinet', 'etat']);
const FEMININE = new Set(['revue', 'commission', 'assemblee', 'conference', 'rencontre', 'cellule', 'equipe', 'instance', 'reunion', 'region', 'metropole', 'banque', 'caisse', 'cdc', 'agence', 'communaute', 'ville', 'commune', 'direction', 'delegation', 'mission', 'prefecture', 'chambre', 'collectivite', 'federation', 'association', 'union', 'fondation', 'mutuelle']);

function genderFr(label: string, usual: Gender): Gender {
  const first = plain(label).split(/[\s’'-]/)[0];
  if (MASCULINE.has(first)) return 'm';
  if (FEMININE.has(first) || /(ion|ence|ance|ee|ure)$/.test(first)) return 'f';
  return usual;
}

/** « de » and a body's name: « du COPIL », « du Comité des financeurs », « de l’Assemblée des territoires », « de la Commission ». */
export function ofFr(label: string, usual: Gender = 'm'): string {
  if (elides(label)) return `de l’${label}`;
  return genderFr(label, usual) === 'm' ? `du ${label}` : `de la ${label}`;
}

/** A name with its article: « le COPIL », « l’ADEME », « la CDC » (a funder: `usual` 'f', its kind's usual gender). */
export function theFr(label: string, usual: Gender = 'm'): string {
  if (elides(label)) return `l’${label}`;
  return genderFr(label, usual) === 'm' ? `le ${label}` : `la ${label}`;
}

/** ["A", "B", "C"] → « A, B ou C » (`or`: « ou », "or"). */
export function orList(items: readonly string[], or: string): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}` : (items[0] ?? '');
}

/** "Steering committee (COPIL)" → "COPIL", the name a body goes by; without one, its name in a sentence ("funders’ committee"). */
export function shortEn(label: string): string {
  return /\(([A-Z][A-Z0-9]+)\)\s*$/.exec(label)?.[1] ?? nameEn(label);
}

/** "Steering committee (COPIL)" → "steering committee": the name inside a sentence (an acronym keeps its capitals). */
export function nameEn(label: string): string {
  const name = label.replace(/\s*\([^)]*\)\s*$/, '');
  return /^[A-Z0-9]{2,}\b/.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

const NUMBERS_FR = ['zéro', 'une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze'];
const NUMBERS_EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** Meetings a year in words: « une ou deux », « au moins deux », « une »; "one or two", "at least two", "one". */
export function meetingsWords(min: number, max: number | null, lang: 'fr' | 'en'): string {
  const [n, or, to, least] = lang === 'fr' ? [NUMBERS_FR, 'ou', 'à', 'au moins'] : [NUMBERS_EN, 'or', 'to', 'at least'];
  const w = (x: number) => n[x] ?? String(x);
  if (max === null) return `${least} ${w(min)}`;
  if (max === min) return w(min);
  return `${w(min)} ${max === min + 1 ? or : to} ${w(max)}`;
}

/** « vingtaine » → "about twenty": the round numbers a French text writes in « -aine ». */
export const APPROX_EN: Record<string, string> = {
  dizaine: 'about ten',
  douzaine: 'about a dozen',
  quinzaine: 'about fifteen',
  vingtaine: 'about twenty',
  trentaine: 'about thirty',
  quarantaine: 'about forty',
  cinquantaine: 'about fifty',
  soixantaine: 'about sixty',
  centaine: 'about a hundred',
};

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
/** 3 → « trois », counting a masculine noun (un axe; meetingsWords counts réunions: « une »), digits beyond ten. */
export const countFr = (n: number): string => FR_COUNTS[n] ?? String(n);
export const countEn = (n: number): string => EN_COUNTS[n] ?? String(n);

/**
 * How the contract stands to the text's words on its number of actions: « est resserré autour d’une
 * vingtaine d’actions » (the CES's, a participle), « prévoit une douzaine d’actions au plus » (a quantity).
 */
export function contractFr(words: string): string {
  return /^(une?|des|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|au plus|au maximum|au moins|jusqu|moins|plus|\d)/i.test(words) ? `prévoit ${words}` : `est ${words}`;
}
