import { fen, sumFen, type Fen } from '../domain/money';

/** The three amounts a ledger row carries: 金额, 税额, 价税合计 (integer fen). */
export interface Amounts {
  readonly amount: Fen;
  readonly tax: Fen;
  readonly total: Fen;
}

/** Zero in all three amounts. */
export const NO_AMOUNTS: Amounts = { amount: fen(0), tax: fen(0), total: fen(0) };

/** Sums amounts exactly (integer fen). */
export function addAmounts(rows: Iterable<Amounts>): Amounts {
  const list = [...rows];
  return {
    amount: sumFen(list.map((r) => r.amount)),
    tax: sumFen(list.map((r) => r.tax)),
    total: sumFen(list.map((r) => r.total)),
  };
}

/** Totals of each page (本页合计) and of the whole document (总计), given which rows each page holds. */
export function pageTotals(rows: readonly Amounts[], pages: readonly (readonly number[])[]): { pages: Amounts[]; grand: Amounts } {
  const perPage = pages.map((indices) => addAmounts(indices.flatMap((i) => {
    const row = rows[i];
    return row ? [row] : [];
  })));
  return { pages: perPage, grand: addAmounts(rows) };
}
