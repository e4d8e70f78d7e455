/**
 * Workbooks a reader of the convention makes: init's plan (the example or a fresh one), edited
 * table by table as a user would type, rendered to .xlsx, then run through ess-budget in-process.
 */
import { execFileSync } from 'child_process';
import { join } from 'path';
import { buildWorkbookPlan, type PlanTable, type PlanValue, type WorkbookPlan } from '../../src/core/template';
import { renderPlan } from '../../src/hosts/xlsx/workbook';
import { cli } from './cli';
import { tmp, writeWorkbook } from './files';

const dir = tmp('ess-plan-');
let n = 0;

export const plan = (example = true): WorkbookPlan => buildWorkbookPlan({ example, lang: 'fr' });
export const planTable = (p: WorkbookPlan, name: string): PlanTable => p.sheets.flatMap((s) => s.tables).find((t) => t.name === name)!;
export function planCol(t: PlanTable, header: string): number {
  const i = t.columns.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`${t.name}: no column ${header}`);
  return i;
}
export function planRow(t: PlanTable, where: Record<string, PlanValue>): PlanValue[] {
  const r = t.rows.find((x) => Object.entries(where).every(([h, v]) => x[planCol(t, h)] === v));
  if (!r) throw new Error(`${t.name}: no row ${JSON.stringify(where)}`);
  return r;
}
export function setCell(p: WorkbookPlan, name: string, where: Record<string, PlanValue>, header: string, value: PlanValue): void {
  const t = planTable(p, name);
  planRow(t, where)[planCol(t, header)] = value;
}
export function addLine(p: WorkbookPlan, name: string, values: Record<string, PlanValue>): void {
  const t = planTable(p, name);
  const r: PlanValue[] = t.columns.map(() => null);
  for (const [h, v] of Object.entries(values)) r[planCol(t, h)] = v;
  t.rows.push(r);
}
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function planFile(p: WorkbookPlan): Promise<string> {
  return writeWorkbook(renderPlan(p), dir, `classeur-${++n}.xlsx`);
}

export interface JsonFinding {
  rule: string;
  severity: string;
  article: string | null;
  message: string;
  sheet: string;
  cell: string;
}
export interface JsonTotal {
  funder: string;
  year: number;
  legalStatus: string;
  convention: string | null;
}
export async function checkPlan(p: WorkbookPlan, asOf: string): Promise<{ code: number; findings: JsonFinding[]; totals: JsonTotal[] }> {
  const r = await cli('check', await planFile(p), '--format', 'json', '--as-of', asOf);
  const json = JSON.parse(r.out);
  return { code: r.code, findings: json.findings, totals: json.totals };
}
export const ofRule = (fs: JsonFinding[], rule: string) => fs.filter((f) => f.rule === rule);
export const totalOf = (ts: JsonTotal[], funder: string, year: number) => ts.find((t) => t.funder === funder && t.year === year)!;

/** pdftotext's spacing varies: compare words, with every kind of space as one. */
export const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

/** The PDF's pages as the COPIL reads them (pdftotext -layout). */
export async function pdfOf(p: WorkbookPlan | string, asOf: string): Promise<{ code: number; pages: string[] }> {
  const out = join(dir, `synthese-${++n}.pdf`);
  const r = await cli('report', typeof p === 'string' ? p : await planFile(p), '--out', out, '--as-of', asOf);
  const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
  return { code: r.code, pages: text.split('\f').filter((x) => x.trim()) };
}
