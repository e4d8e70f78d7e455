/** The page, fonts and colours every part of the PDF draws with: A4 landscape, in points. */
export type Doc = PDFKit.PDFDocument;

export const PAGE_W = 841.89;
export const PAGE_H = 595.28;
export const MARGIN_X = 36;
export const CONTENT_TOP = 62;
export const CONTENT_BOTTOM = PAGE_H - 40;
export const CONTENT_W = PAGE_W - 2 * MARGIN_X;

/** The names the two embedded faces are registered under (fonts.ts). */
export const R = 'DejaVu';
export const B = 'DejaVu-Bold';

export const INK = '#1a1a1a';
export const MUTED = '#595959';
export const ACCENT = '#1f4e79';
export const ERROR = '#c00000';
export const WARN = '#9c5700';
