import { useState } from 'react';
import { useT } from '../../app/i18n';
import { backupPlatform, type BackupTarget } from '../../platform/backup-targets';
import type { BackupFlows } from './use-backup-flows';
import { useGate } from '../auth';

/** "导出全部数据" to a plain folder, and import of such a folder (restored like a backup: new ledger, checked, swapped). */
export function ExportPanel(props: { readonly busy: boolean; readonly flows: BackupFlows }) {
  const t = useT();
  const [platform] = useState(() => backupPlatform());
  const restoreGate = useGate('backup.restore');
  const withFolder = async (then: (target: BackupTarget) => Promise<void>) => {
    const target = await platform.pickFolder();
    if (target) await then(target);
  };
  return (
    <section className="backup-card" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('backup.export.heading')}</h2>
      <p className="muted small">{t('backup.export.hint')}</p>
      <div className="target-actions">
        <button type="button" disabled={props.busy || !platform.canPickFolder} onClick={() => { void withFolder((f) => props.flows.exportTo(f)); }}>
          {t('backup.export.run')}
        </button>
        <button type="button" disabled={props.busy || !platform.canPickFolder || !restoreGate.allowed} title={restoreGate.title}
          onClick={() => { void withFolder((f) => props.flows.importFrom(f)); }}>
          {t('backup.import.run')}
        </button>
      </div>
    </section>
  );
}
