import { useState } from 'react';
import type { ColumnMapping } from '../../../shared/reconcile/entities';
import { PRESETS, type MappingOverride } from '../../../shared/reconcile/sheet';
import type { SheetKind } from '../../../shared/reconcile/types';
import { useT } from '../../app/i18n';
import type { FileFacts } from '../../workers/sheet-protocol';
import { overrideOf } from './saved-mappings';

/** What the editor edits: a file read with a preset, and what to do with the clerk's mapping. */
export interface MappingTarget {
  readonly id: string;
  readonly fileName: string;
  readonly kind: SheetKind;
  readonly facts: FileFacts | null;
  /** Field → header as last read (the preset's match or an earlier mapping), and the sheet read. */
  readonly columns: Readonly<Record<string, string>>;
  readonly sheet: string;
  /** Saved mappings that fit this kind of file. */
  readonly saved: readonly ColumnMapping[];
  readonly onApply: (mapping: MappingOverride, savedName: string | null) => void;
  readonly onSave: (name: string, mapping: MappingOverride) => void;
  readonly onClose: () => void;
}

/** For each field of the preset, a choice among the file's headers; read again, save as a mapping, or use a saved one. */
export function MappingEditor({ target }: { readonly target: MappingTarget }) {
  const t = useT();
  const fields = PRESETS[target.kind].fields;
  const headers = target.facts?.headers ?? [];
  const sheets = target.facts?.sheets ?? [];
  const [columns, setColumns] = useState<Record<string, string>>(() => ({ ...target.columns }));
  const [sheet, setSheet] = useState(target.sheet);
  const [name, setName] = useState('');
  const chosen = Object.fromEntries(Object.entries(columns).filter(([, h]) => h !== ''));
  const mapping: MappingOverride = sheet === '' ? { columns: chosen } : { columns: chosen, sheet };
  const missing = fields.filter((f) => f.required && !chosen[f.field]).map((f) => f.synonyms[0] ?? f.field);
  const id = (suffix: string) => `${target.id}-${suffix}`;
  const heading = t('reconcile.mapping.heading', { file: target.fileName });

  return (
    <div className="rc-mapping" role="group" aria-label={heading}>
      <h4>{heading}</h4>
      <p className="muted small">{t('reconcile.mapping.intro')}</p>
      <div className="rc-mapping-grid">
        {target.saved.length > 0 ? (
          <div className="rc-field">
            <label htmlFor={id('saved')}>{t('reconcile.mapping.saved.pick')}</label>
            <select id={id('saved')} value="" onChange={(e) => {
              const m = target.saved.find((x) => x.id === e.target.value);
              if (m) target.onApply(overrideOf(m), m.name);
            }}>
              <option value="">{t('reconcile.mapping.choose')}</option>
              {target.saved.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
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
      </div>
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
      {missing.length > 0 ? <p className="msg-warning">{t('reconcile.mapping.missingRequired', { fields: missing.join(t('report.say.separator')) })}</p> : null}
      <div className="rc-actions">
        <button type="button" className="primary" disabled={missing.length > 0} onClick={() => { target.onApply(mapping, null); }}>{t('reconcile.mapping.apply')}</button>
        <label htmlFor={id('mapping-name')} className="sr-only">{t('reconcile.mapping.name')}</label>
        <input id={id('mapping-name')} type="text" value={name} placeholder={t('reconcile.mapping.name')} onChange={(e) => { setName(e.target.value); }} />
        <button type="button" disabled={name.trim() === '' || missing.length > 0} onClick={() => { target.onSave(name.trim(), mapping); setName(''); }}>{t('reconcile.mapping.save')}</button>
        <button type="button" className="link" onClick={target.onClose}>{t('reconcile.mapping.close')}</button>
      </div>
    </div>
  );
}
