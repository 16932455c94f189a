import { describe, expect, it } from 'vitest';
import type { InvoiceDraft, Issue, LineDraft } from './invoice';
import { emptyDraft, emptyLineDraft } from './draft';
import { validateDraft } from './validate';

const TODAY = { today: '2025-10-01' };

/** 北京 数电专票 (a real invoice: ofdrw's sample 20240531141733.ofd): 价税合计 4449.00, 金额 4197.17, 6%. */
function beijingDigital(): InvoiceDraft {
  return {
    ...emptyDraft('digital_special'),
    number: '24112000000048542163', issueDate: '2024年05月28日',
    sellerName: '北京某某科技有限公司', sellerTaxId: '91110108690017781B',
    buyerName: '北京某某咨询有限公司', buyerTaxId: '91110108339805094M',
    amount: '4197.17', tax: '251.83', total: '4449.00', taxRate: '6%',
    lines: [{ name: '*信息技术服务*技术服务费', spec: '', unit: '项', qty: '1', unitPrice: '4197.16981132075', amount: '4197.17', taxRate: '6%', tax: '251.83' }],
  };
}

/** 浙江 增值税电子普通发票 (ofdrw 1.ofd): 033002000211 / 83089647, 金额 510.68, 价税合计 526.00. */
function zhejiangElectronic(): InvoiceDraft {
  return {
    ...emptyDraft('e_normal'),
    code: '033002000211', number: '83089647', issueDate: '2020-07-23', checkCode: '16197 83356 74145 07415',
    sellerName: '某某个体工商户', sellerTaxId: '92330781MA2EDMFU50', buyerName: '个人', buyerTaxId: '',
    amount: '510.68', tax: '15.32', total: '526.00', taxRate: '3%',
  };
}

const line = (over: Partial<LineDraft>): LineDraft => ({ ...emptyLineDraft(), name: '办公用品', ...over });
const codes = (issues: readonly Issue[]) => issues.map((i) => `${i.field} ${i.severity}:${i.code}`);

describe('validateDraft — a real invoice', () => {
  it('turns the 北京 数电专票 into content with exact fen and no issues', () => {
    const { content, issues } = validateDraft(beijingDigital(), TODAY);
    expect(issues).toEqual([]);
    expect(content).toEqual({
      kind: 'digital_special', code: '', number: '24112000000048542163', issueDate: '2024-05-28',
      seller: { name: '北京某某科技有限公司', taxId: '91110108690017781B' },
      buyer: { name: '北京某某咨询有限公司', taxId: '91110108339805094M' },
      lines: [{ name: '*信息技术服务*技术服务费', spec: '', unit: '项', qty: '1', unitPrice: '4197.16981132075', amount: 419717, taxRate: '0.06', tax: 25183 }],
      amount: 419717, tax: 25183, total: 444900, taxRate: '0.06', checkCode: '', remarks: '', isRed: false,
    });
  });

  it('accepts an individual buyer ("个人") without a tax ID and keeps the check code without spaces', () => {
    const { content, issues } = validateDraft(zhejiangElectronic(), TODAY);
    expect(issues).toEqual([]);
    expect(content?.checkCode).toBe('16197833567414507415');
    expect(content?.buyer).toEqual({ name: '个人', taxId: '' });
  });

  it('normalises pasted full-width text before validating', () => {
    const draft = { ...zhejiangElectronic(), amount: '￥５１０．６８', total: '５２６.００', sellerTaxId: '９２３３０７８１ｍａ２ｅｄｍｆｕ５０' };
    const { content, issues } = validateDraft(draft, TODAY);
    expect(issues).toEqual([]);
    expect(content?.amount).toBe(51068);
    expect(content?.seller.taxId).toBe('92330781MA2EDMFU50');
  });
});

describe('validateDraft — required fields', () => {
  it('reports every missing required field and returns no content', () => {
    const { content, issues } = validateDraft(emptyDraft('digital_normal'), TODAY);
    expect(content).toBeNull();
    expect(codes(issues)).toEqual([
      'issueDate error:required', 'number error:required', 'sellerName error:required', 'buyerName error:required',
      'sellerTaxId error:required', 'amount error:required', 'tax error:required', 'total error:required',
    ]);
  });

  it.each(['sellerName', 'sellerTaxId', 'number', 'issueDate', 'amount', 'tax', 'total', 'buyerName'] as const)(
    'blocks saving without %s', (field) => {
      const { content, issues } = validateDraft({ ...beijingDigital(), [field]: ' ' }, TODAY);
      expect(content).toBeNull();
      expect(issues).toContainEqual({ field, severity: 'error', code: 'required' });
    },
  );

  it('refuses an unknown kind', () => {
    const draft = { ...zhejiangElectronic(), kind: 'lottery' } as unknown as InvoiceDraft;
    expect(codes(validateDraft(draft, TODAY).issues)).toContain('kind error:kind.invalid');
  });
});

