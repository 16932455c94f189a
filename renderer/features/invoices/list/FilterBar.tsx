import { useState } from 'react';
import { INVOICE_KINDS, INVOICE_STATUSES } from '../../../../shared/domain/invoice';
import type { InvoiceFilter } from '../../../../shared/search/invoice-filter';
import { useT } from '../../../app/i18n';
import { views, useViews } from '../../../db';
import { fromFilter, type FilterForm, type FilterProblems } from './filter-form';
import { useFilterStore } from './filter-store';
import { ActiveConditions } from './ActiveConditions';

type TextKey = 'dateFrom' | 'dateTo' | 'seller' | 'buyer' | 'number' | 'totalMin' | 'totalMax' | 'capturedFrom' | 'capturedTo';
type YesNoKey = 'hasAttachment' | 'hasWarnings' | 'duplicate';

const TEXT_FIELDS: readonly { key: TextKey; label: string; size: 'date' | 'text' | 'money' }[] = [
  { key: 'dateFrom', label: 'filter.dateFrom', size: 'date' },
  { key: 'dateTo', label: 'filter.dateTo', size: 'date' },
  { key: 'seller', label: 'filter.seller', size: 'text' },
  { key: 'buyer', label: 'filter.buyer', size: 'text' },
  { key: 'number', label: 'filter.number', size: 'text' },
  { key: 'totalMin', label: 'filter.totalMin', size: 'money' },
  { key: 'totalMax', label: 'filter.totalMax', size: 'money' },
  { key: 'capturedFrom', label: 'filter.capturedFrom', size: 'date' },
  { key: 'capturedTo', label: 'filter.capturedTo', size: 'date' },
];

const YES_NO_FIELDS: readonly { key: YesNoKey; id: string; label: string }[] = [
  { key: 'hasAttachment', id: 'flt-att', label: 'filter.attachment' },
  { key: 'hasWarnings', id: 'flt-warn', label: 'filter.warnings' },
  { key: 'duplicate', id: 'flt-dup', label: 'filter.duplicate' },
];

/** Combinable filter conditions plus named, saved views. */
export function FilterBar(props: { readonly filter: InvoiceFilter; readonly problems: FilterProblems; readonly showViews: boolean }) {
  const t = useT();
  const { form, setForm, clear } = useFilterStore();
  const saved = useViews();
  const [viewName, setViewName] = useState('');
  const set = <K extends keyof FilterForm>(key: K, value: FilterForm[K]) => { setForm({ ...form, [key]: value }); };

  return (
    <section className="filter-bar" aria-label={t('filter.title')}>
      <div className="filter-grid">
        {TEXT_FIELDS.map((f) => (
          <div key={f.key} className={`filter-field filter-${f.size}`}>
            <label htmlFor={`flt-${f.key}`}>{t(f.label)}</label>
            <input id={`flt-${f.key}`} type="text" value={form[f.key]} autoComplete="off" placeholder={f.size === 'date' ? 'YYYY-MM-DD' : ''}
              aria-invalid={props.problems[f.key as keyof FilterProblems] !== undefined}
              onChange={(e) => { set(f.key, e.target.value); }} />
            {props.problems[f.key as keyof FilterProblems] ? (
              <span className="msg-warning">{t(props.problems[f.key as keyof FilterProblems] === 'badDate' ? 'filter.badDate' : 'filter.badAmount')}</span>
            ) : null}
          </div>
        ))}
        <div className="filter-field">
          <label htmlFor="flt-status">{t('filter.status')}</label>
          <select id="flt-status" value={form.status} onChange={(e) => { set('status', e.target.value as FilterForm['status']); }}>
            <option value="">{t('filter.any')}</option>
            {INVOICE_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="flt-kind">{t('filter.kind')}</label>
          <select id="flt-kind" value={form.kind} onChange={(e) => { set('kind', e.target.value as FilterForm['kind']); }}>
            <option value="">{t('filter.any')}</option>
            {INVOICE_KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
          </select>
        </div>
        {YES_NO_FIELDS.map((f) => (
          <div key={f.key} className="filter-field filter-small">
            <label htmlFor={f.id}>{t(f.label)}</label>
            <select id={f.id} value={form[f.key]} onChange={(e) => { set(f.key, e.target.value as FilterForm[YesNoKey]); }}>
              <option value="">{t('filter.any')}</option>
              <option value="yes">{t('filter.yes')}</option>
              <option value="no">{t('filter.no')}</option>
            </select>
          </div>
        ))}
      </div>
      <ActiveConditions form={form} onRemove={(key) => { set(key, ''); }} />
      <div className="filter-actions">
        <button type="button" onClick={clear}>{t('filter.clear')}</button>
        {props.showViews ? (
          <>
            <label htmlFor="flt-view" className="sr-only">{t('filter.views')}</label>
            <select id="flt-view" value="" onChange={(e) => {
              const v = saved?.find((x) => x.id === e.target.value);
              if (v) setForm(fromFilter(v.filter));
            }}>
              <option value="">{t('filter.views')} {t('filter.noView')}</option>
              {saved?.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
            </select>
            <label htmlFor="flt-view-name" className="sr-only">{t('filter.viewName')}</label>
            <input id="flt-view-name" type="text" placeholder={t('filter.viewName')} value={viewName} onChange={(e) => { setViewName(e.target.value); }}
              onKeyDown={(e) => { if (e.key === 'Enter' && viewName.trim()) { void views.save(viewName, props.filter); setViewName(''); } }} />
            <button type="button" disabled={!viewName.trim()} onClick={() => { void views.save(viewName, props.filter); setViewName(''); }}>
              {t('filter.saveView')}
            </button>
          </>
        ) : null}
      </div>
    </section>
  );
}
