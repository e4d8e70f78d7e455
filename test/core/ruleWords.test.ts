/**
 * Issue 23: a rule's title and its « Que faire » hint speak the workbook's convention
 * (core/ruleWords.ts). The CES ESS's come out exactly as the fixed strings they were
 * (test/fixtures/ces-rule-titles.json, taken from the catalogues before this change); the second
 * convention of the tests gets its own period, article, bank and bodies, and no CES word (the style
 * guide holds for both: test/core/i18n-style.test.ts).
 */
import { RULE_IDS, type RuleId } from '../../src/core/findings';
import { messages } from '../../src/core/i18n';
import { meetingsWords, nameEn, ofFr, orList, shortEn, theFr } from '../../src/core/i18n/grammar';
import { profile as ces, profileFromDocument, type Profile, type ProfileDocument } from '../../src/core/profile';
import { ruleHint, ruleTitle, ruleWordsOf } from '../../src/core/ruleWords';
import before from '../fixtures/ces-rule-titles.json';
import fixture from '../fixtures/profiles/transition-2021-2024.json';

const second = profileFromDocument(fixture as ProfileDocument);
const LANGS = ['fr', 'en'] as const;

/** Every title and hint of a profile in `lang`, keyed by rule. */
function worded(p: Profile, lang: 'fr' | 'en'): { titles: Record<string, string>; hints: Record<string, string> } {
  const hints: Record<string, string> = {};
  for (const r of RULE_IDS) {
    const h = ruleHint(r, lang, p);
    if (h !== undefined) hints[r] = h;
  }
  return { titles: Object.fromEntries(RULE_IDS.map((r) => [r, ruleTitle(r, lang, p)])), hints };
}

