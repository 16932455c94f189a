import { useRef, useState } from 'react';
import { allowedCaseMoves, isCaseReasonRequired } from '../../../shared/cases/case-machine';
import type { CaseState, InvoiceCase } from '../../../shared/cases/types';
import { statusErrorMessage } from '../../../shared/i18n/domain-messages';
import { useLocaleStore, useT } from '../../app/i18n';
import { cases } from '../../db';
import { useToasts } from '../../ui/toast';
import { caseErrorText } from './case-error';

/** The moves the case machine allows from here; closing and reopening ask for a reason first. */
export function CaseMoves({ c }: { readonly c: InvoiceCase }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const show = useToasts((s) => s.show);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const moves = allowedCaseMoves(c.state);

  async function move(to: CaseState) {
    if (isCaseReasonRequired(c.state, to) && reason.trim() === '') {
      setError(t('case.reasonRequired', { to: t(`case.state.${to}`) }));
      reasonRef.current?.focus();
      return;
    }
    const r = await cases.changeState(c.id, to, reason.trim());
    if (!r.ok) { setError(caseErrorText(r.error, t)); return; }
    setReason('');
    setError(null);
    show(t('case.moved', { state: t(`case.state.${to}`) }));
    // The case moved; its ledger invoice may not have (the invoice's own status machine decides).
    if (r.invoice.kind === 'refused') show(t('case.invoiceNotMoved', { why: statusErrorMessage(r.invoice.error, locale) }), 'warn');
    if (r.invoice.kind === 'missing') show(t('case.invoiceMissing'), 'warn');
  }

  const label = (to: CaseState) => (to === 'closed' ? t('case.close') : c.state === 'closed' ? t('case.reopen') : t(`case.state.${to}`));
  return (
    <section className="case-card" aria-labelledby="case-moves-title">
      <h2 id="case-moves-title">{t('case.moves')}</h2>
      {moves.length === 0 ? <p className="muted">{t('case.noMoves')}</p> : (
        <>
          <div className="field">
            <div className="field-label">
              <label htmlFor="case-reason">{t('case.reason')}</label><span className="field-hint">{t('case.reasonHint')}</span>
            </div>
            <input id="case-reason" ref={reasonRef} type="text" value={reason} maxLength={200} aria-invalid={error !== null}
              aria-describedby={error ? 'case-move-error' : undefined} onChange={(e) => { setReason(e.target.value); }} />
          </div>
          <div className="case-moves" role="group" aria-label={t('case.moveTo')}>
            <span className="muted">{t('case.moveTo')}</span>
            {moves.map((to) => (
              <button key={to} type="button" className={to === 'closed' ? 'danger' : 'case-move'} onClick={() => void move(to)}>{label(to)}</button>
            ))}
          </div>
          {error ? <p id="case-move-error" className="msg-error" role="alert">{error}</p> : null}
        </>
      )}
    </section>
  );
}
