import { useMemo } from 'react';
import { useT } from '../../app/i18n';
import { useAuditPage, useAuditVerification, useCan } from '../../db';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { ChainStatus } from './ChainStatus';
import { ExportButton } from './ExportButton';
import { toAuditView } from './audit-filter-form';
import { useAuditUi } from './audit-store';

/** Entries per page. */
const PAGE_SIZE = 50;

/** #/audit: the chain's state, filters, and the entries page by page (auditors and administrators). */
export function AuditPage() {
  const t = useT();
  const mayView = useCan('audit.view');
  return (
    <div className="audit-page">
      {mayView ? <AuditTrail /> : (
        <>
          <header className="page-header"><h1>{t('audit.title')}</h1></header>
          <p className="empty">{t('audit.noAccess')}</p>
        </>
      )}
    </div>
  );
}

function AuditTrail() {
  const t = useT();
  const { form, page, setPage } = useAuditUi();
  const { view, problems } = useMemo(() => toAuditView(form), [form]);
  const result = useAuditPage(view, { offset: page * PAGE_SIZE, limit: PAGE_SIZE });
  const last = useAuditVerification();
  const pages = Math.max(1, Math.ceil((result?.total ?? 0) / PAGE_SIZE));

  return (
    <>
      <header className="page-header">
        <h1>{t('audit.title')}</h1>
        {result ? <p className="count">{t('audit.count', { count: result.total })}</p> : null}
        <div className="header-actions"><ExportButton form={form} /></div>
      </header>
      <ChainStatus />
      <AuditFilters problems={problems} />
      {result === undefined ? <p className="empty">{t('list.loading')}</p>
        : result.total === 0 ? <p className="empty">{t('audit.empty')}</p> : (
          <>
            <AuditTable entries={result.entries} badSeq={last?.broken?.seq ?? null} />
            <nav className="audit-pager" aria-label={t('audit.page', { page: page + 1, pages })}>
              <button type="button" disabled={page === 0} onClick={() => { setPage(page - 1); }}>{t('audit.prev')}</button>
              <span>{t('audit.page', { page: Math.min(page, pages - 1) + 1, pages })}</span>
              <button type="button" disabled={page + 1 >= pages} onClick={() => { setPage(page + 1); }}>{t('audit.next')}</button>
            </nav>
          </>
        )}
    </>
  );
}
