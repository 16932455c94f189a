import { followUpState } from '../../../shared/cases/follow-ups';
import { useT } from '../../app/i18n';

/** An open follow-up date, marked 今天到期 / 已逾期 when it needs doing now. */
export function FollowUpTag({ date, today, done = false }: { readonly date: string; readonly today: string; readonly done?: boolean }) {
  const t = useT();
  const state = followUpState({ followUp: date, followUpDone: done }, today);
  return (
    <span className={`follow-up follow-up-${state}`}>
      <span className="mono">{date}</span>
      {state === 'due' || state === 'overdue' || state === 'done' ? <strong> {t(`case.followUp.${state}`)}</strong> : null}
    </span>
  );
}
