/*
 * Platform invoice lists: the 全量发票查询 export (sheet 发票基础信息) and the 勾选 export (sheet 发票, with the
 * company's 纳税人识别号 / 纳税人名称 in rows above the header and no buyer columns). Both share field names, so a
 * saved mapping fits either; the file's own signature columns decide which preset it is.
 */
import { fen } from '../../domain/money';
import { err, ok, type Result } from '../../domain/result';
import type { Party } from '../../domain/invoice';
import type { PlatformRow } from '../types';
import { cellText, readDate, readIdentifier, readMoney, readTaxMoney, readText, type CellRead } from './cell-values';
import { findHeader, type HeaderMatch } from './header-match';
import { hasPlatformNumber, readPlatformIdentity } from './invoice-identity';
import { kindFromText, platformStatusFromText, riskFromText, yesNo } from './labels';
import { PRESETS } from './presets';
import { readRows, type RowRead, type RowReader, type RowView } from './row-loop';
import { attachLines, readPlatformLines } from './platform-lines';
import type { MappingOverride, PlatformRead, RowProblem, SheetProblem, Workbook } from './types';

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

const ident = (view: RowView, field: string): CellRead<string> => readIdentifier(view.cell(field));

/** Reads one invoice row; `metaBuyer` is the 勾选 export's company when the file has no buyer columns. */
function readInvoice(view: RowView, metaBuyer: Party | null): RowRead<PlatformRow> {
  const problems: RowProblem[] = [];
  const id = readPlatformIdentity(view, problems);
  const sellerTaxId = ident(view, 'sellerTaxId');
  const buyerTaxId = ident(view, 'buyerTaxId');
  if (sellerTaxId.kind === 'bad') problems.push(view.problem('sellerTaxId', 'lossyNumber', sellerTaxId.text));
  if (buyerTaxId.kind === 'bad' && !metaBuyer) problems.push(view.problem('buyerTaxId', 'lossyNumber', buyerTaxId.text));
  const date = readDate(view.cell('issueDate'));
  if (date.kind !== 'ok') problems.push(view.problem('issueDate', date.kind === 'bad' ? 'date' : 'dateMissing'));
  const amount = readMoney(view.cell('amount'));
  if (amount.kind !== 'ok') problems.push(view.problem('amount', amount.kind === 'bad' ? 'amount' : 'amountMissing'));
  const tax = readTaxMoney(view.cell('tax'));
  if (tax.kind === 'bad') problems.push(view.problem('tax', 'amount'));
  const total = readMoney(view.cell('total'));
  if (total.kind === 'bad') problems.push(view.problem('total', 'amount'));
  if (problems.length > 0 || date.kind !== 'ok' || amount.kind !== 'ok') return { problems };
  const taxFen = tax.kind === 'ok' ? tax.value : fen(0);
  const totalFen = total.kind === 'ok' ? total.value : fen(amount.value + taxFen);
  const kindText = readText(view.cell('kindText'));
  const statusText = readText(view.cell('status'));
  const value: PlatformRow = {
    row: view.row, code: id.code, number: id.number, issueDate: date.value,
    seller: { name: readText(view.cell('sellerName')), taxId: sellerTaxId.kind === 'ok' ? sellerTaxId.value : '' },
    buyer: metaBuyer ?? { name: readText(view.cell('buyerName')), taxId: buyerTaxId.kind === 'ok' ? buyerTaxId.value : '' },
    amount: amount.value, tax: taxFen, total: totalFen,
    kindText, kind: kindFromText(kindText), status: platformStatusFromText(statusText), statusText,
    risk: riskFromText(readText(view.cell('risk'))),
    isPositive: yesNo(readText(view.cell('isPositive'))) ?? totalFen >= 0,
    remarks: readText(view.cell('remarks')),
  };
  return { value, key: id.key };
}

/** The reader of invoice rows. */
function invoiceReader(metaBuyer: Party | null): RowReader<PlatformRow> {
  return {
    hasKey: hasPlatformNumber,
    hasMoney: (view) => ['amount', 'tax', 'total'].some((f) => readMoney(view.cell(f)).kind === 'ok'),
    read: (view) => readInvoice(view, metaBuyer),
  };
}

/**
 * Reads the invoice rows of a 全量发票查询 or 勾选 export. When the workbook also has the line-item sheet 信息汇总表,
 * each row gets its `lines` and `lineSheet` says what that sheet gave; without it, rows have no `lines`.
 */
export function readPlatformRows(wb: Workbook, mapping?: MappingOverride): Result<PlatformRead, SheetProblem> {
  const found = findInvoiceListHeader(wb, mapping);
  if (!found.ok) return err(found.error);
  const { kind, match } = found.value;
  const hasBuyerColumns = match.columns.has('buyerName') || match.columns.has('buyerTaxId');
  const metaBuyer = kind === 'check' && !hasBuyerColumns ? metadataParty(match) : null;
  const read = readRows(match, wb.fileName, invoiceReader(metaBuyer));
  if (!read.ok) return read;
  const lines = readPlatformLines(wb, read.value.sheet);
  if (lines === null) return read;
  const { rows, lineSheet } = attachLines(read.value.rows, lines);
  return ok({ ...read.value, rows, lineSheet });
}
