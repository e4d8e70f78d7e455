/**
 * Issue 19: the workbook as users really edit it, read through the CLI. Each edit is made by
 * openpyxl on a workbook `init` wrote (as a finance officer's script or another tool would), then
 * `check --format json` must give the right totals, or a finding naming the sheet and the cells:
 * never a silent wrong number.
 */
import { spawnSync } from 'child_process';
import { join } from 'path';
import { cli } from '../helpers/cli';
import { tmp } from '../helpers/files';
import { needs, toolPath } from '../helpers/tools';

const withPython = needs('openpyxl');
const AS_OF = '2016-12-31';

interface Total {
  funder: string;
  year: number;
  planned: string;
  committed: string;
  paid: string;
  convention: string | null;
  gap: string | null;
  participations: string;
  executionUnknown?: { field: string; reason: string }[];
}
interface Result {
  code: number;
  findings: { rule: string; sheet: string; cell: string; message: string; severity: string }[];
  totals: Total[];
  read: { table: string; sheet: string; range: string; lines: number; kind: string; text: string; below?: { first: number; last: number } }[];
}

let dir: string;
let example: string;
let blank: string;
let base: Result;
let n = 0;

async function checkJson(file: string): Promise<Result> {
  const r = await cli('check', file, '--format', 'json', '--as-of', AS_OF);
  expect(r.err).toBe('');
  return { code: r.code, ...(JSON.parse(r.out) as Omit<Result, 'code'>) };
}

