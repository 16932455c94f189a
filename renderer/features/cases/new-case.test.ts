import { describe, expect, it } from 'vitest';
import { checkNewCase, EMPTY_NEW_CASE } from './new-case';

const TODAY = '2024-05-08';
const codes = (r: ReturnType<typeof checkNewCase>) => r.issues.map((i) => `${i.field}:${i.severity}:${i.code}`);

describe('checkNewCase', () => {
  it('needs only the number and the seller', () => {
    const r = checkNewCase({ ...EMPTY_NEW_CASE, number: ' 0123 4567 ', sellerName: '  北京某某有限公司 ' }, TODAY);
    expect(r.issues).toEqual([]);
    expect(r.ref).toEqual({ kind: null, code: '', number: '01234567', issueDate: '', seller: { name: '北京某某有限公司', taxId: '' }, total: null });
  });

  it('names each missing or malformed field with the entry form\'s codes', () => {
    const r = checkNewCase({ ...EMPTY_NEW_CASE, kind: 'vat_special', code: '12', issueDate: '2024-13-01', total: '12.345' }, TODAY);
    expect(r.ref).toBeNull();
    expect(codes(r)).toEqual(expect.arrayContaining([
      'issueDate:error:issueDate.format', 'code:error:code.length', 'number:error:required', 'sellerName:error:required', 'total:error:money.decimals',
    ]));
  });

  it('refuses a future date and a 数电 number on a paper kind', () => {
    const r = checkNewCase({ ...EMPTY_NEW_CASE, kind: 'vat_normal', code: '011002300111', number: '24112000000012345678', issueDate: '2024-06-01', sellerName: 'A' }, TODAY);
    expect(codes(r)).toEqual(expect.arrayContaining(['issueDate:error:issueDate.future', 'number:error:number.digitalKind']));
  });

  it('keeps warnings without blocking and reads the total into fen', () => {
    const r = checkNewCase({ ...EMPTY_NEW_CASE, kind: 'digital_normal', number: '24112000000012345678', issueDate: '2024年5月3日', sellerName: 'A', sellerTaxId: '1234567890123', total: '￥1,234.50' }, TODAY);
    expect(r.ref?.total).toBe(123450);
    expect(r.ref?.issueDate).toBe('2024-05-03');
    expect(r.ref?.kind).toBe('digital_normal');
    expect(r.issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(r.issues.some((i) => i.field === 'sellerTaxId')).toBe(true);
  });
});
