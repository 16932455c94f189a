// 价税合计（大写）: the total printed in Chinese capital numerals ("贰仟捌佰玖拾捌圆整", "玖万柒仟柒佰肆拾捌圆叁角整"),
// a second reading of the total that OCR gets right or visibly wrong — a garbled character makes the whole
// reading fail instead of giving another number.
import { fen, type Fen } from '../../domain/money';

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 壹: 1, 贰: 2, 貳: 2, 叁: 3, 參: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 拾: 10, 佰: 100, 仟: 1000 };

/**
 * The amount in fen of a capital-numeral text, or undefined unless every character is understood. A leading
 * 负 or (负数) makes it negative (红字 invoices); 圆/元 ends the yuan, 角 and 分 follow, 整/正 closes.
 */
export function parseAmountWords(raw: string): Fen | undefined {
  let t = raw.replace(/[\s:：()（）⊗⊕ⓧ]/g, '');
  let sign = 1;
  if (t.startsWith('负数')) { sign = -1; t = t.slice(2); } else if (t.startsWith('负')) { sign = -1; t = t.slice(1); }
  t = t.replace(/[整正]$/, '');
  if (t === '') return undefined;
  let yuan = 0;
  let section = 0;
  let pending: number | null = null;
  let jiao = 0;
  let fenPart = 0;
  let stage: 'yuan' | 'cents' = 'yuan';
  for (const ch of t) {
    const d = DIGITS[ch];
    if (d !== undefined) { pending = d; continue; }
    const small = SMALL_UNITS[ch];
    if (small !== undefined && stage === 'yuan') {
      section += (pending ?? (ch === '拾' ? 1 : NaN)) * small;
      pending = null;
      continue;
    }
    if ((ch === '万' || ch === '萬' || ch === '亿') && stage === 'yuan') {
      const unit = ch === '亿' ? 100_000_000 : 10_000;
      yuan = (yuan + section + (pending ?? 0)) * unit;
      section = 0;
      pending = null;
      continue;
    }
    if ((ch === '圆' || ch === '元' || ch === '圓') && stage === 'yuan') {
      yuan += section + (pending ?? 0);
      section = 0;
      pending = null;
      stage = 'cents';
      continue;
    }
    if (ch === '角' && stage === 'cents' && pending !== null) { jiao = pending; pending = null; continue; }
    if (ch === '分' && stage === 'cents' && pending !== null) { fenPart = pending; pending = null; continue; }
    return undefined;
  }
  if (stage === 'yuan' || pending !== null || !Number.isFinite(yuan)) return undefined;
  return fen(sign * (yuan * 100 + jiao * 10 + fenPart));
}
