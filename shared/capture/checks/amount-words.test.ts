import { describe, expect, it } from 'vitest';
import { parseAmountWords } from './amount-words';

describe('parseAmountWords (价税合计 in capitals)', () => {
  it.each([
    ['贰仟捌佰玖拾捌圆整', 289800],
    ['玖万柒仟柒佰肆拾捌圆叁角整', 9774830],
    ['伍拾贰圆柒角', 5270],
    ['柒仟零壹拾捌圆捌角叁分', 701883],
    ['壹佰玖拾陆圆整', 19600],
    ['拾圆整', 1000],
    ['壹拾万零伍圆整', 10000500],
    ['负数壹佰圆整', -10000],
    ['⊗贰仟捌佰玖拾捌圆整', 289800],
    ['零圆伍角', 50],
  ])('%s → %d fen', (text, fen) => {
    expect(parseAmountWords(text)).toBe(fen);
  });

  it.each(['整仟零捌拾图整', '贰仟捌佰', '', '叁角', '壹佰圆伍'])('refuses a garbled or incomplete reading: %s', (text) => {
    expect(parseAmountWords(text)).toBeUndefined();
  });
});
