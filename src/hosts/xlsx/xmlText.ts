/**
 * Text inside SpreadsheetML parts: the five predefined entities and character references, and
 * UTF-16 parts transcoded chunk by chunk (a character cut between chunks waits for the next one).
 */
import { Buffer } from 'buffer';

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** `&lt;` `&#233;` `&#xE9;` → their characters; an unknown entity is left as written (no DTD can define one). */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITY[e] ?? all;
  });
}

/** UTF-16 bytes → text, chunk by chunk (a character cut between chunks waits for the next one). */
export class Utf16 {
  // TextDecoder, not Node's StringDecoder: the same code reads in the browser.
  private readonly decoder = new TextDecoder('utf-16le');
  private odd: Buffer | null = null;
  constructor(private readonly bigEndian: boolean) {}
  write(b: Buffer): string {
    if (!this.bigEndian) return this.decoder.decode(b, { stream: true });
    const all = this.odd ? Buffer.concat([this.odd, b]) : b;
    const even = all.length & ~1;
    this.odd = even < all.length ? Buffer.from(all.subarray(even)) : null;
    return this.decoder.decode(Buffer.from(all.subarray(0, even)).swap16(), { stream: true });
  }
  end(): string {
    return this.decoder.decode();
  }
}
