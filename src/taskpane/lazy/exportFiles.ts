/**
 * The COPIL files made in the browser, loaded by import() when the user asks for one: pdfkit,
 * fontkit and ExcelJS stay out of the task pane's first download. The fonts are the bundle's own
 * assets (same origin), fetched once.
 */
import regularFont from '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff';
import boldFont from '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff';
import type { Lang } from '../../core/contract';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { summarise } from '../../core/summary';
import { summaryCsv } from '../../exports/csv';
import type { PdfFonts } from '../../exports/pdf';
import type { ExportKind } from '../tools';
import { buildEvolutions, type SummaryWithEvolutions } from '../../core/versions/evolutions';
import type { PreviousVersion } from './previousXlsx';

let fonts: Promise<PdfFonts> | null = null;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

function pdfFonts(): Promise<PdfFonts> {
  fonts ??= Promise.all([fetchBytes(regularFont), fetchBytes(boldFont)]).then(([regular, bold]) => ({ regular, bold }));
  // A failed fetch (offline pane) is tried again next time.
  fonts.catch(() => (fonts = null));
  return fonts;
}

export interface MadeFile {
  bytes: Uint8Array;
  /** ISO as-of date of the summary, for the file name. */
  asOf: string;
}

export async function makeSummaryFile(kind: ExportKind, snapshot: WorkbookSnapshot, options: { asOf: Date; lang: Lang }, previous?: PreviousVersion | null): Promise<MadeFile> {
  const { summary } = summarise(snapshot, options);
  if (previous) (summary as SummaryWithEvolutions).evolutions = buildEvolutions(previous.snapshot, snapshot, previous, options.lang); // issue 15
  if (kind === 'csv') return { bytes: summaryCsv(summary), asOf: summary.asOf };
  if (kind === 'xlsx') {
    const { summaryXlsx } = await import(/* webpackChunkName: "export-xlsx" */ '../../exports/xlsx');
    return { bytes: await summaryXlsx(summary), asOf: summary.asOf };
  }
  const [{ summaryPdf }, f] = await Promise.all([import(/* webpackChunkName: "export-pdf" */ '../../exports/pdf'), pdfFonts()]);
  return { bytes: (await summaryPdf(summary, f)).bytes, asOf: summary.asOf };
}
