/**
 * A streaming XML scanner over bytes, for the parts of an .xlsx. Why not saxes (which reads the small
 * parts): a 100 000-line worksheet is 33 MB of XML and saxes alone takes about a second on it, twice
 * the whole budget of `check`; this scanner finds the tags with byte loops, never decodes what
 * nobody asked for (a tag's name is compared as bytes, an attribute or a text is decoded on demand)
 * and keeps at most one unfinished token between chunks.
 *
 * What it accepts is what SpreadsheetML producers write: any namespace prefix (`<x:c>` is `c`),
 * comments, processing instructions, CDATA, the five predefined entities and character references,
 * UTF-8 with or without a BOM, and UTF-16 (transcoded as it streams). What it refuses: a DTD (an .xlsx
 * never has one; entity expansion is how XML bombs work) and an unclosed token past `maxToken` bytes.
 */
import { Buffer } from 'buffer';
import { decodeEntities, Utf16 } from './xmlText';
import { APOS, COLON, digitsAt, find, GT, isSpace, LT, plainDecimalAt, QUOT, SLASH } from './xmlNumbers';
import { CellTag } from './cellTag';

export class XmlError extends Error {}

export interface XmlSink {
  /** A start tag (or an empty-element tag: `scanner.selfClosing`); ask the scanner for its name and attributes. */
  open(s: XmlScanner): void;
  /** An end tag, and also called right after `open` for an empty-element tag. */
  close(s: XmlScanner): void;
  /** Text between tags, only while `scanner.wantText` is true; `s.text()` decodes it. */
  text?(s: XmlScanner): void;
  /**
   * An ordinary worksheet cell in one step, instead of its five events: `<c …/>`, or `<c …>`, `<v>`,
   * its text, `</v>`, `</c>` (white space allowed between the tags), unprefixed and whole in the
   * buffer; anything else (a formula, an inline string, a prefix, a cut) comes as events. Its
   * attributes are read (`cellTag`), `selfClosing` says whether it is `<c/>`, else its `<v>` text is
   * [textStart, textEnd). Must do what those events would do.
   */
  wholeCell?(s: XmlScanner): void;
}

const BANG = 0x21;
const QMARK = 0x3f;
const C = 0x63;
const V = 0x76;

export class XmlScanner {
  /** The bytes being scanned (the current chunk, after what was left of the previous one). */
  buf: Buffer = Buffer.alloc(0);
  /** Current tag: its local name's bytes, and the whole tag's bytes (from `<` to `>`). */
  nameStart = 0;
  nameEnd = 0;
  tagStart = 0;
  tagEnd = 0;
  selfClosing = false;
  /** Current text's bytes. */
  textStart = 0;
  textEnd = 0;
  private cdata = false;
  /** The sink sets it when it wants the text of the element it is in. */
  wantText = false;
  /** A cell's start tag, read by `cellAttrs()` or before `wholeCell`. */
  readonly cellTag = new CellTag();
  /** Bytes seen (after transcoding): the guard's running count lives in the zip reader, this is for messages. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** The byte that ends what was left unfinished: `<` after a text, `>` inside a tag. */
  private waitFor = LT;
  private first = true;
  private utf16: Utf16 | null = null;

  constructor(
    private readonly sink: XmlSink,
    private readonly part: string,
    private readonly maxToken = 16 * 1024 * 1024,
  ) {}

  push(chunk: Buffer): void {
    if (this.first) {
      this.first = false;
      chunk = this.sniff(chunk);
    } else if (this.utf16) chunk = Buffer.from(this.utf16.write(chunk), 'utf8');
    this.feed(chunk);
  }

