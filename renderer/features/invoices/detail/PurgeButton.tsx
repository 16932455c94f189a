import { useState } from 'react';
import type { Invoice } from '../../../../shared/domain/invoice';
import { useT } from '../../../app/i18n';
import { navigate } from '../../../app/router';
import { invoices } from '../../../db';
import { useToasts } from '../../../ui/toast';
import { isRefusal, refusalText, useGate } from '../../auth';

/** 永久删除 an invoice in the recycle bin (admins only; asked twice). The audit trail keeps that it happened. */
export function PurgeButton({ invoice }: { readonly invoice: Invoice }) {
  const t = useT();
  const show = useToasts((s) => s.show);
  const gate = useGate('invoice.purge');
  const [asking, setAsking] = useState(false);
  if (gate.byRole) return null;

  async function purge() {
    setAsking(false);
    const r = await invoices.purge(invoice.id);
    if (r.ok) {
      show(t('detail.purged', { number: invoice.number }));
      navigate({ name: 'bin' });
      return;
    }
    show(isRefusal(r.error) ? refusalText(t, r.error) : t('form.notFound'), 'error');
  }

  return (
    <>
      <button type="button" className="danger" disabled={!gate.allowed} title={gate.title} onClick={() => { setAsking(true); }}>{t('detail.purge')}</button>
      {asking ? (
        <div className="banner banner-error purge-confirm" role="alertdialog" aria-label={t('detail.purge')}>
          <span>{t('detail.purgeConfirm', { number: invoice.number })}</span>
          <button type="button" className="danger" onClick={() => void purge()}>{t('detail.purgeGo')}</button>
          <button type="button" onClick={() => { setAsking(false); }}>{t('form.cancel')}</button>
        </div>
      ) : null}
    </>
  );
}
