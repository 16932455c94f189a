import { useState } from 'react';
import type { ImportBatch } from '../../../shared/reconcile/entities';
import { useT } from '../../app/i18n';
import { formatTimestamp } from '../../app/today';
import { useImports } from '../../db';
import type { LedgerImportFlows } from './use-ledger-import';

/** Past ledger imports, newest first, each undoable (to the recycle bin) after a confirmation. */
export function ImportHistory({ flows }: { readonly flows: LedgerImportFlows }) {
  const t = useT();
  const imports = useImports();
  const [asking, setAsking] = useState<ImportBatch | null>(null);
  if (imports === undefined) return <p className="muted">{t('list.loading')}</p>;
  if (imports.length === 0) return <p className="muted">{t('sheets.history.none')}</p>;
  return (
    <>
      <table className="rc-table" aria-label={t('sheets.history.heading')}>
        <thead>
          <tr>
            <th>{t('sheets.history.file')}</th><th>{t('sheets.history.sha')}</th><th className="num">{t('sheets.history.count')}</th>
            <th>{t('sheets.history.when')}</th><th>{t('sheets.history.who')}</th><th />
          </tr>
        </thead>
        <tbody>
          {imports.map((b) => (
            <tr key={b.id} className={b.undone ? 'rc-row-undone' : undefined}>
              <td className="mono">{b.fileName}</td>
              <td className="mono small" title={b.sha256}>{b.sha256.slice(0, 12)}…</td>
              <td className="num">{b.invoiceIds.length}</td>
              <td>{formatTimestamp(b.createdAt)}</td>
              <td>{b.createdBy}</td>
              <td>
                {b.undone ? <span className="muted">{t('sheets.history.undone')}</span> : (
                  <button type="button" onClick={() => { setAsking(b); }} aria-label={`${t('sheets.history.undo')} ${b.fileName}`}>{t('sheets.history.undo')}</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {asking ? (
        <div className="banner banner-warn rc-confirm" role="alertdialog" aria-label={t('sheets.history.undo')}>
          <span>{t('sheets.history.confirmUndo', { count: asking.invoiceIds.length, file: asking.fileName })}</span>
          <button type="button" className="primary" onClick={() => { setAsking(null); void flows.undo(asking.id, asking.invoiceIds.length); }}>{t('sheets.history.undoGo')}</button>
          <button type="button" onClick={() => { setAsking(null); }}>{t('sheets.history.back')}</button>
        </div>
      ) : null}
    </>
  );
}
