import { describe, expect, it } from 'vitest';
import { fen } from '../../domain/money';
import type { LedgerInvoice, PlatformRow } from '../types';
import { reconcile } from './reconcile';
import { COMPANY, ledgerInvoice, platformRow, SUPPLIER } from './test-builders';

const MAY = { from: '2024-05-01', to: '2024-05-31' };
const N1 = '24312000000000000001';
const N2 = '24312000000000000002';

function run(list: PlatformRow[], ledger: LedgerInvoice[], direction: 'in' | 'out' = 'in') {
  return reconcile({ list, ledger, period: MAY, companyTaxId: COMPANY.taxId, direction });
}

describe('platform list vs ledger', () => {
  it('finds nothing when both sides hold the same invoices', () => {
    const out = run([platformRow(N1), platformRow(N2)], [ledgerInvoice(N2), ledgerInvoice(N1)]);
    expect(out.findings).toEqual([]);
    expect(out.summary).toMatchObject({ listRows: 2, ledgerRows: 2, missingInLedger: 0, missingOnList: 0, mismatched: 0 });
  });

  it('reports a list invoice with no ledger invoice as missing in the ledger, keyed by its identity', () => {
    const out = run([platformRow(N1, { row: 7 })], []);
    expect(out.findings).toEqual([expect.objectContaining({ type: 'missingInLedger', key: `missingInLedger:n:${N1}`, listRow: 7 })]);
    expect(out.findings[0]?.detail).toMatchObject({ number: N1, total: 11_300, deletedInLedger: false });
    expect(out.summary.missingInLedger).toBe(1);
  });

  it('counts a deleted ledger invoice as not in the ledger, and says so', () => {
    const out = run([platformRow(N1)], [ledgerInvoice(N1, { deleted: true })]);
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ type: 'missingInLedger', invoiceIds: [`inv-${N1}`], detail: { deletedInLedger: true } });
  });

  it('does not ask for invoices the platform shows as voided or fully reversed', () => {
    const out = run([platformRow(N1, { status: 'voided', statusText: '已作废' }), platformRow(N2, { status: 'reversed', statusText: '已红冲-全额' })], []);
    expect(out.findings).toEqual([]);
  });

  it('reports a live ledger invoice in the period that the list does not hold', () => {
    const out = run([], [ledgerInvoice(N1), ledgerInvoice(N2, { deleted: true })]);
    expect(out.findings).toEqual([expect.objectContaining({ type: 'missingOnList', key: `missingOnList:n:${N1}`, invoiceIds: [`inv-${N1}`] })]);
  });

  it('identifies paper invoices by code and number, so the same number under another code is another invoice', () => {
    const paper = { code: '1100094140', number: '00008006', kind: 'vat_special' as const };
    const out = run([platformRow('00008006', { ...paper })], [ledgerInvoice('00008006', { ...paper, code: '1100094150' })]);
    expect(out.findings.map((f) => f.key)).toEqual(['missingInLedger:c:1100094140:00008006', 'missingOnList:c:1100094150:00008006']);
  });

  it('reports every differing field of one invoice in one mismatch finding with both values', () => {
    const out = run([platformRow(N1)], [ledgerInvoice(N1, {
      amount: fen(9_000), tax: fen(1_170), total: fen(10_170), issueDate: '2024-05-11',
      seller: { name: '另一家有限公司', taxId: '91310000MA1FL0AB2X' },
    })]);
    expect(out.findings).toHaveLength(1);
    const f = out.findings[0];
    expect(f).toMatchObject({ type: 'mismatched', key: `mismatched:n:${N1}`, invoiceIds: [`inv-${N1}`] });
    expect(f?.detail).toMatchObject({
      fields: 'amount,tax,total,issueDate,sellerTaxId,sellerName',
      'list.amount': 10_000, 'ledger.amount': 9_000, 'list.tax': 1_300, 'ledger.tax': 1_170,
      'list.total': 11_300, 'ledger.total': 10_170, 'list.issueDate': '2024-05-10', 'ledger.issueDate': '2024-05-11',
      'list.sellerName': SUPPLIER.name, 'ledger.sellerName': '另一家有限公司',
    });
    expect(out.summary.mismatched).toBe(1);
  });

  it('compares names after folding width, brackets and spaces, and tax ids without case', () => {
    const list = platformRow(N1, { seller: { name: '上海（浦东）供应商 有限公司', taxId: SUPPLIER.taxId } });
    const inv = ledgerInvoice(N1, { seller: { name: '上海(浦东)供应商有限公司', taxId: SUPPLIER.taxId.toLowerCase() } });
    expect(run([list], [inv]).findings).toEqual([]);
  });

  it('reads a ledger without the buyer tax id as no contradiction, but a different one as a mismatch', () => {
    const noBuyer = ledgerInvoice(N1, { buyer: { name: '', taxId: '' } });
    expect(reconcile({ list: [platformRow(N1)], ledger: [noBuyer], period: MAY, companyTaxId: '', direction: 'in' }).findings).toEqual([]);
    const other = ledgerInvoice(N1, { buyer: { name: '别家', taxId: '91110000000000000X' } });
    const out = run([platformRow(N1)], [other]);
    expect(out.findings.map((f) => f.detail.fields)).toEqual(['buyerTaxId']);
  });

  it('finds an invoice the ledger dates in another month as a date mismatch, not as missing', () => {
    const out = run([platformRow(N1, { issueDate: '2024-05-30' })], [ledgerInvoice(N1, { issueDate: '2024-06-02' })]);
    expect(out.findings.map((f) => `${f.type}:${String(f.detail.fields)}`)).toEqual(['mismatched:issueDate']);
    const reverse = run([platformRow(N1, { issueDate: '2024-04-29' })], [ledgerInvoice(N1, { issueDate: '2024-05-02' })]);
    expect(reverse.findings.map((f) => `${f.type}:${String(f.detail.fields)}`)).toEqual(['mismatched:issueDate']);
  });

  it('reports 已作废 or 已红冲-全额 on the platform while the ledger still counts the invoice', () => {
    const list = [platformRow(N1, { status: 'voided', statusText: '已作废' }), platformRow(N2, { status: 'reversed', statusText: '已红冲-全额' })];
    const out = run(list, [ledgerInvoice(N1, { status: 'booked' }), ledgerInvoice(N2, { status: 'reversed' })]);
    expect(out.findings).toEqual([expect.objectContaining({ type: 'voidedButActive', key: `voidedButActive:n:${N1}` })]);
    expect(out.findings[0]?.detail).toMatchObject({ platformStatus: '已作废', ledgerStatus: 'booked' });
    expect(out.summary.voidedButActive).toBe(1);
  });

  it('reports 已红冲-部分 as a mismatch on platformStatus unless the ledger marks it reversed', () => {
    const partial = platformRow(N1, { status: 'reversedPartial', statusText: '已红冲-部分' });
    const out = run([partial], [ledgerInvoice(N1)]);
    expect(out.findings.map((f) => [f.type, f.detail.fields, f.detail['list.platformStatus']])).toEqual([['mismatched', 'platformStatus', '已红冲-部分']]);
    expect(out.summary.voidedButActive).toBe(0);
    expect(run([partial], [ledgerInvoice(N1, { status: 'reversed' })]).findings).toEqual([]);
  });

  it('flags 异常凭证 and 疑点发票 whether or not the ledger holds them', () => {
    const out = run([platformRow(N1, { risk: 'abnormal' }), platformRow(N2, { risk: 'suspect' })], [ledgerInvoice(N1)]);
    expect(out.findings.map((f) => f.key)).toEqual([`missingInLedger:n:${N2}`, `riskFlagged:n:${N1}`, `riskFlagged:n:${N2}`]);
    expect(out.findings.find((f) => f.key === `riskFlagged:n:${N1}`)?.invoiceIds).toEqual([`inv-${N1}`]);
  });

  it('looks only at the period and the direction', () => {
    const list = [
      platformRow(N1, { issueDate: '2024-04-30' }),
      platformRow(N2, { seller: COMPANY, buyer: SUPPLIER }),
    ];
    const ledger = [ledgerInvoice('24312000000000000003', { issueDate: '2024-06-01' }), ledgerInvoice('24312000000000000004', { seller: COMPANY, buyer: SUPPLIER })];
    expect(run(list, ledger).findings).toEqual([]);
    expect(run(list, ledger).summary).toMatchObject({ listRows: 2, ledgerRows: 2 });
    const outgoing = run(list, ledger, 'out');
    expect(outgoing.findings.map((f) => f.key)).toEqual([`missingInLedger:n:${N2}`, 'missingOnList:n:24312000000000000004']);
  });

  it('reports an invoice listed twice once', () => {
    const out = run([platformRow(N1, { row: 2 }), platformRow(N1, { row: 3 })], []);
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]?.listRow).toBe(2);
  });
});
