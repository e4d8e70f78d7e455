/**
 * The shared strings and the styles of a workbook, as the reader needs them: the strings the kept
 * cells use (rich text runs joined, phonetic guides left out), and which cell styles are dates.
 */
import { XmlScanner } from './xml';
import type { ZipPackage } from './zip';
import type { StringTable } from '../../core/columns';
import { isBlank } from '../../core/snapshot';
import type { ByteSpan } from '../../core/tableGrid';
import { Buffer } from 'buffer';

/** Excel escapes characters XML cannot carry as `_xHHHH_` (`_x000D_` for a carriage return). */
export function unescapeOoxml(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** What String.prototype.trim removes, in Latin-1: tab, line feed, vertical tab, form feed, carriage return, space, no-break space. */
const latin1Space = (c: number): boolean => (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0;

/** Longest string packed (a longer one, rare, stays a string). */
const PACKED_MAX = 256;

/** Bytes per chunk of packed strings (a power of 2). */
const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;

/**
 * The shared strings kept, as the cells read them. A string that one cell alone uses (a million
 * distinct references) is kept as Latin-1 bytes and made a string again each time it is read: 12
 * bytes and an end offset instead of a 32-byte string and its slot, and nothing for the garbage
 * collector to copy while the sheet is read. The others (repeated, or beyond Latin-1) stay strings.
 */
class PackedStrings implements StringTable {
  /** Strings kept as strings, by index. */
  private readonly plain: (string | undefined)[] = [];
  /**
   * Packed bytes, in chunks never copied (a growing buffer's copies cost a tenth of a second at a
   * million strings). Positions run across the chunks (chunk × CHUNK + offset); a string never
   * straddles two: one that does not fit starts the next chunk.
   */
  private readonly chunks: Buffer[] = [];
  private used = 0;
  /** String i ends at ends[i] and starts at ends[i - 1] (or at its chunk's start); equal: not packed. */
  private readonly ends: Int32Array;
  length = 0;

  constructor(
    /** Uses by index (0: not kept, 1: one cell, 2: more). */
    private readonly needed: Uint8Array,
  ) {
    let last = needed.length - 1;
    while (last >= 0 && needed[last] === 0) last--;
    this.ends = new Int32Array(last + 1);
  }

  /** Whether string `index` is to be kept. */
  keeps(index: number): boolean {
    return index < this.ends.length && this.needed[index] !== 0;
  }

  /** String `index` has been read (`s` null: not kept). */
  add(index: number, s: string | null): void {
    if (index >= this.ends.length) return;
    if (s !== null) {
      if (this.needed[index] !== 1 || s.length === 0 || s.length > PACKED_MAX || !this.pack(s)) this.plain[index] = s;
      this.length = index + 1;
    }
    this.ends[index] = this.used;
  }

  /** The part has ended after `count` strings: the indices it lacks read as not kept (undefined). */
  finish(count: number): void {
    for (let i = count; i < this.ends.length; i++) this.ends[i] = this.used;
  }

  /**
   * Copies bytes [start, end) of `b` (a string's text as the part holds it) where the next packed
   * string goes, without keeping it yet (`keepStaged` does): the string is never decoded. Returns
   * false, copying nothing that counts, when the bytes are not the string itself in Latin-1: a byte
   * beyond ASCII (UTF-8), an entity (`&`), an `_xHHHH_` escape (any `_`), or a length `add` would
   * not pack.
   */
  stage(index: number, b: Uint8Array, start: number, end: number): boolean {
    const len = end - start;
    if (index >= this.ends.length || this.needed[index] !== 1 || len <= 0 || len > PACKED_MAX) return false;
    const at = this.slot(len);
    const chunk = this.chunks[at >>> CHUNK_BITS];
    const from = at & (CHUNK - 1);
    for (let k = 0; k < len; k++) {
      const c = b[start + k];
      if (c >= 0x80 || c === 0x26 /* & */ || c === 0x5f /* _ */) return false;
      chunk[from + k] = c;
    }
    this.stagedAt = at;
    this.stagedLength = len;
    return true;
  }

  private stagedAt = 0;
  private stagedLength = 0;

  /** The staged bytes as a string (a second run of text came: the string is made the ordinary way). */
  staged(): string {
    const at = this.stagedAt;
    const from = at & (CHUNK - 1);
    return this.chunks[at >>> CHUNK_BITS].toString('latin1', from, from + this.stagedLength);
  }

  /** String `index` is the staged bytes. */
  keepStaged(index: number): void {
    this.used = this.stagedAt + this.stagedLength;
    this.length = index + 1;
    this.ends[index] = this.used;
  }

  /** Where `len` bytes go: at `used`, or at the next chunk's start (a string never straddles two). */
  private slot(len: number): number {
    let at = this.used;
    if ((at & (CHUNK - 1)) + len > CHUNK) at = ((at >>> CHUNK_BITS) + 1) * CHUNK;
    // Made once: a string staged there and not kept leaves the chunk for the next one.
    if (at >>> CHUNK_BITS >= this.chunks.length) this.chunks.push(Buffer.allocUnsafe(CHUNK));
    return at;
  }

  /** Copies s as Latin-1 and moves `used` past it; false (nothing kept) when a character is beyond Latin-1. */
  private pack(s: string): boolean {
    const at = this.slot(s.length);
    const chunk = this.chunks[at >>> CHUNK_BITS];
    const from = at & (CHUNK - 1);
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c > 0xff) return false;
      chunk[from + k] = c;
    }
    this.used = at + s.length;
    return true;
  }

  /** Where packed string `i` lies: `out` set to its chunk and bounds; false when it is not packed (a string, or not kept). */
  private locate(i: number, out: ByteSpan): boolean {
    if (i >= this.ends.length) return false;
    const end = this.ends[i];
    const start = i > 0 ? this.ends[i - 1] : 0;
    if (end <= start) return false;
    const c = (end - 1) >>> CHUNK_BITS;
    const base = c << CHUNK_BITS;
    out.bytes = this.chunks[c];
    out.from = start > base ? start - base : 0;
    out.to = end - base;
    return true;
  }
  /** Where `blank` and `at` have `locate` put a string (in a chunk: a Buffer). */
  private readonly found: { bytes: Buffer; from: number; to: number } = { bytes: Buffer.alloc(0), from: 0, to: 0 };

  /** Whether string `i` is not kept or is white space only, read from its bytes (the model asks it of every text cell). */
  blank(i: number): boolean {
    const f = this.found;
    if (this.locate(i, f)) {
      for (let k = f.from; k < f.to; k++) if (!latin1Space(f.bytes[k])) return false;
      return true;
    }
    return isBlank(this.plain[i] ?? null);
  }

  /** A packed string's bytes, in place (see StringTable.bytes). */
  bytes(i: number, out: ByteSpan): boolean {
    return this.locate(i, out);
  }

  at(i: number): string | undefined {
    const f = this.found;
    return this.locate(i, f) ? f.bytes.toString('latin1', f.from, f.to) : this.plain[i];
  }
}

