import { useT } from '../../app/i18n';
import { formatTimestamp, localToday } from '../../app/today';
import { auditTrail, feedback, useFeedbackList } from '../../db';
import { saveFile, XLSX_TYPE } from '../../platform/save-file';
import { useToasts } from '../../ui/toast';
import { sheetJob } from '../../workers/sheet-client';
import { feedbackSheet } from './feedback-sheet';
import { feedbackErrorText, screenLabel } from './feedback-text';

/** The admin's list of every report, newest first: mark read, export to Excel. */
export function FeedbackList() {
  const t = useT();
  const toast = useToasts((s) => s.show);
  const list = useFeedbackList();

  const exportAll = async () => {
    if (!list || list.length === 0) { toast(t('feedback.export.empty'), 'warn'); return; }
    const written = await sheetJob({ type: 'write', sheets: [feedbackSheet(t, list)] });
    if (!written.result.ok) { toast(t('export.failed', { message: written.result.error.params.detail }), 'error'); return; }
    const file = `${t('feedback.export.name')}-${localToday()}.xlsx`;
    const r = await saveFile(file, written.result.value, XLSX_TYPE);
    if (r.kind === 'saved') {
      await auditTrail.record({ action: 'export', entity: 'export', entityId: file, after: { file, kind: 'feedback', rows: list.length, target: r.where } });
      toast(t('export.saved', { where: r.where }));
    } else if (r.kind === 'failed') toast(t('export.failed', { message: r.message }), 'error');
  };

  const markRead = async (id: string) => {
    const r = await feedback.markRead(id);
    if (!r.ok) toast(feedbackErrorText(t, r.error), 'error');
  };

  const unread = list?.filter((f) => f.status === 'new').length ?? 0;
  return (
    <section className="paper feedback-list" aria-labelledby="feedback-list-title">
      <header className="page-header">
        <h2 id="feedback-list-title">{t('feedback.list')}</h2>
        {list ? <p className="count">{t('feedback.list.count', { count: list.length, unread })}</p> : null}
        <div className="header-actions"><button type="button" onClick={() => void exportAll()}>{t('feedback.export')}</button></div>
      </header>
      {list === undefined ? <p className="empty">{t('list.loading')}</p> : list.length === 0 ? <p className="empty">{t('feedback.list.empty')}</p> : (
        <table className="feedback-table">
          <thead><tr>{(['at', 'by', 'screen', 'message', 'version', 'status'] as const).map((c) => <th key={c} scope="col">{t(`feedback.col.${c}`)}</th>)}<th /></tr></thead>
          <tbody>
            {list.map((f) => (
              <tr key={f.id} className={f.status === 'new' ? 'unread' : undefined}>
                <td>{formatTimestamp(f.createdAt)}</td>
                <td>{f.createdBy}</td>
                <td>{screenLabel(t, f.screen)}</td>
                <td>{f.doing ? <small className="muted">{f.doing}</small> : null}<p>{f.message}</p>{f.diagnostics ? <small className="muted">{t('feedback.col.diagnostics')} ✓</small> : null}</td>
                <td>{f.appVersion}</td>
                <td>{t(`feedback.status.${f.status}`)}</td>
                <td>{f.status === 'new' ? <button type="button" onClick={() => void markRead(f.id)}>{t('feedback.markRead')}</button> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
