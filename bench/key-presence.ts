// Does an engine's text contain a key value anywhere? The ceiling for any field rule: a value that is not in
// the text cannot be extracted. Both sides are compared after NFKC (full-width → ASCII), with white space,
// currency signs and thousands separators removed, so the test is about the characters the engine read.
// Dates count in any printed form: 2019年05月08日, 2019年5月8日, 2019-05-08, 20190508.

/** The text as it is searched: NFKC, no white space, no ¥/￥, no thousands commas. */
export function normaliseForPresence(text: string): string {
  return text.normalize('NFKC').replace(/[\s¥￥,]/gu, '');
}

/** Whether `value` (a truth value; dates as YYYY-MM-DD) occurs in `text` (lines or page text). */
export function keyValuePresent(text: string, value: string): boolean {
  const hay = normaliseForPresence(text);
  const date = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!date) return hay.includes(normaliseForPresence(value));
  const [, y = '', m = '', d = ''] = date;
  const digitsOnly = hay.replace(/[年月日\-./]/gu, '');
  const unpadded = `${y}年${String(Number(m))}月${String(Number(d))}日`;
  return digitsOnly.includes(`${y}${m}${d}`) || hay.includes(unpadded);
}
