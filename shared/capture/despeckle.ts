// Speckle removal for the second OCR pass. On speckled pages (scanner dust, noisy paper) tesseract finds
// thousands of "glyphs" and reads half the fields wrong, and the speckle bridges the gaps that rule-line
// detection relies on; a 3×3 median removes it and keeps 200-dpi strokes.
import type { RasterImage } from './pipeline';
import { otsuThreshold, toGrey } from './raster-ops';

/** Share of ink pixels that stand alone (no ink among their 8 neighbours) above which a page counts as speckled. */
const SPECKLE_SHARE = 0.08;

/** 3×3 median of grey levels (edges copied), by a 19-exchange sorting network (a sort per pixel is 10× slower). */
export function median3(grey: Uint8Array, width: number, height: number): Uint8Array {
  const out = Uint8Array.from(grey);
  const p = new Int32Array(9);
  const sw = (a: number, b: number) => {
    const x = p[a] ?? 0;
    const y = p[b] ?? 0;
    if (x > y) { p[a] = y; p[b] = x; }
  };
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const o = y * width + x;
      p[0] = grey[o - width - 1] ?? 255; p[1] = grey[o - width] ?? 255; p[2] = grey[o - width + 1] ?? 255;
      p[3] = grey[o - 1] ?? 255; p[4] = grey[o] ?? 255; p[5] = grey[o + 1] ?? 255;
      p[6] = grey[o + width - 1] ?? 255; p[7] = grey[o + width] ?? 255; p[8] = grey[o + width + 1] ?? 255;
      sw(1, 2); sw(4, 5); sw(7, 8); sw(0, 1); sw(3, 4); sw(6, 7); sw(1, 2); sw(4, 5); sw(7, 8);
      sw(0, 3); sw(5, 8); sw(4, 7); sw(3, 6); sw(1, 4); sw(2, 5); sw(4, 7); sw(4, 2); sw(6, 4); sw(4, 2);
      out[o] = p[4];
    }
  }
  return out;
}

/** Share of ink pixels without an ink neighbour, sampled on every other row. */
export function speckleShare(grey: Uint8Array, width: number, height: number, threshold: number): number {
  let ink = 0;
  let alone = 0;
  for (let y = 1; y < height - 1; y += 2) {
    for (let x = 1; x < width - 1; x++) {
      if ((grey[y * width + x] ?? 255) >= threshold) continue;
      ink++;
      let n = 0;
      for (let dy = -1; dy <= 1 && n === 0; dy++) for (let dx = -1; dx <= 1; dx++) if ((dx !== 0 || dy !== 0) && (grey[(y + dy) * width + x + dx] ?? 255) < threshold) n++;
      if (n === 0) alone++;
    }
  }
  return ink === 0 ? 0 : alone / ink;
}

/** A grey RGBA image from grey levels. */
export function greyImage(grey: Uint8Array, width: number, height: number): RasterImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < grey.length; i++) {
    const g = grey[i] ?? 255;
    data[4 * i] = g;
    data[4 * i + 1] = g;
    data[4 * i + 2] = g;
    data[4 * i + 3] = 255;
  }
  return { width, height, data };
}

/** Grey levels of a page, despeckled (3×3 median) when more than a few of its ink pixels stand alone. */
export function despeckledGrey(img: RasterImage): { grey: Uint8Array; despeckled: boolean } {
  const grey = toGrey(img);
  if (speckleShare(grey, img.width, img.height, otsuThreshold(grey)) <= SPECKLE_SHARE) return { grey, despeckled: false };
  return { grey: median3(grey, img.width, img.height), despeckled: true };
}