  private feed(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (this.pendingBytes > 0) {
      // Still inside the unfinished token: keep the piece without copying until its end comes.
      const at = chunk.indexOf(this.waitFor);
      if (at < 0) {
        this.pending.push(chunk);
        this.pendingBytes += chunk.length;
        if (this.pendingBytes > this.maxToken) throw new XmlError(`${this.part} : élément XML de plus de ${Math.round(this.maxToken / 1048576)} Mo`);
        return;
      }
      // Only the piece up to the token's likely end (its next `>`) is joined to it: not the whole chunk.
      const gt = this.waitFor === GT ? at : chunk.indexOf(GT, at);
      const cut = gt < 0 ? chunk.length : gt + 1;
      this.pending.push(chunk.subarray(0, cut) as Buffer);
      const head = Buffer.concat(this.pending, this.pendingBytes + cut);
      this.pending = [];
      this.pendingBytes = 0;
      chunk = chunk.subarray(cut) as Buffer;
      const done = this.scan(head);
      // Not finished there (a `>` inside quotes or a comment): the rest of the token is joined to the rest of the chunk.
      if (done < head.length) chunk = Buffer.concat([head.subarray(done), chunk]);
    }
    const rest = this.scan(chunk);
    if (rest < chunk.length) {
      // Left inside a tag (it starts at its `<`: its `>` ends it) or inside a text (the next `<` does).
      this.waitFor = chunk[rest] === LT ? GT : LT;
      // Copied: the chunk's memory belongs to the inflater.
      this.pending = [Buffer.from(chunk.subarray(rest))];
      this.pendingBytes = chunk.length - rest;
    }
  }

  /** The end of the part: whatever is left unfinished is a truncated part. */
  end(): void {
    if (this.utf16) {
      const tail = this.utf16.end();
      if (tail) this.feed(Buffer.from(tail, 'utf8'));
    }
    if (this.pendingBytes > 0) {
      const rest = Buffer.concat(this.pending);
      // Trailing text after the root (white space) is harmless; an unclosed tag is not.
      if (rest.indexOf(LT) >= 0) throw new XmlError(`${this.part} : partie XML tronquée`);
    }
  }

  /** BOMs: UTF-8 is skipped; UTF-16 (a BOM, or a `<` next to a zero byte) is transcoded from here on. */
  private sniff(chunk: Buffer): Buffer {
    if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return chunk.subarray(3) as Buffer;
    if (chunk.length < 2) return chunk;
    const le = (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === LT && chunk[1] === 0);
    const be = (chunk[0] === 0xfe && chunk[1] === 0xff) || (chunk[0] === 0 && chunk[1] === LT);
    if (!le && !be) return chunk;
    this.utf16 = new Utf16(be);
    const s = this.utf16.write(chunk);
    return Buffer.from(s.charCodeAt(0) === 0xfeff ? s.slice(1) : s, 'utf8');
  }

  /** Scans `b`; returns where the unfinished token starts (b.length when none): a tag's `<`, or a text wanted. */
  private scan(b: Buffer): number {
    this.buf = b;
    const sink = this.sink;
    const n = b.length;
    let pos = 0;
    while (pos < n) {
      const lt = find(b, LT, pos, n);
      // Read once: a property read first met at a chunk's end would throw the optimised code away.
      const wantText = this.wantText;
      if (lt === n) return wantText ? pos : n;
      if (lt > pos && wantText && sink.text) {
        this.textStart = pos;
        this.textEnd = lt;
        this.cdata = false;
        sink.text(this);
      }
      const c1 = lt + 1 < n ? b[lt + 1] : -1;
      if (c1 === -1) return lt;
      if (c1 === SLASH) {
        const gt = find(b, GT, lt + 2, n);
        if (gt === n) return lt;
        this.setName(b, lt + 2, gt);
        this.tagStart = lt;
        this.tagEnd = gt;
        this.selfClosing = false;
        sink.close(this);
        pos = gt + 1;
        continue;
      }
      if (c1 === BANG) {
        const end = this.special(b, lt);
        if (end < 0) return lt;
        pos = end;
        continue;
      }
      if (c1 === QMARK) {
        const end = b.indexOf('?>', lt + 2, 'latin1');
        if (end < 0) return lt;
        pos = end + 2;
        continue;
      }
      if (c1 === C && !this.wantText && sink.wholeCell) {
        const end = this.fastCell(b, lt, n);
        if (end > 0) {
          pos = end;
          continue;
        }
      }
      // A start tag: its end is the first `>` outside quotes (an attribute may hold a `>`).
      let i = lt + 1;
      let q = 0;
      for (; i < n; i++) {
        const ch = b[i];
        if (q !== 0) {
          if (ch === q) q = 0;
        } else if (ch === GT) break;
        else if (ch === QUOT || ch === APOS) q = ch;
      }
      if (i >= n) return lt;
      this.tagStart = lt;
      this.tagEnd = i;
      this.selfClosing = b[i - 1] === SLASH;
      this.setName(b, lt + 1, this.selfClosing ? i - 1 : i);
      sink.open(this);
      if (this.selfClosing) sink.close(this);
      pos = i + 1;
    }
    return n;
  }

