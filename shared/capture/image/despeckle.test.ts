import { describe, expect, it } from 'vitest';
import { cleanPage, despeckledGrey, median3, speckleShare } from './despeckle';

describe('median3', () => {
  it('equals the middle of the sorted 3×3 neighbourhood', () => {
    const width = 23;
    const height = 17;
    let seed = 7;
    const grey = Uint8Array.from({ length: width * height }, () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256);
    const out = median3(grey, width, height);
    for (let y = 1; y < height - 1; y++) {
      for (let x = 1; x < width - 1; x++) {
        const n = [-1, 0, 1].flatMap((dy) => [-1, 0, 1].map((dx) => grey[(y + dy) * width + x + dx] ?? 0)).sort((a, b) => a - b);
        expect(out[y * width + x]).toBe(n[4]);
      }
    }
  });
});

describe('despeckledGrey', () => {
  const page = (dots: boolean) => {
    const width = 200;
    const height = 100;
    const data = new Uint8ClampedArray(width * height * 4).fill(255);
    const ink = (x: number, y: number) => data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    for (let y = 40; y < 48; y++) for (let x = 20; x < 180; x++) if (x % 10 < 7) ink(x, y); // a line of "glyphs"
    if (dots) for (let i = 0; i < 400; i++) ink((i * 37) % 200, (i * 53) % 100);
    return { width, height, data };
  };

  it('filters a speckled page and leaves a clean one untouched', () => {
    expect(despeckledGrey(page(false)).despeckled).toBe(false);
    const { grey, despeckled } = despeckledGrey(page(true));
    expect(despeckled).toBe(true);
    expect(speckleShare(grey, 200, 100, 128)).toBeLessThan(0.05);
    // The glyphs survive.
    expect(grey[44 * 200 + 23]).toBe(0);
  });

  it('gives a speckled page as its despeckled grey pixels, which count as clean, and a clean page as it is', () => {
    const clean = page(false);
    expect(cleanPage(clean).image).toBe(clean);
    const speckled = cleanPage(page(true));
    expect(speckled.despeckled).toBe(true);
    expect(speckled.image.data[(44 * 200 + 23) * 4]).toBe(0);
    expect(speckleShare(speckled.grey, 200, 100, 128)).toBeLessThan(0.05);
    expect(cleanPage(speckled.image)).toMatchObject({ image: speckled.image, despeckled: false });
  });
});
