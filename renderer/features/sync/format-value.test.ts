import { describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n/translate';
import { SYNC_MESSAGES } from './messages';
import { formatSyncValue } from './format-value';

const t = (key: string, params?: Readonly<Record<string, string | number>>) => translate(SYNC_MESSAGES, 'zh-CN', key, params);

describe('formatSyncValue', () => {
  it('shows values the way a clerk reads them', () => {
    expect(formatSyncValue(t, 'total', 5260012)).toBe('¥52,600.12');
    expect(formatSyncValue(t, 'seller', { name: '兰溪市悦济舫餐厅', taxId: '92330781MA2EDMFU50' })).toBe('兰溪市悦济舫餐厅（92330781MA2EDMFU50）');
    expect(formatSyncValue(t, 'remarks', '')).toBe('（空）');
    expect(formatSyncValue(t, 'isRed', true)).toBe('是');
    expect(formatSyncValue(t, 'lines', [{}, {}])).toBe('2 行明细');
    expect(formatSyncValue(t, '*', 'deleted')).toBe('已删除');
    expect(formatSyncValue(t, 'remarks', '加急')).toBe('加急');
  });
});
