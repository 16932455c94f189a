import type { InvoiceCase } from '../../../shared/cases/types';
import { nextFollowUp } from '../../../shared/cases/follow-ups';
import { useT } from '../../app/i18n';
import { routeHash } from '../../app/router';
import { useCaseContacts } from '../../db';
import { FollowUpTag } from './FollowUpTag';
import { refTotal } from './case-view';

/** One row of the case list; the next follow-up comes from the case's own contact log. */
export function CaseRow({ c, today }: { readonly c: InvoiceCase; readonly today: string }) {
  const t = useT();
  const contacts = useCaseContacts(c.id);
  const next = contacts ? nextFollowUp(contacts) : null;
  return (
    <tr className={`case-row state-${c.state}`}>
      <td><span className={`case-state case-state-${c.state}`}>{t(`case.state.${c.state}`)}</span></td>
      <td><a href={routeHash({ name: 'case', id: c.id })}>{c.title}</a></td>
      <td className="mono">{c.ref.number || t('cases.noNumber')}{c.ref.code ? <span className="muted small"> {c.ref.code}</span> : null}</td>
      <td>{c.ref.seller.name}</td>
      <td className="mono">{c.ref.issueDate}</td>
      <td className="num">{refTotal(c.ref)}</td>
      <td>{next ? <FollowUpTag date={next} today={today} /> : null}</td>
    </tr>
  );
}