describe('validateDraft — dates', () => {
  it.each(['2024-05-28', '2024/5/28', '2024年5月28日', '20240528'])('accepts %s', (issueDate) => {
    expect(validateDraft({ ...beijingDigital(), issueDate }, TODAY).content?.issueDate).toBe('2024-05-28');
  });

  it('refuses impossible, future and pre-1994 dates', () => {
    expect(codes(validateDraft({ ...beijingDigital(), issueDate: '2024-02-30' }, TODAY).issues)).toContain('issueDate error:issueDate.format');
    expect(validateDraft({ ...beijingDigital(), issueDate: '2025-10-02' }, TODAY).issues).toContainEqual(
      { field: 'issueDate', severity: 'error', code: 'issueDate.future', params: { today: '2025-10-01' } },
    );
    expect(validateDraft({ ...beijingDigital(), issueDate: '2025-10-01', number: '25112000000048542163' }, TODAY).content).not.toBeNull();
    expect(codes(validateDraft({ ...zhejiangElectronic(), issueDate: '1993-12-31' }, TODAY).issues)).toContain('issueDate error:issueDate.tooOld');
  });
});

describe('validateDraft — money', () => {
  it('requires 金额 + 税额 = 价税合计 exactly and names the expected total', () => {
    const { content, issues } = validateDraft({ ...zhejiangElectronic(), total: '526.01' }, TODAY);
    expect(content).toBeNull();
    expect(issues).toEqual([{ field: 'total', severity: 'error', code: 'total.mismatch', params: { expected: '526.00' } }]);
  });

  it('refuses a third decimal', () => {
    expect(validateDraft({ ...zhejiangElectronic(), tax: '15.321' }, TODAY).issues).toContainEqual(
      { field: 'tax', severity: 'error', code: 'money.decimals' },
    );
  });

  it('refuses unreadable and absurd amounts', () => {
    expect(codes(validateDraft({ ...zhejiangElectronic(), amount: '5l0.68' }, TODAY).issues)).toContain('amount error:money.format');
    expect(codes(validateDraft({ ...zhejiangElectronic(), total: '99999999999999' }, TODAY).issues)).toContain('total error:money.range');
  });

  it('refuses a negative total on a blue invoice and accepts it on a red one', () => {
    const negative = { ...zhejiangElectronic(), amount: '-510.68', tax: '-15.32', total: '-526.00' };
    expect(codes(validateDraft(negative, TODAY).issues)).toEqual(['total error:total.negativeBlue']);
    const red = validateDraft({ ...negative, isRed: true }, TODAY);
    expect(red.issues).toEqual([]);
    expect(red.content?.total).toBe(-52600);
  });

  it('warns on a red invoice with a positive total', () => {
    const { content, issues } = validateDraft({ ...zhejiangElectronic(), isRed: true }, TODAY);
    expect(codes(issues)).toEqual(['total warning:total.positiveRed']);
    expect(content).not.toBeNull();
  });

  it('warns when the tax is more than 6 fen off amount × header rate', () => {
    // 510.68 × 3% = 15.3204 → 15.32; 15.38 is 6 fen off (fine), 15.39 is 7 fen off (warning).
    const within = { ...zhejiangElectronic(), tax: '15.38', total: '526.06' };
    expect(validateDraft(within, TODAY).issues).toEqual([]);
    const beyond = { ...zhejiangElectronic(), tax: '15.39', total: '526.07' };
    expect(validateDraft(beyond, TODAY).issues).toEqual([
      { field: 'tax', severity: 'warning', code: 'tax.rateMismatch', params: { expected: '15.32', rate: '3%' } },
    ]);
  });

  it('accepts "***" tax as exempt zero and warns on tax under an exempt rate', () => {
    const exempt = { ...zhejiangElectronic(), taxRate: '', tax: '***', total: '510.68' };
    const { content, issues } = validateDraft(exempt, TODAY);
    expect(issues).toEqual([]);
    expect(content?.tax).toBe(0);
    expect(content?.taxRate).toBe('exempt');
    expect(codes(validateDraft({ ...zhejiangElectronic(), taxRate: '免税' }, TODAY).issues)).toEqual(['tax warning:tax.exemptNonZero']);
  });

  it('refuses an unreadable header rate but allows an empty one', () => {
    expect(codes(validateDraft({ ...zhejiangElectronic(), taxRate: 'thirteen' }, TODAY).issues)).toEqual(['taxRate error:taxRate.format']);
    expect(validateDraft({ ...zhejiangElectronic(), taxRate: '' }, TODAY).content?.taxRate).toBe('');
  });
});

