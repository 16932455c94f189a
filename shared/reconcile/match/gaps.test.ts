import { describe, expect, it } from 'vitest';
import type { LedgerInvoice, PlatformRow } from '../types';
import { MAX_GAP } from './gaps';
import { reconcile } from './reconcile';
import { COMPANY, ledgerInvoice, platformRow, SUPPLIER } from './test-builders';

const MAY = { from: '2024-05-01', to: '2024-05-31' };
const CODE = '3100231130'; // 上海, 2023, 8th digit 1 = 专票
const paper = (n: number, over: Partial<LedgerInvoice> = {}) =>
  ledgerInvoice(String(n).padStart(8, '0'), { id: `p-${String(n)}`, kind: 'vat_special', code: CODE, ...over });
const paperRow = (n: number, over: Partial<PlatformRow> = {}) =>
  platformRow(String(n).padStart(8, '0'), { kind: null, code: CODE, ...over });

function gaps(ledger: LedgerInvoice[], list: PlatformRow[] = []) {
  const out = reconcile({ list, ledger, period: MAY, companyTaxId: COMPANY.taxId, direction: 'in' });
  return out.findings.filter((f) => f.type === 'sequenceGap');
}

describe('sequence gaps', () => {
  it('reports one finding per missing range of a regular supplier, with its size', () => {
    const found = gaps([paper(100), paper(101), paper(104), paper(105), paper(107)]);
    expect(found.map((f) => f.key)).toEqual([`gap:${SUPPLIER.taxId}:${CODE}:00000102-00000103`, `gap:${SUPPLIER.taxId}:${CODE}:00000106-00000106`]);
    expect(found[0]?.detail).toMatchObject({ sellerName: SUPPLIER.name, code: CODE, from: '00000102', to: '00000103', count: 2 });
  });

  it('needs three numbers before a supplier counts as regular', () => {
    expect(gaps([paper(100), paper(105)])).toEqual([]);
    expect(gaps([paper(100), paper(105), paper(106)])).toHaveLength(1);
  });

  it('fills the sequence from the platform list too (a listed number is not a gap, even voided)', () => {
    const list = [paperRow(101, { status: 'voided', statusText: '已作废' }), paperRow(102)];
    expect(gaps([paper(100), paper(103)], list)).toEqual([]);
  });

  it('ignores ranges wider than the cap instead of listing a million numbers', () => {
    expect(gaps([paper(1), paper(2), paper(3 + MAX_GAP + 1)])).toEqual([]);
    expect(gaps([paper(1), paper(2), paper(3 + MAX_GAP)]).map((f) => f.detail.count)).toEqual([MAX_GAP]);
    expect(gaps([paper(1), paper(2), paper(99_999_999)])).toEqual([]);
  });

  it('keeps each seller and each code apart', () => {
    const other = { name: '另一家', taxId: '91440000MA00000000' };
    expect(gaps([paper(100), paper(102, { seller: other }), paper(104), paper(106, { code: '3100231131' })])).toEqual([]);
  });

  it('looks only at paper kinds: 数电 and electronic 普票 numbers are not sequences', () => {
    const electronic = (n: number) => paper(n, { kind: 'e_normal', code: '031002300111' });
    expect(gaps([electronic(1), electronic(3), electronic(5)])).toEqual([]);
    const roll = (n: number) => paper(n, { kind: 'roll', code: '031002300106' });
    expect(gaps([roll(1), roll(3), roll(5)])).toHaveLength(2);
    // A list row without a recognised kind is judged by its code (10-digit, 8th digit 3 = 普票).
    expect(gaps([], [paperRow(1, { code: '3100231330' }), paperRow(3, { code: '3100231330' }), paperRow(4, { code: '3100231330' })])).toHaveLength(1);
  });

  it('ignores deleted ledger invoices and the other direction', () => {
    expect(gaps([paper(100), paper(101, { deleted: true }), paper(102), paper(103)])).toHaveLength(1);
    const sold = (n: number) => paper(n, { seller: COMPANY, buyer: SUPPLIER });
    expect(gaps([sold(1), sold(3), sold(5)])).toEqual([]);
  });

  it('reports a gap in the run whose period overlaps the invoices around it', () => {
    const march = (n: number) => paper(n, { issueDate: '2024-03-10' });
    expect(gaps([march(1), march(3), march(5)])).toEqual([]);
    expect(gaps([march(1), march(2), paper(4, { issueDate: '2024-06-03' })])).toHaveLength(1);
    expect(gaps([march(1), march(3), paper(5)]).map((f) => f.detail.from)).toEqual(['00000004']);
  });
});
