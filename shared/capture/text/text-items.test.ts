import { describe, expect, it } from 'vitest';
import { groupIntoLines, linesFromPlainText, tidySpaces, type TextItem } from './text-items';

const glyphs = (text: string, x: number, y: number, pitch: number, size = 9): TextItem[] =>
  Array.from(text).flatMap((str, i) => [
    { str, x: x + i * pitch, y, width: size, height: size, page: 1 },
    { str: ' ', x: x + i * pitch + size, y, width: pitch - size, height: 0, page: 1 },
  ]);

describe('groupIntoLines', () => {
  it('joins letter-spaced glyphs into one segment and splits at wide gaps, ignoring " " items', () => {
    const items = [...glyphs('名称：中国', 10, 100, 25), { str: ' ', x: 140, y: 100, width: 300, height: 0, page: 1 }, ...glyphs('名称：郫都', 500, 100, 25)];
    expect(groupIntoLines(items).map((l) => l.text)).toEqual(['名称:中国\t名称:郫都']);
  });

  it('keeps values a little off the label baseline on the label line, and separate rows apart', () => {
    const items: TextItem[] = [
      { str: '开票日期：', x: 10, y: 100, width: 45, height: 9, page: 1 },
      { str: '2023年01月30日', x: 56, y: 101.5, width: 60, height: 9, page: 1 },
      { str: '校验码：', x: 10, y: 115, width: 36, height: 9, page: 1 },
    ];
    expect(groupIntoLines(items).map((l) => l.text)).toEqual(['开票日期:2023年01月30日', '校验码:']);
  });

  it('maps Kangxi and CJK-supplement radicals to the characters they stand for', () => {
    const items: TextItem[] = [{ str: '⾦额 ⻓城', x: 0, y: 10, width: 40, height: 9, page: 1 }];
    expect(groupIntoLines(items)[0]?.text).toBe('金额长城');
  });

  it('keeps pages apart', () => {
    const items: TextItem[] = [
      { str: 'a', x: 0, y: 10, width: 5, height: 9, page: 2 },
      { str: 'b', x: 0, y: 10, width: 5, height: 9, page: 1 },
    ];
    expect(groupIntoLines(items).map((l) => [l.page, l.text])).toEqual([[1, 'b'], [2, 'a']]);
  });
});

describe('tidySpaces and linesFromPlainText', () => {
  it('keeps spaces only between Latin letters', () => {
    expect(tidySpaces('Apple Inc 科 技 16197 83356')).toBe('Apple Inc科技1619783356');
  });
  it('splits plain text lines into segments at runs of spaces', () => {
    expect(linesFromPlainText('名称：甲   名称：乙\n\n合 计  ¥1.00').map((l) => l.text)).toEqual(['名称:甲\t名称:乙', '合计\t¥1.00']);
  });
});
