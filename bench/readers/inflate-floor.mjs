// The inflate floor in Node: every part of the package inflated (zlib) and its bytes counted, nothing
// parsed — `unzip -p FILE | wc -c` in-process. Prints the bytes and the milliseconds spent after
// start-up, so the floor is known both as a whole command and in-process. (yauzl's streams took
// five times as long here: small reads and small chunks; this is the floor, so one call per part.)
import { readFileSync } from 'fs';
import zlib from 'zlib';

const t0 = process.hrtime.bigint();

const buf = readFileSync(process.argv[2]);
const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
if (eocd < 0) throw new Error('not a zip');
let at = buf.readUInt32LE(eocd + 16);
const count = buf.readUInt16LE(eocd + 10);
let bytes = 0;
for (let i = 0; i < count; i++) {
  const method = buf.readUInt16LE(at + 10);
  const compressed = buf.readUInt32LE(at + 20);
  const local = buf.readUInt32LE(at + 42);
  at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const data = buf.subarray(start, start + compressed);
  bytes += method === 8 ? zlib.inflateRawSync(data, { chunkSize: 1 << 20 }).length : data.length;
}
process.stdout.write(`${bytes} ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)}\n`);
