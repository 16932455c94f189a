import { describe, expect, it } from 'vitest';
import { ExtractionBuilder, isCertain } from '../extracted';
import { applyOwnCompany } from './own-company';

const US = { taxId: '91340100MA2UMW7E42', name: '安徽特扭航天科技有限公司' };

function read(buyerTaxId: string, buyerName: string, confidence: number) {
  return new ExtractionBuilder({ source: 'ocr', confidence })
    .set('buyerTaxId', buyerTaxId).set('buyerName', buyerName)
    .set('sellerTaxId', '91340100732995648F').set('sellerName', '合肥华强资讯科技有限公司').build();
}

describe('applyOwnCompany', () => {
  it('confirms the buyer that is the company and corrects a misread character of its name', () => {
    const e = applyOwnCompany(read('91340100MA2UMW7E42', '安徽特扭航大科技有限公司', 0.75), US);
    expect(e.fields.buyerName).toBe(US.name);
    expect(isCertain(e.sources.buyerTaxId ?? { confidence: 0 })).toBe(true);
    expect(isCertain(e.sources.buyerName ?? { confidence: 0 })).toBe(true);
    expect(e.fields.sellerName).toBe('合肥华强资讯科技有限公司');
    expect(isCertain(e.sources.sellerName ?? { confidence: 1 })).toBe(false);
  });

  it('corrects a doubtful reading of its own tax id (MA read as MR) but not a confident other company', () => {
    expect(applyOwnCompany(read('91340100MR2UMW7E42', '安徽特扭航天科技有限公司', 0.3), US).fields.buyerTaxId).toBe(US.taxId);
    const other = applyOwnCompany(read('91340100MR2UMW7E42', '别的公司', 0.9), US);
    expect(other.fields.buyerTaxId).toBe('91340100MR2UMW7E42');
    expect(other.fields.buyerName).toBe('别的公司');
  });

  it('recognises the company as the seller of a sales invoice and leaves a different name alone', () => {
    const e = applyOwnCompany(read('91110108101984088U', '北京某某有限公司', 0.75), { taxId: '91340100732995648F', name: '完全不同的名字有限公司' });
    expect(isCertain(e.sources.sellerTaxId ?? { confidence: 0 })).toBe(true);
    expect(e.fields.sellerName).toBe('合肥华强资讯科技有限公司');
    expect(e.fields.buyerTaxId).toBe('91110108101984088U');
  });

  it('changes nothing without a usable company tax id or when no party is the company', () => {
    const e = read('91110108101984088U', '北京某某有限公司', 0.75);
    expect(applyOwnCompany(e, { taxId: '' })).toBe(e);
    expect(applyOwnCompany(e, US)).toBe(e);
  });
});
