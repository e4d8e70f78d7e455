/**
 * The COPIL summary as a PDF, drawn by our own code with pdfkit (Excel on the web's
 * getFileAsync(Pdf) returns 0 bytes): A4 landscape, a header with the contract and the as-of date
 * and "Page n / N" on every page, the tables, and the two charts drawn as vector paths.
 *
 * Self-contained and loaded on demand: the task pane imports this module only when an export is
 * asked for (dynamic import), so pdfkit never weighs on its first paint. No fs here: the caller
 * hands the font bytes in (fonts.ts) and gets the PDF's bytes back.
 */
import { messages } from '../../core/i18n';
import type { Summary } from '../../core/summary';
import { displayDate } from '../../core/summarySheet';
import { openDocument } from './document';
import { registerFonts, type PdfFonts } from './fonts';
import { Layout, stampPages } from './layout';
import { actionsTable, byFunderTable, chartsRow, conventionTable, cover, evolutionsSection, executionTable, findingsTables, matrixTables, pageOf } from './sections';
import { ACCENT, ERROR } from './style';

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
}

export async function summaryPdf(summary: Summary, fonts: PdfFonts): Promise<PdfResult> {
  const lang = summary.lang;
  const m = messages[lang].summary;
  const date = displayDate(summary.asOf, lang);
  const { doc, finish } = openDocument({ Title: `${m.title} – ${summary.contract.shortTitle}`, Subject: `${summary.contract.title} – ${m.asOf(date)}`, Author: 'Suivi CES ESS', Creator: 'Suivi CES ESS' }, lang);
  await registerFonts(doc, fonts);

  const page = pageOf(new Layout(doc), summary);
  // Page 1: what this is, where the contract stands, what the check concludes, the convention's references.
  cover(page, date);
  conventionTable(page);
  findingsTables(page);
  // The money's execution after what is wrong: page 1 is the COPIL's agenda.
  executionTable(page);
  // Then the charts (from page 2 for the example), then the figures they draw.
  chartsRow(page);
  matrixTables(page);
  byFunderTable(page);
  actionsTable(page);
  evolutionsSection(page);

  // Header and footer on every page, now that the page count is known.
  const pages = stampPages(doc, {
    left: summary.example ? `${m.exampleTag} – ${summary.contract.title}` : summary.contract.title,
    leftColour: summary.example ? ERROR : ACCENT,
    right: `${m.title} · ${m.asOf(date)}`,
    page: m.page,
  });
  return { bytes: await finish(), pages };
}