describe('validateDraft — lines', () => {
  const withLines = (lines: LineDraft[], amount: string, tax: string): InvoiceDraft => {
    const a = Number(amount.replace('.', ''));
    const t = Number(tax.replace('.', ''));
    const total = String(a + t).padStart(3, '0');
    return { ...zhejiangElectronic(), taxRate: '', amount, tax, total: `${total.slice(0, -2)}.${total.slice(-2)}`, lines };
  };

  it('accepts the 天津 multi-line rounding case: 46.62 × 13% = 6.0606 printed as 6.08', () => {
    const draft = withLines([line({ amount: '46.62', taxRate: '13%', tax: '6.08' })], '46.62', '6.08');
    expect(validateDraft(draft, TODAY).issues).toEqual([]);
  });

  it('warns when a line tax is more than 0.06 off amount × rate', () => {
    const draft = withLines([line({ amount: '46.62', taxRate: '13%', tax: '6.13' })], '46.62', '6.13');
    expect(validateDraft(draft, TODAY).issues).toEqual([
      { field: 'lines.0.tax', severity: 'warning', code: 'line.tax', params: { expected: '6.06' } },
    ]);
  });

  it('checks quantity × unit price against the amount within 0.01, exactly', () => {
    const ok = withLines([line({ qty: '3', unitPrice: '6.2475247524753', amount: '18.74', taxRate: '1%', tax: '0.19' })], '18.74', '0.19');
    expect(validateDraft(ok, TODAY).issues).toEqual([]);
    const edge = withLines([line({ qty: '1', unitPrice: '18.75', amount: '18.74', taxRate: '1%', tax: '0.19' })], '18.74', '0.19');
    expect(validateDraft(edge, TODAY).issues).toEqual([]);
    const off = withLines([line({ qty: '1', unitPrice: '18.7511', amount: '18.74', taxRate: '1%', tax: '0.19' })], '18.74', '0.19');
    expect(validateDraft(off, TODAY).issues).toEqual([
      { field: 'lines.0.amount', severity: 'warning', code: 'line.amount', params: { expected: '18.75' } },
    ]);
  });

  it('refuses header totals that differ from the line sums', () => {
    const lines = [line({ amount: '100.00', taxRate: '13%', tax: '13.00' }), line({ amount: '50.00', taxRate: '13%', tax: '6.50' })];
    const { content, issues } = validateDraft(withLines(lines, '150.01', '19.50'), TODAY);
    expect(content).toBeNull();
    expect(issues).toEqual([{ field: 'amount', severity: 'error', code: 'lines.sum', params: { expected: '150.00' } }]);
    expect(validateDraft(withLines(lines, '150.00', '19.49'), TODAY).issues).toContainEqual(
      { field: 'tax', severity: 'error', code: 'lines.sum', params: { expected: '19.50' } },
    );
  });

  it('warns when the accumulated line tax error exceeds 1.27', () => {
    // 22 lines each 0.06 over (fine one by one) drift 1.32 in total; 21 lines drift 1.26.
    const make = (n: number) => Array.from({ length: n }, () => line({ amount: '100.00', taxRate: '13%', tax: '13.06' }));
    const many = validateDraft(withLines(make(22), '2200.00', '287.32'), TODAY);
    expect(many.issues).toEqual([{ field: 'tax', severity: 'warning', code: 'lines.taxDrift', params: { drift: '1.32' } }]);
    expect(validateDraft(withLines(make(21), '2100.00', '274.26'), TODAY).issues).toEqual([]);
  });

  it('treats "***" line tax as exempt and skips blank rows while keeping row indexes', () => {
    const lines = [emptyLineDraft(), line({ amount: '20.00', taxRate: '', tax: '***' }), line({ name: '', amount: '5.00', taxRate: '13%', tax: '0.65' })];
    const { content, issues } = validateDraft(withLines(lines, '25.00', '0.65'), TODAY);
    expect(issues).toEqual([{ field: 'lines.2.name', severity: 'warning', code: 'line.nameMissing' }]);
    expect(content?.lines.map((l) => [l.taxRate, l.tax])).toEqual([['exempt', 0], ['0.13', 65]]);
  });

  it('reports unreadable line cells on the right row', () => {
    const lines = [line({ amount: '10.00', taxRate: '13%', tax: '1.30' }), line({ qty: 'two', unitPrice: '1,5x', amount: '1.001', taxRate: '13', tax: '' })];
    const issues = validateDraft(withLines(lines, '10.00', '1.30'), TODAY).issues;
    expect(codes(issues)).toEqual([
      'lines.1.amount error:money.decimals', 'lines.1.tax error:required',
      'lines.1.qty error:line.qtyFormat', 'lines.1.unitPrice error:line.priceFormat',
    ]);
  });
});

describe('validateDraft — content is present exactly when there is no error', () => {
  it.each([
    ['valid', beijingDigital()],
    ['warning only', { ...zhejiangElectronic(), checkCode: '' }],
    ['bad check char', { ...beijingDigital(), sellerTaxId: '91500106MA2CE71F65' }],
    ['bad number', { ...beijingDigital(), number: '2411200000004854216' }],
    ['empty', emptyDraft()],
  ])('%s', (_name, draft) => {
    const { content, issues } = validateDraft(draft, TODAY);
    expect(content === null).toBe(issues.some((i) => i.severity === 'error'));
  });
});
