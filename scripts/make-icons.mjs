/**
 * Draws the app icons (src/web/public/icons/*.png) from the shapes of favicon.svg — a shade tree
 * (teduh) on the brand green — with Node alone: PNG is zlib-compressed rows with a CRC per chunk.
 * Run once after changing the shapes: `node scripts/make-icons.mjs`; the PNGs are committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const GREEN = [0x0e, 0x66, 0x55];
const LEAF = [0xc9, 0xee, 0xe2];
const out = path.join(path.dirname(new URL(import.meta.url).pathname), '../src/web/public/icons');

/** Inside the favicon's shapes, in its 64×64 units: the canopy (a dome) and the trunk. */
function shapeAt(x, y) {
  // Canopy: the region under the curve from (12,34) up to (32,14) and down to (52,34), above y=34.
  if (y <= 34 && y >= 14) {
    const half = 20 * Math.sqrt(Math.max(0, 1 - ((34 - y) / 20) ** 2));
    if (Math.abs(x - 32) <= half) return LEAF;
  }
  if (x >= 30 && x <= 34 && y >= 33 && y <= 52) return LEAF;
  return null;
}

function roundedRect(x, y, size, radius) {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** `maskable`: full-bleed green with the tree inside the central 80 % safe zone. */
function draw(size, maskable) {
  const data = Buffer.alloc(size * (size * 4 + 1));
  const samples = 4;
  for (let py = 0; py < size; py++) {
    data[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const u = ((px + (sx + 0.5) / samples) / size) * 64;
          const v = ((py + (sy + 0.5) / samples) / size) * 64;
          const inside = maskable || roundedRect(u, v, 64, 14);
          if (!inside) continue;
          const su = maskable ? 32 + (u - 32) / 0.8 : u;
          const sv = maskable ? 33 + (v - 33) / 0.8 : v;
          const c = shapeAt(su, sv) ?? GREEN;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 255;
        }
      const n = samples * samples;
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const cover = a / 255;
      data[o] = cover ? Math.round(r / cover) : 0;
      data[o + 1] = cover ? Math.round(g / cover) : 0;
      data[o + 2] = cover ? Math.round(b / cover) : 0;
      data[o + 3] = Math.round(a / n);
    }
  }
  return data;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, body) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}
function png(size, maskable) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(draw(size, maskable), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'icon-192.png'), png(192, false));
fs.writeFileSync(path.join(out, 'icon-512.png'), png(512, false));
fs.writeFileSync(path.join(out, 'icon-maskable-512.png'), png(512, true));
fs.writeFileSync(path.join(out, 'apple-touch-icon-180.png'), png(180, true));
console.log('icons written to', out);
