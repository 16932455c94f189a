import { useState } from 'react';
import { fen, formatFen } from '../../../shared/domain/money';
import type { BankMatch } from '../../../shared/reconcile/entities';
import { clearMatches } from '../../../shared/reconcile/match';
import { useT } from '../../app/i18n';
import { useToasts } from '../../ui/toast';
import type { Report } from './reconcile-store';
import { decisionOf } from './report-view';
import type { ReconcileRunFlows } from './use-reconcile-run';

/**
 * Payments whose match is clear (score ≥ 90 %, no close runner-up, no invoice claimed twice) can be confirmed
 * together — but only after the clerk has opened the list and pressed confirm: nothing is matched by itself.
 */
export function ClearMatchesBar(props: { readonly report: Report; readonly matches: readonly BankMatch[]; readonly flows: ReconcileRunFlows }) {
  const t = useT();
  const show = useToasts((s) => s.show);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const pending = clearMatches(props.report.output.findings).filter((m) => decisionOf(m.suggestion, m.finding.key, props.matches) === null);
  if (pending.length === 0) return null;

  async function confirmAll() {
    setBusy(true);
    for (const m of pending) await props.flows.decide(m.finding, m.suggestion, 'confirmed');
    setBusy(false);
    setOpen(false);
    show(t('reconcile.clear.done', { count: pending.length }));
  }

  const invoiceText = (id: string) => {
    const inv = props.report.ledgerById.get(id);
    return inv ? t('reconcile.suggest.invoice', { number: inv.number, date: inv.issueDate, total: formatFen(inv.total) }) : id;
  };
  return (
    <div className="rc-clear rc-no-print" role="region" aria-label={t('reconcile.clear.heading')}>
      <p>{t('reconcile.clear.offer', { count: pending.length })}{' '}
        {open ? null : <button type="button" onClick={() => { setOpen(true); }}>{t('reconcile.clear.review')}</button>}
      </p>
      {open ? (
        <>
          <table className="rc-table" aria-label={t('reconcile.clear.heading')}>
            <thead><tr><th>{t('reconcile.clear.payment')}</th><th>{t('reconcile.clear.invoices')}</th><th className="num">{t('reconcile.clear.score')}</th></tr></thead>
            <tbody>
              {pending.map((m) => {
                const p = props.report.payments.get(m.suggestion.paymentKey ?? m.finding.key)?.row;
                return (
                  <tr key={m.finding.key}>
                    <td>{p ? t('reconcile.suggest.payment', { date: p.date, amount: formatFen(fen(p.amount)), party: p.counterparty }) : m.finding.key}</td>
                    <td>{m.suggestion.invoiceIds.map(invoiceText).join(t('report.say.separator'))}</td>
                    <td className="num mono">{Math.round(m.suggestion.score * 100)}%</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="rc-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => { void confirmAll(); }}>{t('reconcile.clear.confirm', { count: pending.length })}</button>
            <button type="button" disabled={busy} onClick={() => { setOpen(false); }}>{t('reconcile.clear.cancel')}</button>
          </div>
        </>
      ) : null}
    </div>
  );
}
