// Writes the add-in's PNG icons (assets/icon-N.png) with nothing but zlib: a rounded blue tile with
// a white check mark, drawn per pixel with anti-aliasing, so the icons can be regenerated anywhere.
// Run: node scripts/make-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZES = [16, 32, 64, 80, 128];
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Distance from point p to segment ab. */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const S = 4; // supersampling per axis
  const r = size * 0.2; // corner radius
  const stroke = size * 0.11;
  const check = [
    [0.26, 0.52],
    [0.43, 0.69],
    [0.75, 0.33],
  ].map(([x, y]) => [x * size, y * size]);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let tile = 0, mark = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const px = x + (sx + 0.5) / S, py = y + (sy + 0.5) / S;
          const cx = Math.min(Math.max(px, r), size - r), cy = Math.min(Math.max(py, r), size - r);
          if (Math.hypot(px - cx, py - cy) <= r) tile++;
          const d = Math.min(segDist(px, py, ...check[0], ...check[1]), segDist(px, py, ...check[1], ...check[2]));
          if (d <= stroke / 2) mark++;
        }
      }
      const a = tile / (S * S), m = mark / (S * S);
      // Tile #0F6CBD (Fluent brand blue), mark white.
      const i = (y * size + x) * 4;
      rgba[i] = Math.round(0x0f + (255 - 0x0f) * m);
      rgba[i + 1] = Math.round(0x6c + (255 - 0x6c) * m);
      rgba[i + 2] = Math.round(0xbd + (255 - 0xbd) * m);
      rgba[i + 3] = Math.round(255 * a);
    }
  }
  return png(size, rgba);
}

mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const file = join(OUT, `icon-${size}.png`);
  writeFileSync(file, draw(size));
  console.log(file);
}
