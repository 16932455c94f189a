import { useState } from 'react';
import type { SnapshotInfo } from '../../../shared/backup';
import { useT } from '../../app/i18n';
import { formatBytes } from './format-progress';
import { useFormatWhen } from './use-backup-text';
import { useGate } from '../auth';

/** The snapshots in the open repository, newest first, each restorable after a confirmation. */
export function SnapshotList(props: { readonly snapshots: readonly SnapshotInfo[]; readonly busy: boolean; readonly onRestore: (id: string) => void }) {
  const t = useT();
  const when = useFormatWhen();
  const [asking, setAsking] = useState<SnapshotInfo | null>(null);
  const gate = useGate('backup.restore');
  if (props.snapshots.length === 0) return <p className="muted">{t('backup.snapshots.none')}</p>;
  return (
    <>
      <table className="snapshots">
        <thead>
          <tr>
            <th>{t('backup.snapshots.when')}</th><th className="num">{t('backup.snapshots.invoices')}</th>
            <th className="num">{t('backup.snapshots.attachments')}</th><th className="num">{t('backup.snapshots.size')}</th><th />
          </tr>
        </thead>
        <tbody>
          {props.snapshots.map((s) => (
            <tr key={s.id}>
              <td>{when(s.createdAt)}</td>
              <td className="num">{s.tables.invoices ?? 0}</td>
              <td className="num">{s.attachments}</td>
              <td className="num">{formatBytes(s.bytes)}</td>
              <td><button type="button" disabled={props.busy || !gate.allowed} title={gate.title} onClick={() => { setAsking(s); }}>{t('backup.snapshots.restore')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {asking ? (
        <div className="banner banner-warn restore-confirm" role="alertdialog" aria-label={t('backup.restore.go')}>
          <span>{t('backup.restore.confirm', { when: when(asking.createdAt) })}</span>
          <button type="button" className="primary" onClick={() => { setAsking(null); props.onRestore(asking.id); }}>{t('backup.restore.go')}</button>
          <button type="button" onClick={() => { setAsking(null); }}>{t('backup.restore.back')}</button>
        </div>
      ) : null}
    </>
  );
}
