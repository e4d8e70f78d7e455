/**
 * The archive for the browser (the pane's preview, its comparison file, its .xlsx ledgers): the
 * bytes are in memory (a file the user picked), the central directory is read here (zip64 included)
 * and each part is inflated by fflate, a small, well-kept pure-JavaScript inflate that runs wherever
 * the pane runs, Office's webviews without DecompressionStream included. Compressed bytes are pushed
 * in small slices so that the guard (zip.ts) judges every inflated chunk before the next is made.
 */
import { Buffer } from 'buffer';
import { Inflate, inflateSync } from 'fflate';
import { InputError } from './guard';
import { GuardedZip, partFault, PartList, type ZipPart } from './zip';

/** Compressed bytes handed to the inflater at a time: at most ~16 MB of output per push (deflate tops at 1032:1). */
const SLICE = 16 * 1024;
/** Parts up to this size (as the directory declares it) are inflated in one call. */
const ONE_CALL_BYTES = 1 << 20;

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 0x100000000;

const corrupt = (why: string) => new InputError('corrupt', `archive zip tronquée ou endommagée (${why})`);

/** The end of central directory record: where the directory is and how many entries it has (zip64 when they overflow). */
function directory(b: Uint8Array): { offset: number; size: number; entries: number } {
  const floor = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= floor; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('fin du répertoire central introuvable');
  let entries = u16(b, eocd + 10);
  let size = u32(b, eocd + 12);
  let offset = u32(b, eocd + 16);
  const locator = eocd - 20;
  if ((entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) && locator >= 0 && u32(b, locator) === 0x07064b50) {
    const z = u64(b, locator + 8);
    if (z + 56 > b.length || u32(b, z) !== 0x06064b50) throw corrupt('répertoire zip64 introuvable');
    entries = u64(b, z + 32);
    size = u64(b, z + 40);
    offset = u64(b, z + 48);
  }
  if (offset + size > b.length) throw corrupt('répertoire central hors du fichier');
  return { offset, size, entries };
}

const utf8 = new TextDecoder('utf-8');

export class BytesZip extends GuardedZip {
  private constructor(
    private readonly bytes: Uint8Array,
    parts: Map<string, ZipPart>,
  ) {
    super(parts);
  }

  /** Lists the archive's parts (the guard judges what each declares); InputError when it is no usable zip. */
  static open(bytes: Uint8Array): BytesZip {
    const b = bytes;
    const { offset, size, entries } = directory(b);
    const list = new PartList();
    let at = offset;
    const end = offset + size;
    for (let n = 0; n < entries; n++) {
      if (at + 46 > end || u32(b, at) !== 0x02014b50) throw corrupt('entrée du répertoire central illisible');
      const flags = u16(b, at + 8);
      const nameLength = u16(b, at + 28);
      const extraLength = u16(b, at + 30);
      const commentLength = u16(b, at + 32);
      let compressedSize = u32(b, at + 20);
      let uncompressedSize = u32(b, at + 24);
      let localHeader = u32(b, at + 42);
      const name = utf8.decode(b.subarray(at + 46, at + 46 + nameLength));
      // Sizes and offset that overflow 32 bits are in the zip64 extra field, in this order.
      for (let x = at + 46 + nameLength, xEnd = x + extraLength; x + 4 <= xEnd; ) {
        const id = u16(b, x);
        const len = u16(b, x + 2);
        if (id === 0x0001) {
          let k = x + 4;
          if (uncompressedSize === 0xffffffff) {
            uncompressedSize = u64(b, k);
            k += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(b, k);
            k += 8;
          }
          if (localHeader === 0xffffffff) localHeader = u64(b, k);
        }
        x += 4 + len;
      }
      list.add({ name, compressedSize, uncompressedSize, method: u16(b, at + 10), encrypted: (flags & 1) !== 0, localHeader });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return new BytesZip(bytes, list.parts);
  }

  stream(name: string, onChunk: (chunk: Buffer) => void): Promise<void> {
    try {
      const part = this.part(name);
      const { start, end } = this.dataStart(part, this.bytes.subarray(part.localHeader, part.localHeader + 30), this.bytes.length);
      const check = this.budget(part);
      const emit = (chunk: Uint8Array) => {
        if (chunk.length === 0) return;
        const err = check(chunk.length);
        if (err) throw err;
        onChunk(Buffer.from(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.length));
      };
      if (part.method === 0) {
        for (let i = start; i < end; i += 1 << 18) emit(this.bytes.subarray(i, Math.min(end, i + (1 << 18))));
        return Promise.resolve();
      }
      // A small part in one call, into a buffer of the size the directory declares: fflate's stream
      // keeps 128 KB of headroom at every block (a new buffer, zeroed, copied), which made inflating
      // the example's 37 parts most of the preview's reading (profile, issue 22). A part larger than
      // declared, or any error, goes the streaming way below, which says what is wrong as before.
      if (part.uncompressedSize > 0 && part.uncompressedSize <= ONE_CALL_BYTES) {
        let whole: Uint8Array | null = null;
        try {
          whole = inflateSync(this.bytes.subarray(start, end), { out: new Uint8Array(part.uncompressedSize + 1) });
        } catch {
          whole = null;
        }
        if (whole && whole.length <= part.uncompressedSize) {
          emit(whole);
          return Promise.resolve();
        }
      }
      let done = false;
      const inflater = new Inflate((chunk, final) => {
        emit(chunk);
        if (final) done = true;
      });
      try {
        for (let i = start; i < end; i += SLICE) inflater.push(this.bytes.subarray(i, Math.min(end, i + SLICE)), i + SLICE >= end);
        if (start === end) inflater.push(new Uint8Array(0), true);
      } catch (e) {
        throw partFault(part, e);
      }
      if (!done) throw new InputError('corrupt', `partie ${part.name} illisible (données compressées incomplètes)`);
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(e);
    }
  }
}
