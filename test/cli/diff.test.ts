/** ess-budget diff as a user runs it: exit statuses, the changes and their cells, text and JSON. */
import { spawnSync, execFileSync } from 'child_process';
import { join } from 'path';
import { cli } from '../helpers/cli';
import { tmp, writeBytes } from '../helpers/files';
import { column, planTable, raise, writeVersion } from '../helpers/versions';
import { plain } from '../helpers/typography';

const root = join(__dirname, '../..');
const bin = join(root, 'bin/ess-budget.js');

interface JsonChange {
  kind: string;
  table: string;
  sheet: string;
  cell: string;
  key: string;
  column: string | null;
  before: string | null;
  after: string | null;
}

describe('ess-budget diff', () => {
  test('a workbook with itself (the real binary): exit 0, no change', async () => {
    execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
    const dir = tmp();
    const a = await writeVersion(dir, 'a.xlsx');
    const r = spawnSync(process.execPath, [bin, 'diff', a, a], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('Aucun changement dans les tableaux du contrat.');
    const j = spawnSync(process.execPath, [bin, 'diff', a, a, '--format', 'json'], { encoding: 'utf8' });
    expect(j.status).toBe(0);
    expect(JSON.parse(j.stdout)).toEqual({ before: a, after: a, changes: [], totals: [] });
  });

  test('reordered financing lines (and actions): no change', async () => {
    const dir = tmp();
    const a = await writeVersion(dir, 'a.xlsx');
    const b = await writeVersion(dir, 'b.xlsx', (p) => {
      planTable(p, 'Financements').rows.reverse();
      planTable(p, 'Actions').rows.reverse();
    });
    const r = await cli('diff', a, b, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).changes).toEqual([]);
  });

  test('one changed amount, one added line, one removed line: exactly three changes, the right cells', async () => {
    const dir = tmp();
    const a = await writeVersion(dir, 'a.xlsx');
    let removedKey = '';
    let n = 0;
    const b = await writeVersion(dir, 'b.xlsx', (p) => {
      const t = planTable(p, 'Financements');
      raise(p, 0, 500); // Financements!D5 (header on row 4)
      const [gone] = t.rows.splice(5, 1); // was on row 10 in a.xlsx
      removedKey = `${gone[column(t, 'Code action')]} · ${gone[column(t, 'Année')]}`;
      const row = t.columns.map(() => null as string | number | null);
      row[column(t, 'Code action')] = 'I_1.1.1';
      row[column(t, 'Année')] = 2016;
      row[column(t, 'Financeur')] = 'CDC';
      row[column(t, 'Prévu (€)')] = 1234.5;
      t.rows.push(row);
      n = t.rows.length;
    });
    const r = await cli('diff', a, b, '--format', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { changes: JsonChange[]; totals: { funder: string; year: number; field: string; before: string; after: string; delta: string }[] };
    expect(json.changes.map((c) => [c.kind, c.sheet, c.cell, c.column, c.before, c.after])).toEqual([
      ['changed', 'Financements', 'D5', 'Prévu (€)', '250000.00', '250500.00'],
      ['removed', 'Financements', 'A10', null, null, null],
      ['added', 'Financements', `A${4 + n}`, null, null, null],
    ]);
    expect(json.changes[1].key.startsWith(removedKey)).toBe(true);
    expect(json.changes[2].key).toBe('I_1.1.1 · 2016 · CDC');
    // Per funder and year: Région 2014 planned +500 − the removed line's 150 000; CDC 2016 +1 234,50.
    expect(json.totals).toContainEqual({ funder: 'Région', year: 2014, field: 'planned', before: '2387500.00', after: '2238000.00', delta: '-149500.00' });
    expect(json.totals).toContainEqual(expect.objectContaining({ funder: 'CDC', year: 2016, field: 'planned', delta: '1234.50' }));

    const text = await cli('diff', a, b);
    expect(text.code).toBe(1);
    const lines = plain(text.out).split('\n');
    expect(lines[0]).toBe('Financements : 3 changements');
    expect(lines[1]).toBe(`Financements!D5: modifié ANIM · 2014 · Région · EX-2014-REGION-001 — « Prévu (€) » : 250\u00a0000,00\u00a0€ → 250\u00a0500,00\u00a0€ (+500,00\u00a0€)`);
    // Issue 20: one word for one change, not « supprimé ligne supprimée ».
    expect(lines[2]).toMatch(/^Financements!A10 \(classeur avant\): ligne supprimée : /);
    expect(lines[3]).toBe(`Financements!A${4 + n}: ligne ajoutée : I_1.1.1 · 2016 · CDC`);
    expect(lines).toContain('Écarts par financeur et par année :');
    expect(lines).toContain('  Région 2014 — Prévu : 2\u00a0387\u00a0500,00\u00a0€ → 2\u00a0238\u00a0000,00\u00a0€ (-149\u00a0500,00\u00a0€)');
    expect(lines).toContain('  CDC 2016 — Prévu : 950\u00a0000,00\u00a0€ → 951\u00a0234,50\u00a0€ (+1\u00a0234,50\u00a0€)');
    expect(lines[lines.length - 1]).toBe('3 changements : 1 modifié, 1 ajouté, 1 supprimé.');
  });

  test('unusable input: one French line, exit 2', async () => {
    const dir = tmp();
    const a = await writeVersion(dir, 'a.xlsx');
    const bad = writeBytes(dir, 'faux.xlsx', 'pas un classeur');
    const r = await cli('diff', a, bad);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toContain('faux.xlsx');
    expect((await cli('diff', a)).code).toBe(2);
    expect(plain((await cli('diff', a, join(dir, 'absent.xlsx'))).err)).toMatch(/absent\.xlsx : fichier introuvable/);
    expect((await cli('diff', a, a, '--format', 'xml')).code).toBe(2);
  });
});
