/*
 * The loop every preset shares below its header: each row ends up in exactly one place — read, a row problem, or
 * skipped (blank, total, note, repeated header, duplicate) — so nothing is dropped without a trace. The preset's
 * reader only says how one row reads and what makes two rows the same.
 */
import { cellText, hasTotalLabel, isBlankRow } from './cell-values';
import type { HeaderMatch } from './header-match';
import { rowProblem, sheetProblem, type RowProblemCode } from './problems';
import type { Cell, ReadResult, RowProblem, SheetProblem, SkippedRow } from './types';
import { err, ok, type Result } from '../../domain/result';

/** One data row as a preset reader sees it (a class, not closures: one is made per row of large files). */
export class RowView {
  constructor(
    /** Row number as the spreadsheet shows it. */
    readonly row: number,
    readonly cells: readonly Cell[],
    private readonly match: HeaderMatch,
  ) {}

  /** The cell of a field (undefined when the field has no column). */
  cell(field: string): Cell | undefined {
    const c = this.match.columns.get(field);
    return c === undefined ? undefined : this.cells[c];
  }

  /** The header text of a field (for messages). */
  header(field: string): string {
    return this.match.headers[field] ?? field;
  }

  /** True when the field has a column. */
  has(field: string): boolean {
    return this.match.columns.has(field);
  }

  /** A problem with this row's field, naming its column and (unless given) the cell's text. */
  problem(field: string, code: RowProblemCode, value: string = cellText(this.cell(field))): RowProblem {
    return rowProblem(this.row, field, code, this.header(field), value);
  }
}

/** How one row read: a value with its duplicate key (null = never a duplicate), or the problems that kept it out. */
export type RowRead<T> = { readonly value: T; readonly key: string | null } | { readonly problems: readonly RowProblem[] };

/** A preset's row reader. */
export interface RowReader<T> {
  /** True when the row has what identifies a data row (its date or number); rows without it may be totals or notes. */
  hasKey(view: RowView): boolean;
  /** True when a money field of the row has a value (a row with neither key nor money is a note). */
  hasMoney(view: RowView): boolean;
  read(view: RowView): RowRead<T>;
}

/** Reads every row below the header; 'headersOnly' when not one data row is there. */
export function readRows<T>(match: HeaderMatch, fileName: string, reader: RowReader<T>): Result<ReadResult<T>, SheetProblem> {
  const { sheet, headerIndex, headers } = match;
  const rows: T[] = [];
  const rowProblems: RowProblem[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Map<string, number>();
  let dataRows = 0;
  for (let i = headerIndex + 1; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i] ?? [];
    const row = i + 1;
    if (isBlankRow(cells)) {
      skipped.push({ row, reason: 'blank' });
      continue;
    }
    const view = new RowView(row, cells, match);
    if (!reader.hasKey(view)) {
      if (hasTotalLabel(cells)) {
        skipped.push({ row, reason: 'total' });
        continue;
      }
      // A footer, a 以下空白 line, or the header repeated on each printed page: no key and no money.
      if (!reader.hasMoney(view)) {
        skipped.push({ row, reason: 'note' });
        continue;
      }
    }
    dataRows++;
    const read = reader.read(view);
    if ('problems' in read) {
      rowProblems.push(...read.problems);
      continue;
    }
    if (read.key !== null) {
      const first = seen.get(read.key);
      if (first !== undefined) {
        skipped.push({ row, reason: 'duplicate', duplicateOf: first });
        continue;
      }
      seen.set(read.key, row);
    }
    rows.push(read.value);
  }
  if (dataRows === 0) return err(sheetProblem('headersOnly', fileName, { sheet: sheet.name, row: headerIndex + 1 }));
  return ok({ sheet: sheet.name, headerRow: headerIndex + 1, columns: headers, rows, rowProblems, skipped });
}
