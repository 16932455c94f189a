/*
 * The line items of a 全量发票查询 export (sheet 信息汇总表): one row per item, each naming its invoice the way
 * 发票基础信息 does, read with the same header matching, row loop and cell readers as every preset. Each line row
 * is read, a row problem of this sheet, or skipped; the lines read are then attached to the invoice rows by
 * identity. Rates are normalised as the entry form stores them ("0.13", "exempt"); qty and price stay decimal text.
 */
import { parseDecimal } from '../../domain/decimal';
import { fen } from '../../domain/money';
import type { InvoiceLine } from '../../domain/invoice';
import { normalizeText } from '../../domain/normalize';
import { err, ok, type Result } from '../../domain/result';
import { parseTaxRate } from '../../domain/tax-rate';
import type { PlatformRow } from '../types';
import { cellText, readMoney, readTaxMoney, readText } from './cell-values';
import { findHeader } from './header-match';
import { hasPlatformNumber, readPlatformIdentity } from './invoice-identity';
import { PLATFORM_LINES_PRESET, PLATFORM_LINES_SHEET } from './presets';
import { readRows, type RowRead, type RowReader, type RowView } from './row-loop';
import type { LineSheetRead, RowProblem, SheetProblem, Workbook } from './types';

/** A line item with the identity key of its invoice. */
interface KeyedLine {
  readonly key: string;
  readonly line: InvoiceLine;
}

/** Quantity or unit price as decimal text (no spaces or thousands separators); '' when empty. */
function decimalText(view: RowView, field: string, problems: RowProblem[]): string {
  const text = normalizeText(readText(view.cell(field))).replace(/[\s,]/g, '');
  if (text !== '' && parseDecimal(text) === null) problems.push(view.problem(field, 'decimal'));
  return text;
}

/** The rate as the domain stores it; a line whose tax is *** with no rate is exempt, as on the printed invoice. */
function lineRate(view: RowView, isStarred: boolean, problems: RowProblem[]): string {
  const text = readText(view.cell('taxRate'));
  if (text === '') return isStarred ? 'exempt' : '';
  const rate = parseTaxRate(text);
  if (!rate.ok) problems.push(view.problem('taxRate', 'taxRate'));
  return rate.ok ? rate.value : '';
}

function readLine(view: RowView): RowRead<KeyedLine> {
  const problems: RowProblem[] = [];
  const id = readPlatformIdentity(view, problems);
  const amount = readMoney(view.cell('amount'));
  if (amount.kind !== 'ok') problems.push(view.problem('amount', amount.kind === 'bad' ? 'amount' : 'amountMissing'));
  const tax = readTaxMoney(view.cell('tax'));
  if (tax.kind === 'bad') problems.push(view.problem('tax', 'amount'));
  const taxRate = lineRate(view, /^\*+$/.test(cellText(view.cell('tax'))), problems);
  const qty = decimalText(view, 'qty', problems);
  const unitPrice = decimalText(view, 'unitPrice', problems);
  if (problems.length > 0 || amount.kind !== 'ok') return { problems };
  const line: InvoiceLine = {
    name: readText(view.cell('name')), spec: readText(view.cell('spec')), unit: readText(view.cell('unit')), qty, unitPrice,
    amount: amount.value, taxRate, tax: tax.kind === 'ok' ? tax.value : fen(0),
  };
  // Two equal lines on one invoice are two items, never a repeated row.
  return { value: { key: id.key, line }, key: null };
}

const LINE_READER: RowReader<KeyedLine> = {
  hasKey: hasPlatformNumber,
  hasMoney: (view) => ['amount', 'tax'].some((f) => readMoney(view.cell(f)).kind === 'ok'),
  read: readLine,
};

/** The line items read from 信息汇总表, grouped by invoice key, with what the sheet gave. */
export interface PlatformLines {
  readonly read: Result<Omit<LineSheetRead, 'lines' | 'withoutInvoice'>, SheetProblem>;
  readonly byKey: ReadonlyMap<string, readonly InvoiceLine[]>;
}

/** Reads 信息汇总表 when the workbook has it (and the invoices were not read from it); null otherwise. */
export function readPlatformLines(wb: Workbook, invoiceSheet: string): PlatformLines | null {
  if (invoiceSheet === PLATFORM_LINES_SHEET || !wb.sheets.some((s) => s.name === PLATFORM_LINES_SHEET)) return null;
  const match = findHeader(wb, PLATFORM_LINES_PRESET, { columns: {}, sheet: PLATFORM_LINES_SHEET });
  const read = match.ok ? readRows(match.value, wb.fileName, LINE_READER) : match;
  if (!read.ok) return { read: err(read.error), byKey: new Map() };
  const byKey = new Map<string, InvoiceLine[]>();
  for (const { key, line } of read.value.rows) {
    const list = byKey.get(key);
    if (list) list.push(line);
    else byKey.set(key, [line]);
  }
  const { sheet, headerRow, columns, rowProblems, skipped } = read.value;
  return { read: ok({ sheet, headerRow, columns, rowProblems, skipped }), byKey };
}

/** Gives each invoice row its lines (an invoice the sheet has no line for gets none); counts lines left over. */
export function attachLines(rows: readonly PlatformRow[], lines: PlatformLines): { rows: PlatformRow[]; lineSheet: Result<LineSheetRead, SheetProblem> } {
  if (!lines.read.ok) return { rows: [...rows], lineSheet: lines.read };
  let attached = 0;
  const out = rows.map((row): PlatformRow => {
    const own = lines.byKey.get(`${row.code}|${row.number}`) ?? [];
    attached += own.length;
    return { ...row, lines: own };
  });
  let total = 0;
  for (const list of lines.byKey.values()) total += list.length;
  return { rows: out, lineSheet: ok({ ...lines.read.value, lines: attached, withoutInvoice: total - attached }) };
}
