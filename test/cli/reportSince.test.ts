/** ess-budget report --since: the "Évolutions depuis le …" section in the PDF (pdftotext), the XLSX and the CSV. */
import { execFileSync, spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { cli } from '../helpers/cli';
import { tmp } from '../helpers/files';
import { column, planTable, raise, writeVersion } from '../helpers/versions';
import { needs } from '../helpers/tools';

const withPoppler = needs('pdftotext');
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/** The previous COPIL's workbook, and today's: line 1 raised by 500 €, one CDC 2016 line added. */
async function versions() {
  const dir = tmp('ess-since-');
  const previous = await writeVersion(dir, 'precedent.xlsx');
  const current = await writeVersion(dir, 'actuel.xlsx', (p) => {
    raise(p, 0, 500);
    const t = planTable(p, 'Financements');
    const row = t.columns.map(() => null as string | number | null);
    row[column(t, 'Code action')] = 'II_2.1.1';
    row[column(t, 'Année')] = 2016;
    row[column(t, 'Financeur')] = 'CDC';
    row[column(t, 'Prévu (€)')] = 1000;
    t.rows.push(row);
  });
  return { dir, previous, current };
}

withPoppler('PDF: the per-funder, per-year deltas and the changed lines, signed ("+500,00 €")', async () => {
  const { dir, previous, current } = await versions();
  const pdf = join(dir, 'copil.pdf');
  const r = await cli('report', current, '--since', previous, '--out', pdf, '--as-of', '2016-12-31');
  expect(r.err).toBe('');
  const text = plain(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
  expect(text).toMatch(/Évolutions depuis le \d\d\/\d\d\/\d{4} \(precedent\.xlsx\) — Écarts par financeur et par année/);
  expect(text).toMatch(/Région +2014 Prévu +2 387 500,00 € +2 388 000,00 € +\+500,00 €/);
  expect(text).toMatch(/CDC +2016 Prévu +950 000,00 € +951 000,00 € +\+1 000,00 €/);
  expect(text).toMatch(/Lignes modifiées, par action/);
  expect(text).toMatch(/ANIM +modifié · ANIM · 2014 · Région · EX-2014-REGION-001 +Financements!D5 +Prévu \(€\) +250 000,00 € +250 500,00 € +\+500,00 €/);
  expect(text).toMatch(/II_2\.1\.1 +ajouté · II_2\.1\.1 · 2016 · CDC +Financements!A\d+/);

  // Without --since, no such section.
  const plainPdf = join(dir, 'sans.pdf');
  await cli('report', current, '--out', plainPdf, '--as-of', '2016-12-31');
  expect(execFileSync('pdftotext', [plainPdf, '-'], { encoding: 'utf8' })).not.toContain('Évolutions');
});

test('XLSX: an "Évolutions" sheet, deltas as numbers in a signed euro format', async () => {
  const { dir, previous, current } = await versions();
  const out = join(dir, 'copil.xlsx');
  await cli('report', current, '--since', previous, '--out', out, '--as-of', '2016-12-31');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Synthèse COPIL', 'Évolutions']);
  const ws = wb.getWorksheet('Évolutions')!;
  expect(String(ws.getCell('A1').value)).toMatch(/^Évolutions depuis le \d\d\/\d\d\/\d{4} \(precedent\.xlsx\)$/);
  const rows: unknown[][] = [];
  let regionRow = 0;
  ws.eachRow((r, n) => {
    rows.push((r.values as unknown[]).slice(1));
    if (r.getCell(1).value === 'Région') regionRow = n;
  });
  expect(rows).toContainEqual(['Région', 2014, 'Prévu', 2387500, 2388000, 500]);
  expect(rows).toContainEqual(['ANIM', 'modifié · ANIM · 2014 · Région · EX-2014-REGION-001', 'Financements!D5', 'Prévu (€)', 250000, 250500, 500]);
  expect(ws.getCell(regionRow, 6).numFmt).toMatch(/^\+#,##0\.00/);
});

test('CSV: one line per funder and year with the deltas, one per changed line', async () => {
  const { dir, previous, current } = await versions();
  const out = join(dir, 'copil.csv');
  await cli('report', current, '--since', previous, '--out', out, '--as-of', '2016-12-31');
  const lines = plain(readFileSync(out, 'utf8')).split('\r\n');
  expect(lines.find((l) => l.startsWith('Évolutions depuis le') && l.includes(';2014;Région;'))).toMatch(/;500,00;/);
  expect(lines.find((l) => l.startsWith('Évolutions depuis le') && l.includes(';2016;CDC;'))).toMatch(/;1000,00;/);
  expect(lines.filter((l) => l.startsWith('Lignes modifiées, par action;'))).toHaveLength(2);
  expect(lines.some((l) => l.includes('(+500,00 €);Financements;D5'))).toBe(true);
});

test('an unusable --since file: one line, exit 2, nothing written', async () => {
  const { dir, current } = await versions();
  const out = join(dir, 'copil.csv');
  const r = await cli('report', current, '--since', join(dir, 'absent.xlsx'), '--out', out);
  expect(r.code).toBe(2);
  expect(plain(r.err)).toMatch(/absent\.xlsx : fichier introuvable\.$/);
  expect(spawnSync('test', ['-e', out]).status).toBe(1);
});
