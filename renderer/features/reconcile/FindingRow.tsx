import { useState } from 'react';
import { formatFen, fen } from '../../../shared/domain/money';
import type { BankMatch, FindingNote } from '../../../shared/reconcile/entities';
import { invoiceKey } from '../../../shared/reconcile/match';
import { describeFinding } from '../../../shared/reconcile/report-messages';
import { findingFacts } from '../../../shared/reconcile/report-sheets';
import type { Finding } from '../../../shared/reconcile/types';
import { useLocaleStore, useT } from '../../app/i18n';
import type { Report } from './reconcile-store';
import { Suggestions } from './Suggestions';
import type { ReconcileRunFlows } from './use-reconcile-run';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** One finding: what it is, where it comes from (list row, payment, invoice), its case, and the clerk's handling. */
export function FindingRow(props: {
  readonly finding: Finding; readonly report: Report; readonly note: FindingNote | undefined; readonly isNew: boolean;
  readonly matches: readonly BankMatch[]; readonly flows: ReconcileRunFlows;
}) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const { finding: f, report, note, flows } = props;
  // What the clerk is typing (null = not editing: show the stored note, which may arrive after the first paint).
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? note?.note ?? '';
  const [busy, setBusy] = useState(false);
  // The tick shows at once; the stored note (a live query) takes over once the write is done.
  const [pendingHandled, setPendingHandled] = useState<boolean | null>(null);
  const facts = findingFacts(f);
  const handled = pendingHandled ?? note?.handled === true;
  const number = str(f.detail.number);
  const listed = f.listRow !== undefined ? report.platform.get(invoiceKey({ code: str(f.detail.code), number })) : undefined;
  const payment = f.type === 'paymentWithoutInvoice' ? report.payments.get(f.key) : undefined;
  const invoiceId = f.invoiceIds?.[0];
  const noteId = `note-${f.key}`;
  const saveNote = () => {
    if (draft === null) return;
    if (draft === (note?.note ?? '')) { setDraft(null); return; }
    void flows.setNote(f, { note: draft }).finally(() => { setDraft(null); });
  };
  const openCase = () => { setBusy(true); void flows.openCase(f).finally(() => { setBusy(false); }); };

  return (
    <tbody className={`rc-finding${handled ? ' rc-handled' : ''}`} data-finding={f.key}>
      <tr>
        <td>
          <span className={`rc-type rc-type-${f.type}`}>{t(`report.type.${f.type}`)}</span>
          {props.isNew ? <span className="rc-new">{t('reconcile.new')}</span> : null}
        </td>
        <td className="mono">
          {str(f.detail.code) ? <div className="muted small">{str(f.detail.code)}</div> : null}
          {number || (f.type === 'sequenceGap' ? `${str(f.detail.from)}–${str(f.detail.to)}` : '')}
        </td>
        <td className="mono rc-nowrap">{facts.date}</td>
        <td className="rc-party">{facts.party}</td>
        <td className="num mono">{facts.money === null ? '' : formatFen(fen(facts.money))}</td>
        <td>
          {describeFinding(f, locale, report.direction)}
          {handled ? <div className="rc-print-only small">✓ {note?.note ? t('reconcile.row.handledNote', { note: note.note }) : t('reconcile.row.handled')}</div> : null}
          <div className="rc-links small">
            {listed ? <span className="muted">{listed.file} · {t('reconcile.row.listRow', { row: listed.row.row })}</span> : null}
            {payment ? <span className="muted">{t('reconcile.row.bankRow', { file: payment.file, row: payment.row.row })}</span> : null}
            {invoiceId ? <a href={`#/invoice/${invoiceId}`}>{t('reconcile.row.openInvoice')}</a> : null}
            {note?.caseId ? <a href={`#/case/${note.caseId}`}>{t('reconcile.row.case')}</a> : null}
          </div>
        </td>
        <td className="rc-handling rc-no-print">
          {f.type === 'missingInLedger' && !note?.caseId ? (
            <button type="button" disabled={busy} onClick={openCase}>{t('reconcile.row.openCase')}</button>
          ) : null}
          <label className="checkbox">
            <input type="checkbox" checked={handled} onChange={(e) => {
              setPendingHandled(e.target.checked);
              void flows.setNote(f, { handled: e.target.checked, note: text }).finally(() => { setPendingHandled(null); });
            }} />
            {t('reconcile.row.handled')}
          </label>
          <label htmlFor={noteId} className="sr-only">{t('reconcile.row.note')}</label>
          <input id={noteId} type="text" value={text} placeholder={t('reconcile.row.note')} onChange={(e) => { setDraft(e.target.value); }}
            onBlur={saveNote} onKeyDown={(e) => { if (e.key === 'Enter') saveNote(); }} />
        </td>
      </tr>
      {f.suggestions && f.suggestions.length > 0 ? (
        <tr className="rc-suggest-row">
          <td />
          <td colSpan={6}><Suggestions finding={f} report={report} matches={props.matches} flows={flows} /></td>
        </tr>
      ) : null}
    </tbody>
  );
}
