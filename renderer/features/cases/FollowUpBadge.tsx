import { useT } from '../../app/i18n';
import { localToday } from '../../app/today';
import { useOverdueFollowUps } from '../../db';
import './cases.css';

/** The number of follow-ups due today or overdue on open cases, as a red badge in the navigation (nothing at zero). */
export function FollowUpBadge() {
  const t = useT();
  const due = useOverdueFollowUps(localToday());
  const count = due?.length ?? 0;
  if (count === 0) return null;
  const label = t('followUps.badge', { count });
  return (
    <span className="nav-badge" title={label}>
      <span aria-hidden="true">{count}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
