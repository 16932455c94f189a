import { useRef, useState } from 'react';
import type { Invoice, InvoiceStatus } from '../../../../shared/domain/invoice';
import { allowedTransitions } from '../../../../shared/domain/status';
import { useLocaleStore, useT } from '../../../app/i18n';
import { statusErrorMessage } from '../../../../shared/i18n/domain-messages';
import { invoices } from '../../../db';
import { useToasts } from '../../../ui/toast';
import { authorize } from '../../../../shared/auth/roles';
import { statusAction } from '../../../../shared/auth/mutation-actions';
import { isRefusal, refusalText } from '../../auth';
import { useActor } from '../../../db';

/** Current status and the moves the status machine allows from it (with a reason where required). */
export function StatusPanel({ invoice }: { readonly invoice: Invoice }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const show = useToasts((s) => s.show);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const actor = useActor();
  const moves = invoice.deleted ? [] : allowedTransitions(invoice.status);
  // A role that may not make a move sees it disabled, with the role it needs as the tooltip.
  const refusedMove = (to: InvoiceStatus) => {
    const p = authorize(actor, statusAction(invoice.status, to));
    return p.ok ? undefined : refusalText(t, p.refusal);
  };

  async function move(to: InvoiceStatus) {
    const r = await invoices.changeStatus(invoice.id, to, reason.trim());
    if (r.ok) {
      setReason('');
      setError(null);
      show(t('detail.statusChanged', { status: t(`status.${to}`) }));
      return;
    }
    const e = r.error;
    if (isRefusal(e)) { setError(refusalText(t, e)); return; }
    setError(e.code === 'notFound' ? t('form.notFound') : statusErrorMessage(e, locale));
    if (e.code === 'status.reasonRequired') reasonRef.current?.focus();
  }

  return (
    <section className="status-panel" aria-labelledby="status-title">
      <h2 id="status-title">{t('detail.status')}：<span className={`status status-${invoice.status}`}>{t(`status.${invoice.status}`)}</span></h2>
      {moves.length === 0 ? <p className="muted">{t('detail.noMoves')}</p> : (
        <>
          <div className="field">
            <label htmlFor="status-reason">{t('detail.reason')}</label>
            <input id="status-reason" ref={reasonRef} type="text" value={reason} maxLength={200} aria-invalid={error !== null}
              aria-describedby={error ? 'status-error' : undefined} onChange={(e) => { setReason(e.target.value); }} />
          </div>
          <div className="status-moves" role="group" aria-label={t('detail.moveTo')}>
            <span className="muted">{t('detail.moveTo')}</span>
            {moves.map((to) => (
              <button key={to} type="button" className={`status-move status-${to}`} onClick={() => void move(to)}
                disabled={refusedMove(to) !== undefined} title={refusedMove(to)}>{t(`status.${to}`)}</button>
            ))}
          </div>
          {error ? <p id="status-error" className="msg-error" role="alert">{error}</p> : null}
        </>
      )}
    </section>
  );
}
