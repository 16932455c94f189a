import { problemMessage } from '../../../shared/reconcile/sheet';
import { useLocaleStore, useT } from '../../app/i18n';
import type { ColumnMapping } from '../../../shared/reconcile/entities';
import { BuyerFill } from './BuyerFill';
import { ImportProblems } from './ImportProblems';
import { MappingEditor, type MappingTarget } from './MappingEditor';
import { mappingsOfKinds } from './saved-mappings';
import { ProgressBar } from './ProgressBar';
import type { ImportFile } from './sheets-store';
import type { LedgerImportFlows } from './use-ledger-import';

/** One picked file: its preview counts, the rows to look at, confirm/cancel, the progress and the result. */
export function ImportFileCard({ file, flows, mappings }: { readonly file: ImportFile; readonly flows: LedgerImportFlows; readonly mappings: readonly ColumnMapping[] }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const { preview, read } = file;
  const headingId = `${file.id}-name`;
  return (
    <article className="rc-card rc-import" aria-labelledby={headingId}>
      <header className="rc-import-head">
        <h3 id={headingId} className="mono">{file.name}</h3>
        {file.sha256 ? <span className="muted small mono" title={file.sha256}>SHA-256 {file.sha256.slice(0, 12)}…</span> : null}
        {file.mappingName ? <span className="rc-tag">{t('reconcile.file.viaMapping', { name: file.mappingName })}</span> : null}
        {(file.state === 'preview' || file.state === 'failed') && !file.editing && file.facts ? (
          <button type="button" className="link rc-push" onClick={() => { flows.setEditing(file, true); }}>{t('reconcile.file.editMapping')}</button>
        ) : null}
      </header>
      {file.state === 'reading' ? <p className="muted" role="status">{t('sheets.import.reading')}</p> : null}
      {file.problem ? <p className="notice notice-error" role="alert">{problemMessage(file.problem, locale)}</p> : null}
      {file.state !== 'reading' && (file.editing || file.problem?.code === 'noColumns') ? <MappingEditor target={ledgerTarget(file, flows, mappings)} /> : null}
      {preview && read ? (
        <>
          <p>{t('sheets.import.read', { rows: preview.counts.rows.toLocaleString(), sheet: read.sheet, header: read.headerRow })}</p>
          <dl className="rc-counts">
            <Count label={t('sheets.count.new')} value={preview.counts.new} tone="ok" />
            <Count label={t('sheets.count.inLedger')} value={preview.counts.duplicateInLedger} />
            <Count label={t('sheets.count.inFile')} value={preview.counts.duplicateInFile} />
            <Count label={t('sheets.count.warnings')} value={preview.counts.withWarnings} tone={preview.counts.withWarnings > 0 ? 'warn' : undefined} />
            <Count label={t('sheets.count.errors')} value={preview.counts.errors} tone={preview.counts.errors > 0 ? 'error' : undefined} />
            <Count label={t('sheets.count.skipped')} value={read.skipped.length} />
          </dl>
        </>
      ) : null}
      <BuyerFill file={file} flows={flows} />
      {file.commitError ? <p className="notice notice-error" role="alert">{file.commitError}</p> : null}
      {file.state === 'committing' && file.progress ? (
        <ProgressBar label={t('sheets.committing', { file: file.name })} done={file.progress.done} total={file.progress.total}
          text={t('sheets.progress', { done: file.progress.done.toLocaleString(), total: file.progress.total.toLocaleString() })} />
      ) : null}
      {file.state === 'done' && file.imported !== null ? <p className="notice notice-ok" role="status">{t('sheets.done', { count: file.imported })}</p> : null}
      <div className="rc-actions">
        {file.state === 'preview' && preview && preview.counts.new > 0 ? (
          <button type="button" className="primary" onClick={() => { void flows.confirm(file); }}>{t('sheets.confirm', { count: preview.counts.new })}</button>
        ) : null}
        {file.state === 'preview' && preview?.counts.new === 0 ? <span className="muted">{t('sheets.nothingNew')}</span> : null}
        {file.state === 'preview' ? <button type="button" onClick={() => { flows.cancel(file); }}>{t('sheets.cancel')}</button> : null}
        {file.state === 'failed' || file.state === 'done' ? <button type="button" onClick={() => { flows.cancel(file); }}>{t('sheets.close')}</button> : null}
      </div>
      {preview && read && file.state !== 'done' ? <ImportProblems attention={preview.attention} total={preview.attentionTotal} skipped={read.skipped} /> : null}
    </article>
  );
}

function ledgerTarget(file: ImportFile, flows: LedgerImportFlows, mappings: readonly ColumnMapping[]): MappingTarget {
  return {
    id: file.id, fileName: file.name, kind: 'ledger', facts: file.facts,
    columns: { ...file.read?.columns, ...file.mapping?.columns }, sheet: file.mapping?.sheet ?? file.read?.sheet ?? '',
    saved: mappingsOfKinds(mappings, ['ledger']),
    onApply: (m, savedName) => { void flows.reread(file, m, savedName); },
    onSave: (name, m) => { void flows.saveMapping(name, m); },
    onClose: () => { flows.setEditing(file, false); },
  };
}

function Count(props: { readonly label: string; readonly value: number; readonly tone?: 'ok' | 'warn' | 'error' | undefined }) {
  return (
    <div className={`rc-count${props.tone && props.value > 0 ? ` rc-count-${props.tone}` : ''}`}>
      <dt>{props.label}</dt>
      <dd className="mono">{props.value.toLocaleString()}</dd>
    </div>
  );
}
