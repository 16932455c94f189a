import { describe, expect, it } from 'vitest';
import { itemsLast } from './region-pass';

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
