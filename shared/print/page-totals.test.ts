import { describe, expect, it } from 'vitest';
import { fen } from '../domain/money';
import { addAmounts, NO_AMOUNTS, pageTotals } from './page-totals';

const row = (amount: number, tax: number) => ({ amount: fen(amount), tax: fen(tax), total: fen(amount + tax) });

describe('pageTotals', () => {
  it('sums each page and the whole document exactly in fen', () => {
    const rows = [row(10_01, 1_30), row(20_02, 2_60), row(1, 0), row(99_99, 13_00)];
    const { pages, grand } = pageTotals(rows, [[0, 1], [2, 3]]);
    expect(pages).toEqual([row(30_03, 3_90), row(100_00, 13_00)]);
    expect(grand).toEqual(row(130_03, 16_90));
    expect(addAmounts(pages)).toEqual(grand);
  });

  it('gives zero for an empty page and adds negative (red-letter) rows', () => {
    const { pages, grand } = pageTotals([row(-500, -65), row(500, 65)], [[], [0, 1]]);
    expect(pages[0]).toEqual(NO_AMOUNTS);
    expect(grand).toEqual(NO_AMOUNTS);
  });

  it('does not drift where floating point would (0.1 + 0.2)', () => {
    const { grand } = pageTotals([row(10, 0), row(20, 0)], [[0, 1]]);
    expect(grand.amount).toBe(30);
  });
});
