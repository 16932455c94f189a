/*
 * Ledger spreadsheets (the app's own export or a hand-kept Excel ledger) → entry-form drafts. Text stays as typed
 * so the import preview runs the entry form's own validation and shows its messages; only what a spreadsheet
 * changes is undone here: date serials become dates, money floats become "1234.50", the formula guard goes.
 * Rows repeated within the file are left to the import preview, which reports them as duplicates in the file.
 */
import { emptyDraft } from '../../domain/draft';
import type { InvoiceDraft, InvoiceKind } from '../../domain/invoice';
import { describeInvoiceCode } from '../../domain/invoice-code';
import { fenToDecimal } from '../../domain/money';
import { err, type Result } from '../../domain/result';
import { cellText, readDate, readIdentifier, readInvoiceIdentifier, readMoney, readText } from './cell-values';
import { unguardText } from './formula-guard';
import { findHeader, type HeaderMatch } from './header-match';
import { kindFromText, ledgerStatusFromText, yesNo } from './labels';
import { LINES_HEADER, linesFromJson } from './ledger-lines';
import { normalizeHeader, PRESETS } from './presets';
import { readRows, type RowRead, type RowReader, type RowView } from './row-loop';
import type { Cell, LedgerSheetRow, MappingOverride, ReadResult, RowProblem, SheetProblem, Workbook } from './types';

/** The kind when the file has no kind column: from the 发票代码, else a 20-digit number means 数电. */
function inferKind(code: string, number: string): InvoiceKind {
  if (code !== '') return describeInvoiceCode(code)?.kind ?? 'other';
  return /^\d{20}$/.test(number) ? 'digital_normal' : 'other';
}

/** Money as the form would show it: a number cell as "1234.50", text as typed. */
function moneyText(cell: Cell | undefined): string {
  if (typeof cell !== 'number') return cellText(cell);
  const m = readMoney(cell);
  return m.kind === 'ok' ? fenToDecimal(m.value) : String(cell);
}

/** A date as the form would take it: a date serial as YYYY-MM-DD, text as typed. */
function dateText(cell: Cell | undefined): string {
  if (typeof cell !== 'number') return cellText(cell);
  const d = readDate(cell);
  return d.kind === 'ok' ? d.value : String(cell);
}

/** One piece of text split over 明细, 明细2, …: only the formula guard removed (a piece may end or start with a space). */
function pieceText(cell: Cell | undefined): string {
  return typeof cell === 'string' ? unguardText(cell) : cellText(cell);
}

/** Columns 明细2, 明细3, … that continue 明细, in order. */
function lineContinuations(match: HeaderMatch): number[] {
  const header = match.sheet.rows[match.headerIndex] ?? [];
  const found: { n: number; c: number }[] = [];
  header.forEach((cell, c) => {
    const m = new RegExp(`^${LINES_HEADER}(\\d+)$`).exec(normalizeHeader(cellText(cell)));
    if (m) found.push({ n: Number(m[1]), c });
  });
  return found.sort((a, b) => a.n - b.n).map((x) => x.c);
}

/** An identifier field as text; a number cell that lost digits adds a problem and reads as ''. */
function identifier(view: RowView, field: string, problems: RowProblem[]): string {
  const cell = view.cell(field);
  const r = field === 'code' || field === 'number' ? readInvoiceIdentifier(cell, field) : readIdentifier(cell);
  if (r.kind === 'bad') problems.push(view.problem(field, 'lossyNumber', r.text));
  return r.kind === 'ok' ? r.value : '';
}

/** Reads one ledger row into a draft; `continuations` are the 明细2… columns. */
function readLedgerRow(view: RowView, continuations: readonly number[]): RowRead<LedgerSheetRow> {
  const problems: RowProblem[] = [];
  const code = identifier(view, 'code', problems);
  const number = identifier(view, 'number', problems);
  const kindText = readText(view.cell('kind'));
  const kind = kindText === '' ? inferKind(code, number) : kindFromText(kindText);
  if (kind === null) problems.push(view.problem('kind', 'kind'));
  const redText = readText(view.cell('isRed'));
  const isRed = redText === '' ? false : yesNo(redText);
  if (isRed === null) problems.push(view.problem('isRed', 'yesNo'));
  const status = ledgerStatusFromText(readText(view.cell('status')));
  if (status === undefined) problems.push(view.problem('status', 'status'));
  let linesText = continuations.length === 0 ? cellText(view.cell('lines')) : pieceText(view.cell('lines'));
  for (const c of continuations) linesText += pieceText(view.cells[c]);
  const lines = linesFromJson(linesText);
  if (lines === null) problems.push(view.problem('lines', 'lines', linesText.slice(0, 40)));
  const draft: InvoiceDraft = {
    ...emptyDraft(kind ?? 'other'),
    code, number, checkCode: identifier(view, 'checkCode', problems),
    issueDate: dateText(view.cell('issueDate')),
    buyerName: cellText(view.cell('buyerName')), buyerTaxId: identifier(view, 'buyerTaxId', problems),
    sellerName: cellText(view.cell('sellerName')), sellerTaxId: identifier(view, 'sellerTaxId', problems),
    amount: moneyText(view.cell('amount')), tax: moneyText(view.cell('tax')), total: moneyText(view.cell('total')),
    taxRate: cellText(view.cell('taxRate')), remarks: cellText(view.cell('remarks')), isRed: isRed === true,
    lines: lines ?? [],
  };
  if (problems.length > 0 || status === undefined) return { problems };
  return { value: { row: view.row, draft, status }, key: null };
}

function ledgerReader(continuations: readonly number[]): RowReader<LedgerSheetRow> {
  return {
    hasKey: (view) => readIdentifier(view.cell('number')).kind !== 'empty',
    hasMoney: (view) => ['amount', 'total'].some((f) => readMoney(view.cell(f)).kind !== 'empty'),
    read: (view) => readLedgerRow(view, continuations),
  };
}

/** Reads a ledger spreadsheet into entry-form drafts, one per row. */
export function readLedgerRows(wb: Workbook, mapping?: MappingOverride): Result<ReadResult<LedgerSheetRow>, SheetProblem> {
  const match = findHeader(wb, PRESETS.ledger, mapping);
  if (!match.ok) return err(match.error);
  return readRows(match.value, wb.fileName, ledgerReader(lineContinuations(match.value)));
}
