import { describe, expect, it } from 'vitest';
import { keyValuePresent } from '../../bench/key-presence';

describe('keyValuePresent', () => {
  it('ignores full-width forms, spaces, currency signs and thousands separators', () => {
    expect(keyValuePresent('价税合计 (小写) ￥ 7,018.83', '7018.83')).toBe(true);
    expect(keyValuePresent('纳税人识别号：９１１２０２２２０７９６４２３９８Ｙ', '91120222079642398Y')).toBe(true);
    expect(keyValuePresent('成都彩虹电器（集团）股份有限公司', '成都彩虹电器(集团)股份有限公司')).toBe(true);
  });

  it('finds a date in its printed forms and not a different one', () => {
    expect(keyValuePresent('开票日期：2019年05月08日', '2019-05-08')).toBe(true);
    expect(keyValuePresent('开票日期:2019年5月8日', '2019-05-08')).toBe(true);
    expect(keyValuePresent('2019 0508', '2019-05-08')).toBe(true);
    expect(keyValuePresent('2019年05月18日', '2019-05-08')).toBe(false);
  });

  it('does not find a value with a misread character', () => {
    expect(keyValuePresent('91340100MR2UMW7E42', '91340100MA2UMW7E42')).toBe(false);
  });
});
