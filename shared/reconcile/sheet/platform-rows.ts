/*
 * Platform invoice lists: the 全量发票查询 export (sheet 发票基础信息) and the 勾选 export (sheet 发票, with the
 * company's 纳税人识别号 / 纳税人名称 in rows above the header and no buyer columns). Both share field names, so a
 * saved mapping fits either; the file's own signature columns decide which preset it is.
 */
import { fen, type Fen } from '../../domain/money';
import { err, ok, type Result } from '../../domain/result';
import type { Party } from '../../domain/invoice';
import type { PlatformRow } from '../types';
import { cellText, readDate, readIdentifier, readInvoiceIdentifier, readMoney, readText, type CellRead } from './cell-values';
import { findHeader, type HeaderMatch } from './header-match';
import { kindFromText, platformStatusFromText, riskFromText, yesNo } from './labels';
import { PRESETS } from './presets';
import { readRows, type RowRead, type RowReader, type RowView } from './row-loop';
import type { MappingOverride, ReadResult, RowProblem, SheetProblem, Workbook } from './types';

/** The preset that fits a workbook's invoice list better, with its header: a 勾选 export's signature decides. */
export function findInvoiceListHeader(wb: Workbook, mapping?: MappingOverride): Result<{ kind: 'platform' | 'check'; match: HeaderMatch }, SheetProblem> {
  const platform = findHeader(wb, PRESETS.platform, mapping);
  const check = findHeader(wb, PRESETS.check, mapping);
  if (check.ok && (!platform.ok || check.value.signature > platform.value.signature)) return ok({ kind: 'check', match: check.value });
  return platform.ok ? ok({ kind: 'platform', match: platform.value }) : platform;
}

/** The company named in the rows above a 勾选 export's header (纳税人识别号：…, 纳税人名称：…). */
export function metadataParty(match: HeaderMatch): Party {
  let name = '';
  let taxId = '';
  for (const row of match.sheet.rows.slice(0, match.headerIndex)) {
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c]).normalize('NFKC');
      const m = /^(纳税人识别号|纳税人名称)[:\s]*(.*)$/.exec(text);
      if (!m) continue;
      // The value follows the label in the same cell, or sits in the next non-empty cell.
      const value = m[2]?.trim() || row.slice(c + 1).map(cellText).find((t) => t !== '') || '';
      if (m[1] === '纳税人识别号') taxId = value.replace(/\s+/g, '').toUpperCase();
      else name = value;
    }
  }
  return { name, taxId };
}

/** Reads money, accepting the exempt mark *** as zero. */
function moneyOrStars(view: RowView, field: string): CellRead<Fen> {
  const c = view.cell(field);
  return /^\*+$/.test(cellText(c)) ? { kind: 'ok', value: fen(0) } : readMoney(c);
}

const ident = (view: RowView, field: string): CellRead<string> => readIdentifier(view.cell(field));

/** Reads one invoice row; `metaBuyer` is the 勾选 export's company when the file has no buyer columns. */
function readInvoice(view: RowView, metaBuyer: Party | null): RowRead<PlatformRow> {
  const problems: RowProblem[] = [];
  const digital = ident(view, 'digitalNumber');
  const plain = readInvoiceIdentifier(view.cell('number'), 'number');
  const code = readInvoiceIdentifier(view.cell('code'), 'code');
  const sellerTaxId = ident(view, 'sellerTaxId');
  const buyerTaxId = ident(view, 'buyerTaxId');
  if (digital.kind === 'bad') problems.push(view.problem('digitalNumber', 'lossyNumber', digital.text));
  if (plain.kind === 'bad' && digital.kind !== 'ok') problems.push(view.problem('number', 'lossyNumber', plain.text));
  if (code.kind === 'bad') problems.push(view.problem('code', 'lossyNumber', code.text));
  if (sellerTaxId.kind === 'bad') problems.push(view.problem('sellerTaxId', 'lossyNumber', sellerTaxId.text));
  if (buyerTaxId.kind === 'bad' && !metaBuyer) problems.push(view.problem('buyerTaxId', 'lossyNumber', buyerTaxId.text));
  const number = digital.kind === 'ok' ? digital.value : plain.kind === 'ok' ? plain.value : '';
  if (number === '' && digital.kind !== 'bad' && plain.kind !== 'bad') problems.push(view.problem(view.has('digitalNumber') ? 'digitalNumber' : 'number', 'numberMissing'));
  const date = readDate(view.cell('issueDate'));
  if (date.kind !== 'ok') problems.push(view.problem('issueDate', date.kind === 'bad' ? 'date' : 'dateMissing'));
  const amount = readMoney(view.cell('amount'));
  if (amount.kind !== 'ok') problems.push(view.problem('amount', amount.kind === 'bad' ? 'amount' : 'amountMissing'));
  const tax = moneyOrStars(view, 'tax');
  if (tax.kind === 'bad') problems.push(view.problem('tax', 'amount'));
  const total = readMoney(view.cell('total'));
  if (total.kind === 'bad') problems.push(view.problem('total', 'amount'));
  if (problems.length > 0 || date.kind !== 'ok' || amount.kind !== 'ok') return { problems };
  const taxFen = tax.kind === 'ok' ? tax.value : fen(0);
  const totalFen = total.kind === 'ok' ? total.value : fen(amount.value + taxFen);
  const kindText = readText(view.cell('kindText'));
  const statusText = readText(view.cell('status'));
  const codeText = digital.kind === 'ok' || code.kind !== 'ok' ? '' : code.value;
  const value: PlatformRow = {
    row: view.row, code: codeText, number, issueDate: date.value,
    seller: { name: readText(view.cell('sellerName')), taxId: sellerTaxId.kind === 'ok' ? sellerTaxId.value : '' },
    buyer: metaBuyer ?? { name: readText(view.cell('buyerName')), taxId: buyerTaxId.kind === 'ok' ? buyerTaxId.value : '' },
    amount: amount.value, tax: taxFen, total: totalFen,
    kindText, kind: kindFromText(kindText), status: platformStatusFromText(statusText), statusText,
    risk: riskFromText(readText(view.cell('risk'))),
    isPositive: yesNo(readText(view.cell('isPositive'))) ?? totalFen >= 0,
    remarks: readText(view.cell('remarks')),
  };
  return { value, key: `${codeText}|${number}` };
}

/** The reader of invoice rows. */
function invoiceReader(metaBuyer: Party | null): RowReader<PlatformRow> {
  return {
    hasKey: (view) => [ident(view, 'digitalNumber'), ident(view, 'number')].some((r) => r.kind === 'ok' && /\d/.test(r.value)),
    hasMoney: (view) => ['amount', 'tax', 'total'].some((f) => readMoney(view.cell(f)).kind === 'ok'),
    read: (view) => readInvoice(view, metaBuyer),
  };
}

/** Reads the invoice rows of a 全量发票查询 or 勾选 export. */
export function readPlatformRows(wb: Workbook, mapping?: MappingOverride): Result<ReadResult<PlatformRow>, SheetProblem> {
  const found = findInvoiceListHeader(wb, mapping);
  if (!found.ok) return err(found.error);
  const { kind, match } = found.value;
  const hasBuyerColumns = match.columns.has('buyerName') || match.columns.has('buyerTaxId');
  const metaBuyer = kind === 'check' && !hasBuyerColumns ? metadataParty(match) : null;
  return readRows(match, wb.fileName, invoiceReader(metaBuyer));
}
