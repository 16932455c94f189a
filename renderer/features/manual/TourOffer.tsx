import { useT } from '../../app/i18n';
import { useActor } from '../../db';
import { startTour, useTourSeen, useTourStore } from './tour-store';

/** The first-start offer on the home page, once per user on this PC: an offer beside the work, never a dialog. */
export function TourOffer() {
  const t = useT();
  const actor = useActor();
  const seen = useTourSeen((s) => (actor ? s.seen[actor.login] : undefined));
  const mark = useTourSeen((s) => s.mark);
  const running = useTourStore((s) => s.step !== null);
  if (!actor || seen !== undefined || running) return null;
  return (
    <aside className="tour-offer" aria-label={t('tour.label')}>
      <span>{t('tour.offer')}</span>
      <button type="button" className="primary" onClick={() => { mark(actor.login, 'started'); startTour(); }}>{t('tour.start')}</button>
      <button type="button" onClick={() => { mark(actor.login, 'dismissed'); }}>{t('tour.later')}</button>
    </aside>
  );
}
