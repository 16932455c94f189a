import { normalizeText } from './normalize';
import { err, ok, type Result } from './result';

/** Integer fen (分). Money is integer fen from parsing to storage; it is formatted only at the edge. */
export type Fen = number & { readonly __brand: 'Fen' };

/** Brands a safe integer as fen; throws on anything else because that is a programming error, not bad input. */
export function fen(n: number): Fen {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer amount of fen: ${n}`);
  // -0 would format as "-0.00".
  return (n === 0 ? 0 : n) as Fen;
}

/** Why money text could not be read: nothing typed, not a number, a third decimal, or an absurd size. */
export interface MoneyError {
  readonly kind: 'empty' | 'format' | 'decimals' | 'range';
}

/** Largest accepted magnitude: 1e12 yuan, far above any real invoice and far below Number.MAX_SAFE_INTEGER fen. */
export const MAX_ABS_FEN = 100_000_000_000_000;

const GROUPED_INTEGER = /^\d{1,3}(?:,\d{3})+$/;
const PLAIN_NUMBER = /^(\d*)(?:\.(\d*))?$/;

/** Strips currency marks and sign wrappers; returns the bare number text, its sign, or null if the signs are muddled. */
function unwrap(text: string): { body: string; negative: boolean } | null {
  let body = text.replace(/\s+/g, '').replace(/^(?:RMB|CNY)/i, '').replace(/元$/, '');
  // Accounting style "(12.00)" means minus 12.00.
  const paren = /^\((.*)\)$/.exec(body);
  if (paren) body = paren[1] ?? '';
  // One sign at most, before or after the currency sign: "-¥12", "¥-12".
  const m = /^([+-]?)¥?([+-]?)(.*)$/.exec(body);
  if (!m) return null;
  const signs = `${m[1] ?? ''}${m[2] ?? ''}`;
  if (signs.length > 1 || (paren && signs !== '')) return null;
  return { body: m[3] ?? '', negative: paren !== null || signs === '-' };
}

/**
 * Reads an amount of yuan as typed or pasted ("1,234.56", "￥1234.5", "１２３４．５６", "-12.00", "(12.00)")
 * into integer fen by reading the digits, never through a float.
 */
export function parseMoney(text: string): Result<Fen, MoneyError> {
  const normalized = normalizeText(text);
  if (normalized === '') return err({ kind: 'empty' });
  const unwrapped = unwrap(normalized);
  if (unwrapped === null) return err({ kind: 'format' });
  const { body, negative } = unwrapped;
  const dot = body.indexOf('.');
  const intText = dot === -1 ? body : body.slice(0, dot);
  const fracText = dot === -1 ? '' : body.slice(dot + 1);
  // Thousands separators must sit in groups of three: "12,50" is more likely a decimal comma than 1250 yuan.
  const intDigits = intText.includes(',') ? (GROUPED_INTEGER.test(intText) ? intText.replace(/,/g, '') : null) : intText;
  if (intDigits === null) return err({ kind: 'format' });
  const m = PLAIN_NUMBER.exec(dot === -1 ? intDigits : `${intDigits}.${fracText}`);
  if (!m || (intDigits === '' && fracText === '')) return err({ kind: 'format' });
  // Trailing zeros beyond the second decimal ("12.300") lose nothing, so only a non-zero third decimal is refused.
  if (fracText.length > 2 && /[1-9]/.test(fracText.slice(2))) return err({ kind: 'decimals' });
  const units = BigInt(`${intDigits}${fracText.slice(0, 2).padEnd(2, '0')}` || '0');
  if (units > BigInt(MAX_ABS_FEN)) return err({ kind: 'range' });
  const value = Number(units);
  return ok(fen(negative ? -value : value));
}

/** Formats fen for display with thousands separators: 123456 → "1,234.56", -123456 → "-1,234.56". */
export function formatFen(f: Fen): string {
  const plain = fenToDecimal(f);
  const negative = plain.startsWith('-');
  const [intPart = '0', fracPart = '00'] = (negative ? plain.slice(1) : plain).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${fracPart}`;
}

/** Formats fen as plain decimal text with exactly two decimals and no separators: 123456 → "1234.56". */
export function fenToDecimal(f: Fen): string {
  const abs = Math.abs(f);
  const yuan = Math.trunc(abs / 100);
  const cents = abs % 100;
  return `${f < 0 ? '-' : ''}${yuan}.${cents.toString().padStart(2, '0')}`;
}

/** Sums amounts of fen exactly (integers, so no rounding drift). */
export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0;
  for (const v of values) total += v;
  return fen(total);
}
