import type { InvoiceKind, InvoiceStatus } from '../../../../shared/domain/invoice';
import { fen, formatFen } from '../../../../shared/domain/money';
import type { InvoiceFilter } from '../../../../shared/search/invoice-filter';
import type { T } from '../../../app/i18n';
import { fromFilter, type FilterForm } from './filter-form';

type Key = keyof FilterForm;

/** One condition of the filter bar in words, with the fields it comes from. */
export interface FilterCondition {
  readonly keys: readonly Key[];
  readonly text: string;
}

/** Ranges shown as one condition: [from, to, label]. */
const RANGES: readonly [Key, Key, string][] = [
  ['dateFrom', 'dateTo', 'filter.cond.issued'],
  ['capturedFrom', 'capturedTo', 'filter.cond.captured'],
  ['totalMin', 'totalMax', 'filter.cond.total'],
];
const TEXTS: readonly [Key, string][] = [['seller', 'filter.seller'], ['buyer', 'filter.buyer'], ['number', 'filter.number']];
const YES_NO: readonly [Key, string][] = [['hasAttachment', 'filter.attachment'], ['hasWarnings', 'filter.warnings'], ['duplicate', 'filter.duplicate']];

/** The filter bar's conditions in force, in words ("开票日期：2025-04-01 至 2025-04-30"), in the bar's order. */
export function filterConditions(f: FilterForm, t: T): FilterCondition[] {
  return conditions(f, f.status ? [f.status] : [], f.kind ? [f.kind] : [], t);
}

/**
 * A query filter's conditions in the same words and order (the printed ledger's heading): amounts as 1,234.00,
 * and every status and kind it asks for (an address may name several), joined by "、".
 */
export function filterWords(f: InvoiceFilter, t: T): string[] {
  const money = (v: number | undefined) => (v === undefined ? '' : formatFen(fen(v)));
  const form: FilterForm = { ...fromFilter(f), totalMin: money(f.totalMin), totalMax: money(f.totalMax) };
  return conditions(form, f.statuses ?? [], f.kinds ?? [], t).map((c) => c.text);
}

function conditions(f: FilterForm, statuses: readonly InvoiceStatus[], kinds: readonly InvoiceKind[], t: T): FilterCondition[] {
  const items: { keys: Key[]; text: string }[] = [];
  for (const [from, to, label] of RANGES) {
    const a = f[from].trim();
    const b = f[to].trim();
    if (!a && !b) continue;
    const range = a && b ? (a === b ? a : t('filter.cond.between', { from: a, to: b })) : a ? t('filter.cond.from', { from: a }) : t('filter.cond.to', { to: b });
    items.push({ keys: [from, to], text: t('filter.cond.item', { label: t(label), value: range }) });
  }
  for (const [key, label] of TEXTS) if (f[key].trim()) items.push({ keys: [key], text: t('filter.cond.item', { label: t(label), value: f[key].trim() }) });
  if (statuses.length) items.push({ keys: ['status'], text: t('filter.cond.item', { label: t('filter.status'), value: statuses.map((s) => t(`status.${s}`)).join('、') }) });
  if (kinds.length) items.push({ keys: ['kind'], text: t('filter.cond.item', { label: t('filter.kind'), value: kinds.map((k) => t(`kind.${k}`)).join('、') }) });
  for (const [key, label] of YES_NO) if (f[key]) items.push({ keys: [key], text: t('filter.cond.item', { label: t(label), value: t(f[key] === 'yes' ? 'filter.yes' : 'filter.no') }) });
  return items;
}
