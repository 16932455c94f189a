import type { ReactNode } from 'react';
import type { InvoiceCase } from '../../../shared/cases/types';
import { useT } from '../../app/i18n';
import { routeHash } from '../../app/router';
import { useInvoice } from '../../db';
import { refTotal } from './case-view';

/** The invoice the case is about, as known when it opened, with links to the ledger invoice and its replacement. */
export function CaseRefPanel({ c }: { readonly c: InvoiceCase }) {
  const t = useT();
  const { ref } = c;
  const row = (label: string, value: ReactNode, mono = false) => (
    <div className="kv"><dt>{label}</dt><dd className={mono ? 'mono' : undefined}>{value || '—'}</dd></div>
  );
  return (
    <section className="case-card" aria-labelledby="case-ref-title">
      <h2 id="case-ref-title">{t('case.ref')}</h2>
      <dl className="case-ref">
        {row(t('field.kind'), ref.kind ? t(`kind.${ref.kind}`) : t('cases.new.kindUnknown'))}
        {row(t('field.issueDate'), ref.issueDate, true)}
        {row(t('field.code'), ref.code, true)}
        {row(t('field.number'), ref.number, true)}
        {row(t('field.sellerName'), ref.seller.name)}
        {row(t('field.sellerTaxId'), ref.seller.taxId, true)}
        {row(t('field.total'), refTotal(ref), true)}
        {row(t('case.origin'), t(`case.origin.${c.origin}`))}
        {row(t('case.lostInvoice'), c.invoiceId ? <InvoiceLink id={c.invoiceId} /> : <span className="muted">{t('case.noLedgerInvoice')}</span>)}
        {row(t('case.replacement'), c.replacementId ? <InvoiceLink id={c.replacementId} /> : <span className="muted">{t('case.noReplacement')}</span>)}
      </dl>
    </section>
  );
}

/** A link to a ledger invoice, naming its number and current status. */
function InvoiceLink({ id }: { readonly id: string }) {
  const t = useT();
  const inv = useInvoice(id);
  if (!inv) return <a href={routeHash({ name: 'detail', id })}>{t('case.openInvoice')}</a>;
  return (
    <span>
      <a href={routeHash({ name: 'detail', id })}>{t(`kind.${inv.kind}`)} <span className="mono">{inv.number}</span></a>
      {' '}<span className={`status status-${inv.status}`}>{t(`status.${inv.status}`)}</span>
    </span>
  );
}
