import { useT } from '../../../app/i18n';
import type { FilterForm } from './filter-form';

type Key = keyof FilterForm;

/** Ranges shown as one condition: [from, to, label]. */
const RANGES: readonly [Key, Key, string][] = [
  ['dateFrom', 'dateTo', 'filter.cond.issued'],
  ['capturedFrom', 'capturedTo', 'filter.cond.captured'],
  ['totalMin', 'totalMax', 'filter.cond.total'],
];
const TEXTS: readonly [Key, string][] = [['seller', 'filter.seller'], ['buyer', 'filter.buyer'], ['number', 'filter.number']];
const YES_NO: readonly [Key, string][] = [['hasAttachment', 'filter.attachment'], ['hasWarnings', 'filter.warnings'], ['duplicate', 'filter.duplicate']];

/**
 * The conditions in force, in words, each removable, so a clerk who arrives from a home page tile (or returns to a
 * list filtered earlier) sees why the list is short and can take a condition away (清除筛选 below clears them all).
 */
export function ActiveConditions(props: { readonly form: FilterForm; readonly onRemove: (key: Key) => void }) {
  const t = useT();
  const f = props.form;
  const items: { keys: Key[]; text: string }[] = [];
  for (const [from, to, label] of RANGES) {
    const a = f[from].trim();
    const b = f[to].trim();
    if (!a && !b) continue;
    const range = a && b ? (a === b ? a : t('filter.cond.between', { from: a, to: b })) : a ? t('filter.cond.from', { from: a }) : t('filter.cond.to', { to: b });
    items.push({ keys: [from, to], text: t('filter.cond.item', { label: t(label), value: range }) });
  }
  for (const [key, label] of TEXTS) if (f[key].trim()) items.push({ keys: [key], text: t('filter.cond.item', { label: t(label), value: f[key].trim() }) });
  if (f.status) items.push({ keys: ['status'], text: t('filter.cond.item', { label: t('filter.status'), value: t(`status.${f.status}`) }) });
  if (f.kind) items.push({ keys: ['kind'], text: t('filter.cond.item', { label: t('filter.kind'), value: t(`kind.${f.kind}`) }) });
  for (const [key, label] of YES_NO) if (f[key]) items.push({ keys: [key], text: t('filter.cond.item', { label: t(label), value: t(f[key] === 'yes' ? 'filter.yes' : 'filter.no') }) });
  if (items.length === 0) return null;
  return (
    <div className="filter-active" role="group" aria-label={t('filter.cond.title')}>
      <span className="filter-active-title">{t('filter.cond.title')}</span>
      <ul>
        {items.map((it) => (
          <li key={it.keys.join('+')}>
            <span id={`flt-cond-${it.keys.join('-')}`}>{it.text}</span>
            {/* The button's name stays short: the fields' own labels must stay the only ones with their words. */}
            <button type="button" className="chip-remove" aria-label={t('filter.cond.remove')} aria-describedby={`flt-cond-${it.keys.join('-')}`}
              onClick={() => { for (const k of it.keys) props.onRemove(k); }}>×</button>
          </li>
        ))}
      </ul>
    </div>
  );
}
