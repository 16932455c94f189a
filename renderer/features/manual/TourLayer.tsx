import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useT } from '../../app/i18n';
import { endTour, moveTour, useTourStore } from './tour-store';
import { presentSteps } from './tour-steps';

const GAP = 14;

/** Puts the bubble beside the target (right of the sidebar), kept inside the window. CSSOM only, no style markup. */
function place(bubble: HTMLElement, target: Element) {
  const r = target.getBoundingClientRect();
  const b = bubble.getBoundingClientRect();
  // Beside the sidebar, never over it: a small target in its foot (帮助 F1) would otherwise put the bubble on the user's name.
  const sidebarRight = target.closest('nav.sidebar')?.getBoundingClientRect().right ?? r.right;
  const left = Math.min(Math.max(r.right, sidebarRight) + GAP, window.innerWidth - b.width - 8);
  const top = Math.max(8, Math.min(r.top + r.height / 2 - 28, window.innerHeight - b.height - 8));
  bubble.style.left = `${Math.max(8, left)}px`;
  bubble.style.top = `${top}px`;
  bubble.style.setProperty('--arrow-top', `${Math.max(12, Math.min(b.height - 12, r.top + r.height / 2 - top))}px`);
}

/** The guided tour: one highlighted element at a time and a small bubble (上一步 / 下一步 / 结束; Esc ends). Not modal. */
export function TourLayer() {
  const t = useT();
  const step = useTourStore((s) => s.step);
  const bubble = useRef<HTMLDivElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  // The stops are fixed when the tour starts (the role decides which sidebar entries exist).
  const running = step !== null;
  const steps = useMemo(() => (running ? presentSteps(document) : []), [running]);
  const current = step === null ? undefined : steps[step];

  useLayoutEffect(() => {
    if (!current || !bubble.current) return undefined;
    const target = document.querySelector(current.target);
    if (!target) return undefined;
    target.classList.add('tour-target');
    target.scrollIntoView({ block: 'nearest' });
    const el = bubble.current;
    const reposition = () => { place(el, target); };
    reposition();
    next.current?.focus();
    window.addEventListener('resize', reposition);
    return () => { target.classList.remove('tour-target'); window.removeEventListener('resize', reposition); };
  }, [current]);

  useEffect(() => {
    if (step === null) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); endTour(); }
    };
    window.addEventListener('keydown', onKey, true);
    return () => { window.removeEventListener('keydown', onKey, true); };
  }, [step]);

  if (step === null) return null;
  if (!current) { endTour(); return null; }
  const last = step === steps.length - 1;
  return (
    <div ref={bubble} className="tour-bubble" role="dialog" aria-modal="false" aria-label={t('tour.label')} aria-describedby="tour-text">
      <p className="muted small">{t('tour.progress', { step: step + 1, total: steps.length })}</p>
      <p id="tour-text">{t(current.textKey)}</p>
      <div className="tour-actions">
        <button type="button" disabled={step === 0} onClick={() => { moveTour(-1, steps.length); }}>{t('tour.prev')}</button>
        {last ? null : <button type="button" className="primary" ref={next} onClick={() => { moveTour(1, steps.length); }}>{t('tour.next')}</button>}
        <button type="button" ref={last ? next : undefined} onClick={() => { endTour(); }}>{t('tour.end')}</button>
      </div>
    </div>
  );
}
