/**
 * The zip container of an .xlsx, read from memory or from an open file (then piece by piece: a
 * workbook of a million lines is never held whole): yauzl reads the central directory (the one place
 * that says where each part is and how big it claims to be), and each part the reader needs is
 * inflated once, in chunks handed straight to the XML scanner. The guard's limits are checked on the
 * way: the declared sizes and ratio when a part is opened, the real ones on every chunk (a part
 * that lies about its size is stopped as soon as it inflates past the limits, never held whole).
 *
 * A local header whose sizes or name disagree with the central directory (some producers write zeros
 * there and a data descriptor after the data) is read by the central directory's figures.
 */
import { read, readSync } from 'fs';
import { Readable } from 'stream';
import yauzl from 'yauzl';
import zlib from 'zlib';
import { InputError, LIMITS } from './guard';
import { XmlError } from './xml';

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} Mo`;

export interface ZipPart {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  method: number;
  encrypted: boolean;
  localHeader: number;
}

/** Part names are compared as the package model says: case-insensitively, without a leading slash, with / separators. */
export const partKey = (name: string) => name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();

/** Bytes [start, end) of an open file as a stream that never closes the file (a file stream closes its descriptor when destroyed). */
function fileRange(fd: number, start: number, end: number): Readable {
  let at = start;
  return new Readable({
    highWaterMark: 1 << 20,
    read(size) {
      const n = Math.min(size, end - at);
      if (n <= 0) return void this.push(null);
      const chunk = Buffer.allocUnsafe(n);
      read(fd, chunk, 0, n, at, (err, got) => {
        if (err) return this.destroy(err);
        at += got;
        this.push(got === 0 ? null : chunk.subarray(0, got));
      });
    },
  });
}

/** Ranges of an open file for yauzl, which then neither owns nor closes it. */
class FileRanges extends yauzl.RandomAccessReader {
  constructor(private readonly fd: number) {
    super();
  }
  override _readStreamForRange(start: number, end: number): Readable {
    return fileRange(this.fd, start, end);
  }
}

/** Where the archive's bytes are: a buffer, or a file open for reading. */
type Bytes = { buf: Buffer } | { fd: number; size: number };

export class ZipPackage {
  /** Inflated bytes so far, over every part read: the guard's total. */
  private inflated = 0;
  private constructor(
    private readonly bytes: Bytes,
    private readonly parts: Map<string, ZipPart>,
  ) {}

  static open(buf: Buffer): Promise<ZipPackage> {
    return ZipPackage.list({ buf }, (options, done) => yauzl.fromBuffer(buf, options, done));
  }

  /** The archive in an open file (the caller closes it once the package is read). */
  static openFile(fd: number, size: number): Promise<ZipPackage> {
    return ZipPackage.list({ fd, size }, (options, done) => yauzl.fromRandomAccessReader(new FileRanges(fd), size, options, done));
  }

  private static async list(bytes: Bytes, open: (options: yauzl.Options, done: (err: Error | null, zip?: yauzl.ZipFile) => void) => void): Promise<ZipPackage> {
    let zip: yauzl.ZipFile;
    try {
      zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
        open({ lazyEntries: true, validateEntrySizes: false, strictFileNames: false, decodeStrings: true }, (err, z) => (err || !z ? reject(err ?? new Error('zip')) : resolve(z))),
      );
    } catch (e) {
      throw new InputError('corrupt', `archive zip tronquée ou endommagée (${firstLine(e)})`);
    }
    const parts = new Map<string, ZipPart>();
    let declaredTotal = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('error', reject);
        zip.on('end', () => resolve());
        zip.on('entry', (e: yauzl.Entry) => {
          if (parts.size >= LIMITS.entries) return reject(new InputError('too-large', `plus de ${LIMITS.entries} parties dans l'archive`));
          if (!e.fileName.endsWith('/')) {
            const part: ZipPart = {
              name: e.fileName,
              compressedSize: e.compressedSize,
              uncompressedSize: e.uncompressedSize,
              method: e.compressionMethod,
              encrypted: (e.generalPurposeBitFlag & 1) !== 0,
              localHeader: e.relativeOffsetOfLocalHeader,
            };
            // What a part declares is judged for every part, read or not: a file that says it is a bomb is refused.
            const declared = declaredFault(part);
            if (declared) return reject(declared);
            declaredTotal += part.uncompressedSize;
            if (declaredTotal > LIMITS.totalBytes) return reject(new InputError('too-large', `l'archive ferait plus de ${MB(LIMITS.totalBytes)} une fois décompressée`));
            const key = partKey(e.fileName);
            if (!parts.has(key)) parts.set(key, part);
          }
          zip.readEntry();
        });
        zip.readEntry();
      });
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError('corrupt', `archive zip endommagée (${firstLine(e)})`);
    } finally {
      zip.close();
    }
    return new ZipPackage(bytes, parts);
  }

  has(name: string): boolean {
    return this.parts.has(partKey(name));
  }

  names(): string[] {
    return [...this.parts.values()].map((p) => p.name);
  }

  private get size(): number {
    return 'buf' in this.bytes ? this.bytes.buf.length : this.bytes.size;
  }

  /** `length` bytes from `at` (fewer at the end of the archive). */
  private slice(at: number, length: number): Buffer {
    if ('buf' in this.bytes) return this.bytes.buf.subarray(at, at + length);
    const out = Buffer.alloc(Math.max(0, Math.min(length, this.bytes.size - at)));
    let n = 0;
    while (n < out.length) {
      const got = readSync(this.bytes.fd, out, n, out.length - n, at + n);
      if (got === 0) break;
      n += got;
    }
    return out.subarray(0, n);
  }

  /** Where a part's stored (compressed) bytes are, after the declared-size checks. */
  private stored(name: string): { part: ZipPart; start: number; end: number } {
    const part = this.parts.get(partKey(name));
    if (!part) throw new InputError('corrupt', `partie ${name} absente de l'archive`);
    if (part.encrypted) throw new InputError('encrypted', `la partie ${part.name} est chiffrée`);
    const at = part.localHeader;
    const head = this.slice(at, 30);
    if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) throw new InputError('corrupt', `archive zip endommagée (en-tête local de ${part.name} introuvable)`);
    const start = at + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
    const end = start + part.compressedSize;
    if (end > this.size) throw new InputError('corrupt', `archive zip tronquée (${part.name} incomplète)`);
    return { part, start, end };
  }

  /**
   * Inflates one part, handing each chunk to `onChunk` as it comes; rejects with InputError when the
   * part outgrows the guard's limits (size, ratio, total) or is damaged.
   */
  stream(name: string, onChunk: (chunk: Buffer) => void): Promise<void> {
    let part: ZipPart;
    let start: number;
    let end: number;
    try {
      ({ part, start, end } = this.stored(name));
    } catch (e) {
      return Promise.reject(e);
    }
    let bytes = 0;
    const check = (n: number): InputError | null => {
      bytes += n;
      this.inflated += n;
      if (bytes > LIMITS.entryBytes) return new InputError('too-large', `la partie ${part.name} dépasse ${MB(LIMITS.entryBytes)} une fois décompressée`);
      if (this.inflated > LIMITS.totalBytes) return new InputError('too-large', `l'archive ferait plus de ${MB(LIMITS.totalBytes)} une fois décompressée`);
      if (bytes > LIMITS.ratioFloorBytes && bytes / Math.max(1, part.compressedSize) > LIMITS.ratio) {
        return new InputError('too-large', `taux de compression suspect (plus de ${LIMITS.ratio}:1) pour ${part.name} : bombe zip probable`);
      }
      return null;
    };
    if (part.method === 0) {
      return new Promise((resolve, reject) => {
        try {
          for (let i = start; i < end; i += 1 << 18) {
            const c = this.slice(i, Math.min(end - i, 1 << 18));
            const err = check(c.length);
            if (err) return reject(err);
            onChunk(c);
          }
          resolve();
        } catch (e) {
          reject(e);
        }
      });
    }
    if (part.method !== 8) return Promise.reject(new InputError('corrupt', `partie ${part.name} compressée par une méthode inconnue (${part.method})`));
    return new Promise((resolve, reject) => {
      // Large output chunks: fewer calls into the scanner, the same memory bound.
      const inflater = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
      // From a file, the stored bytes are read as the inflater asks for them.
      const source = 'fd' in this.bytes ? fileRange(this.bytes.fd, start, end) : null;
      // Chunks are scanned on a later turn, not inside the 'data' event: zlib then goes on inflating
      // the next chunk on its thread while this one is scanned (the two overlap on two cores). A few
      // chunks at most wait: past that the inflater is paused.
      const queue: Buffer[] = [];
      let ended = false;
      let scheduled = false;
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        inflater.destroy();
        source?.destroy();
        reject(e instanceof InputError || e instanceof XmlError ? e : new InputError('corrupt', `partie ${part.name} illisible (${firstLine(e)})`));
      };
      const drain = () => {
        scheduled = false;
        try {
          while (queue.length && !failed) {
            const chunk = queue.shift()!;
            const err = check(chunk.length);
            if (err) return fail(err);
            onChunk(chunk);
          }
        } catch (e) {
          return fail(e);
        }
        if (inflater.isPaused()) inflater.resume();
        if (ended && !failed) resolve();
      };
      const schedule = () => {
        if (scheduled) return;
        scheduled = true;
        setImmediate(drain);
      };
      inflater.on('data', (chunk: Buffer) => {
        if (failed) return;
        queue.push(chunk);
        if (queue.length >= 4) inflater.pause();
        schedule();
      });
      inflater.on('error', fail);
      inflater.on('end', () => {
        ended = true;
        schedule();
      });
      if (source) source.on('error', fail).pipe(inflater);
      else inflater.end('buf' in this.bytes ? this.bytes.buf.subarray(start, end) : undefined);
    });
  }

  /** A small part whole (relationships, workbook, tables, styles): at most `max` bytes. */
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

/** The declared size and ratio of a part, judged before anything is inflated. */
function declaredFault(part: ZipPart): InputError | null {
  const size = part.uncompressedSize;
  if (size > LIMITS.entryBytes) return new InputError('too-large', `la partie ${part.name} ferait ${MB(size)} une fois décompressée (limite ${MB(LIMITS.entryBytes)})`);
  if (size > LIMITS.ratioFloorBytes && size / Math.max(1, part.compressedSize) > LIMITS.ratio) {
    return new InputError('too-large', `taux de compression suspect (${Math.round(size / Math.max(1, part.compressedSize))}:1) pour ${part.name} : bombe zip probable`);
  }
  return null;
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e)
    .split('\n')[0]
    .slice(0, 200);
}
