import { followUpState } from '../../../shared/cases/follow-ups';
import type { CaseContact, InvoiceCase } from '../../../shared/cases/types';
import { isOpenCase } from '../../../shared/cases/case-machine';
import { useT } from '../../app/i18n';
import { localToday } from '../../app/today';
import { cases, useCaseContacts } from '../../db';
import { useGate, useUserName } from '../auth';
import { useToasts } from '../../ui/toast';
import { ContactForm } from './ContactForm';
import { FollowUpTag } from './FollowUpTag';

/** The contact log, newest first, with the form to add an entry and a "followed up" action on due entries. */
export function ContactLog({ c }: { readonly c: InvoiceCase }) {
  const t = useT();
  const contacts = useCaseContacts(c.id);
  const today = localToday();
  const mayEdit = useGate('case.edit').allowed;
  return (
    <section className="case-card" aria-labelledby="case-contacts-title">
      <h2 id="case-contacts-title">{t('case.contacts')}</h2>
      {isOpenCase(c.state) && mayEdit ? <ContactForm caseId={c.id} /> : null}
      {contacts === undefined ? <p className="muted">{t('list.loading')}</p>
        : contacts.length === 0 ? <p className="muted">{t('case.noContacts')}</p> : (
          <ol className="contact-log" aria-label={t('case.contacts')}>
            {contacts.map((e) => <ContactItem key={e.id} e={e} today={today} finished={!isOpenCase(c.state)} mayEdit={mayEdit} />)}
          </ol>
        )}
    </section>
  );
}

function ContactItem({ e, today, finished, mayEdit }: { readonly e: CaseContact; readonly today: string; readonly finished: boolean; readonly mayEdit: boolean }) {
  const t = useT();
  const show = useToasts((s) => s.show);
  const due = followUpState(e, today);
  // A finished case has nothing left to follow up.
  const state = finished && (due === 'due' || due === 'overdue') ? 'later' : due;
  const user = useUserName()(e.createdBy);
  async function settle() {
    await cases.settleFollowUp(e.id);
    show(t('case.followUp.settled'));
  }
  return (
    <li className={`contact contact-${state}`}>
      <div className="contact-head">
        <time className="mono">{e.date}</time>
        <span className="contact-channel">{t(`case.channel.${e.channel}`)}</span>
        {e.person ? <strong>{e.person}</strong> : null}
        <span className="muted small">{t('case.by', { user })}</span>
      </div>
      <p className="contact-summary">{e.summary}</p>
      {e.nextStep ? <p className="contact-next"><span className="muted">{t('case.contact.nextStepIs')}</span>{e.nextStep}</p> : null}
      {e.followUp ? (
        <p className="contact-follow">
          <span className="muted">{t('case.contact.followUpIs')}</span><FollowUpTag date={e.followUp} today={today} done={e.followUpDone} finished={finished} />
          {mayEdit && (state === 'due' || state === 'overdue') ? <button type="button" className="link" onClick={() => void settle()}>{t('case.followUp.settle')}</button> : null}
        </p>
      ) : null}
    </li>
  );
}
