import { describe, expect, it } from 'vitest';
import { itemsLast, partiesLast, textRuns } from './region-pass';

describe('itemsLast', () => {
  const buyer = { x: 10, y: 100, width: 400, height: 120 };
  const cipher = { x: 420, y: 100, width: 400, height: 120 };
  const items = { x: 10, y: 230, width: 810, height: 300 };
  const total = { x: 10, y: 540, width: 810, height: 40 };
  const seller = { x: 10, y: 590, width: 400, height: 120 };

  it('moves the items table after every other cell and keeps the rest in reading order', () => {
    expect(itemsLast([buyer, cipher, items, total, seller])).toEqual([buyer, cipher, total, seller, items]);
  });

  it('never moves a cell of the first band, even the tallest', () => {
    const tallBuyer = { ...buyer, height: 500 };
    expect(itemsLast([tallBuyer, items, total])).toEqual([tallBuyer, total, items]);
  });

  it('keeps a frame of one band as it is', () => {
    expect(itemsLast([buyer, cipher])).toEqual([buyer, cipher]);
    expect(itemsLast([])).toEqual([]);
  });
});

describe('partiesLast', () => {
  it('moves the first band (buyer and what stands beside it) after every other cell', () => {
    const buyer = { x: 10, y: 100, width: 400, height: 120 };
    const seller = { x: 420, y: 100, width: 400, height: 120 };
    const total = { x: 10, y: 540, width: 810, height: 40 };
    const items = { x: 10, y: 230, width: 810, height: 300 };
    expect(partiesLast([buyer, seller, total, items])).toEqual([total, items, buyer, seller]);
  });
});

describe('textRuns', () => {
  // A 200×40 page with one "line" of ink blocks from x=20 to x=170, 10 px tall, and a hole far right (x=193).
  const width = 200;
  const grey = new Uint8Array(width * 40).fill(255);
  for (let y = 15; y < 25; y++) {
    for (let x = 20; x < 170; x++) if (x % 8 < 5) grey[y * width + x] = 0;
    for (let x = 193; x < 199; x++) grey[y * width + x] = 0;
  }
  const window = { x: 0, y: 0, width: 120, height: 40 };

  it('cuts a run at the region edge unless told to follow it', () => {
    expect(textRuns(grey, width, window, 128)).toHaveLength(1);
    expect(textRuns(grey, width, window, 128)[0]?.width).toBeLessThan(110);
  });

  it('follows a run past the region edge up to a wide gap, not into the hole beyond it', () => {
    const [run] = textRuns(grey, width, window, 128, true, width);
    expect(run?.x).toBe(16);
    expect((run?.x ?? 0) + (run?.width ?? 0)).toBeGreaterThan(165);
    expect((run?.x ?? 0) + (run?.width ?? 0)).toBeLessThan(185);
  });
});

