/** The example workbook as a user's file would reach the summary: plan → .xlsx bytes → snapshot. */
import { readFileSync } from 'fs';
import { checkWorkbook, type CheckResult } from '../../src/core/check';
import type { Lang } from '../../src/core/contract';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { summarise, type Summary } from '../../src/core/summary';
import { buildWorkbookPlan } from '../../src/core/template';
import { PDF_FONT_FILES, type PdfFonts } from '../../src/exports/pdf';
import { readWorkbookBuffer, renderPlan } from '../../src/hosts/xlsx/workbook';

/** The as-of date of the tests: the contract's last day, every year begun. */
export const AS_OF = new Date(Date.UTC(2016, 11, 31));
export const HYPERLINK = '=HYPERLINK("http://x","y")';

export async function exampleSnapshot(): Promise<WorkbookSnapshot> {
  const wb = renderPlan(buildWorkbookPlan({ example: true, lang: 'fr' }));
  const buf = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return (await readWorkbookBuffer(buf)).snapshot;
}

/** Adds an action whose title is a formula, as a hostile or careless user would type it. */
export function withHyperlinkAction(s: WorkbookSnapshot): WorkbookSnapshot {
  const t = s.tables.find((x) => x.name === 'Actions')!;
  const row = t.headers.map(() => null as WorkbookSnapshot['tables'][number]['rows'][number][number]);
  const put = (h: string, v: string | number) => (row[t.headers.indexOf(h)] = v);
  put('Code', 'II_9.9');
  put('Axe', 'Axe 2 – Innovation sociale');
  put('Intitulé', HYPERLINK);
  put("Année d'entrée", 2014);
  t.rows.push(row);
  return s;
}

export async function exampleSummary(lang: Lang = 'fr', edit?: (s: WorkbookSnapshot) => void): Promise<{ summary: Summary; result: CheckResult; snapshot: WorkbookSnapshot }> {
  const snapshot = await exampleSnapshot();
  edit?.(snapshot);
  const { summary, result } = summarise(snapshot, { asOf: AS_OF, lang });
  // The summary must not change what the check says.
  expect(result).toEqual(checkWorkbook(snapshot, { asOf: AS_OF, lang }));
  return { summary, result, snapshot };
}

export function pdfFonts(): PdfFonts {
  return { regular: readFileSync(require.resolve(PDF_FONT_FILES.regular)), bold: readFileSync(require.resolve(PDF_FONT_FILES.bold)) };
}

/** "2 387 500,00 €" with ordinary spaces: how pdftotext and a reader's eye see the no-break spaces. */
export const plainSpaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
