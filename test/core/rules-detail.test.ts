/**
 * What each rule says, not only where: the amounts, funder, year and code a reader needs, and the
 * rows a rule must leave alone (incomplete lines, other funders, years not begun). Written after
 * mutation testing showed which conditions no test held.
 */
import { AS_OF, addRow, check, exampleSnapshot, fired, get, set } from '../helpers/workbook';

const NB = '\u00a0';
const conv = (funder: string, year: number) => ({ Financeur: funder, Année: year });

describe('messages carry the facts', () => {
  test('convention.changed-without-avenant gives both amounts and the gap', () => {
    const s = exampleSnapshot();
    set(s, 'Convention', conv('État', 2015), 'Montant (€)', 900000);
    const [f] = fired(check(s), 'convention.changed-without-avenant');
    expect(f).toMatchObject({ funder: 'État', year: 2015, expected: '1000000.00', actual: '900000.00', gap: '-100000.00' });
    expect(f.message).toContain(`900${NB}000,00${NB}€`);
    expect(f.message).toContain(`1${NB}000${NB}000,00${NB}€`);
    expect(f.message).toContain(`-100${NB}000,00${NB}€`);
  });
  test('convention.unknown-avenant names the avenant', () => {
    const s = exampleSnapshot();
    set(s, 'Convention', conv('CDC', 2014), 'Avenant', 'n°7');
    expect(fired(check(s), 'convention.unknown-avenant')[0].message).toContain('n°7');
  });
  test('convention.unconfirmed names the funder, the year and the status', () => {
    const s = exampleSnapshot();
    set(s, 'Convention', conv('État', 2015), 'Statut', 'Prévisionnel');
    set(s, 'Convention', conv('État', 2015), 'Décision', null);
    const [f] = fired(check(s), 'convention.unconfirmed');
    expect(f).toMatchObject({ funder: 'État', year: 2015, cell: 'D9' });
    expect(f.message).toContain('Prévisionnel');
  });
  test('convention.cdc-undecided says whether the amount or the decision is missing', () => {
    const s = exampleSnapshot();
    set(s, 'Convention', conv('CDC', 2015), 'Montant (€)', null);
    const [f] = fired(check(s), 'convention.cdc-undecided');
    expect(f).toMatchObject({ year: 2015, cell: 'C10' });
    expect(f.message).toContain('aucun montant');
  });
  test('a missing CDC row is reported on the Convention table', () => {
    const s = exampleSnapshot();
    const t = s.tables.find((x) => x.name === 'Convention')!;
    t.rows = t.rows.filter((r) => !(r[0] === 'CDC' && r[1] === 2016));
    const [f] = fired(check(s), 'convention.cdc-undecided');
    expect(f).toMatchObject({ sheet: 'Convention', cell: 'A4', year: 2016 });
    expect(f.message).toContain('aucune ligne');
  });
  test('partner.without-avenant names the partner', () => {
    const s = exampleSnapshot();
    addRow(s, 'Partenaires', { Collectivité: 'Ville de Bourg-en-Bresse' });
    expect(fired(check(s), 'partner.without-avenant')[0].message).toContain('Bourg-en-Bresse');
  });
  test('action rules name the code, the axis and the first use', () => {
    const s = exampleSnapshot();
    set(s, 'Actions', 2, 'Code', 'I_1.1.1');
    set(s, 'Actions', { Code: 'II_1.1' }, 'Axe', 'Axe 3');
    set(s, 'Actions', { Code: 'II_3.2' }, 'Décision COPIL', null);
    const r = check(s);
    expect(fired(r, 'action.duplicate')[0].message).toMatch(/I_1\.1\.1.*A6/);
    expect(fired(r, 'action.axis-mismatch')[0].message).toMatch(/II_1\.1.*Axe 3.*Axe 2/);
    expect(fired(r, 'action.added-without-copil')[0].message).toMatch(/II_3\.2.*2015/);
  });
  test('allocation messages give the axis, both sums and what is left or over', () => {
    const s = exampleSnapshot();
    const planned = get(s, 'Financements', 0, 'Prévu (€)') as number;
    set(s, 'Financements', 0, 'Prévu (€)', planned - 10);
    const [under] = fired(check(s), 'allocation.under');
    expect(under).toMatchObject({ funder: 'Région', year: 2014, gap: '-10.00' });
    expect(under.message).toContain('Animation du contrat (CRESS)');
    expect(under.message).toContain(`10,00${NB}€`);
    set(s, 'Financements', 0, 'Prévu (€)', planned + 10);
    const [over] = fired(check(s), 'allocation.over');
    expect(over).toMatchObject({ gap: '10.00', expected: '250000.00', actual: '250010.00' });
  });
  test('money planned on an axis that has no participation row is over by all of it', () => {
    const s = exampleSnapshot();
    const t = s.tables.find((x) => x.name === 'Participations2014')!;
    t.rows = t.rows.filter((r) => r[0] !== 'Animation du contrat (CRESS)');
    const over = fired(check(s), 'allocation.over').filter((f) => f.sheet === 'Participations 2014');
    expect(over.map((f) => [f.funder, f.cell, f.expected])).toEqual([
      ['Région', 'B5:B7', '0.00'],
      ['État', 'C5:C7', '0.00'],
    ]);
  });
  test('execution messages give the code and both amounts', () => {
    const s = exampleSnapshot();
    set(s, 'Financements', 0, 'Engagé (€)', (get(s, 'Financements', 0, 'Prévu (€)') as number) + 5);
    const [c] = fired(check(s), 'execution.commitment-over-plan');
    expect(c).toMatchObject({ gap: '5.00' });
    expect(c.message).toContain('ANIM');
    const s2 = exampleSnapshot();
    set(s2, 'Financements', 0, 'Engagé (€)', null);
    const [p] = fired(check(s2), 'execution.payment-over-commitment');
    expect(p).toMatchObject({ expected: '0.00' });
  });
  test('governance and reporting messages give the year and the count', () => {
    const s = exampleSnapshot();
    addRow(s, 'Instances', { Instance: 'COPIL', Date: new Date(Date.UTC(2015, 2, 1)) });
    const [copil] = fired(check(s), 'governance.copil');
    expect(copil).toMatchObject({ year: 2015 });
    expect(copil.message).toContain('3 réunion');
    const t = s.tables.find((x) => x.name === 'Bilans')!;
    t.rows = t.rows.filter((r) => !(r[0] === 'I_1.2' && r[1] === 2016));
    expect(fired(check(s), 'reporting.missing-bilan')[0].message).toMatch(/I_1\.2.*2016/);
  });
  test('evaluation.missing names the milestone and its due date', () => {
    const s = exampleSnapshot();
    set(s, 'Jalons', 1, 'Réalisé le', null);
    const [f] = fired(check(s), 'evaluation.missing');
    expect(f).toMatchObject({ cell: 'I6' });
    expect(f.message).toMatch(/Évaluation finale.*30\/06\/2017/);
  });
  test('item 6: the final evaluation is judged on the convention’s "à l’issue du contrat" plus the profile’s grace, not on an earlier Échéance typed in the row', () => {
    const s = exampleSnapshot();
    set(s, 'Jalons', 1, 'Réalisé le', null);
    set(s, 'Jalons', 1, 'Échéance', new Date(Date.UTC(2016, 11, 31)));
    expect(fired(check(s, new Date(Date.UTC(2017, 0, 15))), 'evaluation.missing')).toEqual([]);
    expect(fired(check(s, new Date(Date.UTC(2017, 5, 30))), 'evaluation.missing')).toEqual([]);
    expect(fired(check(s, new Date(Date.UTC(2017, 6, 1))), 'evaluation.missing')).toHaveLength(1);
  });
  test('a missing evaluation row is reported on the Jalons table', () => {
    const s = exampleSnapshot();
    const t = s.tables.find((x) => x.name === 'Jalons')!;
    t.rows = t.rows.slice(1);
    const [f] = fired(check(s), 'evaluation.missing');
    expect(f.message).toContain('aucun jalon');
    expect(f.cell).toMatch(/^G4:J\d+$/);
  });
});

