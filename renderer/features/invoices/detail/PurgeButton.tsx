import type { Invoice } from '../../../../shared/domain/invoice';
import { useT } from '../../../app/i18n';
import { navigate } from '../../../app/router';
import { invoices } from '../../../db';
import { useToasts } from '../../../ui/toast';
import { isRefusal, refusalText, useGate } from '../../auth';

/** 永久删除 for an invoice in the recycle bin: shown to admins only; it asks first (PurgeConfirm). */
export function PurgeButton({ onAsk }: { readonly onAsk: () => void }) {
  const t = useT();
  const gate = useGate('invoice.purge');
  if (gate.byRole) return null;
  return <button type="button" className="danger" disabled={!gate.allowed} title={gate.title} onClick={onAsk}>{t('detail.purge')}</button>;
}

/** The question before a permanent delete; the audit trail keeps that it happened and what the invoice was. */
export function PurgeConfirm({ invoice, onClose }: { readonly invoice: Invoice; readonly onClose: () => void }) {
  const t = useT();
  const show = useToasts((s) => s.show);

  async function purge() {
    onClose();
    const r = await invoices.purge(invoice.id);
    if (r.ok) {
      show(t('detail.purged', { number: invoice.number }));
      navigate({ name: 'bin' });
      return;
    }
    show(isRefusal(r.error) ? refusalText(t, r.error) : t('form.notFound'), 'error');
  }

  return (
    <div className="banner banner-error" role="alertdialog" aria-label={t('detail.purge')}>
      <span>{t('detail.purgeConfirm', { number: invoice.number })}</span>
      <button type="button" className="danger" onClick={() => void purge()}>{t('detail.purgeGo')}</button>
      <button type="button" onClick={onClose}>{t('form.cancel')}</button>
    </div>
  );
}
