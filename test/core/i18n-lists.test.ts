/** Issue 23: the convention's names in a sentence (src/core/i18n/lists.ts), as the messages use them. */
import { contractFr, countEn, countFr, ofFr, orList, seriesList, theFr } from '../../src/core/i18n/grammar';

test('a list: « A, B ou C », one item alone, none empty', () => {
  expect(orList(['Région', 'État', 'CDC'], 'ou')).toBe('Région, État ou CDC');
  expect(orList(['Axe A'], 'or')).toBe('Axe A');
  expect(orList([], 'ou')).toBe('');
});

test('a series said once where its members stand together, only there', () => {
  expect(seriesList(['COPIL', 'Comité technique Axe 1', 'Comité technique Axe 2', 'Comité technique Axe 3', 'Rencontre régionale'], 'ou')).toBe(
    'COPIL, Comité technique Axe 1, 2 ou 3 ou Rencontre régionale',
  );
  expect(seriesList(['Atelier A', 'Atelier B', 'Comité de suivi'], 'or')).toBe('Atelier A or B or Comité de suivi');
  // Not a series: « Comité des financeurs » and « Comité de suivi » share no stem; a lone numbered body stays whole.
  expect(seriesList(['Comité des financeurs', 'Comité de suivi', 'Atelier technique'], 'ou')).toBe('Comité des financeurs, Comité de suivi ou Atelier technique');
  expect(seriesList(['Comité technique Axe 1', 'COPIL', 'Comité technique Axe 2'], 'ou')).toBe('Comité technique Axe 1, COPIL ou Comité technique Axe 2');
});

test('counts in words up to ten, digits beyond', () => {
  expect([countFr(1), countFr(3), countFr(10), countFr(12)]).toEqual(['un', 'trois', 'dix', '12']);
  expect([countEn(2), countEn(11)]).toEqual(['two', '11']);
});

test('a body with its article: masculine by default, elided before a vowel, feminine for the nouns that are', () => {
  expect([theFr('COPIL'), theFr('Comité des financeurs'), theFr('Assemblée des territoires'), theFr('Commission permanente')]).toEqual([
    'le COPIL',
    'le Comité des financeurs',
    'l’Assemblée des territoires',
    'la Commission permanente',
  ]);
  expect([ofFr('COPIL'), ofFr('Espace régional de dialogue social'), ofFr('Conférence des financeurs')]).toEqual([
    'du COPIL',
    'de l’Espace régional de dialogue social',
    'de la Conférence des financeurs',
  ]);
});

test('the contract and the text’s words on its number of actions: a participle, or a quantity', () => {
  expect(contractFr('resserré autour d’une vingtaine d’actions')).toBe('est resserré autour d’une vingtaine d’actions');
  expect(contractFr('une douzaine d’actions au plus')).toBe('prévoit une douzaine d’actions au plus');
  expect(contractFr('au plus 15 actions')).toBe('prévoit au plus 15 actions');
});
