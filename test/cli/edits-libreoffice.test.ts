/**
 * Issue 19, an edit made by LibreOffice itself: a user fills init's blank workbook in Calc, typing
 * financing lines in the table and on under it. LibreOffice never extends a table (a database
 * range) when one types below it, and saves the .xlsx with the table as it was. Driven over UNO
 * (test/helpers/loTypeUnder.py: each value typed into its cell, the file saved by Calc's own
 * filter), then read through the CLI: every line counted, the rows under the table named.
 */
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import JSZip from 'jszip';
import { join } from 'path';
import { cli } from '../helpers/cli';
import { tmp } from '../helpers/files';
import { needs, toolPath } from '../helpers/tools';

const test = needs('soffice', 'pyuno');
const AS_OF = '2016-12-31';

interface Result {
  findings: { rule: string; sheet: string; cell: string; message: string }[];
  totals: { funder: string; year: number; planned: string; committed: string; paid: string }[];
  read: { table: string; range: string; lines: number; text: string }[];
}

/** The workbook `from`, with `edits` typed into it in LibreOffice and saved by it as .xlsx. */
function typedInLibreOffice(dir: string, from: string, edits: Record<string, Record<string, string>>, ods?: string): string {
  const out = join(dir, 'saisi-libreoffice.xlsx');
  const r = spawnSync(toolPath('pyuno')!, [join(__dirname, '../helpers/loTypeUnder.py'), from, out, join(dir, 'profile'), JSON.stringify(edits), ...(ods ? [ods] : [])], { encoding: 'utf8', timeout: 170_000 });
  if (r.status !== 0) throw new Error(`loTypeUnder.py: ${r.status} ${r.stderr}`);
  return out;
}

/** A financing line as typed: code, year, funder, planned, committed, paid. */
const line = (row: number, values: string[]) => Object.fromEntries(values.map((v, i) => [`${'ABCDEF'[i]}${row}`, v]));

test('lines typed under Financements in LibreOffice (which leaves the table as it was) are read, and named with their rows', async () => {
  const dir = tmp('ess-lo-edit-');
  const blank = join(dir, 'modele.xlsx');
  expect((await cli('init', blank)).code).toBe(0);
  // init's Financements: one empty data row (5), its totals row (6); the user types on under it.
  const file = typedInLibreOffice(dir, blank, {
    Financements: {
      ...line(5, ['ANIM', '2014', 'Région', '1000', '500', '0']),
      ...line(7, ['ANIM', '2015', 'Région', '2000', '0', '0']),
      ...line(8, ['ANIM', '2016', 'Région', '3000', '0', '0']),
      H9: 'note sans montant',
    },
  });

  // LibreOffice kept the table where it was: the rows under it are outside it in the file.
  const zip = await JSZip.loadAsync(readFileSync(file));
  const tables = await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/tables\/.*\.xml$/.test(p)).map((p) => zip.file(p)!.async('string')));
  expect(tables.map((t) => /<table [^>]*name="Financements"[^>]*ref="([^"]+)"/.exec(t)?.[1]).filter(Boolean)).toEqual(['A4:H6']);

  const r = await cli('check', file, '--format', 'json', '--as-of', AS_OF);
  expect(r.err).toBe('');
  const result = JSON.parse(r.out) as Result;
  const planned = (year: number) => result.totals.find((t) => t.funder === 'Région' && t.year === year)?.planned;
  expect([planned(2014), planned(2015), planned(2016)]).toEqual(['1000.00', '2000.00', '3000.00']);
  const at = (rule: string) => result.findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);
  expect(at('workbook.rows-below')).toEqual(['Financements!A7:H8']);
  expect(at('workbook.rows-below-unread')).toEqual(['Financements!A9:H9']);
  expect(result.read.find((x) => x.table === 'Financements')!.text).toBe(
    'Financements\u00a0: 3 lignes (Financements!A4:H9, dont 2 lignes saisies sous le tableau (7-8))\u00a0; non lu\u00a0: 1 ligne sous le tableau, 9',
  );
  // The text answer names the rows too, as a user reads it.
  const text = await cli('check', file, '--as-of', AS_OF);
  expect(text.out).toContain('Financements!A7:H8: information [workbook.rows-below] Les lignes 7 à 8, saisies juste sous le tableau');
}, 200_000);

test('a column typed beside Financements and a line typed lower down in LibreOffice, saved as .xlsx and as .ods: both read alike, the lines under the table counted, the rest named', async () => {
  const dir = tmp('ess-lo-outside-');
  const blank = join(dir, 'modele.xlsx');
  expect((await cli('init', blank)).code).toBe(0);
  const ods = join(dir, 'saisi-libreoffice.ods');
  const xlsx = typedInLibreOffice(
    dir,
    blank,
    {
      Financements: {
        ...line(5, ['ANIM', '2014', 'Région', '1000', '500', '0']),
        ...line(7, ['ANIM', '2015', 'Région', '2000', '0', '0']),
        // After a blank row: no longer « just under » the table.
        ...line(10, ['ANIM', '2016', 'Région', '3000', '0', '0']),
        I4: 'Reste (€)',
        I5: '500',
      },
    },
    ods,
  );
  const read = async (file: string) => {
    const r = await cli('check', file, '--format', 'json', '--as-of', AS_OF);
    expect(r.err).toBe('');
    return JSON.parse(r.out) as Result;
  };
  for (const result of [await read(xlsx), await read(ods)]) {
    const planned = (year: number) => result.totals.find((t) => t.funder === 'Région' && t.year === year)?.planned;
    // 2016's line is not counted, and says so.
    expect([planned(2014), planned(2015), planned(2016)]).toEqual(['1000.00', '2000.00', '0.00']);
    const at = (rule: string) => result.findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);
    expect(at('workbook.rows-below')).toEqual(['Financements!A7:H7']);
    expect(at('workbook.values-outside')).toEqual(['Financements!I5']);
    expect(result.findings.find((f) => f.rule === 'workbook.values-outside')!.message).toMatch(/^5 valeurs .* en I5, B10 et D10:F10, ne sont pas lues/);
    expect(at('workbook.notes-outside')).toEqual(['Financements!I4']);
    expect(result.read.find((x) => x.table === 'Financements')!.text).toBe(
      'Financements\u00a0: 2 lignes (Financements!A4:H7, dont 1 ligne saisie sous le tableau (7))\u00a0; non lu\u00a0: 8 cellules saisies hors des tableaux (I4:I5 et A10:F10)',
    );
    expect(result.findings.find((f) => f.rule === 'workbook.notes-outside')!.message).toMatch(/^3 textes saisis hors du tableau «\u00a0Financements\u00a0», en I4, A10 et C10, ne sont pas lus/);
  }
}, 200_000);
