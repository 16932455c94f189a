import { describe, expect, it } from 'vitest';
import { parseIssueDate } from './date';

function dateOf(text: string): string {
  const r = parseIssueDate(text);
  return r.ok ? r.value : `error:${r.error.kind}`;
}

describe('parseIssueDate', () => {
  it.each([
    ['2024-05-28', '2024-05-28'], ['2024/5/28', '2024-05-28'], ['2024年5月28日', '2024-05-28'], ['20240528', '2024-05-28'],
    ['2020年07月23日', '2020-07-23'], ['2024.5.8', '2024-05-08'], ['２０２４－０５－２８', '2024-05-28'],
    ['2023-02-23 10:08:05', '2023-02-23'], [' 2024 年 5 月 28 日 ', '2024-05-28'], ['2024-02-29', '2024-02-29'],
  ])('reads %s as %s', (text, expected) => {
    expect(dateOf(text)).toBe(expected);
  });

  it('refuses impossible days and other text', () => {
    for (const text of ['2023-02-29', '2024-13-01', '2024-04-31', '20241301', '28/05/2024', '2024-5', 'yesterday', '0024-01-01']) {
      expect(dateOf(text), text).toBe('error:format');
    }
    expect(dateOf('')).toBe('error:empty');
  });
});
