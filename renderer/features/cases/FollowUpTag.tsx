import { followUpState } from '../../../shared/cases/follow-ups';
import { useT } from '../../app/i18n';

/**
 * An open follow-up date, marked 今天到期 / 已逾期 when it needs doing now. On a finished case (archived or closed)
 * nothing is due any more: the date stays, unmarked.
 */
export function FollowUpTag(props: { readonly date: string; readonly today: string; readonly done?: boolean; readonly finished?: boolean }) {
  const { date, today, done = false, finished = false } = props;
  const t = useT();
  const due = followUpState({ followUp: date, followUpDone: done }, today);
  const state = finished && (due === 'due' || due === 'overdue') ? 'later' : due;
  return (
    <span className={`follow-up follow-up-${state}`}>
      <span className="mono">{date}</span>
      {state === 'due' || state === 'overdue' || state === 'done' ? <strong> {t(`case.followUp.${state}`)}</strong> : null}
    </span>
  );
}
