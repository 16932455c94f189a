import { CASE_FLOW } from '../../../shared/cases/case-machine';
import type { InvoiceCase } from '../../../shared/cases/types';
import { useT } from '../../app/i18n';

/** The case's path 发现缺失 → … → 已入账归档 with the current step marked (or the close reason). */
export function CaseStepper({ c }: { readonly c: InvoiceCase }) {
  const t = useT();
  // A closed case shows how far it had come before closing.
  const reached = c.state === 'closed' ? lastOpenState(c) : c.state;
  const at = CASE_FLOW.indexOf(reached);
  return (
    <nav className="case-stepper" aria-label={t('case.steps')}>
      <ol>
        {CASE_FLOW.map((s, i) => (
          <li key={s} className={i < at ? 'step-done' : i === at ? (c.state === 'closed' ? 'step-stopped' : 'step-current') : 'step-todo'}
            aria-current={i === at && c.state !== 'closed' ? 'step' : undefined}>
            <span className="step-dot" aria-hidden="true">{i < at ? '✓' : i + 1}</span>{t(`case.state.${s}`)}
          </li>
        ))}
      </ol>
      {c.state === 'closed' ? <p className="case-closed" role="note">{t('case.closedBecause', { reason: c.closeReason })}</p> : null}
    </nav>
  );
}

function lastOpenState(c: InvoiceCase): (typeof CASE_FLOW)[number] {
  for (let i = c.stateHistory.length - 1; i >= 0; i -= 1) {
    const s = c.stateHistory[i]?.from;
    if (s && s !== 'closed') return s;
  }
  return 'found';
}
