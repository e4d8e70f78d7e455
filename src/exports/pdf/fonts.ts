/**
 * The PDF's fonts: DejaVu Sans, embedded (subset) from the @fontsource/dejavu-sans package's WOFF
 * files, which pdfkit reads through fontkit. It has every glyph the French amounts need (U+00A0 and
 * U+202F spaces, €, – and ’), so amounts print exactly as formatEuros writes them. In Node, read
 * `require.resolve(PDF_FONT_FILES.regular)`; in the browser, let the bundler emit the two files as
 * assets and fetch them. No fs here: the caller hands the font bytes in.
 */
import { B, R, type Doc } from './style';

export const PDF_FONT_FILES = {
  regular: '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff',
  bold: '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff',
} as const;

export interface PdfFonts {
  regular: Uint8Array | ArrayBuffer;
  bold: Uint8Array | ArrayBuffer;
}

/** zlib-wrapped deflate, with the platform's own decompressor (browsers and Node 18+). */
async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(data)]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

interface SfntTable {
  tag: number;
  checksum: number;
  data: Uint8Array;
}

/** The WOFF's table directory, each table inflated if it was compressed. */
async function woffTables(woff: Uint8Array, inView: DataView): Promise<SfntTable[]> {
  const numTables = inView.getUint16(12);
  const tables: SfntTable[] = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const offset = inView.getUint32(e + 4);
    const compLength = inView.getUint32(e + 8);
    const origLength = inView.getUint32(e + 12);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({ tag: inView.getUint32(e), checksum: inView.getUint32(e + 16), data: compLength < origLength ? await inflate(raw) : raw });
  }
  return tables;
}

/** The sfnt file: offset table (with its binary-search fields), table records, then the tables, 4-byte aligned. */
function sfnt(flavor: number, tables: SfntTable[]): Uint8Array {
  const numTables = tables.length;
  const pad4 = (n: number) => (n + 3) & ~3;
  const headerSize = 12 + 16 * numTables;
  const out = new Uint8Array(headerSize + tables.reduce((s, t) => s + pad4(t.data.length), 0));
  const v = new DataView(out.buffer);
  let pow = 1;
  let log = 0;
  while (pow * 2 <= numTables) {
    pow *= 2;
    log += 1;
  }
  v.setUint32(0, flavor);
  v.setUint16(4, numTables);
  v.setUint16(6, pow * 16);
  v.setUint16(8, log);
  v.setUint16(10, numTables * 16 - pow * 16);
  let at = headerSize;
  tables.forEach((t, i) => {
    v.setUint32(12 + i * 16, t.tag);
    v.setUint32(16 + i * 16, t.checksum);
    v.setUint32(20 + i * 16, at);
    v.setUint32(24 + i * 16, t.data.length);
    out.set(t.data, at);
    at += pad4(t.data.length);
  });
  return out;
}

/**
 * WOFF → plain TrueType, once per export. fontkit reads WOFF itself but inflates a table again on
 * every access (the glyph table once per glyph): ten seconds for this PDF instead of a fraction.
 * Anything that is not WOFF (a TTF or OTF handed in) passes through untouched.
 */
export async function woffToSfnt(woff: Uint8Array): Promise<Uint8Array> {
  const inView = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.byteLength < 44 || inView.getUint32(0) !== 0x774f4646 /* wOFF */) return woff;
  return sfnt(inView.getUint32(4), await woffTables(woff, inView));
}

/** Registers the two faces under the names the layout uses, and makes the regular one current. */
export async function registerFonts(doc: Doc, fonts: PdfFonts): Promise<void> {
  const bytesOf = (b: Uint8Array | ArrayBuffer) => (b instanceof Uint8Array ? b : new Uint8Array(b));
  const [regular, bold] = await Promise.all([woffToSfnt(bytesOf(fonts.regular)), woffToSfnt(bytesOf(fonts.bold))]);
  doc.registerFont(R, regular as unknown as Buffer);
  doc.registerFont(B, bold as unknown as Buffer);
  doc.font(R);
}
