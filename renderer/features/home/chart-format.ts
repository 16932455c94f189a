import { fen, formatFen } from '../../../shared/domain/money';
import type { Locale } from '../../../shared/i18n/translate';

/** An axis tick for an amount in fen: 元 for small figures, 万 (zh) or k (en) for large ones. */
export function amountTick(fenValue: number, locale: Locale): string {
  const yuan = fenValue / 100;
  if (Math.abs(yuan) < 10_000) return String(Math.round(yuan));
  if (locale === 'en') return `${(yuan / 1000).toLocaleString('en', { maximumFractionDigits: 0 })}k`;
  return `${(yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 1 })}万`;
}

/** An amount in fen as the app shows money: "1,234.56". */
export function amountText(fenValue: number): string {
  return formatFen(fen(Math.round(fenValue)));
}

/** A month as a chart tick ("12月" / "Dec") or in full ("2026年12月" / "Dec 2026") for tables and tooltips. */
export function monthLabel(month: string, locale: Locale, full: boolean): string {
  const [y = '', m = '1'] = month.split('-');
  const n = Number(m);
  if (locale === 'en') {
    const name = new Date(2000, n - 1, 1).toLocaleString('en', { month: 'short' });
    return full ? `${name} ${y}` : name;
  }
  return full ? `${y}年${String(n)}月` : `${String(n)}月`;
}
