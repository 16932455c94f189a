import { outcomeMessages, type RowOutcome } from '../../../shared/reconcile/ledger-import';
import { skippedMessage, type SkippedRow } from '../../../shared/reconcile/sheet';
import { useLocaleStore, useT } from '../../app/i18n';

const MAX_SKIPPED = 30;

/** The rows a clerk should look at before confirming (refused, duplicate, warned; the first ones) and the rows skipped. */
export function ImportProblems(props: { readonly attention: readonly RowOutcome[]; readonly total: number; readonly skipped: readonly SkippedRow[] }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const { skipped } = props;
  const listed = props.attention;
  const inFile = { sameNumber: (row: number) => t('sheets.inFile', { row }), sameSoftKey: (row: number) => t('sheets.softInFile', { row }) };
  const outcomeLabel = (o: RowOutcome) => t(o.kind === 'new' ? 'sheets.outcome.warning' : o.kind === 'unreadable' ? 'sheets.outcome.error' : `sheets.outcome.${o.kind}`);
  return (
    <>
      {listed.length > 0 ? (
        <>
          <h4>{t('sheets.problems.heading')}</h4>
          <div className="rc-scroll">
          <table className="rc-table rc-problems">
            <thead>
              <tr><th className="num">{t('sheets.problems.row')}</th><th>{t('sheets.problems.number')}</th><th>{t('sheets.problems.outcome')}</th><th>{t('sheets.problems.problem')}</th></tr>
            </thead>
            <tbody>
              {listed.map((o) => (
                <tr key={o.row} className={o.kind === 'new' ? 'rc-row-warn' : 'rc-row-error'}>
                  <td className="num">{o.row}</td>
                  <td className="mono">{numberOf(o)}</td>
                  <td>{outcomeLabel(o)}</td>
                  <td>
                    <ul className="rc-messages">
                      {outcomeMessages(o, locale, inFile).map((m, i) => <li key={i}>{m}</li>)}
                    </ul>
                    {o.kind === 'duplicateInLedger' ? <a href={`#/invoice/${o.existingId}`}>{t('sheets.openExisting')}</a> : null}
                    {o.kind === 'new' && o.softDuplicateOf && 'invoiceId' in o.softDuplicateOf ? <a href={`#/invoice/${o.softDuplicateOf.invoiceId}`}>{t('sheets.openExisting')}</a> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          {props.total > listed.length ? <p className="muted small">{t('sheets.problems.more', { count: props.total - listed.length })}</p> : null}
        </>
      ) : null}
      {skipped.length > 0 ? (
        <p className="muted small">
          <strong>{t('sheets.skipped.heading')}</strong>{' '}
          {skipped.slice(0, MAX_SKIPPED).map((s) => t('sheets.skipped.item', { row: s.row, why: skippedMessage(s, locale) })).join(t('report.say.separator'))}
          {skipped.length > MAX_SKIPPED ? ` ${t('sheets.skipped.more', { count: skipped.length })}` : null}
        </p>
      ) : null}
    </>
  );
}

function numberOf(o: RowOutcome): string {
  switch (o.kind) {
    case 'new': return o.content.number;
    case 'unreadable': return '';
    default: return o.number;
  }
}
