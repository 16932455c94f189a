/*
 * Merged cells: Excel keeps the value in the top-left cell only. Copying it over the whole range lets a merged
 * header (交易金额 over 收入 | 支出) and a merged label (one date over several transactions) read like plain cells.
 */
import type { Cell } from './types';

/** A merged range, 0-based and inclusive. */
export interface MergeRange {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

/** Copies each range's top-left value over the range, within the rows and columns actually used. */
export function fillMerges(rows: Cell[][], merges: readonly MergeRange[]): void {
  if (merges.length === 0) return;
  let width = 0;
  for (const row of rows) if (row.length > width) width = row.length;
  for (const m of merges) {
    const value = rows[m.r1]?.[m.c1] ?? null;
    if (value === null) continue;
    // A range may cover whole columns (A1:A1048576); only the used area matters.
    const lastRow = Math.min(m.r2, rows.length - 1);
    const lastCol = Math.min(m.c2, width - 1);
    for (let r = m.r1; r <= lastRow; r++) {
      const row = rows[r] ?? (rows[r] = []);
      while (row.length <= lastCol) row.push(null);
      for (let c = m.c1; c <= lastCol; c++) row[c] = value;
    }
  }
}