  /**
   * An ordinary cell at `lt` (see XmlSink.wholeCell), its attributes read in the pass that finds its tag's
   * end: returns the index after it once told to the sink, or -1 when it is not one or not all there
   * (then the general path reads it, from `lt`: nothing was told).
   */
  private fastCell(b: Buffer, lt: number, n: number): number {
    const i = this.cellTag.scan(b, lt + 2, n);
    if (i < 0) return -1;
    let end: number;
    if (b[i] === SLASH) {
      if (i + 1 >= n || b[i + 1] !== GT) return -1;
      this.selfClosing = true;
      this.tagEnd = i + 1;
      end = i + 2;
    } else {
      // `<v>` text `</v>` `</c>`, white space between the tags.
      this.tagEnd = i;
      let k = i + 1;
      while (k < n && isSpace(b[k])) k++;
      if (k + 3 > n || b[k] !== LT || b[k + 1] !== V || b[k + 2] !== GT) return -1;
      const ts = k + 3;
      const te = find(b, LT, ts, n);
      if (te + 4 > n || b[te + 1] !== SLASH || b[te + 2] !== V || b[te + 3] !== GT) return -1;
      k = te + 4;
      while (k < n && isSpace(b[k])) k++;
      if (k + 4 > n || b[k] !== LT || b[k + 1] !== SLASH || b[k + 2] !== C || b[k + 3] !== GT) return -1;
      this.selfClosing = false;
      this.textStart = ts;
      this.textEnd = te;
      this.cdata = false;
      end = k + 4;
    }
    this.tagStart = lt;
    this.nameStart = lt + 1;
    this.nameEnd = lt + 2;
    this.sink.wholeCell!(this);
    return end;
  }

  /** `<!--…-->`, `<![CDATA[…]]>`, `<!DOCTYPE…>`: returns the index after it, or -1 when it is not all there. */
  private special(b: Buffer, lt: number): number {
    if (b[lt + 2] === 0x2d && b[lt + 3] === 0x2d) {
      const end = b.indexOf('-->', lt + 4, 'latin1');
      return end < 0 ? -1 : end + 3;
    }
    if (b.length < lt + 9) return -1;
    const head = b.toString('latin1', lt + 2, lt + 9);
    if (head === '[CDATA[') {
      const end = b.indexOf(']]>', lt + 9, 'latin1');
      if (end < 0) return -1;
      if (this.wantText && this.sink.text) {
        this.textStart = lt + 9;
        this.textEnd = end;
        this.cdata = true;
        this.sink.text(this);
      }
      return end + 3;
    }
    if (/^(DOCTYPE|ENTITY)/i.test(head)) throw new XmlError(`la partie ${this.part} déclare une DTD ou des entités XML, ce qu'un classeur Excel ne fait jamais`);
    const end = b.indexOf(GT, lt + 2);
    return end < 0 ? -1 : end + 1;
  }

