import { describe, expect, it } from 'vitest';
import type { RasterImage } from '../image/raster';
import { otsuThreshold, rotate, skewAngle, toGrey } from './raster-ops';
import { ruleMask, tableLayout } from './table-cells';

/** A white page with black rectangles drawn on it. */
function page(width: number, height: number, boxes: readonly [number, number, number, number][]): RasterImage {
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (const [x0, y0, w, h] of boxes) {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
  }
  return { width, height, data };
}

// A frame like a VAT invoice: header above, two bands, the upper split in two cells, plus some "text".
const FRAME = page(400, 300, [
  [40, 20, 120, 8], // header text
  [20, 60, 360, 2], [20, 160, 360, 2], [20, 280, 360, 2], // rules
  [20, 60, 2, 222], [378, 60, 2, 222], [200, 60, 2, 102], // frame sides and the split of the first band
  [40, 90, 100, 8], [220, 90, 100, 8], [40, 200, 150, 8],
]);

describe('tableLayout', () => {
  it('finds the header and the cells of a ruled frame in reading order', () => {
    const grey = toGrey(FRAME);
    const layout = tableLayout(ruleMask(grey, otsuThreshold(grey)), FRAME.width, FRAME.height);
    expect(layout.header).toMatchObject({ x: 0, y: 0, width: 400 });
    expect(Math.abs((layout.header?.height ?? 0) - 60)).toBeLessThanOrEqual(1);
    expect(layout.cells).toHaveLength(3);
    const [a, b, c] = layout.cells;
    expect(a && a.x < 40 && a.x + a.width < 200 && a.y > 60 && a.y + a.height < 160).toBe(true);
    expect(b && b.x > 200 && b.x + b.width < 378).toBe(true);
    expect(c && c.y > 160 && c.width > 300).toBe(true);
  });

  it('finds no cells without rules', () => {
    const img = page(400, 300, [[40, 20, 120, 8], [40, 90, 100, 8]]);
    const grey = toGrey(img);
    expect(tableLayout(ruleMask(grey, otsuThreshold(grey)), 400, 300).cells).toEqual([]);
  });
});

describe('skewAngle', () => {
  it('measures the tilt of text lines so that rotating back straightens them', () => {
    const lines = page(600, 400, Array.from({ length: 8 }, (_, i): [number, number, number, number] => [60, 60 + 35 * i, 480, 6]));
    const grey = toGrey(lines);
    expect(skewAngle(grey, 600, 400, otsuThreshold(grey))).toBe(0);
    const tilted = rotate(lines, 2);
    const tg = toGrey(tilted);
    const angle = skewAngle(tg, 600, 400, otsuThreshold(tg));
    expect(Math.abs(angle + 2)).toBeLessThanOrEqual(0.3);
  });
});
