import { describe, expect, it } from 'vitest';
import { amountText, amountTick, monthLabel } from './chart-format';

describe('chart labels', () => {
  it('write amounts as 元, 万 in Chinese and k in English', () => {
    expect(amountTick(123_400, 'zh-CN')).toBe('1234');
    expect(amountTick(1_234_567_800, 'zh-CN')).toBe('1,234.6万');
    expect(amountTick(1_234_567_800, 'en')).toBe('12,346k');
    expect(amountText(37_900)).toBe('379.00');
  });

  it('name months short on the axis and in full in tables', () => {
    expect(monthLabel('2026-12', 'zh-CN', false)).toBe('12月');
    expect(monthLabel('2026-01', 'zh-CN', true)).toBe('2026年1月');
    expect(monthLabel('2026-03', 'en', false)).toBe('Mar');
    expect(monthLabel('2026-03', 'en', true)).toBe('Mar 2026');
  });
});
