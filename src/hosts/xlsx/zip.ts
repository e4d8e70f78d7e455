/**
 * The zip container of an .xlsx or .ods, as the reader sees it: a list of parts (from the central
 * directory, the one place that says where each part is and how big it claims to be) and each part
 * inflated once, in chunks handed straight to the XML scanner. Two implementations share this
 * interface and the guard below: zipNode.ts (yauzl and zlib, the archive read from memory or piece by
 * piece from an open file: the CLI) and zipBytes.ts (a central directory read from bytes in memory
 * and fflate's pure-JavaScript inflate: the browser, where Office's webviews may lack
 * DecompressionStream). Nothing here needs Node.
 *
 * The guard's limits are checked on the way: the declared sizes and ratio when the directory is read
 * (for every part, read or not), the real ones on every chunk (a part that lies about its size is
 * stopped as soon as it inflates past the limits, never held whole).
 */
import { Buffer } from 'buffer';
import { InputError, LIMITS } from './guard';
import { XmlError } from './xml';

export const MB = (n: number) => `${Math.round(n / 1024 / 1024)} Mo`;

export interface ZipPart {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  method: number;
  encrypted: boolean;
  localHeader: number;
}

/** What the reader asks of an archive, wherever its bytes are. */
export interface ZipPackage {
  has(name: string): boolean;
  names(): string[];
  /**
   * Inflates one part, handing each chunk to `onChunk` as it comes; rejects with InputError when the
   * part outgrows the guard's limits (size, ratio, total) or is damaged.
   */
  stream(name: string, onChunk: (chunk: Buffer) => void): Promise<void>;
  /** A small part whole (relationships, workbook, tables, styles): at most `max` bytes. */
  read(name: string, max?: number): Promise<Buffer>;
}

/** Part names are compared as the package model says: case-insensitively, without a leading slash, with / separators. */
export const partKey = (name: string) => name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();

/** The declared size and ratio of a part, judged before anything is inflated. */
export function declaredFault(part: ZipPart): InputError | null {
  const size = part.uncompressedSize;
  if (size > LIMITS.entryBytes) return new InputError('too-large', `la partie ${part.name} ferait ${MB(size)} une fois décompressée (limite ${MB(LIMITS.entryBytes)})`);
  if (size > LIMITS.ratioFloorBytes && size / Math.max(1, part.compressedSize) > LIMITS.ratio) {
    return new InputError('too-large', `taux de compression suspect (${Math.round(size / Math.max(1, part.compressedSize))}:1) pour ${part.name} : bombe zip probable`);
  }
  return null;
}

export function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e)
    .split('\n')[0]
    .slice(0, 200);
}

/** What reading a part threw, as the user is told it: the guard's and the scanner's own words, else the part is unreadable. */
export function partFault(part: ZipPart, e: unknown): Error {
  return e instanceof InputError || e instanceof XmlError ? e : new InputError('corrupt', `partie ${part.name} illisible (${firstLine(e)})`);
}

/**
 * The parts listed from a central directory, judged as they come: too many parts, a part that
 * declares itself a bomb, a declared total past the limit. The first of two parts with one name wins.
 */
export class PartList {
  readonly parts = new Map<string, ZipPart>();
  private count = 0;
  private declaredTotal = 0;

  add(part: ZipPart): void {
    if (++this.count > LIMITS.entries) throw new InputError('too-large', `plus de ${LIMITS.entries} parties dans l'archive`);
    if (part.name.endsWith('/')) return;
    const declared = declaredFault(part);
    if (declared) throw declared;
    this.declaredTotal += part.uncompressedSize;
    if (this.declaredTotal > LIMITS.totalBytes) throw new InputError('too-large', `l'archive ferait plus de ${MB(LIMITS.totalBytes)} une fois décompressée`);
    const key = partKey(part.name);
    if (!this.parts.has(key)) this.parts.set(key, part);
  }
}

/** What both implementations share: the part list, the guard's running count, reading a part whole. */
export abstract class GuardedZip implements ZipPackage {
  /** Inflated bytes so far, over every part read: the guard's total. */
  private inflated = 0;

  protected constructor(protected readonly parts: Map<string, ZipPart>) {}

  abstract stream(name: string, onChunk: (chunk: Buffer) => void): Promise<void>;

  has(name: string): boolean {
    return this.parts.has(partKey(name));
  }

  names(): string[] {
    return [...this.parts.values()].map((p) => p.name);
  }

  /** The part by name, refused when absent or encrypted. */
  protected part(name: string): ZipPart {
    const part = this.parts.get(partKey(name));
    if (!part) throw new InputError('corrupt', `partie ${name} absente de l'archive`);
    if (part.encrypted) throw new InputError('encrypted', `la partie ${part.name} est chiffrée`);
    if (part.method !== 0 && part.method !== 8) throw new InputError('corrupt', `partie ${part.name} compressée par une méthode inconnue (${part.method})`);
    return part;
  }

  /** Where a part's stored bytes start, from its local header's first 30 bytes. */
  protected dataStart(part: ZipPart, head: Uint8Array, archiveSize: number): { start: number; end: number } {
    const u16 = (i: number) => head[i] | (head[i + 1] << 8);
    if (head.length < 30 || u16(0) !== 0x4b50 || u16(2) !== 0x0403) throw new InputError('corrupt', `archive zip endommagée (en-tête local de ${part.name} introuvable)`);
    const start = part.localHeader + 30 + u16(26) + u16(28);
    const end = start + part.compressedSize;
    if (end > archiveSize) throw new InputError('corrupt', `archive zip tronquée (${part.name} incomplète)`);
    return { start, end };
  }

  /** The guard for one part's inflated chunks: call it with each chunk's length; an error when a limit is passed. */
  protected budget(part: ZipPart): (n: number) => InputError | null {
    let bytes = 0;
    return (n: number) => {
      bytes += n;
      this.inflated += n;
      if (bytes > LIMITS.entryBytes) return new InputError('too-large', `la partie ${part.name} dépasse ${MB(LIMITS.entryBytes)} une fois décompressée`);
      if (this.inflated > LIMITS.totalBytes) return new InputError('too-large', `l'archive ferait plus de ${MB(LIMITS.totalBytes)} une fois décompressée`);
      if (bytes > LIMITS.ratioFloorBytes && bytes / Math.max(1, part.compressedSize) > LIMITS.ratio) {
        return new InputError('too-large', `taux de compression suspect (plus de ${LIMITS.ratio}:1) pour ${part.name} : bombe zip probable`);
      }
      return null;
    };
  }

  async read(name: string, max = 8 * 1024 * 1024): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let n = 0;
    await this.stream(name, (c) => {
      n += c.length;
      if (n > max) throw new InputError('too-large', `la partie ${name} dépasse ${MB(max)}`);
      chunks.push(c);
    });
    return Buffer.concat(chunks, n);
  }
}
