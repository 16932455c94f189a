import { describe, expect, it } from 'vitest';
import { inklessPage } from './blank';
import type { RasterImage } from './raster';

/** A w×h image whose grey level at (x, y) is `grey(x, y)`. */
function page(w: number, h: number, grey: (x: number, y: number) => number): RasterImage {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const g = grey(x, y);
      data.set([g, g, g, 255], 4 * (y * w + x));
    }
  }
  return { width: w, height: h, data };
}

/** Deterministic noise in [-amplitude, amplitude]. */
function noise(amplitude: number): () => number {
  let s = 7;
  return () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return ((s >>> 16) % (2 * amplitude + 1)) - amplitude;
  };
}

/** Lines of "text": 2-px strokes every 6 px along rows 30 px apart, `ink` grey levels on `paper`. */
function printed(w: number, h: number, paper: number, ink: number): (x: number, y: number) => number {
  return (x, y) => (y % 30 >= 10 && y % 30 < 22 && x % 6 < 2 && x > 40 && x < w - 40 && y < h - 20 ? ink : paper);
}

/** A 3×3 box blur applied `times` times (a Gaussian-like smear). */
function blurred(img: RasterImage, times: number): RasterImage {
  let cur = img;
  for (let t = 0; t < times; t++) {
    const src = cur;
    cur = page(src.width, src.height, (x, y) => {
      let sum = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = Math.min(src.width - 1, Math.max(0, x + dx));
          const yy = Math.min(src.height - 1, Math.max(0, y + dy));
          sum += src.data[4 * (yy * src.width + xx)] ?? 0;
          n++;
        }
      }
      return Math.round(sum / n);
    });
  }
  return cur;
}

describe('inklessPage', () => {
  it('calls white, grey, black, noisy and shaded pages blank', () => {
    expect(inklessPage(page(300, 400, () => 255))).toBe('blank');
    expect(inklessPage(page(300, 400, () => 128))).toBe('blank');
    expect(inklessPage(page(300, 400, () => 0))).toBe('blank');
    const n = noise(12);
    expect(inklessPage(page(300, 400, () => 220 + n()))).toBe('blank');
    // A phone photo of white paper: brighter in the middle, darker at the corners.
    expect(inklessPage(page(300, 400, (x, y) => 235 - Math.round(Math.hypot(x - 150, y - 200) / 6)))).toBe('blank');
  });

  it('finds the ink of printed pages: dark on light, light on dark, grey on grey, a few words', () => {
    expect(inklessPage(page(300, 400, printed(300, 400, 245, 20)))).toBeNull();
    expect(inklessPage(page(300, 400, printed(300, 400, 15, 230)))).toBeNull();
    expect(inklessPage(page(300, 400, printed(300, 400, 200, 110)))).toBeNull();
    // One short line on an otherwise empty page is still ink (a page that is not blank, whatever it says).
    expect(inklessPage(page(600, 800, (x, y) => (y >= 100 && y < 112 && x >= 50 && x < 130 && x % 6 < 2 ? 30 : 250)))).toBeNull();
  });

  it('does not take dust for ink', () => {
    // Ten single dark specks on a 600×800 page.
    expect(inklessPage(page(600, 800, (x, y) => (x % 200 === 7 && y % 300 === 11 ? 0 : 250)))).toBe('blank');
  });

  it('leaves flat colour shapes without print to OCR: crisp edges are not blur', () => {
    // Two colours of nearly the same brightness (no ink), split by a crisp diagonal edge.
    const img = page(300, 400, () => 0);
    for (let y = 0; y < 400; y++) for (let x = 0; x < 300; x++) img.data.set(x > y ? [192, 57, 43, 255] : [58, 123, 213, 255], 4 * (y * 300 + x));
    expect(inklessPage(img)).toBeNull();
    // The same edge smeared: blurred.
    const soft = page(300, 400, (x, y) => Math.round(110 + 40 * Math.tanh((x - y) / 25)));
    expect(inklessPage(soft)).toBe('blurred');
  });

  it('calls a printed page smeared past reading blurred, not blank', () => {
    const sharp = page(300, 400, printed(300, 400, 245, 20));
    expect(inklessPage(blurred(sharp, 1))).toBeNull();
    expect(inklessPage(blurred(sharp, 12))).toBe('blurred');
  });
});
