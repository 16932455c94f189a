import type { RowProblem, SheetProblem, SheetProblemCode } from './types';

/** Builds a whole-file problem; every one names the file. */
export function sheetProblem(code: SheetProblemCode, file: string, params: Readonly<Record<string, string | number>> = {}): SheetProblem {
  return { code, params: { file, ...params } };
}

/** Builds a row problem about one field, naming its column and the text found. */
export function rowProblem(row: number, field: string, code: string, header: string, value: string): RowProblem {
  return { row, field, code, params: { header, value } };
}
