import { describe, expect, it } from 'vitest';
import { coreSimilarity, nameCore, nameSimilarity, plainName } from './names';

describe('nameCore', () => {
  it.each([
    ['上海某某科技有限公司', '上海某某科技'],
    ['上海某某科技有限责任公司', '上海某某科技'],
    ['上海某某科技股份有限公司', '上海某某科技'],
    ['上海某某科技有限公司北京分公司', '上海某某科技'],
    ['上海某某科技有限公司（北京分公司）', '上海某某科技'],
    ['ＡＢＣ（上海）贸易有限公司', 'abc上海贸易'],
    ['ABC (上海) 贸易 有限公司', 'abc上海贸易'],
    ['中国建设银行股份有限公司北京海淀支行', '中国建设银行'],
    ['某某餐饮管理海淀门店', '某某餐饮管理海淀'],
    ['某某商贸营业部', '某某商贸'],
    ['Acme Trading Co., Ltd.', 'acmetrading'],
    ['公司', '公司'],
    ['', ''],
  ])('%s → %s', (name, core) => {
    expect(nameCore(name)).toBe(core);
  });

  it('keeps a sole trader name whole (经营部 is the name, not a branch)', () => {
    expect(nameCore('海淀区某某文具经营部')).toBe('海淀区某某文具经营部');
  });
});

describe('plainName', () => {
  it('folds width, bracket style and spaces but keeps the legal form', () => {
    expect(plainName('北京 示例（集团）有限公司')).toBe(plainName('北京示例(集团)有限公司'));
    expect(plainName('北京示例有限公司')).not.toBe(plainName('北京示例有限责任公司'));
  });
});

describe('similarity', () => {
  it('is 1 for names that differ only in form, suffix or branch', () => {
    expect(nameSimilarity('上海某某科技有限公司', '上海某某科技有限公司北京分公司')).toBe(1);
    expect(nameSimilarity('上海某某科技（集团）有限公司', '上海某某科技(集团)有限责任公司')).toBe(1);
  });

  it('is high but below 1 when one core contains the other', () => {
    const s = nameSimilarity('上海某某科技有限公司', '某某科技有限公司');
    expect(s).toBeGreaterThanOrEqual(0.6);
    expect(s).toBeLessThan(1);
  });

  it('is low for unrelated names and 0 for an empty one', () => {
    expect(nameSimilarity('上海某某科技有限公司', '广州另一家餐饮有限公司')).toBeLessThan(0.3);
    expect(coreSimilarity('', '某某')).toBe(0);
  });

  it('gives a partial score to names sharing most characters', () => {
    const s = nameSimilarity('北京华远达商贸有限公司', '北京华远商贸有限公司');
    expect(s).toBeGreaterThan(0.5);
    expect(s).toBeLessThan(0.9);
  });
});
