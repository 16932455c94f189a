// Draws the app icon — a red seal (印章) with the character 发 in white strokes — and writes it as PNG files.
// No image library: strokes are thick line segments, 4×4 supersampled, encoded with node:zlib.
// Run `node build/make-icon.mjs` to regenerate build/icons/*.png (output is byte-for-byte deterministic);
// `--out-dir DIR` writes elsewhere (the test compares a fresh run with the committed files).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export const SIZES = [512, 256];

const RED = [200, 16, 46];
const WHITE = [255, 255, 255];

// 发 as polylines in a 100×100 box (x right, y down): the short vertical and the dot above the long
// horizontal, the long left-falling stroke, and 又 (horizontal-then-falling plus the right-falling stroke).
const GLYPH = [
  [[31, 9], [28, 29]],
  [[64, 9], [73, 21]],
  [[10, 31], [90, 31]],
  [[50, 31], [45, 52], [33, 73], [14, 92]],
  [[45, 52], [79, 52], [66, 68], [44, 88]],
  [[53, 63], [70, 78], [91, 92]],
];
const STROKE = 10; // stroke width in glyph units

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Each segment with its bounding box grown by half a stroke, so most samples skip the distance test.
const SEGMENTS = GLYPH.flatMap((line) => line.slice(1).map((b, i) => {
  const a = line[i];
  const pad = STROKE / 2;
  return { a, b, minX: Math.min(a[0], b[0]) - pad, maxX: Math.max(a[0], b[0]) + pad, minY: Math.min(a[1], b[1]) - pad, maxY: Math.max(a[1], b[1]) + pad };
}));

function inGlyph(x, y) {
  return SEGMENTS.some((s) =>
    x >= s.minX && x <= s.maxX && y >= s.minY && y <= s.maxY && distanceToSegment(x, y, s.a, s.b) <= STROKE / 2);
}

// Rounded square with a white frame line inside it, like the rim of a seal. Coordinates in 0..1.
function colourAt(u, v) {
  const corner = 0.16;
  const cx = Math.min(Math.max(u, corner), 1 - corner);
  const cy = Math.min(Math.max(v, corner), 1 - corner);
  if (Math.hypot(u - cx, v - cy) > corner) return undefined; // outside the rounded square: transparent
  const edge = Math.min(u, v, 1 - u, 1 - v);
  if (edge > 0.075 && edge < 0.105) return WHITE; // the frame
  const glyphBox = 0.17; // margin around the 100×100 glyph box
  const gx = ((u - glyphBox) / (1 - 2 * glyphBox)) * 100;
  const gy = ((v - glyphBox) / (1 - 2 * glyphBox)) * 100;
  return inGlyph(gx, gy) ? WHITE : RED;
}

/** RGBA pixels of the icon at `size`×`size`. */
export function renderIcon(size) {
  const samples = 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const i = (y * size + x) * 4;
      if (covered > 0) {
        pixels[i] = Math.round(r / covered);
        pixels[i + 1] = Math.round(g / covered);
        pixels[i + 2] = Math.round(b / covered);
        pixels[i + 3] = Math.round((255 * covered) / (samples * samples));
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit RGBA, no filtering, no metadata, so the bytes are reproducible). */
export function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const flag = process.argv.indexOf('--out-dir');
  const outDir = flag >= 0 && process.argv[flag + 1] ? path.resolve(process.argv[flag + 1]) : path.join(path.dirname(fileURLToPath(import.meta.url)), 'icons');
  mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `${size}x${size}.png`);
    writeFileSync(file, encodePng(size, renderIcon(size)));
    console.log(file);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
