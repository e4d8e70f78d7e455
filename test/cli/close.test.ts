/**
 * ess-budget close / reopen as a user runs them, on a workbook LibreOffice saved with a user's chart:
 * the record goes into the add-in's own sheet, every other part of the package stays byte for byte,
 * and `check` then reports period.closed-year-changed on the cell of a closed year that changed.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { cli } from '../helpers/cli';
import { tmp } from '../helpers/files';
import { parts, savedByLibreOffice, withUserChart } from '../helpers/chart';
import { column, firstLineOf, planTable, setNumber, writeVersion } from '../helpers/versions';
import { buildWorkbookPlan } from '../../src/core/template';
import { readWorkbookFile } from '../../src/hosts/xlsx/workbook';
import { plain } from '../helpers/typography';
import { needs } from '../helpers/tools';

const withSoffice = needs('soffice');

/** The parts the add-in may rewrite: the part list, relationships, content types, document properties. */
const mayChange = (name: string) => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' || name === '[Content_Types].xml' || name.startsWith('docProps/');

const plan = buildWorkbookPlan({ example: true, lang: 'fr' });
const fin = planTable(plan, 'Financements');
const plannedOf = (i: number) => fin.rows[i][column(fin, 'Prévu (€)')] as number;
const row2014 = firstLineOf(plan, 2014);
const row2015 = firstLineOf(plan, 2015);
const cellOf = (i: number) => `D${fin.row + 1 + i}`;

withSoffice(
  'close 2014 on a LibreOffice-saved workbook with a chart: only the part list and our own parts change; a 2014 edit is reported, a 2015 one is not',
  async () => {
    const dir = tmp('ess-close-');
    const a = await writeVersion(dir, 'a.xlsx');
    writeFileSync(a, await withUserChart(readFileSync(a)));
    const saved = savedByLibreOffice(a, dir);
    const before = await parts(saved);
    expect([...before.keys()].some((k) => /^xl\/charts\/chart\d+\.xml$/.test(k))).toBe(true);

    const closed = join(dir, 'clos.xlsx');
    copyFileSync(saved, closed);
    const r = await cli('close', closed, '2014', '--by', 'Marie Curie');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/année 2014 clôturée par Marie Curie \(\d+ lignes enregistrées\)/);

    // Byte for byte: every part LibreOffice wrote, the chart included, but the part list and its kin.
    const after = await parts(closed);
    for (const [name, bytes] of before) {
      expect(after.has(name)).toBe(true);
      if (!mayChange(name)) expect({ name, same: Buffer.compare(after.get(name)!, bytes) === 0 }).toEqual({ name, same: true });
    }
    const added = [...after.keys()].filter((k) => !before.has(k));
    expect(added.sort()).toEqual(expect.arrayContaining([expect.stringMatching(/^xl\/worksheets\/sheet\d+\.xml$/), expect.stringMatching(/^xl\/tables\/table\d+\.xml$/)]));
    const { snapshot } = await readWorkbookFile(closed);
    expect(snapshot.sheets.slice(-2)).toEqual(['Clôtures', 'Journal']);
    const journal = snapshot.tables.find((t) => t.name === 'Journal')!;
    expect(plain(String(journal.rows[0][1]))).toContain("Clôture de l'année 2014 — Marie Curie");

    // Untouched since: clean.
    expect((await cli('check', closed)).code).toBe(0);

    // A 2014 amount raised by 500 € → the finding on that very cell.
    const edited14 = join(dir, 'edit2014.xlsx');
    copyFileSync(closed, edited14);
    await setNumber(edited14, 'Financements', cellOf(row2014), plannedOf(row2014) + 500);
    const c14 = await cli('check', edited14, '--format', 'json');
    expect(c14.code).toBe(1);
    const f14 = JSON.parse(c14.out).findings.filter((f: { rule: string }) => f.rule === 'period.closed-year-changed');
    expect(f14).toHaveLength(1);
    expect(f14[0]).toMatchObject({ severity: 'error', article: 'Art. 8', sheet: 'Financements', cell: cellOf(row2014), year: 2014, actual: (plannedOf(row2014) + 500).toFixed(2) });

    // A 2015 amount: 2015 is not closed.
    const edited15 = join(dir, 'edit2015.xlsx');
    copyFileSync(closed, edited15);
    await setNumber(edited15, 'Financements', cellOf(row2015), plannedOf(row2015) + 500);
    const c15 = await cli('check', edited15, '--format', 'json');
    expect(JSON.parse(c15.out).findings.filter((f: { rule: string }) => f.rule === 'period.closed-year-changed')).toEqual([]);

    // Reopened with a reason: the edit is no longer reported; the reason is in the record and the Journal.
    const re = await cli('reopen', edited14, '2014', '--reason', 'Erreur de saisie du montant');
    expect(re.code).toBe(0);
    const c = await cli('check', edited14, '--format', 'json');
    expect(JSON.parse(c.out).findings.filter((f: { rule: string }) => f.rule === 'period.closed-year-changed')).toEqual([]);
    const reread = (await readWorkbookFile(edited14)).snapshot;
    expect(reread.tables.find((t) => t.name === 'Journal')!.rows.map((x) => plain(String(x[1])))).toEqual([
      "Clôture de l'année 2014 — Marie Curie",
      expect.stringMatching(/^Réouverture de l'année 2014 : Erreur de saisie du montant — /),
    ]);

    // LibreOffice, an independent reader, opens the closed workbook and keeps the record.
    const again = savedByLibreOffice(closed, join(dir, 'again'));
    expect((await readWorkbookFile(again)).snapshot.tables.find((t) => t.name === 'Clotures')!.rows.length).toBeGreaterThan(10);
  },
  180_000,
);

