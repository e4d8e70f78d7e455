/**
 * .ods read directly (hosts/xlsx/ods.ts, odsContent.ts). Everywhere: an .ods written here cell by
 * cell (what LibreOffice writes: repeated rows to 1 048 576, repeated and covered cells, currency,
 * percentage, date, time, boolean and error cells, comments, database ranges). With LibreOffice:
 * our workbook saved as .ods gives the .xlsx's findings and totals, `diff` sees no change, `close`
 * is refused in one line, and an .ods's cells read as LibreOffice's own CSV export shows them.
 */
import { spawnSync } from 'child_process';
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { readBookBytes } from '../../src/hosts/xlsx/bytesRead';
import { eachSheetGrid } from '../../src/hosts/xlsx/nodeRead';
import type { SheetGrid } from '../../src/hosts/xlsx/reader';
import { baseWorkbook, withTrait } from '../hardening/traits';
import { cli } from '../helpers/cli';
import { tmp } from '../helpers/files';
import { needs } from '../helpers/tools';

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"',
].join(' ');

async function ods(body: string, ranges = ''): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
  zip.file('content.xml', `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:body><office:spreadsheet>${body}<table:database-ranges>${ranges}</table:database-ranges></office:spreadsheet></office:body></office:document-content>`);
  zip.file('meta.xml', `<office:document-meta ${NS} xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:date>2016-06-30T10:00:00</dc:date></office:meta></office:document-meta>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function grids(bytes: Buffer): Promise<SheetGrid[]> {
  const out: SheetGrid[] = [];
  await eachSheetGrid(bytes, (s) => {
    out.push(s);
    return false;
  });
  return out;
}

const cell = (attrs: string, text = '') => `<table:table-cell ${attrs}>${text ? `<text:p>${text}</text:p>` : ''}</table:table-cell>`;

test('LibreOffice’s cells: typed values, repeats without expanding, covered cells, comments left out', async () => {
  const row = (cells: string, repeat = 1) => `<table:table-row${repeat > 1 ? ` table:number-rows-repeated="${repeat}"` : ''}>${cells}<table:table-cell table:number-columns-repeated="16000"/></table:table-row>`;
  const body = `<table:table table:name="Relevé"><table:table-column table:number-columns-repeated="16384"/>${[
    row(cell('office:value-type="string"', 'Montant') + cell('office:value-type="string"', 'Taux') + cell('office:value-type="string"', 'Date') + cell('office:value-type="string"', 'Texte')),
    row(
      cell('office:value-type="currency" office:currency="EUR" office:value="2387500.5"', '2 387 500,50 €') +
        cell('office:value-type="percentage" office:value="0.055"', '5,50 %') +
        cell('office:value-type="date" office:date-value="2015-03-31"', '31/03/2015') +
        cell('office:value-type="string"', 'Ville<text:s text:c="2"/>de <text:span>Lyon</text:span><office:annotation><text:p>une note</text:p></office:annotation>'),
    ),
    row(cell('office:value-type="float" office:value="12" table:number-columns-repeated="2"', '12') + cell('office:value-type="boolean" office:boolean-value="true"', 'VRAI') + cell('office:value-type="float" office:value="0" calcext:value-type="error" table:formula="of:=1/0"', '#DIV/0!')),
    row(cell('table:number-columns-spanned="2" office:value-type="string"', 'fusion') + '<table:covered-table-cell office:value-type="string"><text:p>caché</text:p></table:covered-table-cell>' + cell('office:value-type="time" office:time-value="PT12H00M00S"', '12:00')),
    row(cell('office:value-type="string"', 'répété'), 2),
    row('', 1_048_570),
  ].join('')}</table:table>`;
  const [sheet, ...others] = await grids(await ods(body));
  expect(others).toEqual([]);
  expect(sheet.name).toBe('Relevé');
  expect(sheet.grid).toEqual([
    ['Montant', 'Taux', 'Date', 'Texte'],
    [2387500.5, 0.055, new Date(Date.UTC(2015, 2, 31)), 'Ville  de Lyon'],
    [12, 12, true, { error: '#DIV/0!' }],
    ['fusion', null, new Date(Date.UTC(1899, 11, 30, 12)), null],
    ['répété', null, null, null],
    ['répété', null, null, null],
  ]);
});

test('a database range is the contract table of its name; the saved date is the document’s', async () => {
  const header = ['Financeur', 'Année', 'Montant (€)', 'Statut', 'Base', 'Avenant', 'Décision'];
  const rows = [header.map((h) => cell('office:value-type="string"', h)).join(''), cell('office:value-type="string"', 'Région') + cell('office:value-type="float" office:value="2014"', '2014') + cell('office:value-type="currency" office:value="2387500"', '2 387 500,00 €')];
  const body = `<table:table table:name="Ma convention"><table:table-row><table:table-cell/></table:table-row>${rows.map((r) => `<table:table-row>${r}</table:table-row>`).join('')}</table:table>`;
  const bytes = await ods(body, `<table:database-range table:name="Convention" table:target-range-address="'Ma convention'.A2:'Ma convention'.G3"/>`);
  const { snapshot, savedOn, format } = await readBookBytes(new Uint8Array(bytes));
  expect({ savedOn, format }).toEqual({ savedOn: '2016-06-30', format: 'ods' });
  expect(snapshot.sheets).toEqual(['Ma convention']);
  expect(snapshot.tables).toHaveLength(1);
  const t = snapshot.tables[0];
  expect({ name: t.name, sheet: t.sheet, headerRow: t.headerRow, firstColumn: t.firstColumn, isTable: t.isTable, headers: t.headers, rows: t.rows }).toEqual({
    name: 'Convention',
    sheet: 'Ma convention',
    headerRow: 2,
    firstColumn: 1,
    isTable: true,
    headers: header,
    rows: [['Région', 2014, 2387500, null, null, null, null]],
  });
});

const withSoffice = needs('soffice');

describe('saved by LibreOffice', () => {
  let dir: string;
  function soffice(file: string, to: string, out: string): string {
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--calc', '--convert-to', to, '--outdir', out, file], { encoding: 'utf8', timeout: 170_000 });
    if (r.status !== 0) throw new Error(`soffice: ${r.stderr}`);
    return join(out, file.split('/').pop()!.replace(/\.\w+$/, `.${to.split(':')[0]}`));
  }
  beforeAll(() => {
    dir = tmp('ess-ods-');
  });

  withSoffice(
    'our workbook as .ods: the findings and totals of the .xlsx; diff sees no change; close is refused in one line',
    async () => {
      const xlsx = join(dir, 'classeur.xlsx');
      writeFileSync(xlsx, await withTrait(baseWorkbook(), null));
      const odsFile = soffice(xlsx, 'ods', join(dir, 'ods'));
      const check = async (f: string) => {
        const r = await cli('check', f, '--format', 'json', '--as-of', '2026-11-29');
        expect(r.err).toBe('');
        const { file: _f, ...rest } = JSON.parse(r.out) as { file: string; findings: unknown[] };
        return { code: r.code, ...rest };
      };
      const want = await check(xlsx);
      expect(want.findings.length).toBeGreaterThan(3);
      expect(await check(odsFile)).toEqual(want);
      const text = await cli('check', odsFile, '--as-of', '2026-11-29');
      expect(text.out.replace(/\.ods\b/g, '.xlsx')).toBe((await cli('check', xlsx, '--as-of', '2026-11-29')).out);

      await expect(cli('diff', xlsx, odsFile)).resolves.toEqual({ code: 0, out: 'Aucun changement dans les tableaux du contrat.', err: '' });
      const report = await cli('report', odsFile, '--out', join(dir, 'synthese.csv'), '--as-of', '2026-11-29');
      expect(report.code).toBe(want.code);
      const reconcile = await cli('reconcile', odsFile, join(__dirname, '../../examples/grand-livre-cdc.csv'), '--format', 'json');
      const reconcileXlsx = await cli('reconcile', xlsx, join(__dirname, '../../examples/grand-livre-cdc.csv'), '--format', 'json');
      expect(reconcile.out.split(odsFile).join(xlsx)).toBe(reconcileXlsx.out);

      const before = readFileSync(odsFile);
      const close = await cli('close', odsFile, '2014', '--force');
      expect(close.code).toBe(2);
      expect(close.err).toMatch(/^\S*classeur\.ods\u00a0: un classeur OpenDocument \(\.ods\) se lit, mais une clôture ne s’enregistre que dans un \.xlsx/);
      expect(close.err.trim().split('\n')).toHaveLength(1);
      expect(readFileSync(odsFile).equals(before)).toBe(true);
    },
    600_000,
  );

  withSoffice(
    'an .ods made by LibreOffice reads as LibreOffice’s own CSV export shows it (raw values)',
    async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Valeurs');
      ws.addRow(['Texte', 'Nombre', 'Monnaie', 'Pourcentage', 'Booléen', 'Formule']);
      ws.addRow(['Région Rhône-Alpes', 2387500, 1234.56, 0.055, true, { formula: 'B2*2', result: 4775000 }]);
      ws.addRow(['«\u00a0guillemets\u00a0»', -0.01, 0, 1, false, { formula: 'B3+1', result: 0.99 }]);
      ws.getCell('C2').numFmt = '# ##0,00 €';
      ws.getCell('D2').numFmt = '0.00%';
      ws.mergeCells('A5:B5');
      ws.getCell('A5').value = 'fusionnées';
      for (let r = 10; r < 14; r++) ws.getRow(r).values = ['même', 7, 7];
      const xlsx = join(dir, 'valeurs.xlsx');
      await wb.xlsx.writeFile(xlsx);
      const odsFile = soffice(xlsx, 'ods', join(dir, 'valeurs'));
      // Field separator ",", quote '"', UTF-8, from line 1, raw values (not "as shown").
      soffice(odsFile, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false', join(dir, 'valeurs-csv'));
      const csvName = readdirSync(join(dir, 'valeurs-csv')).find((f) => f.endsWith('.csv'))!;
      // Raw values, but a percentage keeps its sign there: 5.5% is the 0.055 the cell holds.
      const csv = Papa.parse<string[]>(readFileSync(join(dir, 'valeurs-csv', csvName), 'utf8'), { skipEmptyLines: false })
        .data.filter((r) => r.some((c) => c !== ''))
        .map((r) => r.map((c) => (/^-?[\d.]+%$/.test(c) ? String(Number(c.slice(0, -1)) / 100) : c)));
      const [sheet] = await grids(readFileSync(odsFile));
      const ours = sheet.grid
        .map((r) => r.map((v) => (v === null ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v))))
        .filter((r) => r.some((c) => c !== ''));
      const trimmed = (rows: string[][]) => rows.map((r) => r.slice(0, 6).join('|').replace(/\|+$/, ''));
      expect(trimmed(ours)).toEqual(trimmed(csv));
    },
    600_000,
  );
});
