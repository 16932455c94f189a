import { describe, expect, it } from 'vitest';
import { ctcGreedy, dbBoxes, DB_DEFAULTS, ppocrDictionary, REC_NORMALISATION, sortReadingOrder, toTensor } from './ppocr-math';

/** A steps × classes probability matrix whose best class per step is `best[t]` (0.9 against 0.1 / rest). */
function probsFor(best: readonly number[], classes: number): Float32Array {
  const p = new Float32Array(best.length * classes).fill(0.1 / (classes - 1));
  best.forEach((c, t) => { p[t * classes + c] = 0.9; });
  return p;
}

describe('ctcGreedy', () => {
  const dictionary = ['a', 'b', '发', ' '];

  it('collapses repeats, drops blanks and maps class k to dictionary[k - 1]', () => {
    // a a _ a b b _ _ 发 → "aab发"
    const r = ctcGreedy(probsFor([1, 1, 0, 1, 2, 2, 0, 0, 3], 5), 9, 5, dictionary);
    expect(r.text).toBe('aab发');
    expect(r.score).toBeCloseTo(0.9, 5);
  });

  it('gives an empty text with score 0 for all blanks', () => {
    expect(ctcGreedy(probsFor([0, 0, 0], 5), 3, 5, dictionary)).toEqual({ text: '', score: 0 });
  });

  it('reads the space class that follows the keys', () => {
    const dict = ppocrDictionary('a\nb\n');
    expect(dict).toEqual(['a', 'b', ' ']);
    expect(ctcGreedy(probsFor([1, 3, 2], 4), 3, 4, dict).text).toBe('a b');
  });
});

describe('dbBoxes', () => {
  /** A width × height map of 0.05 with rectangles of probability `p`. */
  function map(width: number, height: number, rects: readonly { x: number; y: number; w: number; h: number; p: number }[]): Float32Array {
    const m = new Float32Array(width * height).fill(0.05);
    for (const r of rects) for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) m[y * width + x] = r.p;
    return m;
  }

  it('finds each region, grows it by area × 1.5 / perimeter and orders lines top to bottom, left to right', () => {
    const m = map(64, 32, [
      { x: 40, y: 4, w: 20, h: 4, p: 0.9 },  // second on the first line
      { x: 4, y: 5, w: 30, h: 4, p: 0.8 },   // first on the first line (its top is 1 px lower)
      { x: 10, y: 20, w: 40, h: 6, p: 0.95 }, // second line
    ]);
    const boxes = dbBoxes(m, 64, 32);
    expect(boxes.map((b) => [b.x, b.y])).toHaveLength(3);
    const [a, b, c] = boxes;
    // 30 × 4: grow = 120 × 1.5 / 68 ≈ 2.65 on every side
    expect(a?.x).toBeCloseTo(4 - 2.647, 2);
    expect(a?.w).toBeCloseTo(30 + 2 * 2.647, 2);
    expect(a?.score).toBeCloseTo(0.8, 5);
    expect(b?.x).toBeCloseTo(40 - (80 * 1.5) / 48, 2);
    expect(c?.y).toBeCloseTo(20 - (240 * 1.5) / 92, 2);
  });

  it('drops weak regions and specks, and clips grown boxes to the map', () => {
    const m = map(32, 16, [
      { x: 2, y: 2, w: 10, h: 4, p: 0.45 }, // above the pixel threshold, below the box threshold
      { x: 20, y: 2, w: 2, h: 2, p: 0.9 },  // a speck
      { x: 0, y: 10, w: 32, h: 6, p: 0.9 }, // touches three edges
    ]);
    const boxes = dbBoxes(m, 32, 16, DB_DEFAULTS);
    expect(boxes).toHaveLength(1);
    expect(boxes[0]).toMatchObject({ x: 0, w: 32 });
    expect((boxes[0]?.y ?? 0) + (boxes[0]?.h ?? 0)).toBe(16);
  });

  it('joins diagonal neighbours into one region', () => {
    const m = map(16, 16, [{ x: 2, y: 2, w: 4, h: 4, p: 0.9 }, { x: 6, y: 6, w: 4, h: 4, p: 0.9 }]);
    expect(dbBoxes(m, 16, 16)).toHaveLength(1);
  });
});

describe('sortReadingOrder', () => {
  it('keeps boxes of one line left to right even when the right one sits slightly higher', () => {
    const sorted = sortReadingOrder([{ x: 50, y: 10, h: 10, id: 'b' }, { x: 0, y: 12, h: 10, id: 'a' }, { x: 0, y: 40, h: 10, id: 'c' }]);
    expect(sorted.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('toTensor', () => {
  it('writes BGR planes normalised, resampled, and zero-padded to the batch width', () => {
    // 2 × 1 image: a red pixel and a blue one.
    const img = { width: 2, height: 1, data: new Uint8ClampedArray([255, 0, 0, 255, 0, 0, 255, 255]) };
    const t = toTensor(img, { x: 0, y: 0, w: 2, h: 1 }, 2, 1, REC_NORMALISATION, 3);
    // planes of 3 (padded width): B, G, R
    expect(Array.from(t)).toEqual([-1, 1, 0, -1, -1, 0, 1, -1, 0]);
  });
});
