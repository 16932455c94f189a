import { useMemo, useState } from 'react';
import { useT } from '../../app/i18n';
import { localToday } from '../../app/today';
import { useCases, useOverdueFollowUps } from '../../db';
import { CaseRow } from './CaseRow';
import { NewCaseForm } from './NewCaseForm';
import { CASE_LIST_FILTERS, visibleCases, type CaseListFilter } from './case-view';
import { useCasesFilter } from './cases-filter-store';
import './cases.css';

/** #/cases: every case with its state, invoice and next follow-up; filter by open/due/finished; open one by hand. */
export function CasesPage() {
  const t = useT();
  const today = localToday();
  const all = useCases();
  const overdue = useOverdueFollowUps(today);
  const { filter, setFilter } = useCasesFilter();
  const [creating, setCreating] = useState(false);
  const due = useMemo(() => new Set((overdue ?? []).map((c) => c.caseId)), [overdue]);
  const shown = useMemo(() => (all ? visibleCases(all, filter, due) : undefined), [all, filter, due]);

  return (
    <div className="cases-page">
      <header className="page-header">
        <h1>{t('cases.title')}</h1>
        {shown ? <p className="count">{t('cases.count', { count: shown.length })}</p> : null}
        <div className="header-actions">
          <button type="button" className="primary" aria-expanded={creating} onClick={() => { setCreating(!creating); }}>{t('cases.new')}</button>
        </div>
      </header>
      {creating ? <NewCaseForm onDone={() => { setCreating(false); }} /> : null}
      <div className="cases-filter">
        <label htmlFor="cases-filter">{t('cases.filter')}</label>
        <select id="cases-filter" value={filter} onChange={(e) => { setFilter(e.target.value as CaseListFilter); }}>
          {CASE_LIST_FILTERS.map((f) => <option key={f} value={f}>{t(`cases.filter.${f}`)}</option>)}
        </select>
      </div>
      {shown === undefined ? <p className="empty">{t('list.loading')}</p>
        : shown.length === 0 ? <p className="empty">{all?.length ? t('cases.empty') : t('cases.emptyAll')}</p> : (
          <table className="cases-table" aria-label={t('cases.listLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('cases.col.state')}</th>
                <th scope="col">{t('cases.col.title')}</th>
                <th scope="col">{t('cases.col.invoice')}</th>
                <th scope="col">{t('cases.col.seller')}</th>
                <th scope="col">{t('cases.col.date')}</th>
                <th scope="col" className="num">{t('cases.col.total')}</th>
                <th scope="col">{t('cases.col.followUp')}</th>
              </tr>
            </thead>
            <tbody>{shown.map((c) => <CaseRow key={c.id} c={c} today={today} />)}</tbody>
          </table>
        )}
    </div>
  );
}
