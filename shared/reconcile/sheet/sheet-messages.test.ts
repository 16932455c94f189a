import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../i18n/translate';
import { problemMessage, skippedMessage } from './problem-message';
import { ROW_PROBLEM_CODES } from './problems';
import { SHEET_MESSAGES } from './sheet-messages';
import type { SheetProblemCode } from './types';

const CODES: readonly SheetProblemCode[] = ['tooLarge', 'notSpreadsheet', 'passwordProtected', 'unreadable', 'empty', 'headersOnly', 'noColumns', 'noSheet'];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('SHEET_MESSAGES', () => {
  it('has every message in both languages with the same placeholders', () => {
    for (const [key, entry] of Object.entries(SHEET_MESSAGES)) {
      for (const locale of LOCALES) expect(entry[locale].trim(), `${key} ${locale}`).not.toBe('');
      expect(placeholders(entry.en), key).toEqual(placeholders(entry['zh-CN']));
    }
  });

  it('names the file in every whole-file problem', () => {
    for (const code of CODES) {
      const params = { file: '流水.xlsx', size: 200, max: 100, sheet: 'S', row: 1, expected: '交易日期', found: '日期' };
      for (const locale of LOCALES) {
        const text = problemMessage({ code, params }, locale);
        expect(text, `${code} ${locale}`).toContain('流水.xlsx');
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('has a message for every row problem code and every skip reason', () => {
    for (const code of ROW_PROBLEM_CODES) expect(Object.keys(SHEET_MESSAGES), code).toContain(`sheet.row.${code}`);
    for (const reason of ['total', 'blank', 'duplicate', 'note']) expect(Object.keys(SHEET_MESSAGES)).toContain(`sheet.skipped.${reason}`);
  });

  it('formats row problems with the row number, and skipped rows', () => {
    expect(problemMessage({ row: 12, field: 'amount', code: 'amountMissing', params: { header: '金额', value: '' } }, 'en')).toBe('Row 12: there is no amount (“金额” is empty or zero).');
    expect(skippedMessage({ row: 9, reason: 'duplicate', duplicateOf: 4 }, 'zh-CN')).toBe('与第 4 行重复');
    expect(skippedMessage({ row: 9, reason: 'total' }, 'en')).toBe('Total line');
  });
});
