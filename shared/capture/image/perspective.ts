// The plane-to-plane map (homography) that takes a photographed quadrilateral to an upright rectangle, and the
// bilinear warp that applies it. A phone photo of a flat invoice is a perspective view of a rectangle: four
// corners fix the map exactly (Hartley & Zisserman, "Multiple View Geometry", §4.1, the direct linear transform
// with h33 = 1).
import type { RasterImage } from './raster';

/** A point in pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Four corners in the order top-left, top-right, bottom-right, bottom-left (as they lie in the image). */
export type Quad = readonly [Point, Point, Point, Point];

/** A homography as its 3×3 matrix, row-major, the last entry 1. */
export type Homography = readonly number[];

/** Solves the n×n system `a·x = b` in place by Gaussian elimination with partial pivoting; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r;
    const pivotRow = a[pivot];
    const colRow = a[col];
    if (!pivotRow || !colRow || Math.abs(pivotRow[col] ?? 0) < 1e-12) return null;
    [a[col], a[pivot]] = [pivotRow, colRow];
    [b[col], b[pivot]] = [b[pivot] ?? 0, b[col] ?? 0];
    const top = a[col] ?? [];
    for (let r = col + 1; r < n; r++) {
      const row = a[r] ?? [];
      const f = (row[col] ?? 0) / (top[col] ?? 1);
      for (let c = col; c < n; c++) row[c] = (row[c] ?? 0) - f * (top[c] ?? 0);
      b[r] = (b[r] ?? 0) - f * (b[col] ?? 0);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = a[r] ?? [];
    let s = b[r] ?? 0;
    for (let c = r + 1; c < n; c++) s -= (row[c] ?? 0) * (x[c] ?? 0);
    x[r] = s / (row[r] ?? 1);
  }
  return x;
}

/** The homography that maps each `from` point onto the `to` point of the same index, or null for degenerate corners. */
export function homography(from: Quad, to: Quad): Homography | null {
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i] ?? { x: 0, y: 0 };
    const { x: u, y: v } = to[i] ?? { x: 0, y: 0 };
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  const h = solve(a, b);
  return h === null || h.some((n) => !Number.isFinite(n)) ? null : [...h, 1];
}

/** Where the homography takes a point. */
export function mapPoint(h: Homography, p: Point): Point {
  const w = (h[6] ?? 0) * p.x + (h[7] ?? 0) * p.y + (h[8] ?? 1);
  return { x: ((h[0] ?? 0) * p.x + (h[1] ?? 0) * p.y + (h[2] ?? 0)) / w, y: ((h[3] ?? 0) * p.x + (h[4] ?? 0) * p.y + (h[5] ?? 0)) / w };
}

/**
 * A `width` × `height` image whose pixel (u, v) is the source sampled bilinearly at `toSource`(u, v); samples
 * outside the source are white (paper). `toSource` maps output pixel centres to source coordinates.
 */
export function warp(src: RasterImage, toSource: Homography, width: number, height: number): RasterImage {
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  // Written through a plain byte view: the weights sum to 1, so no clamping is needed, and clamped stores are slow.
  const out = new Uint8Array(data.buffer);
  const [h0 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0, h5 = 0, h6 = 0, h7 = 0, h8 = 1] = toSource;
  const sw = src.width;
  const sh = src.height;
  const d = src.data;
  for (let v = 0; v < height; v++) {
    const cv = v + 0.5;
    // Along a row the numerators and the denominator grow linearly in u: one division per pixel.
    let nx = h0 * 0.5 + h1 * cv + h2;
    let ny = h3 * 0.5 + h4 * cv + h5;
    let nw = h6 * 0.5 + h7 * cv + h8;
    let o = v * width * 4;
    for (let u = 0; u < width; u++, nx += h0, ny += h3, nw += h6, o += 4) {
      const sx = nx / nw - 0.5;
      const sy = ny / nw - 0.5;
      if (!(sx > -1 && sy > -1 && sx < sw && sy < sh)) continue;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const w00 = (1 - fx) * (1 - fy);
      const w10 = fx * (1 - fy);
      const w01 = (1 - fx) * fy;
      const w11 = fx * fy;
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < sw && y0 + 1 < sh) {
        const i = (y0 * sw + x0) * 4;
        const j = i + sw * 4;
        out[o] = (d[i] ?? 0) * w00 + (d[i + 4] ?? 0) * w10 + (d[j] ?? 0) * w01 + (d[j + 4] ?? 0) * w11 + 0.5;
        out[o + 1] = (d[i + 1] ?? 0) * w00 + (d[i + 5] ?? 0) * w10 + (d[j + 1] ?? 0) * w01 + (d[j + 5] ?? 0) * w11 + 0.5;
        out[o + 2] = (d[i + 2] ?? 0) * w00 + (d[i + 6] ?? 0) * w10 + (d[j + 2] ?? 0) * w01 + (d[j + 6] ?? 0) * w11 + 0.5;
        continue;
      }
      // At the source's edge, neighbours outside it count as white, so the page fades into the fill.
      const sample = (x: number, y: number, c: number): number => (x < 0 || y < 0 || x >= sw || y >= sh ? 255 : d[(y * sw + x) * 4 + c] ?? 255);
      for (let c = 0; c < 3; c++) {
        out[o + c] = sample(x0, y0, c) * w00 + sample(x0 + 1, y0, c) * w10 + sample(x0, y0 + 1, c) * w01 + sample(x0 + 1, y0 + 1, c) * w11 + 0.5;
      }
    }
  }
  return { width, height, data };
}
