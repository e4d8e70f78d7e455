/**
 * The COPIL summary's file formats, with their media types: the one list the CLI (the extension of
 * --out) and the pane (its export buttons) read. A leaf module, so the pane's first download does not
 * carry the exports. A new format is a line here, its renderer in src/exports/
 * and a case in summaryFile (report.ts).
 */
export const SUMMARY_FORMATS = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
} as const;
export type SummaryFormat = keyof typeof SUMMARY_FORMATS;

/** The format an output file's name asks for ("synthese.PDF" → pdf), null when none. */
export function formatOfFile(name: string): SummaryFormat | null {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1].toLowerCase();
  return ext !== undefined && Object.hasOwn(SUMMARY_FORMATS, ext) ? (ext as SummaryFormat) : null;
}
