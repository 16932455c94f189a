import { describe, expect, it } from 'vitest';
import { fen } from '../../domain/money';
import { invoiceKey, newSince, paymentKey, paymentKeys } from './keys';
import { bankRow } from './test-builders';
import type { Finding } from '../types';

describe('invoiceKey', () => {
  it('is the 数电 number alone, whatever code a paper copy carries', () => {
    expect(invoiceKey({ code: '', number: '24112000000048542163' })).toBe('n:24112000000048542163');
    expect(invoiceKey({ code: '011002300111', number: '24112000000048542163' })).toBe('n:24112000000048542163');
  });

  it('is code plus number for older invoices, leading zeros kept', () => {
    expect(invoiceKey({ code: '1100094140', number: '00008006' })).toBe('c:1100094140:00008006');
  });
});

describe('paymentKey', () => {
  it('uses the bank serial when there is one, never the row number', () => {
    const a = paymentKey(bankRow({ serial: 'TX001', row: 5 }));
    const b = paymentKey(bankRow({ serial: 'TX001', row: 90 }));
    expect(a).toBe(b);
    expect(a).toBe('payment:2024-05-12:11300:上海供应商贸易有限公司:TX001');
  });

  it('folds width and spaces of the counterparty', () => {
    expect(paymentKey(bankRow({ counterparty: '上海供应商贸易 有限公司' }))).toBe(paymentKey(bankRow({ counterparty: '上海供应商贸易有限公司' })));
  });

  it('numbers same-looking payments without serial by occurrence', () => {
    const rows = [bankRow(), bankRow({ row: 3 }), bankRow({ amount: fen(500), row: 4 }), bankRow({ row: 7 })];
    const keys = paymentKeys(rows);
    expect(keys.map((k) => k.split(':').at(-1))).toEqual(['#0', '#1', '#0', '#2']);
    expect(new Set(keys).size).toBe(4);
  });

  it('keeps keys stable when unrelated rows are added or the row numbers change', () => {
    const base = [bankRow({ serial: 'A' }), bankRow({ amount: fen(99) })];
    const shifted = [bankRow({ counterparty: '别人', row: 2 }), bankRow({ serial: 'A', row: 3 }), bankRow({ amount: fen(99), row: 4 })];
    expect(paymentKeys(shifted).slice(1)).toEqual(paymentKeys(base));
  });

  it('tells apart two rows that repeat one serial', () => {
    const keys = paymentKeys([bankRow({ serial: 'S' }), bankRow({ serial: 'S' })]);
    expect(keys[0]).not.toBe(keys[1]);
  });
});

describe('newSince', () => {
  const f = (key: string): Finding => ({ type: 'missingInLedger', key, detail: {} });

  it('returns the keys not seen in the previous run', () => {
    expect([...newSince(['a', 'b'], [f('a'), f('c'), f('d')])]).toEqual(['c', 'd']);
  });

  it('is empty when nothing is new and everything is new on a first run', () => {
    expect(newSince(['a'], [f('a')]).size).toBe(0);
    expect(newSince([], [f('a'), f('b')]).size).toBe(2);
  });
});
