/** A pdfkit document whose bytes are collected in memory (no fs, no stream to hand in). */
import PDFDocument from 'pdfkit';
import type { Lang } from '../../core/contract';
import { MARGIN_X, type Doc } from './style';

export interface OpenDocument {
  doc: Doc;
  /** Ends the document and returns its bytes. */
  finish: () => Promise<Uint8Array>;
}

/** A4 landscape, every page kept in memory (bufferPages) so that headers can number them at the end. */
export function openDocument(info: PDFKit.DocumentInfo, lang: Lang): OpenDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 20, bottom: 10, left: MARGIN_X, right: MARGIN_X },
    bufferPages: true,
    // No default font: the standard Helvetica would need its metrics file, and is not embedded.
    font: null as unknown as string,
    info,
    lang: lang === 'fr' ? 'fr-FR' : 'en-GB',
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions);
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const finish = async () => {
    doc.end();
    await done;
    const bytes = new Uint8Array(chunks.reduce((s, ch) => s + ch.length, 0));
    let at = 0;
    for (const ch of chunks) {
      bytes.set(ch, at);
      at += ch.length;
    }
    return bytes;
  };
  return { doc, finish };
}
