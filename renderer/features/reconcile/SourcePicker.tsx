import { useRef } from 'react';
import { useT } from '../../app/i18n';
import { useMappings } from '../../db';
import { useReconcileUi, type SourceFile } from './reconcile-store';
import { SourceFileRow } from './SourceFileRow';
import type { SourceFileFlows } from './use-source-files';

/** One kind of input (platform list or bank statements): the picker and the files picked so far. */
export function SourcePicker({ role, flows }: { readonly role: SourceFile['role']; readonly flows: SourceFileFlows }) {
  const t = useT();
  const files = useReconcileUi((s) => s.files).filter((f) => f.role === role);
  const mappings = useMappings();
  const inputRef = useRef<HTMLInputElement>(null);
  const headingId = `rc-${role}-heading`;
  return (
    <section className="rc-source" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`reconcile.${role}.heading`)}</h3>
      <p className="muted small">{t(`reconcile.${role}.hint`)}</p>
      <button type="button" onClick={() => inputRef.current?.click()}>{t(`reconcile.${role}.pick`)}</button>
      <input ref={inputRef} type="file" multiple hidden aria-label={t(`reconcile.${role}.pick`)} accept=".xlsx,.xls,.csv,.txt"
        onChange={(e) => { void flows.add(role, [...(e.target.files ?? [])], mappings ?? []); e.target.value = ''; }} />
      {files.length > 0 ? (
        <ul className="rc-files">
          {files.map((f) => <SourceFileRow key={f.id} file={f} flows={flows} mappings={mappings ?? []} />)}
        </ul>
      ) : null}
    </section>
  );
}
