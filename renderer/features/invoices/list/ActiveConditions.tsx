import { useT } from '../../../app/i18n';
import type { FilterForm } from './filter-form';
import { filterConditions } from './filter-words';

type Key = keyof FilterForm;

/**
 * The conditions in force, in words, each removable, so a clerk who arrives from a home page tile (or returns to a
 * list filtered earlier) sees why the list is short and can take a condition away (清除筛选 below clears them all).
 */
export function ActiveConditions(props: { readonly form: FilterForm; readonly onRemove: (key: Key) => void }) {
  const t = useT();
  const items = filterConditions(props.form, t);
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
