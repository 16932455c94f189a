import { useState } from 'react';
import type { ColumnMapping } from '../../../shared/reconcile/entities';
import { PRESETS } from '../../../shared/reconcile/sheet';
import type { SheetKind } from '../../../shared/reconcile/types';
import { useT } from '../../app/i18n';
import type { SourceFile } from './reconcile-store';
import { mappingsFor, overrideOf, type SourceFileFlows } from './use-source-files';

/** The preset a file is mapped against: bank statements, or the platform list kind it was read as. */
function presetKind(file: SourceFile): SheetKind {
  if (file.role === 'bank') return 'bank';
  return file.read?.kind === 'platform' ? file.read.sheetKind : 'platform';
}

/** For each field of the preset, a choice among the file's headers; read again, save as a mapping, or use a saved one. */
export function MappingEditor(props: { readonly file: SourceFile; readonly flows: SourceFileFlows; readonly mappings: readonly ColumnMapping[] }) {
  const t = useT();
  const { file, flows } = props;
  const fields = PRESETS[presetKind(file)].fields;
  const headers = file.facts?.headers ?? [];
  const sheets = file.facts?.sheets ?? [];
  const [columns, setColumns] = useState<Record<string, string>>(() => ({ ...file.read?.read.columns, ...file.mapping?.columns }));
  const [sheet, setSheet] = useState(file.mapping?.sheet ?? file.read?.read.sheet ?? '');
  const [name, setName] = useState('');
  const saved = mappingsFor(file.role, props.mappings);
  const chosen = Object.fromEntries(Object.entries(columns).filter(([, h]) => h !== ''));
  const mapping = sheet === '' ? { columns: chosen } : { columns: chosen, sheet };
  const missing = fields.filter((f) => f.required && !chosen[f.field]).map((f) => f.synonyms[0] ?? f.field);
  const id = (suffix: string) => `${file.id}-${suffix}`;

  return (
    <div className="rc-mapping" role="group" aria-label={t('reconcile.mapping.heading', { file: file.name })}>
      <h4>{t('reconcile.mapping.heading', { file: file.name })}</h4>
      <p className="muted small">{t('reconcile.mapping.intro')}</p>
      {saved.length > 0 ? (
        <div className="rc-field">
          <label htmlFor={id('saved')}>{t('reconcile.mapping.saved.pick')}</label>
          <select id={id('saved')} value="" onChange={(e) => {
            const m = saved.find((x) => x.id === e.target.value);
            if (m) void flows.reread(file.id, overrideOf(m), m.name);
          }}>
            <option value="">{t('reconcile.mapping.choose')}</option>
            {saved.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
        </div>
      ) : null}
      {sheets.length > 1 ? (
        <div className="rc-field">
          <label htmlFor={id('sheet')}>{t('reconcile.mapping.sheet')}</label>
          <select id={id('sheet')} value={sheet} onChange={(e) => { setSheet(e.target.value); }}>
            {sheets.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
      ) : null}
      <div className="rc-mapping-grid">
        {fields.map((f) => (
          <div key={f.field} className="rc-field">
            <label htmlFor={id(`col-${f.field}`)}>{(f.synonyms[0] ?? f.field) + (f.required ? ' *' : '')}</label>
            <select id={id(`col-${f.field}`)} value={columns[f.field] ?? ''} onChange={(e) => { setColumns({ ...columns, [f.field]: e.target.value }); }}>
              <option value="">{t('reconcile.mapping.none')}</option>
              {headers.map((h) => <option key={h} value={h}>{h}</option>)}
            </select>
          </div>
        ))}
      </div>
      {missing.length > 0 ? <p className="msg-warning">{t('reconcile.mapping.missingRequired', { fields: missing.join('、') })}</p> : null}
      <div className="rc-actions">
        <button type="button" className="primary" disabled={missing.length > 0} onClick={() => { void flows.reread(file.id, mapping); }}>{t('reconcile.mapping.apply')}</button>
        <label htmlFor={id('name')} className="sr-only">{t('reconcile.mapping.name')}</label>
        <input id={id('name')} type="text" value={name} placeholder={t('reconcile.mapping.name')} onChange={(e) => { setName(e.target.value); }} />
        <button type="button" disabled={name.trim() === '' || missing.length > 0} onClick={() => { void flows.saveMapping(file, name.trim(), mapping); setName(''); }}>{t('reconcile.mapping.save')}</button>
        <button type="button" className="link" onClick={() => { flows.setEditing(file.id, false); }}>{t('reconcile.mapping.close')}</button>
      </div>
    </div>
  );
}
