import { AUDIT_ACTIONS } from '../../../shared/audit/audit-chain';
import { useT } from '../../app/i18n';
import { useAuditUsers } from '../../db';
import { isAuditAction, type AuditFormProblems } from './audit-filter-form';
import { useAuditUi } from './audit-store';
import { useUserLabel } from './use-audit-names';

/** The audit page's filter bar: user, period, invoice or record, action. */
export function AuditFilters({ problems }: { readonly problems: AuditFormProblems }) {
  const t = useT();
  const users = useAuditUsers();
  const userLabel = useUserLabel();
  const { form, setForm, clear } = useAuditUi();
  const text = (key: 'from' | 'to' | 'record', label: string, placeholder?: string) => (
    <div className={`filter-field${key === 'record' ? ' filter-text' : ''}`}>
      <label htmlFor={`audit-${key}`}>{label}</label>
      <input id={`audit-${key}`} type="text" value={form[key]} placeholder={placeholder}
        aria-invalid={key !== 'record' && problems[key] ? true : undefined}
        aria-describedby={key !== 'record' && problems[key] ? `audit-${key}-problem` : undefined}
        onChange={(e) => { setForm({ ...form, [key]: e.target.value }); }} />
      {key !== 'record' && problems[key] ? <span id={`audit-${key}-problem`} className="msg-error">{t('audit.filter.badDate')}</span> : null}
    </div>
  );
  return (
    <section className="filter-bar audit-filters" aria-label={t('filter.title')}>
      <div className="filter-grid">
        <div className="filter-field">
          <label htmlFor="audit-user">{t('audit.filter.user')}</label>
          <select id="audit-user" value={form.user} onChange={(e) => { setForm({ ...form, user: e.target.value }); }}>
            <option value="">{t('audit.filter.anyUser')}</option>
            {(users ?? []).map((u) => <option key={u} value={u}>{userLabel(u)}</option>)}
          </select>
        </div>
        {text('from', t('audit.filter.from'), '2026-03-01')}
        {text('to', t('audit.filter.to'), '2026-03-31')}
        {text('record', t('audit.filter.record'))}
        <div className="filter-field">
          <label htmlFor="audit-action">{t('audit.filter.action')}</label>
          <select id="audit-action" value={form.action} onChange={(e) => { const v = e.target.value; setForm({ ...form, action: isAuditAction(v) ? v : '' }); }}>
            <option value="">{t('audit.filter.anyAction')}</option>
            {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{t(`audit.${a}`)}</option>)}
          </select>
        </div>
      </div>
      <div className="filter-actions">
        <button type="button" onClick={clear}>{t('audit.filter.clear')}</button>
      </div>
    </section>
  );
}
