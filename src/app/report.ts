/**
 * The COPIL summary as a file (PDF, XLSX, CSV): `ess-budget report` and the pane's Export tab. The
 * workbook's snapshot in, the file's bytes out; the caller reads and writes files. The PDF fonts are
 * passed in (the CLI reads them from disk, the pane fetches them) and asked for only for a PDF;
 * pdfkit and ExcelJS are loaded only for their format.
 */
import { analyse } from '../core/analysis';
import type { Lang } from '../core/contract';
import type { CheckResult } from '../core/present';
import type { WorkbookSnapshot } from '../core/snapshot';
import { summaryOf, type Summary } from '../core/summary';
import { buildEvolutions, type SummaryWithEvolutions } from '../core/versions/evolutions';
import { summaryCsv } from '../exports/csv';
import type { PdfFonts } from '../exports/pdf';
import type { SummaryFormat } from './formats';

export { formatOfFile, SUMMARY_FORMATS, type SummaryFormat } from './formats';

/** A previous COPIL's workbook (`report --since`, the pane's comparison): its evolutions join the summary. */
export interface PreviousVersion {
  snapshot: WorkbookSnapshot;
  /** ISO date it was saved. */
  date: string;
  /** Its name, as the summary cites it. */
  file: string;
}

export interface SummaryFileOptions {
  asOf: Date;
  lang: Lang;
  /** Called for a PDF only. */
  fonts: () => Promise<PdfFonts>;
  previous?: PreviousVersion | null;
}

export interface SummaryFile {
  bytes: Uint8Array;
  /** Pages of a PDF, null for the other formats. */
  pages: number | null;
  summary: Summary;
  /** The check behind it: its counts give the exit status. */
  result: CheckResult;
}

/** The summary of a snapshot, with the evolutions since `previous` when one is given. */
export function summaryWithEvolutions(snapshot: WorkbookSnapshot, options: { asOf: Date; lang: Lang; previous?: PreviousVersion | null }): { summary: Summary; result: CheckResult } {
  const { summary, result } = summaryOf(analyse(snapshot, options.asOf), options.lang);
  const p = options.previous;
  if (p) (summary as SummaryWithEvolutions).evolutions = buildEvolutions(p.snapshot, snapshot, { date: p.date, file: p.file }, options.lang); // issue 15
  return { summary, result };
}

export async function summaryFile(format: SummaryFormat, snapshot: WorkbookSnapshot, options: SummaryFileOptions): Promise<SummaryFile> {
  const { summary, result } = summaryWithEvolutions(snapshot, options);
  if (format === 'csv') return { bytes: summaryCsv(summary), pages: null, summary, result };
  if (format === 'xlsx') {
    const { summaryXlsx } = await import(/* webpackChunkName: "export-xlsx" */ '../exports/xlsx');
    return { bytes: await summaryXlsx(summary), pages: null, summary, result };
  }
  const [{ summaryPdf }, fonts] = await Promise.all([import(/* webpackChunkName: "export-pdf" */ '../exports/pdf'), options.fonts()]);
  const { bytes, pages } = await summaryPdf(summary, fonts);
  return { bytes, pages, summary, result };
}
