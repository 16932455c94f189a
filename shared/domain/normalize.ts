// Pasted and OCR'd text arrives with full-width forms, ideographic spaces and look-alike code points.
// NFKC folds most of them; the rest are handled explicitly below.

/**
 * CJK Radicals Supplement code points that some PDF ToUnicode maps emit instead of the real character
 * (docs/invoice-rules.md#text-normalisation). NFKC leaves them alone, so they are mapped by hand. Only radicals that stand for a
 * whole everyday character are listed; pure components (⻌, ⺾, …) are left as they are.
 */
const RADICAL_TO_CHARACTER: Readonly<Record<string, string>> = {
  '\u2E81': '厂', '\u2E8A': '卜', '\u2E9D': '月', '\u2EA0': '民', '\u2EA9': '王', '\u2EBC': '月',
  '\u2EC4': '西', '\u2EC5': '见', '\u2EC6': '角', '\u2EC9': '贝', '\u2ECB': '车', '\u2ED3': '长',
  '\u2ED4': '门', '\u2ED8': '青', '\u2ED9': '韦', '\u2EDA': '页', '\u2EDB': '风', '\u2EDC': '飞',
  '\u2EDD': '食', '\u2EE2': '马', '\u2EE3': '骨', '\u2EE4': '鬼', '\u2EE5': '鱼', '\u2EE6': '鸟',
  '\u2EE7': '卤', '\u2EE8': '麦', '\u2EE9': '黄', '\u2EEA': '黾', '\u2EEC': '齐', '\u2EEE': '齿',
  '\u2EF0': '龙',
};
const RADICAL_PATTERN = /[\u2E80-\u2EFF]/g;

/** Invisible characters that survive copy-paste from PDFs and web pages. */
const INVISIBLE_PATTERN = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Folds full-width and compatibility forms to ASCII, maps stray radicals, collapses whitespace and trims. */
export function normalizeText(s: string): string {
  let t = s.normalize('NFKC').replace(INVISIBLE_PATTERN, '');
  t = t.replace(RADICAL_PATTERN, (ch) => RADICAL_TO_CHARACTER[ch] ?? ch);
  // 。 is sentence punctuation in names and remarks; it stands for a decimal point only between digits.
  t = t.replace(/(?<=\d)\u3002(?=\d)/g, '.');
  // Minus look-alikes (− – —) mean a negative amount only directly before a number.
  t = t.replace(/[\u2212\u2013\u2014](?=[\d¥.])/g, '-');
  return t.replace(/\s+/g, ' ').trim();
}

/**
 * normalizeText for names: NFKC turns （北京） into (北京), but registered names print full-width brackets around
 * Chinese text, so those are restored and a name is stored as printed (and matches the platform's lists exactly).
 */
export function normalizeName(s: string): string {
  return normalizeText(s).replace(/\(([^()]*\p{Script=Han}[^()]*)\)/gu, '（$1）');
}

/** Normalises an identifier (code, number, check code, tax ID): NFKC, no whitespace at all, upper-case letters. */
export function normalizeDigits(s: string): string {
  // Check codes are printed in groups of five ("16197 83356 …"), so every space goes, not just the ends.
  return s.normalize('NFKC').replace(INVISIBLE_PATTERN, '').replace(/\s+/g, '').toUpperCase();
}

/** normalizeText per line, keeping line breaks (备注 on 数电 invoices holds address and bank lines). */
export function normalizeMultilineText(s: string): string {
  return s.split(/\r\n|\r|\n/).map(normalizeText).join('\n').trim();
}
