/*
 * The words of a checklist item (月末核对): its title, why it passes or fails with the facts it looked at (times in
 * local time, logins as names), and each example as the clerk recognises it.
 */
import { formatFen, type Fen } from '../../../shared/domain/money';
import type { CheckExample, CheckItemResult } from '../../../shared/period-check/types';
import type { Locale } from '../../../shared/i18n/translate';
import type { T } from '../../app/i18n';
import { formatTimestamp } from '../../app/today';

/** The item's title ("本月发票全部已核对"). */
export function itemTitle(t: T, item: Pick<CheckItemResult, 'id'>): string {
  return t(`monthEnd.item.${item.id}`);
}

/** Why the item passes or fails, in a sentence with its facts; `name` turns a login into a person's name. */
export function itemDetail(t: T, item: CheckItemResult, name: (login: string) => string): string {
  if (item.id === 'checked' && item.reason === 'ok' && item.facts['invoices'] === 0) return t('monthEnd.reason.checked.none');
  const params: Record<string, string | number> = { count: item.count };
  for (const [key, value] of Object.entries(item.facts)) {
    if (value === null) params[key] = t('monthEnd.never');
    else if (typeof value === 'string' && key.endsWith('At')) params[key] = formatTimestamp(value);
    else if (typeof value === 'string' && key.endsWith('By')) params[key] = name(value);
    else params[key] = value;
  }
  return t(`monthEnd.reason.${item.id}.${item.reason}`, params);
}

/** One failing record in a line: 发票号码, seller, date and total where known, and what is wrong with it. */
export function exampleText(t: T, e: CheckExample): string {
  const parts = [t('monthEnd.example.number', { number: e.number })];
  if (e.seller) parts.push(e.seller);
  if (e.issueDate) parts.push(e.issueDate);
  if (e.total !== null) parts.push(`¥${formatFen(e.total as Fen)}`);
  return `${parts.join(' · ')}（${t(`monthEnd.problem.${e.problem}`)}）`;
}

/** A month as people say it: 2026年3月, March 2026. */
export function monthLabel(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number);
  if (y === undefined || m === undefined || Number.isNaN(y) || Number.isNaN(m)) return month;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}