  /** The local name of the tag whose name starts at `from` (prefix dropped). */
  private setName(b: Buffer, from: number, limit: number): void {
    let i = from;
    // The last colon (before `from`: none), the sum taken on every tag: a prefix first met in optimised code would throw it away.
    let colon = from - 1;
    while (i < limit && !isSpace(b[i]) && b[i] !== SLASH) {
      if (b[i] === COLON) colon = i;
      i++;
    }
    this.nameStart = colon + 1;
    this.nameEnd = i;
  }

  /** The tag's local name as a string (prefer `is` on hot paths). */
  name(): string {
    return this.buf.toString('latin1', this.nameStart, this.nameEnd);
  }

  /** Whether the tag's local name is `ascii`, without making a string. */
  is(ascii: string): boolean {
    const len = this.nameEnd - this.nameStart;
    if (len !== ascii.length) return false;
    for (let k = 0; k < len; k++) if (this.buf[this.nameStart + k] !== ascii.charCodeAt(k)) return false;
    return true;
  }

  /** After attrRange: the attribute value's bytes, [valueStart, valueEnd) in `buf`. */
  valueStart = 0;
  valueEnd = 0;
  /** Finds attribute `local` (any prefix; `prefixed` true asks for a prefixed one) and sets valueStart/valueEnd. */
  attrRange(local: string, prefixed?: boolean): boolean {
    const b = this.buf;
    const end = this.tagEnd;
    let i = this.nameEnd;
    while (i < end) {
      while (i < end && (isSpace(b[i]) || b[i] === SLASH)) i++;
      if (i >= end) break;
      const ns = i;
      let ls = i;
      while (i < end && b[i] !== 0x3d && !isSpace(b[i])) {
        if (b[i] === COLON) ls = i + 1;
        i++;
      }
      const ne = i;
      while (i < end && b[i] !== QUOT && b[i] !== APOS) i++;
      const vs = i + 1;
      // The closing quote within the tag (`end` is its `>`, never a quote): a loop, as in `find`.
      const ve = find(b, b[i], vs, end);
      if (ve >= end) return false;
      i = ve + 1;
      if (ne - ls !== local.length || (prefixed !== undefined && prefixed !== ls > ns)) continue;
      let same = true;
      for (let k = 0; k < local.length && same; k++) if (b[ls + k] !== local.charCodeAt(k)) same = false;
      if (same) {
        this.valueStart = vs;
        this.valueEnd = ve;
        return true;
      }
    }
    return false;
  }

  /** Attribute `local` (any prefix; `prefixed` true asks for a prefixed one such as r:id) decoded, or undefined. */
  attr(local: string, prefixed?: boolean): string | undefined {
    if (!this.attrRange(local, prefixed)) return undefined;
    const s = this.buf.toString('utf8', this.valueStart, this.valueEnd);
    return s.indexOf('&') >= 0 ? decodeEntities(s) : s;
  }

  /** A non-negative integer attribute read from its bytes, or -1. */
  attrInt(local: string): number {
    if (!this.attrRange(local)) return -1;
    return digitsAt(this.buf, this.valueStart, this.valueEnd);
  }

  /** The current tag's attributes as a cell's (`cellTag`), in one pass. */
  cellAttrs(): void {
    this.cellTag.read(this.buf, this.nameEnd, this.tagEnd);
  }

  /** The current text, decoded (entities resolved except inside CDATA). */
  text(): string {
    const s = this.buf.toString('utf8', this.textStart, this.textEnd);
    return this.cdata || s.indexOf('&') < 0 ? s : decodeEntities(s);
  }

  /** The current text as a plain decimal of at most 15 digits ("-1234.56") read from its bytes, exactly (plainDecimalAt); NaN otherwise (then use `text()`). */
  textFastNumber(): number {
    return plainDecimalAt(this.buf, this.textStart, this.textEnd);
  }

}

/** Parses a whole small part held in memory. */
export function scanXml(xml: Buffer, sink: XmlSink, part: string): void {
  const s = new XmlScanner(sink, part);
  s.push(xml);
  s.end();
}
