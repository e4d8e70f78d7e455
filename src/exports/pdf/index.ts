/** The COPIL summary as a PDF (loaded on demand: webpackChunkName "export-pdf"). */
export { summaryPdf, type PdfResult } from './summaryPdf';
export { PDF_FONT_FILES, woffToSfnt, type PdfFonts } from './fonts';
