import { describe, expect, it } from 'vitest';
import { bestReading, glyphsOf, valueConfidence, type RegionText } from './reading-vote';

const read = (text: string, confidences?: readonly number[]): RegionText => {
  const glyphs = Array.from(text.replace(/\s+/g, ''));
  return confidences === undefined ? { text } : { text, glyphs: glyphs.map((g, i): [string, number] => [g, confidences[i] ?? 0]) };
};

describe('valueConfidence', () => {
  it('is the weakest glyph spelling the value, ignoring the label before it', () => {
    expect(valueConfidence('测试企业', read('名称: 测试企业', [99, 90, 95, 60, 97, 98, 99]))).toBe(60);
  });

  it('matches after the field normalisation (full-width forms) and is 0 when the glyphs do not spell the value', () => {
    expect(valueConfidence('甲(北京)', read('甲（北京）', [90, 80, 70, 85, 88]))).toBe(70);
    expect(valueConfidence('乙方', read('甲方', [90, 90]))).toBe(0);
  });

  it('is null without glyph confidences', () => {
    expect(valueConfidence('甲方', read('甲方'))).toBeNull();
  });
});

describe('bestReading', () => {
  it('prefers one confident reading over two that agree on a doubtful glyph', () => {
    const readings = [
      { value: '训试销方企业', from: read('名称: 训试销方企业', [99, 92, 95, 56, 50, 98, 98, 99, 99]) },
      { value: '训试销方企业', from: read('名称: 训试销方企业', [99, 92, 95, 56, 87, 99, 99, 99, 99]) },
      { value: '测试销方企业', from: read('名厌: 测试销方企业', [99, 85, 96, 95, 99, 98, 99, 96, 99]) },
    ];
    expect(bestReading(readings)).toBe('测试销方企业');
  });

  it('falls back to the majority, then the earliest reading, without confidences', () => {
    expect(bestReading([{ value: '甲', from: read('甲') }, { value: '乙', from: read('乙') }, { value: '乙', from: read('乙') }])).toBe('乙');
    expect(bestReading([{ value: undefined, from: read('') }, { value: '甲', from: read('甲') }, { value: '乙', from: read('乙') }])).toBe('甲');
    expect(bestReading([{ value: undefined, from: read('') }])).toBeUndefined();
  });
});

describe('glyphsOf', () => {
  it('flattens blocks to glyphs in reading order', () => {
    const symbols = (s: string, c: number) => Array.from(s).map((text) => ({ text, confidence: c }));
    const tree = [{ paragraphs: [{ lines: [{ words: [{ symbols: symbols('名称', 90) }, { symbols: symbols('甲方', 80) }] }, { words: [{ symbols: symbols('12', 70) }] }] }] }];
    expect(glyphsOf(tree)).toEqual([['名', 90], ['称', 90], ['甲', 80], ['方', 80], ['1', 70], ['2', 70]]);
  });
});
