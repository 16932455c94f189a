import { useState } from 'react';
import { useLocaleStore, useT } from '../../app/i18n';
import { MAX_NOTE_LENGTH, periodChecks, useCan, type PeriodCheckError } from '../../db';
import { useToasts } from '../../ui/toast';
import { refusalText } from '../auth';
import { monthLabel } from './item-text';
import type { T } from '../../app/i18n';

/** A save's failure in the clerk's language. */
function saveErrorText(t: T, e: PeriodCheckError): string {
  switch (e.kind) {
    case 'badMonth': return t('monthEnd.error.badMonth');
    case 'noteTooLong': return t('monthEnd.error.noteTooLong', { max: e.max });
    case 'forbidden': return refusalText(t, e);
  }
}

/** 保存结果: the note and the button (for the roles that may run the check). */
export function SaveCheckForm(props: { readonly month: string }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const toast = useToasts((s) => s.show);
  const canRun = useCan('periodCheck.run');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  if (!canRun) return null;
  const save = async () => {
    setBusy(true);
    try {
      const r = await periodChecks.save(props.month, note);
      if (!r.ok) { toast(saveErrorText(t, r.error), 'error'); return; }
      setNote('');
      toast(t('monthEnd.saved', { month: monthLabel(props.month, locale) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="paper month-end-save" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label htmlFor="month-end-note">{t('monthEnd.note')}</label>
      <textarea id="month-end-note" rows={2} maxLength={MAX_NOTE_LENGTH} value={note} placeholder={t('monthEnd.note.hint')}
        onChange={(e) => { setNote(e.target.value); }} />
      <p className="muted small">{t('monthEnd.save.hint')}</p>
      <button type="submit" className="primary" disabled={busy}>{t('monthEnd.save')}</button>
    </form>
  );
}
