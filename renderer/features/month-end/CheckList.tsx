import type { CheckItemResult } from '../../../shared/period-check/types';
import type { Period } from '../../../shared/reconcile/types';
import { useLocaleStore, useT } from '../../app/i18n';
import { ItemRow } from './ItemRow';
import { monthLabel } from './item-text';

/** The summary line (all pass, or how many fail) and the five items in order. */
export function CheckList(props: { readonly month: string; readonly period: Period; readonly items: readonly CheckItemResult[]; readonly live: boolean }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const failed = props.items.filter((i) => !i.pass).length;
  const month = monthLabel(props.month, locale);
  return (
    <section className="month-end-list" aria-label={t('monthEnd.title')}>
      <p className={`month-end-summary ${failed === 0 ? 'is-pass' : 'is-fail'}`} role="status">
        <span aria-hidden="true">{failed === 0 ? '✓' : '✗'}</span>{' '}
        {failed === 0 ? t('monthEnd.summary.pass', { month, total: props.items.length }) : t('monthEnd.summary.fail', { month, failed, total: props.items.length })}
      </p>
      <ol className="month-end-items">
        {props.items.map((item, i) => <ItemRow key={item.id} item={item} period={props.period} index={i} live={props.live} />)}
      </ol>
    </section>
  );
}
