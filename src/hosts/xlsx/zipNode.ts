/**
 * The archive for Node (the CLI), read from memory or from an open file (then piece by piece: a
 * workbook of a million lines is never held whole): yauzl reads the central directory, zlib inflates
 * each part on its thread while the previous chunk is scanned. The guard is zip.ts's.
 *
 * A local header whose sizes or name disagree with the central directory (some producers write zeros
 * there and a data descriptor after the data) is read by the central directory's figures.
 *
 * The small parts (all but a big sheet or its shared strings) and the directory are read without
 * going through the thread pool: a trip there per read or per inflated chunk left the main thread
 * waiting (a third of reading the 40 KB example was idle, profile of issue 22), for parts that
 * inflate in microseconds.
 */
import { read, readSync } from 'fs';
import { Readable } from 'stream';
import yauzl from 'yauzl';
import v8 from 'v8';
import vm from 'vm';
import zlib from 'zlib';
import { InputError } from './guard';
import { firstLine, GuardedZip, partFault, PartList, type ZipPart } from './zip';

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

/** Parts up to this size (as the directory declares it, and stored) are read and inflated in one call. */
const ONE_CALL_BYTES = 1 << 20;

/** Ranges of an open file for yauzl, which then neither owns nor closes it. */
class FileRanges extends yauzl.RandomAccessReader {
  constructor(private readonly fd: number) {
    super();
  }
  override _readStreamForRange(start: number, end: number): Readable {
    return fileRange(this.fd, start, end);
  }
  /** The directory's few small reads done at once (yauzl's own way makes a stream per read); the answer still comes on a later tick, as yauzl expects. */
  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null, bytesRead?: number) => void): void {
    let n = 0;
    try {
      while (n < length) {
        const got = readSync(this.fd, buffer, offset + n, length - n, position + n);
        if (got === 0) break;
        n += got;
      }
    } catch (e) {
      return void process.nextTick(callback, e as Error);
    }
    process.nextTick(callback, null, n);
  }
}

/** A small part inflated in one call, or null when it is larger than declared or damaged (the streaming way then says what is wrong). */
function inflateWhole(stored: Buffer, declared: number): Buffer | null {
  try {
    // Past `declared` bytes zlib stops and throws: a part larger than it says goes the streaming way.
    return zlib.inflateRawSync(stored, { maxOutputLength: declared });
  } catch {
    return null;
  }
}

/**
 * A young-generation collection, every YOUNG_EVERY bytes inflated. Why: zlib's output chunks (256 KB
 * each, outside the JS heap) are freed only by a collection, and a reader that leaves almost no
 * garbage on the JS heap lets V8 wait until 32 MB of them pile up (its fixed trigger: twice the
 * largest semi-space): +17 MiB of peak at 100 000 lines. A minor collection of a nearly empty young
 * generation costs well under a millisecond. Made once, on the first large part.
 */
const YOUNG_EVERY = 4 << 20;
let minorGc: ((options: object) => void) | null | undefined;
function collectYoung(): void {
  if (minorGc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      minorGc = vm.runInNewContext('gc') as (options: object) => void;
    } catch {
      minorGc = null;
    }
  }
  minorGc?.({ type: 'minor' });
}

/** Where the archive's bytes are: a buffer, or a file open for reading. */
type Bytes = { buf: Buffer } | { fd: number; size: number };

export class NodeZip extends GuardedZip {
  private constructor(
    private readonly bytes: Bytes,
    parts: Map<string, ZipPart>,
  ) {
    super(parts);
  }

  static open(buf: Buffer): Promise<NodeZip> {
    return NodeZip.list({ buf }, (options, done) => yauzl.fromBuffer(buf, options, done));
  }

  /** The archive in an open file (the caller closes it once the package is read). */
  static openFile(fd: number, size: number): Promise<NodeZip> {
    return NodeZip.list({ fd, size }, (options, done) => yauzl.fromRandomAccessReader(new FileRanges(fd), size, options, done));
  }

  private static async list(bytes: Bytes, open: (options: yauzl.Options, done: (err: Error | null, zip?: yauzl.ZipFile) => void) => void): Promise<NodeZip> {
    let zip: yauzl.ZipFile;
    try {
      zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
        open({ lazyEntries: true, validateEntrySizes: false, strictFileNames: false, decodeStrings: true }, (err, z) => (err || !z ? reject(err ?? new Error('zip')) : resolve(z))),
      );
    } catch (e) {
      throw new InputError('corrupt', `archive zip tronquée ou endommagée (${firstLine(e)})`);
    }
    const list = new PartList();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('error', reject);
        zip.on('end', () => resolve());
        zip.on('entry', (e: yauzl.Entry) => {
          try {
            list.add({
              name: e.fileName,
              compressedSize: e.compressedSize,
              uncompressedSize: e.uncompressedSize,
              method: e.compressionMethod,
              encrypted: (e.generalPurposeBitFlag & 1) !== 0,
              localHeader: e.relativeOffsetOfLocalHeader,
            });
          } catch (err) {
            return reject(err);
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
    return new NodeZip(bytes, list.parts);
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

  stream(name: string, onChunk: (chunk: Buffer) => void): Promise<void> {
    let part: ZipPart;
    let start: number;
    let end: number;
    try {
      part = this.part(name);
      ({ start, end } = this.dataStart(part, this.slice(part.localHeader, 30), this.size));
    } catch (e) {
      return Promise.reject(e);
    }
    const check = this.budget(part);
    if (part.method === 8 && part.uncompressedSize > 0 && part.uncompressedSize <= ONE_CALL_BYTES && end - start <= ONE_CALL_BYTES) {
      const whole = inflateWhole(this.slice(start, end - start), part.uncompressedSize);
      if (whole) {
        try {
          const err = check(whole.length);
          if (err) return Promise.reject(err);
          onChunk(whole);
          return Promise.resolve();
        } catch (e) {
          return Promise.reject(partFault(part, e));
        }
      }
    }
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
    return new Promise((resolve, reject) => {
      // Large output chunks: fewer calls into the scanner, the same memory bound.
      const inflater = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
      // From a file, the stored bytes are read as the inflater asks for them.
      const source = 'fd' in this.bytes ? fileRange(this.bytes.fd, start, end) : null;
      // Chunks are scanned on a later turn, not inside the 'data' event: zlib then goes on inflating
      // the next chunk on its thread while this one is scanned (the two overlap on two cores). A few
      // chunks at most wait: past that the inflater is paused.
      const queue: Buffer[] = [];
      let inflated = 0;
      let ended = false;
      let scheduled = false;
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        inflater.destroy();
        source?.destroy();
        reject(partFault(part, e));
      };
      const drain = () => {
        scheduled = false;
        try {
          while (queue.length && !failed) {
            const chunk = queue.shift()!;
            const err = check(chunk.length);
            if (err) return fail(err);
            onChunk(chunk);
            inflated += chunk.length;
            if (inflated >= YOUNG_EVERY) {
              inflated = 0;
              collectYoung();
            }
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
}