/**
 * Streams the shared strings part; keeps string i when `needed` is null (all) or needed[i] is set
 * (how many cells use it: see PackedStrings). The others are skipped without being decoded.
 */
export async function readSharedStrings(zip: ZipPackage, part: string, needed: Uint8Array | null): Promise<StringTable> {
  const all: (string | undefined)[] = [];
  const packed = needed ? new PackedStrings(needed) : null;
  let index = 0;
  let inSi = false;
  let phonetic = 0;
  let keep = false;
  let acc = '';
  /** The string's one run of text so far went straight into `packed` as bytes (see PackedStrings.stage). */
  let staged = false;
  const scanner = new XmlScanner(
    {
      open(s) {
        if (s.is('si')) {
          inSi = true;
          keep = packed === null || packed.keeps(index);
          acc = '';
          staged = false;
        } else if (s.is('rPh')) phonetic++;
        else if (inSi && keep && phonetic === 0 && s.is('t') && !s.selfClosing) s.wantText = true;
      },
      close(s) {
        if (s.is('t')) s.wantText = false;
        else if (s.is('rPh')) phonetic--;
        else if (s.is('si')) {
          if (staged) packed!.keepStaged(index);
          else if (packed) packed.add(index, keep ? unescapeOoxml(acc) : null);
          else all[index] = unescapeOoxml(acc);
          index++;
          inSi = false;
          // Past the last string anyone needs: nothing more to keep.
          if (needed !== null && index >= needed.length) s.wantText = false;
        }
      },
      text(s) {
        // The common case (a reference used by one cell, plain ASCII, one run): its bytes are kept as they are, never made a string.
        if (packed !== null && acc === '' && !staged && packed.stage(index, s.buf, s.textStart, s.textEnd)) {
          staged = true;
          return;
        }
        if (staged) {
          acc = packed!.staged();
          staged = false;
        }
        acc += s.text();
      },
    },
    part,
  );
  await zip.stream(part, (c) => scanner.push(c));
  scanner.end();
  packed?.finish(index);
  return packed ?? all;
}

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30, with the East Asian ones). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81]);

/** A format code shows a date when, outside quotes, escapes and [colour]/[$€-40C] brackets, it has a day, month, year, hour or second. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '');
  // A format with no date letters in its first section (the positive numbers) is a number format.
  return /[dmyhs]/i.test(bare.split(';')[0]) && !/^general$/i.test(bare.trim());
}

/** For each cell style index (the `s` of a cell), whether it shows a date. */
export async function readDateStyles(zip: ZipPackage, part: string): Promise<Uint8Array> {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  const scanner = new XmlScanner(
    {
      open(s) {
        if (s.is('numFmt')) custom.set(s.attrInt('numFmtId'), s.attr('formatCode') ?? '');
        else if (s.is('cellXfs')) inCellXfs = !s.selfClosing;
        else if (inCellXfs && s.is('xf')) xfFormats.push(Math.max(0, s.attrInt('numFmtId')));
      },
      close(s) {
        if (s.is('cellXfs')) inCellXfs = false;
      },
    },
    part,
  );
  await zip.stream(part, (c) => scanner.push(c));
  scanner.end();
  const dates = new Uint8Array(xfFormats.length);
  xfFormats.forEach((id, i) => {
    const code = custom.get(id);
    dates[i] = (code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id)) ? 1 : 0;
  });
  return dates;
}
