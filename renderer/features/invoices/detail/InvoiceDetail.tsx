import { useState, type ReactNode } from 'react';
import type { Invoice } from '../../../../shared/domain/invoice';
import { formatFen } from '../../../../shared/domain/money';
import { taxRateToPercent } from '../../../../shared/domain/tax-rate';
import { useFormatIssue, useT } from '../../../app/i18n';
import { navigate } from '../../../app/router';
import { formatTimestamp } from '../../../app/today';
import { invoices } from '../../../db';
import { useToasts } from '../../../ui/toast';
import { HistoryPanel } from './HistoryPanel';
import { StatusPanel } from './StatusPanel';
import { AttachmentsPanel } from './AttachmentsPanel';
import { InvoiceCasesPanel } from '../../cases';
import { isRefusal, refusalText, useGate, useUserName } from '../../auth';
import { PurgeButton, PurgeConfirm } from './PurgeButton';
import { PrintButton } from '../../print';

/** One invoice: its fields as on paper, status moves, warnings, and full history. */
export function InvoiceDetail({ invoice }: { readonly invoice: Invoice }) {
  const t = useT();
  const show = useToasts((s) => s.show);
  const formatIssue = useFormatIssue();
  const row = (label: string, value: ReactNode, mono = false) => (
    <div className="kv"><dt>{label}</dt><dd className={mono ? 'mono' : undefined}>{value || '—'}</dd></div>
  );

  const userName = useUserName();
  const target = { createdBy: invoice.createdBy, status: invoice.status };
  const editGate = useGate('invoice.edit', target);
  const binGate = useGate(invoice.deleted ? 'invoice.restore' : 'invoice.delete', target);
  const [askingPurge, setAskingPurge] = useState(false);

  async function toggleDeleted() {
    const r = invoice.deleted ? await invoices.restore(invoice.id) : await invoices.softDelete(invoice.id);
    if (r.ok) show(t(invoice.deleted ? 'detail.restore' : 'detail.delete'));
    else show(isRefusal(r.error) ? refusalText(t, r.error) : t('form.notFound'), 'error');
  }

  return (
    <div className="detail-page">
      <header className="page-header">
        <button type="button" className="link" onClick={() => { navigate({ name: invoice.deleted ? 'bin' : 'ledger' }); }}>← {t('detail.back')}</button>
        <h1>{t(`kind.${invoice.kind}`)} <span className="mono">{invoice.number}</span></h1>
        <div className="header-actions">
          <PrintButton doc="invoice" params={{ id: invoice.id }} />
          {!invoice.deleted && !editGate.byRole ? (
            <button type="button" disabled={!editGate.allowed} title={editGate.title} onClick={() => { navigate({ name: 'edit', id: invoice.id }); }}>{t('detail.edit')}</button>
          ) : null}
          {binGate.byRole ? null : (
            <button type="button" className={invoice.deleted ? 'primary' : 'danger'} disabled={!binGate.allowed} title={binGate.title} onClick={() => void toggleDeleted()}>
              {t(invoice.deleted ? 'detail.restore' : 'detail.delete')}
            </button>
          )}
          {invoice.deleted ? <PurgeButton onAsk={() => { setAskingPurge(true); }} /> : null}
        </div>
      </header>
      {askingPurge && invoice.deleted ? <PurgeConfirm invoice={invoice} onClose={() => { setAskingPurge(false); }} /> : null}
      {invoice.deleted && invoice.deletedAt ? <div className="banner banner-warn">{t('detail.deletedBanner', { at: formatTimestamp(invoice.deletedAt) })}</div> : null}
      <div className="detail-grid">
        <section className="paper detail-paper" aria-label={t('form.sectionInvoice')}>
          <dl>
            {row(t('field.kind'), t(`kind.${invoice.kind}`))}
            {row(t('field.code'), invoice.code, true)}
            {row(t('field.number'), invoice.number, true)}
            {row(t('field.issueDate'), invoice.issueDate)}
            {row(t('field.checkCode'), invoice.checkCode, true)}
            {row(t('field.buyerName'), invoice.buyer.name)}
            {row(t('field.buyerTaxId'), invoice.buyer.taxId, true)}
            {row(t('field.taxRate'), invoice.taxRate === 'exempt' || invoice.taxRate === 'nontaxable' ? t(`rate.${invoice.taxRate}`) : invoice.taxRate && taxRateToPercent(invoice.taxRate))}
            {row(t('field.amount'), formatFen(invoice.amount), true)}
            {row(t('field.tax'), formatFen(invoice.tax), true)}
            {row(t('field.total'), formatFen(invoice.total), true)}
            {row(t('field.sellerName'), invoice.seller.name)}
            {row(t('field.sellerTaxId'), invoice.seller.taxId, true)}
            {row(t('field.remarks'), invoice.remarks)}
            {invoice.isRed ? row(t('field.isRed'), '✓') : null}
          </dl>
          <p className="muted">{t('detail.createdBy', { user: userName(invoice.createdBy), at: formatTimestamp(invoice.createdAt) })}</p>
          <h2>{t('detail.warnings')}</h2>
          {invoice.warnings.length === 0 ? <p className="muted">{t('detail.noWarnings')}</p> : (
            <ul className="warnings">{invoice.warnings.map((w, i) => <li key={i} className="msg-warning">{formatIssue(w)}</li>)}</ul>
          )}
        </section>
        <div className="detail-side">
          <StatusPanel invoice={invoice} />
          <InvoiceCasesPanel invoice={invoice} />
          <AttachmentsPanel invoice={invoice} />
          <HistoryPanel invoice={invoice} />
        </div>
      </div>
    </div>
  );
}
