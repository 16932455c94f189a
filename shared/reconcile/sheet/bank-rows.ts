/*
 * Bank statements. Three ways to say which way money went, in the order tried: separate 借方/贷方 (or 支出/收入)
 * columns — from the bank's point of view 借方 is money out of the company's account, 贷方 money in —; one amount
 * column with a 借贷标志 column beside it; one signed amount column (CMB: negative = out).
 */
import { fen, type Fen } from '../../domain/money';
import { err, type Result } from '../../domain/result';
import type { BankRow } from '../types';
import { cellText, readDate, readMoney, readText, type CellRead } from './cell-values';
import { findHeader } from './header-match';
import { PRESETS } from './presets';
import { readRows, type RowReader, type RowView } from './row-loop';
import type { MappingOverride, ReadResult, RowProblem, SheetProblem, Workbook } from './types';

/** A 借贷标志 cell → direction; null when it says neither. */
export function directionFromText(text: string): 'out' | 'in' | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (t === '') return null;
  if (/^(借|支|出|付|D|DR|DEBIT|-)/.test(t)) return 'out';
  if (/^(贷|收|入|存|C|CR|CREDIT|\+)/.test(t)) return 'in';
  return null;
}

/**
 * CMB's 对手信息 holds name and account together ("某某有限公司 6222 **** 1234"): the trailing run of digits (and
 * the * of a masked account) is the account.
 */
export function splitCounterparty(text: string): { name: string; account: string } {
  const m = /^(.*?\D)[\s:：/,，]*([\d*][\d* -]{4,}\d)$/.exec(text.trim());
  if (!m || (m[2]?.replace(/\D/g, '').length ?? 0) < 4) return { name: text.trim(), account: '' };
  return { name: (m[1] ?? '').trim(), account: (m[2] ?? '').replace(/[\s-]/g, '') };
}

type Amount = { direction: 'out' | 'in'; amount: Fen } | { problem: 'amount' | 'amountMissing' | 'amountBoth' | 'direction'; field: string };

/** A signed value → direction and a positive amount. */
const signed = (value: number, positive: 'out' | 'in'): { direction: 'out' | 'in'; amount: Fen } => ({
  direction: value >= 0 ? positive : positive === 'out' ? 'in' : 'out',
  amount: fen(Math.abs(value)),
});

/** A money read as a number, 0 when empty. */
function value(r: CellRead<Fen>): number {
  return r.kind === 'ok' ? r.value : 0;
}

/** Which way and how much, from whichever amount columns the statement has. */
function readAmount(view: RowView): Amount {
  if (view.has('out') || view.has('in')) {
    const out = readMoney(view.cell('out'));
    const inn = readMoney(view.cell('in'));
    if (out.kind === 'bad') return { problem: 'amount', field: 'out' };
    if (inn.kind === 'bad') return { problem: 'amount', field: 'in' };
    if (value(out) !== 0 && value(inn) !== 0) return { problem: 'amountBoth', field: 'out' };
    // A negative entry in a 借方 column (a reversal, 冲正) is money coming back.
    if (value(out) !== 0) return signed(value(out), 'out');
    if (value(inn) !== 0) return signed(value(inn), 'in');
    if (!view.has('amount')) return { problem: 'amountMissing', field: view.has('out') ? 'out' : 'in' };
  }
  const amount = readMoney(view.cell('amount'));
  if (amount.kind === 'bad') return { problem: 'amount', field: 'amount' };
  if (value(amount) === 0) return { problem: 'amountMissing', field: 'amount' };
  if (view.has('direction')) {
    const flag = directionFromText(readText(view.cell('direction')));
    if (flag === null) return { problem: 'direction', field: 'direction' };
    return { direction: flag, amount: fen(Math.abs(value(amount))) };
  }
  return signed(value(amount), 'in');
}

const bankReader: RowReader<BankRow> = {
  hasKey: (view) => readDate(view.cell('date')).kind === 'ok',
  hasMoney: (view) => ['out', 'in', 'amount'].some((f) => readMoney(view.cell(f)).kind === 'ok'),
  read: (view) => {
    const problems: RowProblem[] = [];
    const date = readDate(view.cell('date'));
    if (date.kind !== 'ok') problems.push(view.problem('date', date.kind === 'bad' ? 'date' : 'dateMissing'));
    const amount = readAmount(view);
    if ('problem' in amount) problems.push(view.problem(amount.field, amount.problem));
    if (problems.length > 0 || date.kind !== 'ok' || 'problem' in amount) return { problems };
    let counterparty = readText(view.cell('counterparty'));
    let counterpartyAccount = readText(view.cell('counterpartyAccount')).replace(/\s+/g, '');
    if (!view.has('counterpartyAccount')) ({ name: counterparty, account: counterpartyAccount } = splitCounterparty(counterparty));
    const summary = [readText(view.cell('summary')), readText(view.cell('purpose'))].filter((t) => t !== '').join(' ');
    const serial = readText(view.cell('serial')).replace(/\s+/g, '');
    const value: BankRow = { row: view.row, date: date.value, direction: amount.direction, amount: amount.amount, counterparty, counterpartyAccount, summary, serial };
    // Some banks give a payment and its fee one serial, so the serial alone is not the identity.
    const key = serial !== '' ? `S|${serial}|${date.value}|${amount.direction}|${amount.amount}` : `C|${view.cells.map(cellText).join('\u0001')}`;
    return { value, key };
  },
};

/** Reads the transactions of a bank statement. */
export function readBankRows(wb: Workbook, mapping?: MappingOverride): Result<ReadResult<BankRow>, SheetProblem> {
  const match = findHeader(wb, PRESETS.bank, mapping);
  if (!match.ok) return err(match.error);
  return readRows(match.value, wb.fileName, bankReader);
}
