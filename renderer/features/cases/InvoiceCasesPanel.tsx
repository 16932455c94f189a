import { useState } from 'react';
import { isOpenCase } from '../../../shared/cases/case-machine';
import type { Invoice } from '../../../shared/domain/invoice';
import { allowedTransitions } from '../../../shared/domain/status';
import { statusErrorMessage } from '../../../shared/i18n/domain-messages';
import { useLocaleStore, useT } from '../../app/i18n';
import { navigate, routeHash } from '../../app/router';
import { cases, invoices, useCasesForInvoice } from '../../db';
import { useToasts } from '../../ui/toast';
import { refFromInvoice } from './case-view';
import { isRefusal, refusalText, useGate } from '../auth';
import './cases.css';

/** On an invoice's detail: its replacement cases, and "report lost" that marks it 遗失 and opens a case for it. */
export function InvoiceCasesPanel({ invoice }: { readonly invoice: Invoice }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const show = useToasts((s) => s.show);
  const list = useCasesForInvoice(invoice.id);
  const [error, setError] = useState<string | null>(null);
  const hasOpen = list?.some((c) => c.invoiceId === invoice.id && isOpenCase(c.state)) ?? true;
  const canMarkLost = allowedTransitions(invoice.status).includes('lost');
  const caseGate = useGate('case.edit');
  const statusGate = useGate('invoice.status');
  const mayOpen = caseGate.allowed && statusGate.allowed;
  const offer = mayOpen && !invoice.deleted && !hasOpen && (canMarkLost || invoice.status === 'lost');

  async function report() {
    if (invoice.status !== 'lost') {
      const r = await invoices.changeStatus(invoice.id, 'lost', '');
      if (!r.ok) {
        const e = r.error;
        setError(isRefusal(e) ? refusalText(t, e) : e.code === 'notFound' ? t('form.notFound') : statusErrorMessage(e, locale));
        return;
      }
    }
    const title = t('case.lostTitle', { seller: invoice.seller.name, number: invoice.number });
    const c = await cases.open({ title, origin: 'invoice', ref: refFromInvoice(invoice), invoiceId: invoice.id, findingKey: null });
    show(t('cases.new.opened', { title }));
    navigate({ name: 'case', id: c.id });
  }

  return (
    <section className="status-panel invoice-cases" aria-labelledby="invoice-cases-title">
      <h2 id="invoice-cases-title">{t('case.invoiceCases')}</h2>
      {list === undefined ? null : list.length === 0 ? <p className="muted">{t('case.invoiceNoCases')}</p> : (
        <ul className="invoice-case-list">
          {list.map((c) => (
            <li key={c.id}>
              <span className={`case-state case-state-${c.state}`}>{t(`case.state.${c.state}`)}</span>{' '}
              <a href={routeHash({ name: 'case', id: c.id })}>{c.title}</a>
              {c.replacementId === invoice.id && c.invoiceId !== invoice.id ? <span className="muted small"> · {t('case.replacement')}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {offer ? (
        <button type="button" onClick={() => void report()}>{t(invoice.status === 'lost' ? 'case.openForInvoice' : 'case.reportLost')}</button>
      ) : null}
      {error ? <p className="msg-error" role="alert">{error}</p> : null}
    </section>
  );
}
