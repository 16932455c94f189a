// Rule pixels on a small grey copy of the page. An invoice's table is ruled with thin lines (brown, red, blue,
// green or black): a rule pixel is darker than the paper a few pixels to either side across it (a ridge),
// whereas the edge of a sheet against a desk is a step, which shows no ridge.
import type { RasterImage } from './raster';

/** A grey copy of the image scaled down by an integer factor (`factor` source pixels per copy pixel). */
export interface WorkingGrey {
  readonly grey: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly factor: number;
}

/** The working copy's longer side lies between this and twice it (a 12 MP photo: ~1000 px). */
const WORK_SIDE = 800;
/** How much darker than the paper on both sides across a pixel must be to count as a rule pixel (0–255). */
const RIDGE_CONTRAST = 18;

/**
 * The grey copy the rules are found on: each pixel is the mean over its block of the darkest colour channel,
 * so that a red, brown, green or blue rule is as dark as a black one against white paper.
 */
export function workingGrey(image: RasterImage): WorkingGrey {
  const factor = Math.max(1, Math.floor(Math.max(image.width, image.height) / WORK_SIDE));
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const sums = new Uint32Array(width);
  const grey = new Uint8Array(width * height);
  const d = image.data;
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      let p = ((y * factor + dy) * image.width) * 4;
      for (let x = 0; x < width; x++) {
        let s = 0;
        for (let dx = 0; dx < factor; dx++, p += 4) {
          const r = d[p] ?? 255;
          const g = d[p + 1] ?? 255;
          const b = d[p + 2] ?? 255;
          s += r < g ? (r < b ? r : b) : g < b ? g : b;
        }
        sums[x] = (sums[x] ?? 0) + s;
      }
    }
    for (let x = 0; x < width; x++) grey[y * width + x] = Math.round((sums[x] ?? 0) / area);
  }
  return { grey, width, height, factor };
}

/** Ridge pixels across `vertical` rules (compared with the pixels left and right) or horizontal ones (above and below). */
export function ridgeMask(w: WorkingGrey, vertical: boolean): Uint8Array {
  const { grey, width, height } = w;
  const mask = new Uint8Array(width * height);
  const step = vertical ? 1 : width;
  for (let y = 3; y < height - 3; y++) {
    for (let x = 3; x < width - 3; x++) {
      const i = y * width + x;
      const g = (grey[i] ?? 255) + RIDGE_CONTRAST;
      // Two distances across, so that rules one to four pixels thick all show a ridge.
      const near = Math.min(grey[i - 2 * step] ?? 0, grey[i + 2 * step] ?? 0);
      const far = Math.min(grey[i - 3 * step] ?? 0, grey[i + 3 * step] ?? 0);
      if (near >= g || far >= g) mask[i] = 1;
    }
  }
  return mask;
}

/**
 * Reads a mask in run coordinates: a along the rule, b across it (for a horizontal rule a = x and b = y, for a
 * vertical one a = y and b = x); false outside the image.
 */
export function inkAt(mask: Uint8Array, w: WorkingGrey, vertical: boolean, a: number, b: number): boolean {
  const x = vertical ? b : a;
  const y = vertical ? a : b;
  if (x < 0 || y < 0 || x >= w.width || y >= w.height) return false;
  return mask[y * w.width + x] === 1;
}
