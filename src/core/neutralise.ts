/**
 * Formula-injection defence for text the add-in writes into cells and CSV files (product.md,
 * "Safety"). A user's action title such as `=HYPERLINK("http://x","y")` must stay text wherever
 * the summary lands: Excel, LibreOffice and Google Sheets start a formula on = + - @ (and on their
 * full-width forms, which some spreadsheets fold to ASCII), and a leading tab or carriage return
 * hides the rest of the cell from a quick look. The usual remedy (OWASP "CSV injection") is a
 * leading apostrophe: Excel takes it as its text prefix when the value is typed or written through
 * the Excel JavaScript API, and it survives a "Save as CSV" of the XLSX, where a cell formatted as text would not.
 */

/** = + - @ and their full-width forms (U+FF1D, U+FF0B, U+FF0D, U+FF20), after any leading spaces; or a leading tab or CR. */
const FORMULA_START = /^(?:[ \u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r])/;

export function looksLikeFormula(s: string): boolean {
  return FORMULA_START.test(s);
}

/** The text as it may safely be written into a cell or a CSV field. Numbers are never passed here. */
export function neutralise(s: string): string {
  return looksLikeFormula(s) ? `'${s}` : s;
}