describe.each(LANGS)('%s', (lang) => {
  test('the CES ESS 2014-2016: every title and hint is the text it always was', () => {
    expect(worded(ces, lang)).toEqual(before[lang]);
  });

  test('the second convention: no title or hint says a word of the CES ESS', () => {
    const { titles, hints } = worded(second, lang);
    // The Export COPIL tab is the add-in's own name, whatever the convention: a hint may point to it.
    const tab = messages[lang].ui.tabs.export;
    const all = [...Object.values(titles), ...Object.values(hints)].map((t) => t.split(tab).join(''));
    const ces = /\bCDC\b|COPIL|\b2014\b|\b2016\b|Animation|vingtaine|twenty|article 7\b|Article 7\b|Rhône-Alpes|CRESS/;
    expect(all.filter((t) => ces.test(t))).toEqual([]);
    expect(all.filter((t) => /undefined|NaN|\[object|null/.test(t))).toEqual([]);
  });
});

test('the second convention in French: its period, its Art. 10, its bank, its bodies, its axes', () => {
  const t = (r: RuleId) => ruleTitle(r, 'fr', second);
  const h = (r: RuleId) => ruleHint(r, 'fr', second);
  expect(t('period.outside')).toBe('Hors de la période 2021-2024');
  expect(t('avenant.irregular')).toBe('Avenant signé hors de l’ordre de l’article 10');
  expect(t('convention.cdc-undecided')).toBe('Montant Banque publique d’investissement non décidé');
  expect(t('action.added-without-copil')).toBe('Action ajoutée sans décision du Comité des financeurs');
  expect(t('actions.too-many')).toBe('Plus d’une douzaine d’actions');
  expect(h('cell.unknown-funder')).toBe('Choisissez Région, ADEME, Banque publique d’investissement, Métropole ou un partenaire inscrit dans Partenaires.');
  expect(h('cell.bad-year')).toBe('Saisissez une année de 2021 à 2024, en quatre chiffres.');
  expect(h('period.outside')).toBe('Corrigez la date ou l’année\u00a0: le contrat couvre 2021 à 2024.');
  expect(h('axis.unknown')).toBe('Choisissez l’un des axes de la convention\u00a0: Axe A ou Axe B.');
  expect(h('convention.cdc-undecided')).toBe('Saisissez le montant quand la Banque publique d’investissement l’aura décidé\u00a0; d’ici là, rien à corriger.');
  expect(h('action.added-without-copil')).toBe('Indiquez la date du Comité des financeurs qui a décidé l’ajout de l’action.');
  expect(h('reporting.final-bilan-scope')).toBe('Faites porter le bilan final sur toute la période 2021-2024.');
});

test('the second convention in English', () => {
  const t = (r: RuleId) => ruleTitle(r, 'en', second);
  const h = (r: RuleId) => ruleHint(r, 'en', second);
  expect(t('period.outside')).toBe('Outside the 2021-2024 period');
  expect(t('avenant.irregular')).toBe('Amendment signed out of Article 10’s order');
  expect(t('convention.cdc-undecided')).toBe('Public investment bank amount not decided');
  expect(t('action.added-without-copil')).toBe('Action added without a funders’ committee decision');
  expect(t('actions.too-many')).toBe('More than about a dozen actions');
  expect(h('cell.bad-year')).toBe('Type a year from 2021 to 2024, in four digits.');
  expect(h('axis.unknown')).toBe('Choose one of the convention’s axes: Axe A or Axe B.');
  expect(h('convention.cdc-undecided')).toBe('Type the amount once the Public investment bank has decided it; until then, nothing to correct.');
  expect(h('action.added-without-copil')).toBe('Give the date of the funders’ committee that added the action.');
});

test('a convention read from its words: the round maximum, several undecided funders, a COPIL of its own', () => {
  const doc = structuredClone(fixture) as ProfileDocument;
  doc.actions.maxWords = 'au plus quinze actions';
  doc.amounts.find((a) => a.funder === 'ademe' && a.year === 2024)!.amount = null;
  doc.actions.addedBy = 'assemblee';
  doc.bodies.push({ id: 'assemblee', label: { fr: 'Assemblée plénière', en: 'Plenary assembly' }, aliases: [], min: 1, max: null, rule: 'governance.copil', duty: 'obligation', words: 'se réunit au moins une fois par an', article: 'Art. 8' });
  const p = profileFromDocument(doc);
  expect(ruleWordsOf(p).actionsApprox).toBeNull();
  expect(ruleTitle('actions.too-many', 'fr', p)).toBe('Plus de 12 actions');
  expect(ruleTitle('actions.too-many', 'en', p)).toBe('More than 12 actions');
  expect(ruleTitle('convention.cdc-undecided', 'fr', p)).toBe('Montant ADEME ou Banque publique d’investissement non décidé');
  expect(ruleHint('convention.cdc-undecided', 'fr', p)).toBe('Saisissez le montant quand l’ADEME ou la Banque publique d’investissement l’aura décidé\u00a0; d’ici là, rien à corriger.');
  expect(ruleTitle('action.added-without-copil', 'fr', p)).toBe('Action ajoutée sans décision de l’Assemblée plénière');
  expect(ruleTitle('governance.copil', 'fr', p)).toBe('Nombre de réunions de l’Assemblée plénière inférieur à 1 par an');
  expect(ruleTitle('governance.copil', 'en', p)).toBe('Fewer than 1 plenary assembly meeting a year');
  expect(ruleHint('governance.copil', 'fr', p)).toBe('Inscrivez dans Instances les réunions de l’Assemblée plénière de l’année (au moins une).');
  expect(ruleHint('governance.copil', 'en', p)).toBe('Record the year’s plenary assembly meetings (at least one) in Instances.');
  // Computed once per profile object, as every perProfile fact.
  expect(ruleWordsOf(p)).toBe(ruleWordsOf(p));
});

test('a body counted by governance.copil that is no acronym: its meetings, as often as the text says', () => {
  const doc = structuredClone(fixture) as ProfileDocument;
  doc.bodies.find((b) => b.id === 'comite-suivi')!.rule = 'governance.copil';
  const p = profileFromDocument(doc);
  expect(ruleTitle('governance.copil', 'fr', p)).toBe('Nombre de réunions du Comité de suivi différent de 1 par an');
  expect(ruleTitle('governance.copil', 'en', p)).toBe('Monitoring committee meetings other than 1 a year');
  expect(ruleHint('governance.copil', 'fr', p)).toBe('Inscrivez dans Instances les réunions du Comité de suivi de l’année (une).');
  expect(ruleHint('governance.copil', 'en', p)).toBe('Record the year’s monitoring committee meetings (one) in Instances.');
});

test('names in a sentence: a body masculine unless its name says otherwise, a funder feminine, elided before a vowel', () => {
  expect(['COPIL', 'Comité de suivi', 'Conseil d’administration', 'Commission permanente', 'Assemblée des territoires', 'Rencontre régionale'].map((b) => ofFr(b))).toEqual([
    'du COPIL',
    'du Comité de suivi',
    'du Conseil d’administration',
    'de la Commission permanente',
    'de l’Assemblée des territoires',
    'de la Rencontre régionale',
  ]);
  expect(theFr('COPIL')).toBe('le COPIL');
  expect(['CDC', 'Région', 'État', 'ADEME', 'Département de l’Isère', 'Banque publique d’investissement'].map((f) => theFr(f, 'f'))).toEqual([
    'la CDC',
    'la Région',
    'l’État',
    'l’ADEME',
    'le Département de l’Isère',
    'la Banque publique d’investissement',
  ]);
  expect([orList(['A'], 'ou'), orList(['A', 'B', 'C'], 'ou'), orList([], 'or')]).toEqual(['A', 'A, B ou C', '']);
  expect([shortEn('Steering committee (COPIL)'), nameEn('Steering committee (COPIL)'), shortEn('Funders’ committee'), nameEn('ADEME board')]).toEqual(['COPIL', 'steering committee', 'funders’ committee', 'ADEME board']);
  expect([meetingsWords(1, 2, 'fr'), meetingsWords(2, null, 'fr'), meetingsWords(1, 1, 'en'), meetingsWords(1, 4, 'en')]).toEqual(['une ou deux', 'au moins deux', 'one', 'one to four']);
});
