import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../domain/draft';
import type { InvoiceDraft } from '../domain/invoice';
import { issueMessage } from '../i18n/domain-messages';
import { missingBuyerColumns, withCompanyBuyer } from './ledger-buyer';
import { previewLedgerImport } from './ledger-import';
import { readLedgerRows, type LedgerSheetRow, type Workbook } from './sheet';

const COMPANY = { name: '北京某某科技有限公司', taxId: '91110108690017781B' };
const CTX = { today: '2025-10-01' };
const NONE = { hard: new Map<string, string>(), soft: new Map<string, string>() };

/** A purchase ledger as clerks keep it: seller, number, date and money, no buyer columns. */
const PURCHASES: Workbook = {
  fileName: '2024年进项台账.xlsx',
  sheets: [{
    name: '进项',
    rows: [
      ['发票号码', '开票日期', '供应商', '供应商税号', '金额', '税额', '价税合计', '税率'],
      ['24112000000048540001', '2024-05-28', '上海某某贸易有限公司', '91310000MA1FL0AB1X', '100.00', '6.00', '106.00', '6%'],
      ['24112000000048540002', '2024-05-29', '上海某某贸易有限公司', '91310000MA1FL0AB1X', '200.00', '12.00', '212.00', '6%'],
    ],
  }],
};

function rowsOf(wb: Workbook): { rows: LedgerSheetRow[]; columns: Readonly<Record<string, string>> } {
  const r = readLedgerRows(wb);
  if (!r.ok) throw new Error(r.error.code);
  return { rows: [...r.value.rows], columns: r.value.columns };
}

describe('missingBuyerColumns', () => {
  it('names the buyer columns a ledger sheet lacks', () => {
    expect(missingBuyerColumns(rowsOf(PURCHASES).columns)).toEqual(['buyerName', 'buyerTaxId']);
    expect(missingBuyerColumns({ number: '发票号码', buyerName: '购买方名称' })).toEqual(['buyerTaxId']);
    expect(missingBuyerColumns({ buyerName: '购买方名称', buyerTaxId: '购买方税号' })).toEqual([]);
  });
});

describe('withCompanyBuyer', () => {
  it('turns a file the entry form refuses row by row into one it takes', () => {
    const { rows } = rowsOf(PURCHASES);
    const before = previewLedgerImport(rows, NONE, CTX);
    expect(before.counts).toMatchObject({ rows: 2, new: 0, errors: 2 });
    const refused = before.outcomes[0];
    expect(refused?.kind === 'error' ? refused.issues.map((i) => issueMessage(i, 'zh-CN')) : []).toContain('购买方名称不能为空，请填写');
    const after = previewLedgerImport(withCompanyBuyer(rows, COMPANY), NONE, CTX);
    expect(after.counts).toMatchObject({ rows: 2, new: 2, errors: 0 });
    expect(after.items.map((i) => i.content.buyer)).toEqual([COMPANY, COMPANY]);
  });

  it('fills only what a row leaves empty, trims the company’s fields and upper-cases the tax id', () => {
    const draft = (over: Partial<InvoiceDraft>): LedgerSheetRow => ({ row: 2, status: null, draft: { ...emptyDraft('digital_normal'), ...over } });
    const given = draft({ buyerName: '个人', buyerTaxId: '' });
    const [filled, kept, untouched] = withCompanyBuyer([draft({}), given, draft({ buyerName: '甲公司', buyerTaxId: '91110000X' })], { name: ` ${COMPANY.name} `, taxId: '91110108690017781b' });
    expect(filled?.draft).toMatchObject({ buyerName: COMPANY.name, buyerTaxId: COMPANY.taxId });
    expect(kept?.draft).toMatchObject({ buyerName: '个人', buyerTaxId: COMPANY.taxId });
    expect(untouched?.draft).toMatchObject({ buyerName: '甲公司', buyerTaxId: '91110000X' });
    expect(withCompanyBuyer([given], { name: '', taxId: '' })[0]).toBe(given);
  });
});
