/**
 * The COPIL files made in the browser, loaded by import() when the user asks for one: pdfkit,
 * fontkit and ExcelJS stay out of the task pane's first download. The fonts are the bundle's own
 * assets (same origin), fetched once.
 */
import regularFont from '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff';
import boldFont from '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff';
import { summaryFile, type PreviousVersion } from '../../app/report';
import type { Lang } from '../../core/contract';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { PdfFonts } from '../../exports/pdf';
import type { ExportKind } from '../tools';

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

/** The same summary file as `ess-budget report` (src/app/report.ts), with the fonts fetched from the bundle. */
export async function makeSummaryFile(kind: ExportKind, snapshot: WorkbookSnapshot, options: { asOf: Date; lang: Lang }, previous?: PreviousVersion | null): Promise<MadeFile> {
  const { bytes, summary } = await summaryFile(kind, snapshot, { ...options, previous, fonts: pdfFonts });
  return { bytes, asOf: summary.asOf };
}
