import { formatFen, fen } from '../../../shared/domain/money';
import type { BankMatch } from '../../../shared/reconcile/entities';
import { suggestionReasons } from '../../../shared/reconcile/report-messages';
import type { Finding, MatchSuggestion } from '../../../shared/reconcile/types';
import { useLocaleStore, useT } from '../../app/i18n';
import type { Report } from './reconcile-store';
import { decisionOf } from './report-view';
import type { ReconcileRunFlows } from './use-reconcile-run';

/** A bank finding's suggested matches with their score and reasons; the clerk confirms or rejects each one. */
export function Suggestions(props: { readonly finding: Finding; readonly report: Report; readonly matches: readonly BankMatch[]; readonly flows: ReconcileRunFlows }) {
  const t = useT();
  const { finding: f, report } = props;
  const list = f.suggestions ?? [];
  return (
    <div className="rc-suggestions">
      <strong className="small">{t('reconcile.suggest.heading')}</strong>
      <ul>
        {list.map((s) => (
          <SuggestionItem key={`${s.paymentKey ?? ''}|${s.invoiceIds.join(',')}`} finding={f} suggestion={s} report={report}
            decision={decisionOf(s, f.key, props.matches)} flows={props.flows} />
        ))}
      </ul>
    </div>
  );
}

function SuggestionItem(props: {
  readonly finding: Finding; readonly suggestion: MatchSuggestion; readonly report: Report;
  readonly decision: BankMatch['decision'] | null; readonly flows: ReconcileRunFlows;
}) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const { finding: f, suggestion: s, report, decision } = props;
  // A payment's finding suggests invoices; an invoice's finding suggests payments.
  const what = f.type === 'paymentWithoutInvoice'
    ? s.invoiceIds.map((id) => {
      const inv = report.ledgerById.get(id);
      return inv ? t('reconcile.suggest.invoice', { number: inv.number, date: inv.issueDate, total: formatFen(inv.total) }) : id;
    })
    : [paymentText(s.paymentKey ?? '', report, t)];
  const sep = t('report.say.separator');
  const label = what.join(sep);
  return (
    <li className={`rc-suggestion${decision ? ` rc-decided-${decision}` : ''}`}>
      <span className="rc-score mono">{t('reconcile.suggest.score', { score: Math.round(s.score * 100) })}</span>
      <span>
        {f.type === 'paymentWithoutInvoice'
          ? s.invoiceIds.map((id, i) => <span key={id}>{i > 0 ? sep : ''}<a href={`#/invoice/${id}`}>{what[i]}</a></span>)
          : label}
        <span className="muted small"> — {suggestionReasons(s, locale).join(sep)}</span>
      </span>
      {decision ? <span className={decision === 'confirmed' ? 'rc-ok' : 'muted'}>{t(`reconcile.suggest.${decision}`)}</span> : (
        <span className="rc-actions rc-no-print">
          <button type="button" aria-label={`${t('reconcile.suggest.confirm')}：${label}`} onClick={() => { void props.flows.decide(f, s, 'confirmed'); }}>{t('reconcile.suggest.confirm')}</button>
          <button type="button" aria-label={`${t('reconcile.suggest.reject')}：${label}`} onClick={() => { void props.flows.decide(f, s, 'rejected'); }}>{t('reconcile.suggest.reject')}</button>
        </span>
      )}
    </li>
  );
}

function paymentText(key: string, report: Report, t: ReturnType<typeof useT>): string {
  const p = report.payments.get(key)?.row;
  if (!p) return key;
  return t('reconcile.suggest.payment', { date: p.date, amount: formatFen(fen(p.amount)), party: p.counterparty });
}
