import { CASE_FLOW } from '../../../shared/cases/case-machine';
import type { InvoiceCase } from '../../../shared/cases/types';
import { useT } from '../../app/i18n';

/** The case's path 发现缺失 → … → 已入账归档 with the current step marked (or the close reason). */
export function CaseStepper({ c }: { readonly c: InvoiceCase }) {
  const t = useT();
  // A closed case shows how far it had come before closing.
  const reached = c.state === 'closed' ? lastOpenState(c) : c.state;
  const at = CASE_FLOW.indexOf(reached);
  // A clerk may skip steps (the copy can arrive right after the first call): only steps the case was in count as done.
  const visited = new Set(c.stateHistory.flatMap((h) => [h.from, h.to]));
  return (
    <nav className="case-stepper" aria-label={t('case.steps')}>
      <ol>
        {CASE_FLOW.map((s, i) => {
          const skipped = i < at && !visited.has(s);
          return (
            <li key={s} className={skipped ? 'step-skipped' : i < at ? 'step-done' : i === at ? (c.state === 'closed' ? 'step-stopped' : 'step-current') : 'step-todo'}
              aria-current={i === at && c.state !== 'closed' ? 'step' : undefined} title={skipped ? t('case.stepSkipped') : undefined}>
              <span className="step-dot" aria-hidden="true">{skipped ? '–' : i < at ? '✓' : i + 1}</span>{t(`case.state.${s}`)}
              {skipped ? <span className="sr-only">{t('case.stepSkipped')}</span> : null}
            </li>
          );
        })}
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
