/**
 * ess-budget profile validate / show as a user runs them (the real binary, issue 23): a valid
 * profile is one line and exit 0; an invalid one is one French line per problem naming its JSON
 * path, exit 2, never a stack trace; show states the convention fact by fact with its article.
 */
import { execFileSync, spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { ProfileDocument } from '../../src/core/profile';
import { profileText } from '../../src/cli/profileText';
import { tmp } from '../helpers/files';
import { plain } from '../helpers/typography';

const root = join(__dirname, '../..');
const bin = join(root, 'bin/ess-budget.js');
const ces = join(root, 'profiles/ces-ess-2014-2016.json');
const fixture = join(root, 'test/fixtures/profiles/transition-2021-2024.json');
const NB = '\u00a0';

function ess(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
  const lines = (s: string) => plain(s).split('\n').filter(Boolean);
  return { code: r.status, out: lines(r.stdout), err: lines(r.stderr), rawOut: r.stdout };
}

let dir: string;
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
  dir = tmp('ess-profile-');
});

/** The test convention, changed by `edit`, written as `name` in the temporary folder. */
function variant(name: string, edit: (d: ProfileDocument) => void): string {
  const doc = JSON.parse(readFileSync(fixture, 'utf8')) as ProfileDocument;
  edit(doc);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

const missing = (funder: string, year: number) =>
  `/amounts : montant manquant pour ${funder} en ${year} (une entrée par financeur et par année de la période, amount null si le texte n'en fixe pas)`;

describe('ess-budget profile validate', () => {
  test('the CES ESS 2014-2016 and the test convention are valid: exit 0, one line each', () => {
    expect(ess('profile', 'validate', ces)).toMatchObject({
      code: 0,
      out: ['Profil valide : Contrat économique sectoriel Économie sociale et solidaire 2014-2016 — ces-ess-2014-2016, 2014-2016, 3 financeurs, 4 axes'],
      err: [],
    });
    expect(ess('profile', 'validate', fixture)).toMatchObject({
      code: 0,
      out: ['Profil valide : Convention régionale Transition écologique des entreprises 2021-2024 (exemple fictif) — transition-eco-2021-2024, 2021-2024, 4 financeurs, 2 axes'],
      err: [],
    });
  });

  test('a missing amount: exit 2, « montant manquant » naming the funder and the year', () => {
    const file = variant('manquant.json', (d) => d.amounts.splice(10, 1)); // banque 2023
    expect(ess('profile', 'validate', file)).toEqual(expect.objectContaining({ code: 2, out: [], err: [`${file} ${missing('banque', 2023)}`] }));
  });

  test('an unknown funder in an amount: its path, the funders it could be; its funder × year is then missing', () => {
    const file = variant('financeur.json', (d) => {
      d.amounts[13].funder = 'metropol';
    });
    expect(ess('profile', 'validate', file)).toEqual(
      expect.objectContaining({
        code: 2,
        err: [`${file} /amounts/13/funder : financeur « metropol » inconnu (financeurs du profil : region, ademe, banque, metropole)`, `${file} ${missing('metropole', 2022)}`],
      }),
    );
  });

  test('a year outside the period: its path and the period', () => {
    const file = variant('annee.json', (d) => {
      d.amounts[15].year = 2025;
      d.actions.plan.year = 2020;
    });
    expect(ess('profile', 'validate', file).err).toEqual([
      `${file} /amounts/15/year : année 2025 hors de la période 2021-2024`,
      `${file} ${missing('metropole', 2024)}`,
      `${file} /actions/plan/year : année 2020 hors de la période 2021-2024`,
    ]);
  });

  test('duplicated ids (a body, an action code, a partner name): each names where it was first', () => {
    const file = variant('doublons.json', (d) => {
      d.bodies[2].id = 'comite-suivi';
      d.actions.plan.actions[3].code = 'B_1';
      d.partners[1].name = 'chambre régionale de commerce et d’industrie';
    });
    const r = ess('profile', 'validate', file);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      `${file} /bodies/2/id : « comite-suivi » en double, déjà en /bodies/1/id`,
      `${file} /actions/plan/actions/3/code : « B_1 » en double, déjà en /actions/plan/actions/2/code`,
      `${file} /partners/1/name : « chambre régionale de commerce et d'industrie » en double, déjà en /partners/0/name`,
    ]);
  });

  test('what the schema refuses: the words of ajv-i18n in French, with the path', () => {
    const file = variant('schema.json', (d) => {
      delete (d as Partial<ProfileDocument>).usages;
      (d.amounts[0] as { amount: unknown }).amount = 500000;
      (d.amounts[1] as { status: string }).status = 'vote';
    });
    expect(ess('profile', 'validate', file).err).toEqual([
      `${file} / : requiert la propriété usages`,
      `${file} /amounts/0/amount : montant attendu en euros, en chaîne avec le point décimal (par exemple « 2387500.00 »), ou null`,
      `${file} /amounts/1/status : doit être égal à une des valeurs prédéfinies (fixe, previsionnel, sous-reserve, a-decider, confirme)`,
    ]);
  });

  test('invalid JSON: the line and column, exit 2, no stack trace', () => {
    const file = join(dir, 'virgule.json');
    writeFileSync(file, readFileSync(fixture, 'utf8').replace('"format": 1,', '"format": 1,,'));
    expect(ess('profile', 'validate', file)).toEqual(expect.objectContaining({ code: 2, out: [], err: [`${file} ligne 3, colonne 15 : JSON illisible, caractère « , » inattendu`] }));
    const cut = join(dir, 'coupe.json');
    writeFileSync(cut, '{\n  "format": 1');
    expect(ess('profile', 'validate', cut).err).toEqual([`${cut} ligne 2, colonne 14 : JSON illisible, fin du texte inattendue`]);
  });

  test('a missing file, a folder, no file, an unknown subcommand: one line, exit 2', () => {
    expect(ess('profile', 'validate', join(dir, 'absent.json'))).toMatchObject({ code: 2, err: [`${join(dir, 'absent.json')} : fichier introuvable.`] });
    expect(ess('profile', 'validate', dir)).toMatchObject({ code: 2, err: [`${dir} : fichier de profil illisible (EISDIR).`] });
    expect(ess('profile', 'validate')).toMatchObject({ code: 2, err: ['Arguments invalides : profile validate attend un fichier de profil (.json). Tapez « ess-budget profile --help ».'] });
    expect(ess('profile', 'valdate', ces)).toMatchObject({ code: 2, err: ['Sous-commande inconnue : « valdate ». Vouliez-vous dire « validate » ? Sous-commandes : validate, show (ess-budget profile --help).'] });
  });

  test('--format json: valid or not, and the problems as they are told', () => {
    const ok = spawnSync(process.execPath, [bin, 'profile', 'validate', fixture, '--format', 'json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ file: fixture, valid: true, id: 'transition-eco-2021-2024', problems: [] });
    const file = variant('json.json', (d) => d.amounts.splice(10, 1));
    const bad = spawnSync(process.execPath, [bin, 'profile', 'validate', file, '--format', 'json'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout)).toEqual({ file, valid: false, problems: [expect.stringContaining('montant manquant pour banque en 2023')] });
  });

  test('in English with --lang en', () => {
    const file = variant('en.json', (d) => d.amounts.splice(0, 1));
    expect(ess('profile', 'validate', file, '--lang', 'en').err).toEqual([
      `${file} /amounts: missing amount for region in 2021 (one entry per funder and year of the period, amount null when the text fixes none)`,
    ]);
  });
});

describe('ess-budget profile show', () => {
  test('the built-in CES: Région 2014 2 387 500,00 € « Fixé » Art. 3, dates the French way, usages marked', () => {
    const r = ess('profile', 'show');
    expect(r.code).toBe(0);
    const region = r.out.indexOf('  Région (Art. 3), décision : inscription des crédits au budget de la Région');
    expect(region).toBeGreaterThan(0);
    expect(r.out[region + 1]).toBe(`    2014 : 2${NB}387${NB}500,00${NB}€ — « Fixé » (Art. 3, source L1158-L1160)`);
    expect(r.out).toEqual(
      expect.arrayContaining([
        'CES ESS 2014-2016 — Contrat économique sectoriel Économie sociale et solidaire 2014-2016 (ces-ess-2014-2016)',
        'Signature : 15/11/2014',
        `    2015 : montant non fixé par le texte — « À décider » (Art. 5, source L1177-L1179)`,
        `  Total 2015 : 3${NB}387${NB}500,00${NB}€, hors 1 montant non fixé`,
        '  COPIL — 1 à 2 fois par an — obligation (Art. 2 §4.1, « se réunira une à deux fois par an »)',
        '  Évaluation intermédiaire — au 31/12/2015, par un tiers (Art. 2 §5)',
      ]),
    );
    expect(r.out.filter((l) => l.includes('(« usage »)'))).toHaveLength(4);
  });

  test('--format json is the profile itself, amounts as strings: profile validate takes it back', () => {
    const r = spawnSync(process.execPath, [bin, 'profile', 'show', '--format', 'json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as ProfileDocument;
    expect(doc).toEqual(JSON.parse(readFileSync(ces, 'utf8')));
    expect(doc.amounts[0]).toMatchObject({ funder: 'region', year: 2014, amount: '2387500.00', status: 'fixe' });
    const file = join(dir, 'ces-copie.json');
    writeFileSync(file, r.stdout);
    expect(ess('profile', 'validate', file).code).toBe(0);
  });

  test('a workbook without a convention of its own follows the built-in one, and says so', () => {
    const book = join(dir, 'budget.xlsx');
    expect(ess('init', book).code).toBe(0);
    const r = ess('profile', 'show', book);
    expect(r.code).toBe(0);
    expect(r.out.slice(0, 2)).toEqual([
      'CES ESS 2014-2016 — Contrat économique sectoriel Économie sociale et solidaire 2014-2016 (ces-ess-2014-2016)',
      `Le classeur ${book} ne porte pas de convention : il suit la convention intégrée.`,
    ]);
    expect(ess('profile', 'show', join(dir, 'absent.xlsx'))).toMatchObject({ code: 2, err: [`${join(dir, 'absent.xlsx')} : fichier introuvable.`] });
  });

  test('another convention in words: its own funders, amounts not fixed, bodies, usages (as a workbook that carries it shows it)', () => {
    const doc = JSON.parse(readFileSync(fixture, 'utf8')) as ProfileDocument;
    const lines = plain(profileText(doc, 'Convention écrite dans le classeur budget.xlsx.', 'fr')).split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'CTEE 2021-2024 — Convention régionale Transition écologique des entreprises 2021-2024 (exemple fictif) (transition-eco-2021-2024)',
      'Convention écrite dans le classeur budget.xlsx.',
      'Approbation : Délibération n°CP-2021-03-117 de la Commission permanente du 12/03/2021 (12/03/2021)',
      'Signature : 02/04/2021',
      'Période : 2021-2024 (Art. 2)',
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        "  Banque publique d'investissement (Art. 6), décision : décision du comité d'engagement de la banque",
        `    2021 : 1${NB}250${NB}000,00${NB}€ — « Fixé » (Art. 6, source Art. 6 §1)`,
        '    2022 : montant non fixé par le texte — « À décider » (Art. 6, source Art. 6 §2)',
        `  Total 2021 : 2${NB}200${NB}000,00${NB}€`,
        '  Axe B – Économie circulaire — circulaire, codes B_…',
        'Actions : 12 au plus (Art. 3), ajoutées par Comité des financeurs, plan 2021 de 4 actions',
        'Partenaires : 3, dont 1 ajouté par avenant',
        '  Comité de suivi — 1 fois par an — obligation (Art. 8, « se réunit une fois par an »)',
        '  Atelier technique — sans fréquence — possibilité, non comptée (Art. 8, « peut réunir des ateliers techniques »)',
        '  Évaluation à mi-parcours — au 31/12/2022, par un tiers (Art. 9)',
        "  Délai du bilan annuel : 4 mois après (« usage ») — La convention ne fixe pas de délai au bilan : le suivi l'attend quatre mois après la fin de l'année (usage de l'exemple).",
      ]),
    );
  });

  test('in English, and the help French first', () => {
    const en = ess('profile', 'show', '--lang', 'en');
    expect(en.out).toContain('    2014: €2,387,500.00 — "Fixed" (Art. 3, source L1158-L1160)');
    expect(en.out).toContain('Signature: 2014-11-15');
    const help = ess('profile', '--help');
    expect(help.code).toBe(0);
    expect(help.out[0]).toBe('ess-budget profile validate <profil.json>');
    expect(ess('--help').out).toContain('  ess-budget profile validate <profil.json> | profile show [<classeur.xlsx>] [--format text|json] [--lang fr|en]');
  });
});
