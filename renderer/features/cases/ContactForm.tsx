import { useRef, useState, type SyntheticEvent } from 'react';
import { CONTACT_CHANNELS, type ContactChannel } from '../../../shared/cases/types';
import { useT } from '../../app/i18n';
import { localToday } from '../../app/today';
import { cases } from '../../db';
import { Field } from '../../ui/Field';
import { useToasts } from '../../ui/toast';
import { focusFirstError } from './focus-first-error';
import { checkContact, emptyContact, type ContactDraft, type ContactProblem } from './contact-entry';

type TextKey = 'person' | 'summary' | 'nextStep';

/** Logs one contact with the issuer; a later entry settles the case's earlier follow-ups (the repository does that). */
export function ContactForm({ caseId }: { readonly caseId: string }) {
  const t = useT();
  const show = useToasts((s) => s.show);
  const today = localToday();
  const [draft, setDraft] = useState<ContactDraft>(() => emptyContact(today));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const check = checkContact(draft, today);
  const errors = (field: ContactProblem['field']) => (tried ? check.problems.filter((p) => p.field === field).map((p) => t(p.key)) : []);
  const set = (patch: Partial<ContactDraft>) => { setDraft({ ...draft, ...patch }); };

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    setTried(true);
    if (!check.entry) { focusFirstError(formRef.current); return; }
    if (busy) return;
    setBusy(true);
    await cases.addContact(caseId, check.entry);
    setBusy(false);
    setTried(false);
    setDraft(emptyContact(localToday()));
    show(t('case.contact.saved'));
  }

  const text = (key: TextKey, multiline: boolean) => (
    <Field id={`contact-${key}`} label={t(`case.contact.${key}`)} wide={multiline} errors={key === 'summary' ? errors('summary') : []}>
      {(aria) => multiline
        ? <textarea {...aria} rows={2} value={draft[key]} onChange={(e) => { set({ [key]: e.target.value }); }} />
        : <input {...aria} type="text" value={draft[key]} onChange={(e) => { set({ [key]: e.target.value }); }} />}
    </Field>
  );

  return (
    <form ref={formRef} className="contact-form" aria-labelledby="contact-form-title" onSubmit={(e) => void submit(e)}>
      <h3 id="contact-form-title">{t('case.contact.add')}</h3>
      <div className="contact-grid">
        <Field id="contact-date" label={t('case.contact.date')} errors={errors('date')}>
          {(aria) => <input {...aria} type="text" value={draft.date} onChange={(e) => { set({ date: e.target.value }); }} />}
        </Field>
        <Field id="contact-channel" label={t('case.contact.channel')}>
          {(aria) => (
            <select {...aria} value={draft.channel} onChange={(e) => { set({ channel: e.target.value as ContactChannel }); }}>
              {CONTACT_CHANNELS.map((ch) => <option key={ch} value={ch}>{t(`case.channel.${ch}`)}</option>)}
            </select>
          )}
        </Field>
        {text('person', false)}
        <Field id="contact-followUp" label={t('case.contact.followUp')} hint={t('form.optional')} errors={errors('followUp')}>
          {(aria) => <input {...aria} type="text" placeholder={t('form.datePlaceholder')} value={draft.followUp} onChange={(e) => { set({ followUp: e.target.value }); }} />}
        </Field>
        {text('summary', true)}
        {text('nextStep', true)}
      </div>
      <div className="case-actions">
        <button type="submit" className="primary" disabled={busy}>{t('case.contact.save')}</button>
      </div>
    </form>
  );
}
