/**
 * The example workbook as each producer users save with writes it, for the tests of the write path
 * (close, reopen): our own `init`, ExcelJS (load and save), LibreOffice (convert), openpyxl (load and
 * save: it declares xmlns:r on each <sheet>), XlsxWriter (the contract tables written with its
 * add_table from the same plan), and two real packages saved by Excel (test/fixtures/excel/).
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { buildWorkbookPlan, type PlanValue } from '../../src/core/template';
import { cli } from './cli';
import { toolPath, type Tool } from './tools';

export interface Producer {
  name: string;
  /** What must be installed to make it. */
  tools: Tool[];
  /** Whether the package holds the contract tables (the Excel fixtures do not). */
  contract: boolean;
  make(dir: string): Promise<string>;
}

/** Converts with LibreOffice (its own profile under dir: parallel runs never share one). */
export function soffice(dir: string, to: string, outDir: string, ...files: string[]): void {
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--calc', '--convert-to', to, '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 170_000 });
}

export const python = (tool: 'openpyxl' | 'xlsxwriter') => toolPath(tool) ?? 'python3';

async function init(dir: string, name: string): Promise<string> {
  const file = join(dir, name);
  const r = await cli('init', file, '--example');
  if (r.code !== 0) throw new Error(r.err);
  return file;
}

const planValue = (v: PlanValue) => (v instanceof Date ? { date: v.toISOString().slice(0, 10) } : v);

/** XlsxWriter writes each contract table of the example plan with add_table: the tables, their data, dates, totals rows. */
const XLSXWRITER = `
import datetime, json, sys, xlsxwriter
plan = json.load(open(sys.argv[1], encoding='utf-8'))
wb = xlsxwriter.Workbook(sys.argv[2], {'default_date_format': 'dd/mm/yyyy'})
def value(v):
    if isinstance(v, dict) and 'date' in v: return datetime.datetime.strptime(v['date'], '%Y-%m-%d')
    if isinstance(v, dict) and 'formula' in v: return '=' + v['formula']
    return v
for s in plan['sheets']:
    ws = wb.add_worksheet(s['name'])
    ws.write(0, 0, s['title'])
    if s.get('note'): ws.write(1, 0, s['note'])
    for t in s['tables']:
        r0, c0 = t['row'] - 1, t['column'] - 1
        rows = [[value(v) for v in r] for r in t['rows']]
        columns = []
        for c in t['columns']:
            col = {'header': c['header']}
            if t['totalsRow'] and c.get('totals') == 'sum': col['total_function'] = 'sum'
            if t['totalsRow'] and c.get('totals') == 'label': col['total_string'] = 'Total'
            columns.append(col)
        options = {'name': t['name'], 'columns': columns, 'total_row': t['totalsRow']}
        if rows: options['data'] = rows
        ws.add_table(r0, c0, r0 + max(1, len(rows)) + (1 if t['totalsRow'] else 0), c0 + len(columns) - 1, options)
wb.close()
`;

const fixture = (name: string) => join(__dirname, '../fixtures/excel', name);

export const producers: Producer[] = [
  { name: 'ess-budget init', tools: [], contract: true, make: (dir) => init(dir, 'init.xlsx') },
  {
    name: 'ExcelJS (ouvert puis enregistré)',
    tools: [],
    contract: true,
    make: async (dir) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(await init(dir, 'exceljs-source.xlsx')) as unknown as ArrayBuffer);
      const file = join(dir, 'exceljs.xlsx');
      writeFileSync(file, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
      return file;
    },
  },
  {
    name: 'LibreOffice (soffice --convert-to xlsx)',
    tools: ['soffice'],
    contract: true,
    make: async (dir) => {
      const source = await init(dir, 'libreoffice.xlsx');
      soffice(dir, 'xlsx', join(dir, 'lo'), source);
      return join(dir, 'lo', 'libreoffice.xlsx');
    },
  },
  {
    name: 'openpyxl (ouvert puis enregistré)',
    tools: ['openpyxl'],
    contract: true,
    make: async (dir) => {
      const source = await init(dir, 'openpyxl-source.xlsx');
      const file = join(dir, 'openpyxl.xlsx');
      execFileSync(python('openpyxl'), ['-c', 'import openpyxl,sys; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])', source, file], { stdio: 'pipe' });
      return file;
    },
  },
  {
    name: 'XlsxWriter (add_table)',
    tools: ['xlsxwriter'],
    contract: true,
    make: async (dir) => {
      const plan = buildWorkbookPlan({ example: true, lang: 'fr' });
      const json = join(dir, 'plan.json');
      writeFileSync(json, JSON.stringify({ sheets: plan.sheets.map((s) => ({ ...s, tables: s.tables.map((t) => ({ ...t, rows: t.rows.map((r) => r.map(planValue)) })) })) }));
      const file = join(dir, 'xlsxwriter.xlsx');
      execFileSync(python('xlsxwriter'), ['-c', XLSXWRITER, json, file], { stdio: 'pipe' });
      return file;
    },
  },
  ...['excel-tables.xlsx', 'excel-chart-sheet.xlsx'].map(
    (name): Producer => ({
      name: `Microsoft Excel (${name})`,
      tools: [],
      contract: false,
      make: async (dir) => {
        const file = join(dir, name);
        copyFileSync(fixture(name), file);
        return file;
      },
    }),
  ),
];
