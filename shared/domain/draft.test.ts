import { describe, expect, it } from 'vitest';
import type { InvoiceDraft } from './invoice';
import { DEFAULT_KIND, draftFromContent, emptyDraft, emptyLineDraft, normalizeDraft } from './draft';
import { validateDraft } from './validate';

const pasted: InvoiceDraft = {
  ...emptyDraft('e_normal'),
  code: ' ０３３００２０００２１１ ', number: '8308 9647', issueDate: '2020年7月23日', checkCode: '16197 83356 74145 07415',
  sellerName: '  杭州\u3000某某  有限公司 ', sellerTaxId: '９２３３０７８１ma２ｅｄｍｆｕ５０', buyerName: '个人', buyerTaxId: '',
  amount: '￥５１０．６８', tax: '15.32', total: '¥ 526', taxRate: '0.03', remarks: ' 购买方地址：杭州 \n 电话：１２３ ',
  lines: [{ ...emptyLineDraft(), name: ' 服务费 ', qty: '１', unitPrice: '510.679612', amount: '510.68', taxRate: '３％', tax: '15.32' }],
};

describe('emptyDraft', () => {
  it('starts blank with the default or given kind', () => {
    expect(emptyDraft().kind).toBe(DEFAULT_KIND);
    expect(emptyDraft('vat_special')).toMatchObject({ kind: 'vat_special', number: '', lines: [], isRed: false });
  });
});

describe('normalizeDraft', () => {
  it('tidies pasted text field by field', () => {
    const d = normalizeDraft(pasted);
    expect(d).toMatchObject({
      code: '033002000211', number: '83089647', issueDate: '2020-07-23', checkCode: '16197833567414507415',
      sellerName: '杭州 某某 有限公司', sellerTaxId: '92330781MA2EDMFU50', amount: '510.68', total: '526.00', taxRate: '3%',
      remarks: '购买方地址:杭州\n电话:123',
    });
    expect(d.lines[0]).toMatchObject({ name: '服务费', qty: '1', taxRate: '3%' });
  });

  it('keeps unreadable text so the clerk can correct it', () => {
    const d = normalizeDraft({ ...pasted, amount: '5l0.68', issueDate: '2020-02-30', taxRate: 'abc', tax: '***' });
    expect(d).toMatchObject({ amount: '5l0.68', issueDate: '2020-02-30', taxRate: 'abc', tax: '***' });
  });

  it('is idempotent', () => {
    const once = normalizeDraft(pasted);
    expect(normalizeDraft(once)).toEqual(once);
  });
});

describe('draftFromContent', () => {
  it('round-trips validated content', () => {
    const first = validateDraft(pasted, { today: '2025-01-01' });
    expect(first.issues).toEqual([]);
    const content = first.content;
    if (content === null) throw new Error('expected content');
    const draft = draftFromContent(content);
    expect(draft).toMatchObject({ amount: '510.68', tax: '15.32', total: '526.00', taxRate: '3%' });
    expect(validateDraft(draft, { today: '2025-01-01' }).content).toEqual(content);
  });

  it('writes exempt and non-taxable rates in words', () => {
    const content = validateDraft({ ...pasted, taxRate: '免税', tax: '0', total: '510.68', lines: [] }, { today: '2025-01-01' }).content;
    expect(content && draftFromContent(content).taxRate).toBe('免税');
    const nontax = validateDraft({ ...pasted, taxRate: '不征税', tax: '0', total: '510.68', lines: [] }, { today: '2025-01-01' }).content;
    expect(nontax && draftFromContent(nontax).taxRate).toBe('不征税');
  });
});
