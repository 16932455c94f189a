// Problem values: whole-file problems always name the file; row problems name the column and the text found.
import type { RowProblem, SheetProblem, SheetProblemCode } from './types';

/** Every row problem code the readers produce (message key `sheet.row.<code>`). */
export const ROW_PROBLEM_CODES = [
  'date', 'dateMissing', 'amount', 'amountMissing', 'amountBoth', 'direction', 'lossyNumber', 'numberMissing', 'kind', 'status', 'yesNo', 'lines', 'taxRate', 'decimal',
] as const;
/** A row problem code. */
export type RowProblemCode = (typeof ROW_PROBLEM_CODES)[number];

/** Builds a whole-file problem; every one names the file. */
export function sheetProblem(code: SheetProblemCode, file: string, params: Readonly<Record<string, string | number>> = {}): SheetProblem {
  return { code, params: { file, ...params } };
}

/** Builds a row problem about one field, naming its column and the text found. */
export function rowProblem(row: number, field: string, code: RowProblemCode, header: string, value: string): RowProblem {
  return { row, field, code, params: { header, value } };
}
