/*
 * The spreadsheet readers' data shapes (issue #11): a workbook as plain cells, what a preset read from it, and
 * the problems met on the way. Problems are values with a message code and params, translated at the edge.
 */
import type { InvoiceDraft, InvoiceStatus } from '../../domain/invoice';
import type { Result } from '../../domain/result';
import type { PlatformRow } from '../types';

/** One cell: text as shown, a plain number, or nothing. Date cells arrive as 'YYYY-MM-DD' text. */
export type Cell = string | number | null;

/** Why a whole file could not be used; the message key is `sheet.error.<code>`. */
export type SheetProblemCode =
  | 'tooLarge' | 'notSpreadsheet' | 'passwordProtected' | 'unreadable' | 'empty' | 'headersOnly' | 'noColumns' | 'noSheet';

/** A whole-file problem; params always include {file}. */
export interface SheetProblem {
  readonly code: SheetProblemCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/** A row that could not be read (the row is then left out of `rows`); the message key is `sheet.row.<code>`. */
export interface RowProblem {
  /** Row number as the spreadsheet shows it (1-based). */
  readonly row: number;
  /** The preset field concerned ('issueDate', 'amount', …). */
  readonly field: string;
  readonly code: string;
  /** Usually {header, value}: the column as titled in the file and the cell as found. */
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * A row left out on purpose: a total line, a blank line, a repeat of an earlier row, or a note (a line with a
 * single text cell and none of the fields a data row needs, such as 以下空白 or an export footer).
 */
export interface SkippedRow {
  readonly row: number;
  readonly reason: 'total' | 'blank' | 'duplicate' | 'note';
  /** For 'duplicate': the row it repeats. */
  readonly duplicateOf?: number;
}

/** What a preset read from a workbook: every data row is in exactly one of rows, rowProblems and skipped. */
export interface ReadResult<T> {
  /** The sheet the rows came from. */
  readonly sheet: string;
  /** The header row's number (1-based). */
  readonly headerRow: number;
  /** Field → the header text it was read from (what a saved mapping stores). */
  readonly columns: Readonly<Record<string, string>>;
  readonly rows: readonly T[];
  readonly rowProblems: readonly RowProblem[];
  readonly skipped: readonly SkippedRow[];
}

/** What was read from the line-item sheet (信息汇总表) of a 全量发票查询 export; its lines are on the invoice rows. */
export interface LineSheetRead {
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: Readonly<Record<string, string>>;
  /** Line items read and attached to their invoices. */
  readonly lines: number;
  /** Line items naming an invoice the invoice sheet does not hold (or holds only as a row that could not be read). */
  readonly withoutInvoice: number;
  /** Line rows that could not be read (their invoice is still compared, without that line). Rows of this sheet. */
  readonly rowProblems: readonly RowProblem[];
  readonly skipped: readonly SkippedRow[];
}

/** A platform list as read: its invoice rows, and what was read from 信息汇总表 when the workbook has that sheet. */
export interface PlatformRead extends ReadResult<PlatformRow> {
  /** Absent when the workbook has no 信息汇总表 (then no row has `lines`); a problem when the sheet was unusable. */
  readonly lineSheet?: Result<LineSheetRead, SheetProblem>;
}

/** A sheet as rows of cells; rows[i] is spreadsheet row i + 1 (merged ranges already filled). */
export interface SheetData {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
}

/** A file read into plain cells. */
export interface Workbook {
  readonly fileName: string;
  readonly sheets: readonly SheetData[];
}

/** A clerk's column mapping: field → header text, and optionally the sheet to read. */
export interface MappingOverride {
  readonly columns: Readonly<Record<string, string>>;
  readonly sheet?: string;
}

/** A ledger spreadsheet row: the entry form's draft (text as typed) and the status column when there is one. */
export interface LedgerSheetRow {
  readonly row: number;
  readonly draft: InvoiceDraft;
  readonly status: InvoiceStatus | null;
}

/** One sheet to write: a header row, then rows. Numbers are written as numbers, everything else as text. */
export interface SheetOut {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
  /** Excel number format per column for number cells (e.g. '#,##0.00'); null or absent = General. */
  readonly formats?: readonly (string | null)[];
  /** Column widths in characters; absent = Excel's default. */
  readonly widths?: readonly number[];
}

/** Files above this size are refused with 'tooLarge' before any parsing (100 MiB). */
export const MAX_SHEET_BYTES = 100 * 1024 * 1024;