describe('rows a rule must leave alone', () => {
  test('incomplete Convention rows give only their cell finding', () => {
    const s = exampleSnapshot();
    set(s, 'Convention', conv('Région', 2014), 'Financeur', null);
    set(s, 'Convention', conv('État', 2015), 'Année', null);
    const rules = new Set(check(s).findings.map((f) => f.rule));
    // The participations still add up to the other rows; nothing but the blanks is reported.
    expect([...rules].sort()).toEqual(['cell.required']);
  });
  test('a co-funder column is checked for allocation but not against the signatories’ amounts', () => {
    const s = exampleSnapshot();
    const t = s.tables.find((x) => x.name === 'Participations2014')!;
    t.headers.splice(4, 0, 'Métropole de Lyon');
    t.rows.forEach((r) => r.splice(4, 0, 10000));
    addRow(s, 'Convention', { Financeur: 'Métropole de Lyon', Année: 2014, 'Montant (€)': 1, Statut: 'Confirmé' });
    const r = check(s);
    expect(fired(r, 'convention.total-mismatch')).toEqual([]);
    expect(fired(r, 'convention.changed-without-avenant')).toEqual([]);
    expect(fired(r, 'cell.unknown-funder')).toEqual([]);
    expect(fired(r, 'allocation.under').filter((f) => f.funder === 'Métropole de Lyon')).toHaveLength(4);
  });
  test('the status rules look at Région and État only, and only once the year has begun', () => {
    const s = exampleSnapshot();
    set(s, 'Convention', conv('CDC', 2015), 'Statut', 'Sous réserve');
    set(s, 'Convention', conv('Région', 2016), 'Statut', 'Sous réserve');
    set(s, 'Convention', conv('Région', 2016), 'Décision', null);
    set(s, 'Convention', conv('État', 2016), 'Statut', 'Confirmé');
    set(s, 'Convention', conv('État', 2016), 'Décision', null);
    expect(fired(check(s, new Date(Date.UTC(2015, 11, 31))), 'convention.unconfirmed')).toEqual([]);
    // Issue 20: a typed « Confirmé » without its decision (the Loi de finances, Art. 4) keeps the reserve: État 2016 warns too.
    expect(fired(check(s, AS_OF), 'convention.unconfirmed').map((f) => `${f.funder} ${f.year}`)).toEqual(['Région 2016', 'État 2016']);
  });
  test('action codes compare without case or spaces', () => {
    const s = exampleSnapshot();
    set(s, 'Financements', 0, 'Code action', ' anim ');
    set(s, 'Bilans', 0, 'Code action', 'Anim');
    const r = check(s);
    expect(fired(r, 'action.unknown')).toEqual([]);
    expect(fired(r, 'allocation.under')).toEqual([]);
    expect(fired(r, 'reporting.missing-bilan')).toEqual([]);
  });
  test('a line planned at zero and never committed needs no bilan; incomplete lines are not counted', () => {
    const s = exampleSnapshot();
    const t = s.tables.find((x) => x.name === 'Bilans')!;
    t.rows = t.rows.filter((r) => !(r[0] === 'III_5.1'));
    const fin = s.tables.find((x) => x.name === 'Financements')!;
    for (const row of fin.rows) if (row[0] === 'III_5.1') row.splice(3, 3, 0, 0, 0);
    const r = check(s);
    expect(fired(r, 'reporting.missing-bilan')).toEqual([]);
    const s2 = exampleSnapshot();
    addRow(s2, 'Bilans', { 'Code action': 'I_1.2', Année: null, 'Reçu le': new Date(Date.UTC(2017, 0, 1)) });
    addRow(s2, 'Instances', { Instance: 'COPIL', Date: null });
    const rules = new Set(check(s2).findings.map((f) => f.rule));
    expect([...rules]).toEqual(['cell.required']);
  });
  test('item 5: partners match exactly after normalisation (case, accents, hyphens, "Ville de", aliases)', () => {
    const s = exampleSnapshot();
    set(s, 'Partenaires', { Collectivité: 'Ville de Villeurbanne' }, 'Collectivité', 'VILLEURBANNE');
    set(s, 'Partenaires', { Collectivité: 'Saint-Étienne Métropole' }, 'Collectivité', 'saint etienne metropole');
    set(s, 'Partenaires', { Collectivité: 'Communauté urbaine de Lyon – Grand Lyon' }, 'Collectivité', 'Métropole de Lyon');
    expect(fired(check(s), 'partner.without-avenant')).toEqual([]);
  });
  test('item 5: a slip in a signatory’s name is no match, only a suggestion', () => {
    const s = exampleSnapshot();
    set(s, 'Partenaires', { Collectivité: 'Ville de Villeurbanne' }, 'Collectivité', 'Ville de Villeurbane');
    const [f] = fired(check(s), 'partner.without-avenant');
    expect(f.message).toMatch(/Voulez-vous dire «\u00a0Ville de Villeurbanne\u00a0»\u202f\?/);
  });
});