/** The workbook `from`, edited by the Python lines `script` (ws: the sheet named `sheet`; wb: the workbook). */
function edited(from: string, sheet: string, script: string): string {
  const out = join(dir, `edit-${++n}.xlsx`);
  const code = ['import openpyxl, sys', 'from openpyxl.worksheet.table import TableColumn', 'wb = openpyxl.load_workbook(sys.argv[1])', `ws = wb[${JSON.stringify(sheet)}]`, script, 'wb.save(sys.argv[2])'].join('\n');
  const r = spawnSync(toolPath('openpyxl') ?? 'python3', ['-c', code, from, out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return out;
}

const total = (r: Result, funder: string, year: number) => r.totals.find((t) => t.funder === funder && t.year === year)!;
const fired = (r: Result, rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);

beforeAll(async () => {
  dir = tmp('ess-edits-');
  example = join(dir, 'exemple.xlsx');
  blank = join(dir, 'vierge.xlsx');
  expect((await cli('init', example, '--example')).code).toBe(0);
  expect((await cli('init', blank)).code).toBe(0);
  base = await checkJson(example);
});

describe('columns as users name them', () => {
  withPython('"Engagé (en €)", "Montant mandaté (€)", "Prévu (EUR)": the same totals, no finding', async () => {
    const r = await checkJson(edited(example, 'Financements', "ws['D4'] = 'Prévu (EUR)'; ws['E4'] = 'Engagé (en €)'; ws['F4'] = 'Montant mandaté (€)'"));
    expect(r.findings).toEqual([]);
    expect(r.totals).toEqual(base.totals);
  });
  withPython('"Engagements (€)", "Versements (€)", "Budget"; Convention\'s "Montant convention (€)"', async () => {
    const f = edited(example, 'Financements', "ws['D4'] = 'Budget'; ws['E4'] = 'Engagements (€)'; ws['F4'] = 'Versements (€)'");
    const r = await checkJson(edited(f, 'Convention', "ws['C4'] = 'Montant convention (€)'; ws['C5'] = ws['C5'].value + 100000"));
    // The main check still runs: the +100 000 € gap on Région 2014 is reported, not lost.
    expect(r.findings.filter((f) => f.rule === 'convention.total-mismatch').map((f) => f.message)).toEqual([expect.stringMatching(/Région.*2014/)]);
    expect(total(r, 'Région', 2014).committed).toBe(total(base, 'Région', 2014).committed);
    expect(total(r, 'Région', 2014).paid).toBe(total(base, 'Région', 2014).paid);
  });
  withPython('a header in k€ is never read as euros: an error names it', async () => {
    const r = await checkJson(edited(example, 'Financements', "ws['E4'] = 'Engagé (k€)'"));
    expect(fired(r, 'workbook.column-thousands')).toEqual(['Financements!E4']);
    expect(r.code).toBe(1);
    // Engagé is n.d. in the totals, and why; never 0.
    expect(total(r, 'Région', 2014)).toMatchObject({ committed: null, executionUnknown: [{ field: 'committed', reason: 'no-column' }] });
    // Versé is no longer compared with an engagé read as 0.
    expect(fired(r, 'execution.payment-over-commitment')).toEqual([]);
  });
  withPython('an absent Versé column: a warning names it, never 0 without a word', async () => {
    const r = await checkJson(edited(example, 'Financements', "ws['F4'] = 'Réglé'"));
    const [w] = r.findings.filter((f) => f.rule === 'workbook.column-optional-missing');
    expect(`${w.sheet}!${w.cell} ${w.severity}`).toBe('Financements!A4:H4 warning');
    expect(w.message).toMatch(/«\u00a0Versé \(€\)\u00a0».*n\.d\./);
  });
  withPython('two columns matching Prévu: one error naming both', async () => {
    const r = await checkJson(
      edited(example, 'Financements', "t = ws.tables['Financements']; t.ref = 'A4:I152'; t.tableColumns.append(TableColumn(id=9, name='Budget')); ws['I4'] = 'Budget'\nfor row in range(5, 152): ws.cell(row=row, column=9, value=1)"),
    );
    const [e] = r.findings.filter((f) => f.rule === 'workbook.column-duplicate');
    expect(`${e.sheet}!${e.cell}`).toBe('Financements!D4:I4');
    expect(e.message).toMatch(/Prévu \(€\).*\(D4\).*Budget.*\(I4\)/);
    expect(total(r, 'Région', 2014).planned).toBe(total(base, 'Région', 2014).planned);
  });
  withPython('"Part Région (%)" in a Participations table is a column ignored, never a co-funder', async () => {
    const r = await checkJson(
      edited(
        example,
        'Participations 2014',
        "t = ws.tables['Participations2014']; ws.move_range('E4:E9', cols=1); ws['E4'] = 'Part Région (%)'\nfor row in range(5, 9): ws.cell(row=row, column=5, value=0.25)\nt.ref = 'A4:F9'; t.tableColumns.insert(4, TableColumn(id=6, name='Part Région (%)'))",
      ),
    );
    expect(fired(r, 'workbook.column-ignored')).toEqual(['Participations 2014!E4']);
    expect(r.totals.map((t) => t.funder)).not.toContain('Part Région (%)');
    expect(total(r, 'Région', 2014).participations).toBe(total(base, 'Région', 2014).participations);
    expect(r.read.find((x) => x.table === 'Participations2014')!.text).toMatch(/non lu\u00a0: colonne «\u00a0Part Région \(%\)\u00a0»/);
  });
});

describe('tables as users change them', () => {
  withPython('a table renamed "Tableau1": found by its sheet and headers, same totals, a warning with the repair', async () => {
    const r = await checkJson(edited(example, 'Financements', "t = ws.tables['Financements']; t.name = 'Tableau1'; t.displayName = 'Tableau1'; del ws.tables['Financements']; ws.add_table(t)"));
    expect(r.totals).toEqual(base.totals);
    const [w] = r.findings.filter((f) => f.rule === 'workbook.table-renamed');
    expect(w.message).toMatch(/Tableau1.*Création de tableau > Nom du tableau/);
    expect(r.read.find((x) => x.table === 'Financements')).toMatchObject({ kind: 'renamed', lines: 147 });
  });
  withPython('a table converted to a range with a blank row inside and its old totals row: read to its real end', async () => {
    const r = await checkJson(edited(example, 'Financements', "del ws.tables['Financements']; ws.insert_rows(60)"));
    expect(r.totals.map(({ funder, year, planned, committed, paid }) => ({ funder, year, planned, committed, paid }))).toEqual(
      base.totals.map(({ funder, year, planned, committed, paid }) => ({ funder, year, planned, committed, paid })),
    );
    expect(fired(r, 'workbook.table-missing')).toEqual(['Financements!A4:H4']);
    const read = r.read.find((x) => x.table === 'Financements')!;
    expect(read).toMatchObject({ kind: 'range', lines: 147, range: 'A4:H153' });
    expect(read.text).toMatch(/1 ancienne ligne de total, 153/);
  });
  withPython('a typed TOTAL line inside Financements is never added: one error on that row', async () => {
    const r = await checkJson(
      edited(
        example,
        'Financements',
        "t = ws.tables['Financements']; ws.move_range('A152:H152', rows=1, translate=True); t.ref = 'A4:H153'\nfor c, v in zip('ABCDEF', ['TOTAL', 2014, 'Région', 2387500, 2387500, 2387500]): ws[c + '152'] = v",
      ),
    );
    expect(fired(r, 'workbook.total-row')).toEqual(['Financements!A152']);
    expect(total(r, 'Région', 2014).planned).toBe(total(base, 'Région', 2014).planned);
  });
  withPython('a header row switched off: said as such, its first row still data', async () => {
    const r = await checkJson(edited(example, 'Financements', "t = ws.tables['Financements']; t.headerRowCount = 0; t.ref = 'A5:H152'\nfor c in 'ABCDEFGH': ws[c + '4'] = None"));
    expect(r.findings.map((f) => f.rule)).toEqual(['workbook.header-hidden']);
    expect(r.totals).toEqual(base.totals);
  });
  withPython('rows typed under a table (as in LibreOffice, which never extends it): read, and an information names them', async () => {
    // init's Financements: one data row (5), its totals row (6); the user types under it.
    const script = [
      "for c, v in zip('ABCDEF', ['ANIM', 2014, 'Région', 1000, 500, 0]): ws[c + '5'] = v",
      "for c, v in zip('ABCDEF', ['ANIM', 2015, 'Région', 2000, 0, 0]): ws[c + '7'] = v",
      "for c, v in zip('ABCDEF', ['ANIM', 2016, 'Région', 3000, 0, 0]): ws[c + '8'] = v",
      "ws['H9'] = 'note sans montant'",
    ].join('\n');
    const r = await checkJson(edited(blank, 'Financements', script));
    expect(total(r, 'Région', 2015).planned).toBe('2000.00');
    expect(total(r, 'Région', 2016).planned).toBe('3000.00');
    expect(fired(r, 'workbook.rows-below')).toEqual(['Financements!A7:H8']);
    expect(fired(r, 'workbook.rows-below-unread')).toEqual(['Financements!A9:H9']);
    expect(r.read.find((x) => x.table === 'Financements')!.text).toBe(
      'Financements\u00a0: 3 lignes (Financements!A4:H9, dont 2 lignes saisies sous le tableau (7-8))\u00a0; non lu\u00a0: 1 ligne sous le tableau, 9',
    );
    const text = await cli('check', edited(blank, 'Financements', script), '--as-of', AS_OF);
    expect(text.out).toMatch(/^Lu\u00a0: Financements\u00a0: 3 lignes/m);
  });
  withPython('a column typed beside a table (LibreOffice does not extend it) is named, never read: its amounts a warning, its header a note; the totals are what the table says', async () => {
    const r = await checkJson(edited(example, 'Financements', "ws['I4'] = 'Prévu 2016 (€)'\nfor row in range(5, 20): ws.cell(row=row, column=9, value=1000)"));
    expect(fired(r, 'workbook.values-outside')).toEqual(['Financements!I5:I19']);
    expect(fired(r, 'workbook.notes-outside')).toEqual(['Financements!I4']);
    expect(r.findings.find((f) => f.rule === 'workbook.values-outside')).toMatchObject({
      severity: 'warning',
      message: expect.stringMatching(/^15 valeurs \(nombres, dates ou formules\) saisies hors du tableau «\u00a0Financements\u00a0», en I5:I19, ne sont pas lues\u00a0: elles ne sont ni comptées ni vérifiées\./),
    });
    expect(r.read.find((x) => x.table === 'Financements')!.text).toBe('Financements\u00a0: 147 lignes (Financements!A4:H151)\u00a0; non lu\u00a0: 16 cellules saisies hors des tableaux (I4:I19)');
    expect(r.totals).toEqual(base.totals);
    expect(r.code).toBe(base.code);
  });
  withPython('a line typed under a table after a blank row, and a number left beside it, are named where they are, as ranges', async () => {
    const script = ["for c, v in zip('ABCDEF', ['ANIM', 2014, 'Région', 1000, 0, 0]): ws[c + '200'] = v", "ws['K10'] = 12345", "ws['K11'] = 1", "ws['L10'] = 2", "ws['L11'] = 3"].join('\n');
    const r = await checkJson(edited(example, 'Financements', script));
    const values = r.findings.filter((f) => f.rule === 'workbook.values-outside');
    expect(values.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['Financements!K10:L11']);
    expect(values[0].message).toMatch(/^8 valeurs .* en K10:L11, B200 et D200:F200, ne sont pas lues/);
    expect(fired(r, 'workbook.notes-outside')).toEqual(['Financements!A200']);
    expect(r.totals).toEqual(base.totals);
  });
});

describe('cells as users type them', () => {
  withPython('#REF! in Engagé: one finding on that cell, no false "versé supérieur à l’engagé 0,00 €"', async () => {
    const r = await checkJson(edited(example, 'Financements', "ws['E5'] = '#REF!'"));
    expect(r.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(['cell.not-a-number Financements!E5']);
    // The total that includes it is n.d. and says why; the others are today's.
    expect(total(r, 'Région', 2014)).toMatchObject({ committed: null, executionUnknown: [{ field: 'committed', reason: 'unreadable-amount' }] });
    expect(total(r, 'État', 2014).committed).toBe(total(base, 'État', 2014).committed);
  });
  withPython('a year wearing a date format reads as the year it holds', async () => {
    const r = await checkJson(edited(example, 'Financements', "for row in range(5, 20): ws.cell(row=row, column=2).number_format = 'dd/mm/yyyy'"));
    expect(r.findings).toEqual([]);
    expect(r.totals).toEqual(base.totals);
  });
});
