/*
 * Which invoice a platform row is about, read the same way on both sheets of a 全量发票查询 export (发票基础信息
 * and 信息汇总表): the 数电发票号码 alone when it is there, else 发票代码 + 发票号码. A line item finds its invoice
 * through the same key, so the two sheets can never disagree about identity because of how a cell was read.
 */
import { readIdentifier, readInvoiceIdentifier } from './cell-values';
import type { RowView } from './row-loop';
import type { RowProblem } from './types';

/** An invoice's identity on the platform's sheets: code '' for 数电 invoices. */
export interface PlatformIdentity {
  readonly code: string;
  readonly number: string;
  /** `${code}|${number}`: the key rows and line items are grouped by ('' number = unreadable). */
  readonly key: string;
}

/** Reads the identity of a row; problems (a number cell that lost digits, no number at all) go to `problems`. */
export function readPlatformIdentity(view: RowView, problems: RowProblem[]): PlatformIdentity {
  const digital = readIdentifier(view.cell('digitalNumber'));
  const plain = readInvoiceIdentifier(view.cell('number'), 'number');
  const code = readInvoiceIdentifier(view.cell('code'), 'code');
  if (digital.kind === 'bad') problems.push(view.problem('digitalNumber', 'lossyNumber', digital.text));
  if (plain.kind === 'bad' && digital.kind !== 'ok') problems.push(view.problem('number', 'lossyNumber', plain.text));
  if (code.kind === 'bad') problems.push(view.problem('code', 'lossyNumber', code.text));
  const number = digital.kind === 'ok' ? digital.value : plain.kind === 'ok' ? plain.value : '';
  if (number === '' && digital.kind !== 'bad' && plain.kind !== 'bad') problems.push(view.problem(view.has('digitalNumber') ? 'digitalNumber' : 'number', 'numberMissing'));
  const codeText = digital.kind === 'ok' || code.kind !== 'ok' ? '' : code.value;
  return { code: codeText, number, key: `${codeText}|${number}` };
}

/** True when the row carries an invoice number (what tells a data row from a total or a note). */
export function hasPlatformNumber(view: RowView): boolean {
  return [readIdentifier(view.cell('digitalNumber')), readIdentifier(view.cell('number'))].some((r) => r.kind === 'ok' && /\d/.test(r.value));
}
