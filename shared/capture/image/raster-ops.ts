// Pixel operations for OCR preprocessing on decoded RGBA images (no DOM, no codecs): grey levels, an Otsu
// threshold, skew estimation by projection profiles, rotation, crops and scaling. Scans and photos come
// slightly rotated, and rule-line detection (table-cells.ts) needs them straight.
import type { RasterImage } from '../image/raster';

/** A rectangle in pixels. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Luminance 0–255 per pixel (alpha ignored: invoices are opaque). */
export function toGrey(img: RasterImage): Uint8Array {
  const n = img.width * img.height;
  const out = new Uint8Array(n);
  const d = img.data;
  for (let i = 0; i < n; i++) out[i] = (77 * (d[4 * i] ?? 0) + 150 * (d[4 * i + 1] ?? 0) + 29 * (d[4 * i + 2] ?? 0)) >> 8;
  return out;
}

/** Otsu's threshold of grey levels: pixels below it are ink. */
export function otsuThreshold(grey: Uint8Array): number {
  const hist = new Float64Array(256);
  const n = grey.length;
  for (let i = 0; i < n; i++) {
    const g = grey[i] ?? 0;
    hist[g] = (hist[g] ?? 0) + 1;
  }
  const total = grey.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * (hist[i] ?? 0);
  let sumB = 0;
  let weightB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    weightB += hist[t] ?? 0;
    if (weightB === 0) continue;
    const weightF = total - weightB;
    if (weightF === 0) break;
    sumB += t * (hist[t] ?? 0);
    const between = weightB * weightF * (sumB / weightB - (sum - sumB) / weightF) ** 2;
    if (between > best) {
      best = between;
      threshold = t + 1;
    }
  }
  return threshold;
}

/**
 * The skew of the text lines in degrees (positive = lines fall to the right), searched in ±`maxDegrees`:
 * the angle whose sheared row profile of ink pixels is sharpest. Ink is sampled on a coarse grid, so a
 * 200-dpi A4 page costs a few milliseconds per angle.
 */
export function skewAngle(grey: Uint8Array, width: number, height: number, threshold: number, maxDegrees = 4): number {
  const step = Math.max(1, Math.round(Math.max(width, height) / 800));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      if ((grey[y * width + x] ?? 255) < threshold) { xs.push(x); ys.push(y); }
    }
  }
  if (xs.length < 50) return 0;
  const bins = Math.ceil(height / step) + 1;
  const profile = new Float64Array(bins);
  const sharpness = (degrees: number): number => {
    profile.fill(0);
    const t = Math.tan((degrees * Math.PI) / 180);
    for (let i = 0; i < xs.length; i++) {
      const b = Math.round(((ys[i] ?? 0) - (xs[i] ?? 0) * t) / step);
      if (b >= 0 && b < bins) profile[b] = (profile[b] ?? 0) + 1;
    }
    let s = 0;
    for (const v of profile) s += v * v;
    return s;
  };
  let best = 0;
  let bestScore = sharpness(0);
  for (const stepDeg of [0.5, 0.1]) {
    const centre = best;
    const span = stepDeg === 0.5 ? maxDegrees : 0.5;
    for (let a = centre - span; a <= centre + span + 1e-9; a += stepDeg) {
      const s = sharpness(a);
      if (s > bestScore * 1.0001) { bestScore = s; best = a; }
    }
  }
  return Math.round(best * 10) / 10;
}

/** The image rotated about its centre by `degrees` (positive = counter-clockwise), same size, white fill. */
export function rotate(img: RasterImage, degrees: number): RasterImage {
  const { width, height } = img;
  const out = new Uint8ClampedArray(width * height * 4).fill(255);
  const r = (degrees * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Inverse mapping: where in the source this output pixel comes from (nearest neighbour).
      const sx = Math.round(cos * (x - cx) - sin * (y - cy) + cx);
      const sy = Math.round(sin * (x - cx) + cos * (y - cy) + cy);
      if (sx < 0 || sy < 0 || sx >= width || sy >= height) continue;
      const from = (sy * width + sx) * 4;
      const to = (y * width + x) * 4;
      out[to] = img.data[from] ?? 255;
      out[to + 1] = img.data[from + 1] ?? 255;
      out[to + 2] = img.data[from + 2] ?? 255;
    }
  }
  return { width, height, data: out };
}

/** A rectangle of the image, clamped to its bounds. */
export function cropRect(img: RasterImage, rect: Rect): RasterImage {
  const x = Math.max(0, Math.floor(rect.x));
  const y = Math.max(0, Math.floor(rect.y));
  const width = Math.max(1, Math.min(img.width - x, Math.floor(rect.width)));
  const height = Math.max(1, Math.min(img.height - y, Math.floor(rect.height)));
  const data = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * img.width + x) * 4;
    data.set(img.data.subarray(from, from + width * 4), row * width * 4);
  }
  return { width, height, data };
}

/** The image scaled by `factor` with bilinear interpolation (small scans read better near 300 dpi). */
export function scale(img: RasterImage, factor: number): RasterImage {
  const width = Math.max(1, Math.round(img.width * factor));
  const height = Math.max(1, Math.round(img.height * factor));
  const data = new Uint8ClampedArray(width * height * 4);
  const src = img.data;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(img.height - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(img.height - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(img.width - 1, Math.max(0, (x + 0.5) / factor - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(img.width - 1, x0 + 1);
      const fx = sx - x0;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 4; c++) {
        const a = src[(y0 * img.width + x0) * 4 + c] ?? 0;
        const b = src[(y0 * img.width + x1) * 4 + c] ?? 0;
        const d = src[(y1 * img.width + x0) * 4 + c] ?? 0;
        const e = src[(y1 * img.width + x1) * 4 + c] ?? 0;
        data[o + c] = (a * (1 - fx) + b * fx) * (1 - fy) + (d * (1 - fx) + e * fx) * fy;
      }
    }
  }
  return { width, height, data };
}
