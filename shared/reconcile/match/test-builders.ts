// Small builders of platform rows, ledger invoices and bank rows for the matching tests (and the CLI's tests).
import { fen } from '../../domain/money';
import type { BankRow, LedgerInvoice, PlatformRow } from '../types';

/** The company (buyer of incoming invoices) in the builders. */
export const COMPANY = { name: '北京示例科技有限公司', taxId: '91110108690017781B' };
/** A default supplier. */
export const SUPPLIER = { name: '上海供应商贸易有限公司', taxId: '91310000MA1FL0AB1X' };

/** A platform row for a 数电 invoice with the given number, overridable field by field. */
export function platformRow(number: string, over: Partial<PlatformRow> = {}): PlatformRow {
  return {
    row: 2, code: '', number, issueDate: '2024-05-10', seller: SUPPLIER, buyer: COMPANY,
    amount: fen(10_000), tax: fen(1_300), total: fen(11_300), kindText: '数电发票（增值税专用发票）', kind: 'digital_special',
    status: 'normal', statusText: '正常', risk: 'normal', isPositive: true, remarks: '', ...over,
  };
}

/** A live ledger invoice matching platformRow(number) unless overridden. */
export function ledgerInvoice(number: string, over: Partial<LedgerInvoice> = {}): LedgerInvoice {
  return {
    id: `inv-${number}`, kind: 'digital_special', code: '', number, issueDate: '2024-05-10', seller: SUPPLIER, buyer: COMPANY,
    amount: fen(10_000), tax: fen(1_300), total: fen(11_300), status: 'entered', deleted: false, ...over,
  };
}

/** A payment out of the company's account. */
export function bankRow(over: Partial<BankRow> = {}): BankRow {
  return {
    row: 2, date: '2024-05-12', direction: 'out', amount: fen(11_300), counterparty: SUPPLIER.name,
    counterpartyAccount: '', summary: '货款', serial: '', ...over,
  };
}
