import type { ColumnMapping } from '../../../shared/reconcile/entities';
import { listPeriod } from '../../../shared/reconcile/match';
import { problemMessage } from '../../../shared/reconcile/sheet';
import type { SheetKind } from '../../../shared/reconcile/types';
import { useLocaleStore, useT } from '../../app/i18n';
import { LineSheetNote } from './LineSheetNote';
import { MappingEditor, type MappingTarget } from './MappingEditor';
import { mappingsOfKinds } from './saved-mappings';
import { useReconcileUi, type SourceFile } from './reconcile-store';
import { kindsFor, type SourceFileFlows } from './use-source-files';

const MAX_PROBLEMS = 5;

/** The preset a file is mapped against: bank statements, or the platform list kind it was read as. */
function presetKind(file: SourceFile): SheetKind {
  if (file.role === 'bank') return 'bank';
  return file.read?.kind === 'platform' ? file.read.sheetKind : 'platform';
}

function mappingTarget(file: SourceFile, flows: SourceFileFlows, mappings: readonly ColumnMapping[]): MappingTarget {
  const kind = presetKind(file);
  return {
    id: file.id, fileName: file.name, kind, facts: file.facts,
    columns: { ...file.read?.read.columns, ...file.mapping?.columns }, sheet: file.mapping?.sheet ?? file.read?.read.sheet ?? '',
    saved: mappingsOfKinds(mappings, kindsFor(file.role)),
    onApply: (m, savedName) => { void flows.reread(file.id, m, savedName); },
    onSave: (name, m) => { void flows.saveMapping(kind, name, m); },
    onClose: () => { flows.setEditing(file.id, false); },
  };
}

/** One picked file: what was read (or why not), the period a list covers, and its column mapping. */
export function SourceFileRow(props: { readonly file: SourceFile; readonly flows: SourceFileFlows; readonly mappings: readonly ColumnMapping[] }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const set = useReconcileUi((s) => s.set);
  const { file, flows } = props;
  const read = file.read?.read;
  const covers = file.read?.kind === 'platform' ? listPeriod(file.read.read.rows) : null;
  return (
    <li className={`rc-file rc-file-${file.state}`}>
      <div className="rc-file-head">
        <strong className="mono">{file.name}</strong>
        {file.state === 'reading' ? <span className="muted" role="status">{t('reconcile.file.reading')}</span> : null}
        {file.read && read ? <span>{t('reconcile.file.ready', { kind: t(`reconcile.kind.${file.read.sheetKind}`), rows: read.rows.length, sheet: read.sheet })}</span> : null}
        {file.mappingName ? <span className="rc-tag">{t('reconcile.file.viaMapping', { name: file.mappingName })}</span> : null}
        <span className="rc-file-actions">
          {file.state !== 'reading' && !file.editing && file.facts ? (
            <button type="button" className="link" onClick={() => { flows.setEditing(file.id, true); }}>{t('reconcile.file.editMapping')}</button>
          ) : null}
          <button type="button" className="link" onClick={() => { flows.remove(file.id); }} aria-label={`${t('reconcile.file.remove')} ${file.name}`}>{t('reconcile.file.remove')}</button>
        </span>
      </div>
      {file.problem ? <p className="notice notice-error" role="alert">{problemMessage(file.problem, locale)}</p> : null}
      {read && read.skipped.length > 0 ? <p className="muted small">{t('reconcile.file.skipped', { count: read.skipped.length })}</p> : null}
      {read && read.rowProblems.length > 0 ? (
        <div className="msg-warning">
          {t('reconcile.file.rowProblems', { count: new Set(read.rowProblems.map((p) => p.row)).size })}
          <ul className="rc-messages">{read.rowProblems.slice(0, MAX_PROBLEMS).map((p, i) => <li key={i}>{problemMessage(p, locale)}</li>)}</ul>
        </div>
      ) : null}
      {file.read?.kind === 'platform' && file.read.read.lineSheet ? <LineSheetNote lineSheet={file.read.read.lineSheet} /> : null}
      {covers ? (
        <p className="small">
          {t('reconcile.file.covers', { from: covers.from, to: covers.to })}{' '}
          <button type="button" className="link" onClick={() => { set({ periodMode: 'range', from: covers.from, to: covers.to }); }}>{t('reconcile.file.usePeriod')}</button>
        </p>
      ) : null}
      {file.editing || file.problem?.code === 'noColumns' ? <MappingEditor target={mappingTarget(file, flows, props.mappings)} /> : null}
    </li>
  );
}
