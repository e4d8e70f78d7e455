/** The summary as a standalone workbook: the check's figures, totals as formulas with their results, inert text. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildSummarySheet } from '../../src/core/summarySheet';
import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { centsFromDecimalString } from '../../src/core/money';
import { summaryXlsx } from '../../src/exports/xlsx';
import { messages } from '../../src/core/i18n';
import { tmp } from '../helpers/files';
import { needs } from '../helpers/tools';
import { exampleSummary, HYPERLINK, withHyperlinkAction } from './summaryFixture';

const euros = (s: string | null) => (s === null ? null : centsFromDecimalString(s)! / 100);

async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

type TableModel = { name: string; tableRef: string; totalsRow: boolean };
function tables(ws: ExcelJS.Worksheet): TableModel[] {
  return Object.values((ws as unknown as { tables: Record<string, { table: TableModel }> }).tables).map((t) => t.table);
}

function rowsOf(ws: ExcelJS.Worksheet, t: TableModel) {
  const [a, b] = t.tableRef.split(':');
  const top = Number(a.replace(/[A-Z]+/, ''));
  const bottom = Number(b.replace(/[A-Z]+/, ''));
  const width = b.charCodeAt(0) - a.charCodeAt(0) + 1;
  const out: ExcelJS.Cell[][] = [];
  for (let r = top; r <= bottom; r++) out.push(Array.from({ length: width }, (_, i) => ws.getCell(r, a.charCodeAt(0) - 64 + i)));
  return out;
}

describe('XLSX of the example', () => {
  test('the convention table holds the check totals; totals are SUM formulas with their results', async () => {
    const { summary, result } = await exampleSummary();
    const wb = await load(await summaryXlsx(summary));
    const ws = wb.getWorksheet('Synthèse COPIL')!;
    expect(ws).toBeDefined();
    const conv = tables(ws).find((t) => t.name === 'SyntheseConvention')!;
    const cells = rowsOf(ws, conv);
    expect(cells[0].map((c) => c.value)).toEqual(['Financeur', 'Année', 'Statut', 'Montant (€)', 'Participations (€)', 'Écart (€)']);
    result.totals.forEach((t, i) => {
      expect(cells[1 + i].map((c) => c.value)).toEqual([t.funder, t.year, messages.fr.summary.legalStatus[t.legalStatus], euros(t.convention), euros(t.participations), euros(t.gap)]);
    });
    const totals = cells[cells.length - 1];
    expect(totals[0].value).toBe('Total');
    const h = Number(/\d+/.exec(conv.tableRef)![0]);
    expect(totals[3].formula).toBe(`SUM(D${h + 1}:D${h + result.totals.length})`);
    expect(totals[3].result).toBe(13_197_700);
    expect(totals[4].result).toBe(13_197_700);
    expect(totals[3].numFmt).toContain('€');
  });

  test('execution and per-year participations: cached totals equal the check', async () => {
    const { summary, result } = await exampleSummary();
    const ws = (await load(await summaryXlsx(summary))).getWorksheet('Synthèse COPIL')!;
    const exec = rowsOf(ws, tables(ws).find((t) => t.name === 'SyntheseExecution')!);
    const sum = (k: 'planned' | 'committed' | 'paid') => result.totals.reduce((s, t) => s + centsFromDecimalString(t[k]!)!, 0) / 100;
    const last = exec[exec.length - 1];
    expect([last[2].result, last[3].result, last[4].result]).toEqual([sum('planned'), sum('committed'), sum('paid')]);
    for (const year of [2014, 2015, 2016]) {
      const m = rowsOf(ws, tables(ws).find((t) => t.name === `SyntheseAxes${year}`)!);
      const tot = m[m.length - 1];
      ['Région', 'État', 'CDC'].forEach((f, i) => expect(tot[1 + i].result).toBe(euros(result.totals.find((x) => x.funder === f && x.year === year)!.participations)));
    }
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.headerFooter.oddHeader).toContain('Contrat économique sectoriel');
  });

  test('an action titled =HYPERLINK(...) is text, not a formula', async () => {
    const { summary } = await exampleSummary('fr', withHyperlinkAction);
    const ws = (await load(await summaryXlsx(summary))).getWorksheet('Synthèse COPIL')!;
    const actions = rowsOf(ws, tables(ws).find((t) => t.name === 'SyntheseActions')!);
    const row = actions.find((r) => r[0].value === 'II_9.9')!;
    expect(row[1].type).toBe(ExcelJS.ValueType.String);
    expect(row[1].value).toBe(`'${HYPERLINK}`);
    // Nowhere in the sheet is there a formula other than the totals the summary wrote.
    ws.eachRow((r) =>
      r.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula) expect(c.formula).toMatch(/^(SUM|IF)\(/);
      }),
    );
  });

  test('two native charts, bound to the summary tables, anchored where the plan says', async () => {
    const { summary } = await exampleSummary();
    const plan = buildSummarySheet(summary);
    const zip = await JSZip.loadAsync(await summaryXlsx(summary));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toMatch(/<drawing r:id="[^"]+"\/><tableParts/);
    const drawing = await zip.file('xl/drawings/drawing1.xml')!.async('string');
    expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(2);
    const axes = plan.tables.find((t) => t.id === 'allYears')!;
    const byFunder = plan.tables.find((t) => t.id === 'byFunder')!;
    const parts = await zip.file('xl/charts/chart1.xml')!.async('string');
    const exec = await zip.file('xl/charts/chart2.xml')!.async('string');
    const refs = (xml: string) => [...xml.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1].replace(/&apos;|'/g, "'"));
    const a = axes.headerRow;
    // Series by columns: Région, État, CDC are columns B, C, D; the axes are the categories.
    expect(refs(parts)).toEqual([
      `'Synthèse COPIL'!$B$${a}`, `'Synthèse COPIL'!$A$${a + 1}:$A$${a + 4}`, `'Synthèse COPIL'!$B$${a + 1}:$B$${a + 4}`,
      `'Synthèse COPIL'!$C$${a}`, `'Synthèse COPIL'!$A$${a + 1}:$A$${a + 4}`, `'Synthèse COPIL'!$C$${a + 1}:$C$${a + 4}`,
      `'Synthèse COPIL'!$D$${a}`, `'Synthèse COPIL'!$A$${a + 1}:$A$${a + 4}`, `'Synthèse COPIL'!$D$${a + 1}:$D$${a + 4}`,
    ]);
    expect(parts).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(parts).toContain('<c:v>2700000</c:v>');
    const b = byFunder.headerRow;
    expect(refs(exec).filter((_, i) => i % 3 === 2)).toEqual(['B', 'C', 'D'].map((L) => `'Synthèse COPIL'!$${L}$${b + 1}:$${L}$${b + 3}`));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('/xl/charts/chart2.xml');
    // ExcelJS still reads the file (it ignores the charts).
    expect((await load(await summaryXlsx(summary))).getWorksheet('Synthèse COPIL')).toBeDefined();
  });

  needs('soffice')('the totals are live formulas: LibreOffice recomputes them after an edit', async () => {
    const { summary } = await exampleSummary();
    const dir = tmp('ess-xlsx-');
    const file = join(dir, 'synthese.xlsx');
    // A reader edits one participation (+1 €) and saves: the cached totals are now stale.
    const wb = await load(await summaryXlsx(summary));
    const convRef = tables(wb.getWorksheet('Synthèse COPIL')!).find((t) => t.name === 'SyntheseConvention')!.tableRef;
    const cell = wb.getWorksheet('Synthèse COPIL')!.getCell(`E${Number(/\d+/.exec(convRef)![0]) + 1}`);
    cell.value = (cell.value as number) + 1;
    // LibreOffice trusts cached results by default: drop them, so that it must compute every formula.
    wb.getWorksheet('Synthèse COPIL')!.eachRow((r) =>
      r.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula) c.value = { formula: c.formula } as ExcelJS.CellFormulaValue;
      }),
    );
    writeFileSync(file, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const conv = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false', '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 });
    expect(conv.status).toBe(0);
    const csv = readFileSync(join(dir, 'synthese.csv'), 'utf8');
    const totalLine = csv.split('\n').find((l) => l.startsWith('Total;;;'))!;
    expect(totalLine.split(';').slice(3, 6)).toEqual(['13197700', '13197701', '0']);
  }, 180_000);

  needs('soffice', 'pdftotext')('LibreOffice draws both charts when it prints the file', async () => {
    const { summary } = await exampleSummary();
    const dir = tmp('ess-xlsx-');
    const file = join(dir, 'graphiques.xlsx');
    writeFileSync(file, await summaryXlsx(summary));
    const conv = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 });
    expect(conv.status).toBe(0);
    const text = spawnSync('pdftotext', [join(dir, 'graphiques.pdf'), '-'], { encoding: 'utf8' }).stdout;
    // Each chart title is printed twice: above its source table, and inside the chart.
    for (const title of ['Participations par axe et par financeur (2014-2016)', 'Exécution par financeur (2014-2016)']) {
      expect(text.split(title).length - 1).toBe(2);
    }
  }, 180_000);
});