describe('closing a year with errors', () => {
  test('refused without --force (exit 1, file untouched); with --force the Journal says so', async () => {
    const dir = tmp('ess-close-');
    const file = await writeVersion(dir, 'erreurs.xlsx', (p) => {
      const t = planTable(p, 'Financements');
      t.rows[firstLineOf(p, 2014)][column(t, 'Versé (€)')] = 10_000_000; // paid > committed on a 2014 line
    });
    const original = readFileSync(file);
    const refused = await cli('close', file, '2014');
    expect(refused.code).toBe(1);
    expect(refused.err.split('\n')[0]).toMatch(/clôture de 2014 refusée, \d+ erreurs? sur cette année .* --force/);
    expect(refused.err).toContain('execution.payment-over-commitment');
    expect(Buffer.compare(readFileSync(file), original)).toBe(0);

    // 2015 has no error: it closes.
    expect((await cli('close', file, '2015', '--by', 'A')).code).toBe(0);

    const forced = await cli('close', file, '2014', '--force', '--by', 'B');
    expect(forced.code).toBe(0);
    expect(plain(forced.out)).toMatch(/Clôture forcée malgré \d+ erreurs? sur l'année/);
    const { snapshot } = await readWorkbookFile(file);
    const journal = snapshot.tables.find((t) => t.name === 'Journal')!;
    expect(journal.rows.map((r) => plain(String(r[1])))).toEqual(["Clôture de l'année 2015 — A", "Clôture de l'année 2014 (forcée malgré des erreurs) — B"]);
    expect(Number(journal.rows[1][2])).toBeGreaterThan(0);
  });

  test('bad arguments: one French line, exit 2', async () => {
    const dir = tmp('ess-close-');
    const file = await writeVersion(dir, 'x.xlsx');
    const bad = await cli('close', file, '2017');
    expect({ code: bad.code, err: plain(bad.err) }).toEqual({ code: 2, err: '« 2017 » n\'est pas une année du contrat (2014, 2015 ou 2016).' });
    expect((await cli('close', file)).code).toBe(2);
    const notClosed = await cli('reopen', file, '2014', '--reason', 'x');
    expect({ code: notClosed.code, err: plain(notClosed.err) }).toEqual({ code: 2, err: "L'année 2014 n'est pas clôturée : rien à rouvrir." });
    expect((await cli('reopen', file, '2014')).err).toMatch(/reopen exige un motif/);
    expect(plain((await cli('close', join(dir, 'absent.xlsx'), '2014')).err)).toMatch(/absent\.xlsx : fichier introuvable/);
    expect((await cli('close', file, '2014')).code).toBe(0);
    expect(plain((await cli('close', file, '2014')).err)).toMatch(/^L'année 2014 est déjà clôturée \(le \d\d\/\d\d\/\d{4}, par /);
  });

  test('a workbook of another convention (init --profile): its own years are offered, the CES ESS’s refused, the file untouched', async () => {
    const dir = tmp('ess-close-');
    const file = join(dir, 'transition.xlsx');
    expect((await cli('init', file, '--profile', 'test/fixtures/profiles/transition-2021-2024.json')).code).toBe(0);
    const bytes = readFileSync(file);
    const close = await cli('close', file, '2016', '--as-of', '2025-03-01');
    expect({ code: close.code, err: plain(close.err), out: close.out }).toEqual({ code: 2, err: "« 2016 » n'est pas une année du contrat (2021, 2022, 2023 ou 2024).", out: '' });
    const reopen = await cli('reopen', file, '2016', '--reason', 'essai');
    expect({ code: reopen.code, err: plain(reopen.err) }).toEqual({ code: 2, err: "« 2016 » n'est pas une année du contrat (2021, 2022, 2023 ou 2024)." });
    expect(readFileSync(file).equals(bytes)).toBe(true);
    // Its own year is judged on: reopening 2024, never closed, is refused as such.
    expect(plain((await cli('reopen', file, '2024', '--reason', 'essai')).err)).toBe("L'année 2024 n'est pas clôturée : rien à rouvrir.");
  });
});
