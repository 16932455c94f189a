import type { InvoiceFilter } from '../../../../shared/search/invoice-filter';
import { fen, formatFen } from '../../../../shared/domain/money';
import type { T } from '../../../app/i18n';
import { localToday } from '../../../app/today';

/** A filter's conditions in the words of the ledger's filter bar, for the printed ledger's heading. */
export function filterWords(f: InvoiceFilter, t: T): string[] {
  const out: string[] = [];
  const item = (label: string, value: string) => t('filter.cond.item', { label: t(label), value });
  const range = (a: string, b: string) =>
    a && b ? (a === b ? a : t('filter.cond.between', { from: a, to: b })) : a ? t('filter.cond.from', { from: a }) : t('filter.cond.to', { to: b });
  if (f.dateFrom || f.dateTo) out.push(item('filter.cond.issued', range(f.dateFrom ?? '', f.dateTo ?? '')));
  if (f.capturedFrom || f.capturedBefore) {
    const from = f.capturedFrom ? localToday(new Date(f.capturedFrom)) : '';
    // capturedBefore is the first instant after the last day asked for.
    const to = f.capturedBefore ? localToday(new Date(Date.parse(f.capturedBefore) - 1)) : '';
    out.push(item('filter.cond.captured', range(from, to)));
  }
  if (f.totalMin !== undefined || f.totalMax !== undefined) {
    out.push(item('filter.cond.total', range(f.totalMin === undefined ? '' : formatFen(fen(f.totalMin)), f.totalMax === undefined ? '' : formatFen(fen(f.totalMax)))));
  }
  if (f.seller) out.push(item('filter.seller', f.seller));
  if (f.buyer) out.push(item('filter.buyer', f.buyer));
  if (f.number) out.push(item('filter.number', f.number));
  if (f.statuses?.length) out.push(item('filter.status', f.statuses.map((s) => t(`status.${s}`)).join('、')));
  if (f.kinds?.length) out.push(item('filter.kind', f.kinds.map((k) => t(`kind.${k}`)).join('、')));
  const yesNo = (v: 'yes' | 'no') => t(v === 'yes' ? 'filter.yes' : 'filter.no');
  if (f.hasAttachment) out.push(item('filter.attachment', yesNo(f.hasAttachment)));
  if (f.hasWarnings) out.push(item('filter.warnings', yesNo(f.hasWarnings)));
  if (f.duplicate) out.push(item('filter.duplicate', yesNo(f.duplicate)));
  return out;
}
