/**
 * Issue 19, the COPIL exports: an execution amount that is not known (an unreadable Engagé cell,
 * an Engagé column removed) reads n.d. and why on its funder and year's line of the PDF and the
 * CSV, never 0,00 € or a partial sum; page 1's method note says what was read, per table.
 */
import { execFileSync, spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { cli } from '../helpers/cli';
import { tmp } from '../helpers/files';
import { plain } from '../helpers/typography';
import { needs, toolPath } from '../helpers/tools';

const withTools = needs('openpyxl', 'pdftotext');
const AS_OF = '2016-12-31';
let dir: string;
let example: string;
let n = 0;

beforeAll(async () => {
  dir = tmp('ess-report-unknown-');
  example = join(dir, 'exemple.xlsx');
  expect((await cli('init', example, '--example')).code).toBe(0);
});

/** The example edited by openpyxl (`script` runs with ws = the Financements sheet). */
function edited(script: string): string {
  const out = join(dir, `edit-${++n}.xlsx`);
  const code = ['import openpyxl, sys', 'wb = openpyxl.load_workbook(sys.argv[1])', "ws = wb['Financements']", script, 'wb.save(sys.argv[2])'].join('\n');
  const r = spawnSync(toolPath('openpyxl') ?? 'python3', ['-c', code, example, out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return out;
}

/** The PDF's text, layout kept (one line per table row), in plain typography. */
async function pdfText(file: string): Promise<string> {
  const pdf = `${file}.pdf`;
  const r = await cli('report', file, '--out', pdf, '--as-of', AS_OF);
  expect(r.code).not.toBe(2);
  return plain(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
}

async function csvLines(file: string): Promise<string[][]> {
  const csv = `${file}.csv`;
  expect((await cli('report', file, '--out', csv, '--as-of', AS_OF)).code).not.toBe(2);
  return readFileSync(csv, 'utf8').split('\r\n').map((l) => l.split(';'));
}

/** The execution table's line of that funder and year on the PDF. */
const execLine = (text: string, funder: string, year: number) => {
  const at = text.indexOf('Exécution par financeur et par année');
  return text.slice(at).split('\n').find((l) => new RegExp(`^\\s*${funder}\\s+${year}\\s`).test(l)) ?? '';
};


describe('an unknown Engagé in the COPIL exports', () => {
  withTools('#REF! in Engagé (Région 2014, row 5): n.d. on that line of the PDF and the CSV, not 0,00 €', async () => {
    const file = edited("ws['E5'] = '#REF!'");
    const text = await pdfText(file);
    const line = execLine(text, 'Région', 2014);
    expect(line).toMatch(/n\.d\. \(montant illisible\)/);
    // Engagé and both rates drawn from it: n.d.; Prévu still a figure.
    expect(line.match(/n\.d\./g)).toHaveLength(3);
    expect(line).toMatch(/2 387 500,00 €/);
    expect(line).not.toMatch(/0,00 %|100,0 %/);
    // Another funder's line is unchanged.
    expect(execLine(text, 'État', 2014)).toMatch(/1 000 000,00 €\s+1 000 000,00 €\s+1 000 000,00 €\s+100,0 %\s+100,0 %/);
    const rows = await csvLines(file);
    const header = rows[0];
    const row = rows.find((r) => r[header.indexOf('Financeur')] === 'Région' && r[header.indexOf('Année')] === '2014' && r[header.indexOf('Engagé (€)')] !== '')!;
    expect(plain(row[header.indexOf('Engagé (€)')])).toBe('n.d. (montant illisible)');
    expect(row[header.indexOf('Prévu (€)')]).toBe('2387500,00');
  });

  withTools('the Engagé column removed: n.d. (colonne absente) on every line, never 0,00 €', async () => {
    // Column E deleted, the table shrunk to match, as a user deleting the column in Excel would leave it.
    const file = edited(
      [
        't = ws.tables["Financements"]',
        'ws.delete_cols(5)',
        'last = t.ref.split(":")[1][1:]',
        't.ref = "A4:G" + last',
        'del t.tableColumns[4]',
        'for i, c in enumerate(t.tableColumns): c.id = i + 1',
        'if t.autoFilter is not None: t.autoFilter.ref = t.ref',
      ].join('\n'),
    );
    const text = await pdfText(file);
    for (const [funder, year] of [['Région', 2014], ['CDC', 2016]] as const) {
      const line = execLine(text, funder, year);
      expect(line).toMatch(/n\.d\. \(colonne absente\)/);
      expect(line).not.toMatch(/ 0,00 €/);
    }
    const total = text.slice(text.indexOf('Exécution par financeur et par année')).split('\n').find((l) => /^\s*Total\s/.test(l))!;
    // Prévu and Versé still sum; Engagé says n.d. (its reason wraps onto the next line), not 0,00 €.
    expect(total).toMatch(/13 197 700,00 €\s+n\.d\. \(colonne\s+11 420 100,00 €/);
    const rows = await csvLines(file);
    const header = rows[0];
    const engage = rows.filter((r) => r[header.indexOf('Année')] === '2015' && r[header.indexOf('Engagé (€)')] !== '').map((r) => plain(r[header.indexOf('Engagé (€)')]));
    expect(engage.length).toBeGreaterThan(0);
    expect(new Set(engage)).toEqual(new Set(['n.d. (colonne absente)']));
  });
});

interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

/**
 * The execution chart of a report: its page, the words in its box (right of its title, down to its
 * legend) and that box in points, read with pdftotext -bbox; `ppm` renders the page at 72 dpi
 * (a pixel a point) so that a bar's colour can be looked for where pdftotext placed the labels.
 */
function executionChart(pdf: string): { page: number; words: Word[]; legend: string; ppm: { w: number; h: number; px: Buffer } } {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const pages = html.split('<page ').slice(1);
  const at = pages.findIndex((p) => />Participations<\/word>\s*<word[^>]*>par<\/word>\s*<word[^>]*>axe</.test(p));
  expect(at).toBeGreaterThanOrEqual(0);
  const words = [...pages[at].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({ x0: +w[1], y0: +w[2], x1: +w[3], y1: +w[4], text: plain(w[5]) }));
  const title = words.find((w) => w.text === 'Exécution' && w.x0 > 300)!;
  const legendY = words.find((w) => w.text === 'Prévu' && w.y0 > title.y1)!.y0;
  const box = words.filter((w) => w.x0 >= title.x0 - 40 && w.y0 > title.y1 && w.y1 < legendY);
  const legend = words.filter((w) => w.x0 >= title.x0 - 40 && Math.abs(w.y0 - legendY) < 2).map((w) => w.text).join(' ');
  const ppm = execFileSync('pdftoppm', ['-f', `${at + 1}`, '-l', `${at + 1}`, '-r', '72', pdf], { maxBuffer: 64 << 20 });
  const [, w, h] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 32))!;
  const head = /^P6\s+\d+\s+\d+\s+255\s/.exec(ppm.toString('latin1', 0, 32))![0].length;
  return { page: at + 1, words: box, legend, ppm: { w: +w, h: +h, px: ppm.subarray(head) } };
}

/** Pixels of colour `hex` (within a few levels) over the category `label`'s group, above the axis. */
function barPixels(chart: ReturnType<typeof executionChart>, label: string, next: string, hex: string): number {
  const cat = chart.words.find((w) => w.text === label)!;
  const other = chart.words.find((w) => w.text === next)!;
  const mid = (w: Word) => (w.x0 + w.x1) / 2;
  const half = Math.abs(mid(other) - mid(cat)) / 2;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const top = Math.min(...chart.words.map((w) => w.y0));
  let n = 0;
  // Down to a few points over the axis: the dashed outline of an n.d. bar stands on the axis itself.
  for (let y = Math.round(top); y < Math.round(cat.y0) - 12; y++)
    for (let x = Math.round(mid(cat) - half); x < Math.round(mid(cat) + half); x++) {
      const o = (y * chart.ppm.w + x) * 3;
      if (Math.abs(chart.ppm.px[o] - r) < 8 && Math.abs(chart.ppm.px[o + 1] - g) < 8 && Math.abs(chart.ppm.px[o + 2] - b) < 8) n++;
    }
  return n;
}

describe('the execution chart of the COPIL PDF', () => {
  const ENGAGE = '2E75B6';
  withTools('an Engagé n.d. (Région 2014 #REF!) is no bar of its partial sum: « n.d. » on its place, said in the legend', async () => {
    const known = join(dir, 'chart-known.pdf');
    expect((await cli('report', example, '--out', known, '--as-of', AS_OF)).code).toBe(0);
    const before = executionChart(known);
    expect(before.words.filter((w) => w.text === 'n.d.')).toEqual([]);
    expect(before.legend).toBe('Prévu (€) Engagé (€) Versé (€)');
    expect(barPixels(before, 'Région', 'État', ENGAGE)).toBeGreaterThan(200);

    const file = edited("ws['E5'] = '#REF!'");
    const pdf = `${file}.pdf`;
    expect((await cli('report', file, '--out', pdf, '--as-of', AS_OF)).code).toBe(1);
    const after = executionChart(pdf);
    const nd = after.words.filter((w) => w.text === 'n.d.');
    expect(nd).toHaveLength(1);
    // Standing up (taller than wide), over the Région group.
    expect(nd[0].y1 - nd[0].y0).toBeGreaterThan(nd[0].x1 - nd[0].x0);
    const region = after.words.find((w) => w.text === 'Région')!;
    expect(nd[0].x0).toBeGreaterThan(region.x0 - 30);
    expect(nd[0].x1).toBeLessThan(region.x1 + 30);
    expect(after.legend).toBe('Prévu (€) Engagé (€) Versé (€) n.d. : non connu');
    // No Engagé bar over Région (its readable lines' sum would read as known); État's still drawn.
    expect(barPixels(after, 'Région', 'État', ENGAGE)).toBe(0);
    expect(barPixels(after, 'État', 'CDC', ENGAGE)).toBeGreaterThan(200);
  });
});

describe('page 1 says what was read', () => {
  needs('pdftotext')('the method note names each table read, its range and lines, as check does', async () => {
    const pdf = join(dir, 'note.pdf');
    expect((await cli('report', example, '--out', pdf, '--as-of', AS_OF)).code).toBe(0);
    const page1 = plain(execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' })).replace(/\s+/g, ' ');
    const check = await cli('check', example, '--as-of', AS_OF);
    const read = check.out.split('\n').filter((l) => l.startsWith('Lu')).map((l) => plain(l).replace(/^Lu : /, ''));
    expect(read.length).toBeGreaterThan(5);
    expect(page1).toContain('Ce qui a été lu, par tableau.');
    for (const r of read) expect(page1).toContain(r);
    expect(page1).toContain('Financements : 147 lignes (Financements!A4:H151)');
  });
});
