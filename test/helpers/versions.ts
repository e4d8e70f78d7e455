/** Versions of the example workbook, edited the way a user would, written as .xlsx files by code. */
import { readFileSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import { join } from 'path';
import { buildWorkbookPlan, type PlanTable, type WorkbookPlan } from '../../src/core/template';
import { renderPlan } from '../../src/hosts/xlsx/workbook';
import { toBuffer } from './files';

export function planTable(plan: WorkbookPlan, name: string): PlanTable {
  const t = plan.sheets.flatMap((s) => s.tables).find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

export const column = (t: PlanTable, header: string) => t.columns.findIndex((c) => c.header === header);

/** The example workbook after `edit`, written to dir/name. */
export async function writeVersion(dir: string, name: string, edit: (plan: WorkbookPlan) => void = () => {}): Promise<string> {
  const plan = buildWorkbookPlan({ example: true, lang: 'fr' });
  edit(plan);
  const path = join(dir, name);
  writeFileSync(path, await toBuffer(renderPlan(plan)));
  return path;
}

/** Row index (0-based) of the first financing line of `year`. */
export function firstLineOf(plan: WorkbookPlan, year: number): number {
  const t = planTable(plan, 'Financements');
  return t.rows.findIndex((r) => r[column(t, 'Année')] === year);
}

/** Adds `euros` to the planned amount of financing line `i`. */
export function raise(plan: WorkbookPlan, i: number, euros: number): void {
  const t = planTable(plan, 'Financements');
  const c = column(t, 'Prévu (€)');
  t.rows[i][c] = (t.rows[i][c] as number) + euros;
}

/** Sets a number cell in a sheet part directly, as a user's edit would, leaving the rest of the package alone. */
export async function setNumber(file: string, sheetName: string, cell: string, value: number): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rid = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="(\\w+)"`).exec(wb)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
  const part = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, '')}`;
  const xml = await zip.file(part)!.async('string');
  const re = new RegExp(`(<c r="${cell}"[^>]*>)<v>[^<]*</v>`);
  if (!re.test(xml)) throw new Error(`no ${cell} in ${part}`);
  zip.file(part, xml.replace(re, `$1<v>${value}</v>`));
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}
