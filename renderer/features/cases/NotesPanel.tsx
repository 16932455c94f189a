import { useState } from 'react';
import type { InvoiceCase } from '../../../shared/cases/types';
import { useT } from '../../app/i18n';
import { cases } from '../../db';
import { useToasts } from '../../ui/toast';
import { caseErrorText } from './case-error';

/** The case's notes (a report row's line items land here when the case is opened from it), editable. */
export function NotesPanel({ c }: { readonly c: InvoiceCase }) {
  const t = useT();
  const show = useToasts((s) => s.show);
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? c.notes;

  async function save() {
    if (draft === null) return;
    const r = await cases.update(c.id, { notes: draft.trim() });
    if (r.ok) { setDraft(null); show(t('case.notes.saved')); } else show(caseErrorText(r.error, t), 'error');
  }

  return (
    <section className="case-card" aria-labelledby="case-notes-title">
      <h2 id="case-notes-title">{t('case.notes')}</h2>
      <textarea id="case-notes" className="case-notes" aria-labelledby="case-notes-title" rows={Math.min(10, Math.max(3, text.split('\n').length))}
        value={text} placeholder={t('case.notes.empty')} onChange={(e) => { setDraft(e.target.value); }} />
      {draft !== null && draft !== c.notes ? (
        <div className="case-actions">
          <button type="button" className="primary" onClick={() => void save()}>{t('case.notes.save')}</button>
          <button type="button" onClick={() => { setDraft(null); }}>{t('case.notes.discard')}</button>
        </div>
      ) : null}
    </section>
  );
}
