import { describe, expect, it } from 'vitest';
import { homography, mapPoint, warp, type Quad } from './perspective';

const square: Quad = [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 100 }, { x: 0, y: 100 }];
const photo: Quad = [{ x: 12, y: 30 }, { x: 140, y: 18 }, { x: 160, y: 150 }, { x: 5, y: 130 }];

describe('homography', () => {
  it('maps each corner onto its counterpart and straight lines onto straight lines', () => {
    const h = homography(square, photo);
    expect(h).not.toBeNull();
    if (!h) return;
    square.forEach((p, i) => {
      const q = mapPoint(h, p);
      expect(q.x).toBeCloseTo(photo[i]?.x ?? NaN, 6);
      expect(q.y).toBeCloseTo(photo[i]?.y ?? NaN, 6);
    });
    // The middle of the top side lies on the photographed top side.
    const m = mapPoint(h, { x: 50, y: 0 });
    const [a, b] = photo;
    expect((b.x - a.x) * (m.y - a.y) - (b.y - a.y) * (m.x - a.x)).toBeCloseTo(0, 6);
  });

  it('is null for corners on one line', () => {
    expect(homography(square, [{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 2 }, { x: 3, y: 3 }])).toBeNull();
  });
});

describe('warp', () => {
  const src = { width: 4, height: 3, data: Uint8ClampedArray.from({ length: 48 }, (_, i) => (i % 4 === 3 ? 255 : i * 5)) };

  it('copies the pixels under the identity', () => {
    const out = warp(src, [1, 0, 0, 0, 1, 0, 0, 0, 1], 4, 3);
    expect([...out.data]).toEqual([...src.data]);
  });

  it('shifts under a translation and fills outside the source with white', () => {
    const out = warp(src, [1, 0, 1, 0, 1, 0, 0, 0, 1], 4, 3); // output (u, v) samples source (u + 1, v)
    expect([...out.data.subarray(0, 4)]).toEqual([...src.data.subarray(4, 8)]);
    expect([...out.data.subarray(12, 16)]).toEqual([255, 255, 255, 255]);
  });

  it('interpolates between pixels', () => {
    const out = warp(src, [1, 0, 0.5, 0, 1, 0, 0, 0, 1], 1, 1); // halfway between pixels 0 and 1 of row 0
    expect(out.data[0]).toBe(Math.round(((src.data[0] ?? 0) + (src.data[4] ?? 0)) / 2));
  });
});
