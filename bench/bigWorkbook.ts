/**
 * Workbooks of 10 000 to 1 000 000 financing lines for the check benchmark, written without holding
 * them: ExcelJS writes the example with 1 000 lines once, then the Financements sheet is extended
 * row by row (the 1 000 lines cycled, each with its own reference as a new shared string) and
 * deflated as it is made. Every size is made the same way, so that times compare across sizes.
 */
import JSZip from 'jszip';
import { closeSync, openSync, writeSync } from 'fs';
import zlib from 'zlib';
import { renderPlan } from '../src/hosts/xlsx/workbook';
import { bigPlan } from './generate';

const BASE_LINES = 1000;

interface Entry {
  name: string;
  crc: number;
  size: number;
  compressed: number;
  offset: number;
}

/** A minimal zip writer (deflate, no data descriptors): enough for a benchmark file. */
class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly entries: Entry[] = [];
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  private write(b: Buffer): void {
    writeSync(this.fd, b);
    this.offset += b.length;
  }
  /** Adds an entry from its pieces, made one at a time by `next` (null at the end). */
  add(name: string, next: () => Buffer | null): void {
    const deflate = zlib.deflateRawSync;
    const chunks: Buffer[] = [];
    let crc = 0;
    let size = 0;
    // Pieces are deflated into one raw stream: sync flush between them keeps it one valid stream.
    const pieces: Buffer[] = [];
    for (let b = next(); b !== null; b = next()) {
      crc = zlib.crc32(b, crc);
      size += b.length;
      pieces.push(b);
      if (pieces.reduce((n, p) => n + p.length, 0) > 8 * 1024 * 1024) chunks.push(deflate(Buffer.concat(pieces.splice(0)), { finishFlush: zlib.constants.Z_FULL_FLUSH }));
    }
    chunks.push(deflate(Buffer.concat(pieces)));
    const data = Buffer.concat(chunks);
    const nameBuf = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc >>> 0, 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(nameBuf.length, 26);
    this.entries.push({ name, crc: crc >>> 0, size, compressed: data.length, offset: this.offset });
    this.write(Buffer.concat([head, nameBuf]));
    this.write(data);
  }
  close(): void {
    const start = this.offset;
    for (const e of this.entries) {
      const nameBuf = Buffer.from(e.name, 'utf8');
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(0x0800, 8);
      c.writeUInt16LE(8, 10);
      c.writeUInt32LE(e.crc, 16);
      c.writeUInt32LE(e.compressed, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(nameBuf.length, 28);
      c.writeUInt32LE(e.offset, 42);
      this.write(Buffer.concat([c, nameBuf]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    closeSync(this.fd);
  }
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Writes the example workbook with `lines` financing lines to `path`. */
export async function writeBigWorkbook(lines: number, path: string): Promise<void> {
  const base = await JSZip.loadAsync(Buffer.from((await renderPlan(bigPlan(BASE_LINES)).xlsx.writeBuffer()) as ArrayBuffer));
  const wbXml = await base.file('xl/workbook.xml')!.async('string');
  const rels = await base.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rid = /<sheet [^>]*name="Financements"[^>]*r:id="(rId\d+)"/.exec(wbXml)![1];
  const sheetPart = `xl/${/Target="\/?(?:xl\/)?([^"]+)"/.exec(new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*>`).exec(rels)![0])![1]}`;
  const sheet = await base.file(sheetPart)!.async('string');
  const sst = await base.file('xl/sharedStrings.xml')!.async('string');
  const strings = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);

  // The data rows (5 … 1004), the totals row after them, and what surrounds them.
  const first = sheet.indexOf('<row r="5"');
  const totalsAt = sheet.indexOf(`<row r="${5 + BASE_LINES}"`);
  const endData = sheet.indexOf('</sheetData>');
  const templates = sheet
    .slice(first, totalsAt)
    .split('</row>')
    .filter((r) => r.startsWith('<row'))
    .map((r) => {
      const row = Number(/^<row r="(\d+)"/.exec(r)![1]);
      // Row number → \0, the reference cell's shared string → \u0001.
      return `${r}</row>`
        .replace(new RegExp(`r="([A-Z]*)${row}"`, 'g'), 'r="$1\u0000"')
        .replace(/(<c r="G\u0000"[^>]*><v>)\d+(<\/v>)/, '$1\u0001$2')
        .split(/[\u0000\u0001]/);
    });
  const totals = sheet.slice(totalsAt, endData).replace(new RegExp(`r="([A-Z]*)${5 + BASE_LINES}"`, 'g'), `r="$1${5 + lines}"`);
  const head = sheet.slice(0, first).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:H${5 + lines}"/>`);
  const tail = sheet.slice(endData);

  const zip = new ZipWriter(path);
  for (const name of Object.keys(base.files)) {
    if (base.files[name].dir || name === sheetPart || name === 'xl/sharedStrings.xml') continue;
    let content = await base.file(name)!.async('nodebuffer');
    if (name.startsWith('xl/tables/')) {
      const xml = content.toString('utf8');
      if (/ name="Financements"/.test(xml)) content = Buffer.from(xml.replace(/ref="A4:H\d+"/, `ref="A4:H${5 + lines}"`).replace(/<autoFilter ref="A4:H\d+"/, `<autoFilter ref="A4:H${4 + lines}"`));
    }
    let done = false;
    zip.add(name, () => (done ? null : ((done = true), content)));
  }
  let i = -1;
  const BATCH = 5000;
  zip.add(sheetPart, () => {
    if (i >= lines) return null;
    if (i < 0) {
      i = 0;
      return Buffer.from(head);
    }
    const out: string[] = [];
    for (const stop = Math.min(lines, i + BATCH); i < stop; i++) {
      const t = templates[i % templates.length];
      const r = String(5 + i);
      // t alternates text and placeholders: row numbers everywhere, the new string's index once.
      let s = t[0];
      for (let k = 1; k < t.length; k++) s += (t[k - 1].endsWith('<v>') && t[k].startsWith('</v>') ? String(strings.length + i) : r) + t[k];
      out.push(s);
    }
    if (i >= lines) out.push(totals, tail);
    return Buffer.from(out.join(''));
  });
  let j = -1;
  zip.add('xl/sharedStrings.xml', () => {
    if (j >= lines) return null;
    if (j < 0) {
      j = 0;
      return Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length + lines}" uniqueCount="${strings.length + lines}">${strings.map((s) => `<si>${s}</si>`).join('')}`);
    }
    const out: string[] = [];
    for (const stop = Math.min(lines, j + 50_000); j < stop; j++) out.push(`<si><t>${escapeXml(`BENCH-${String(j).padStart(7, '0')}`)}</t></si>`);
    if (j >= lines) out.push('</sst>');
    return Buffer.from(out.join(''));
  });
  zip.close();
}
