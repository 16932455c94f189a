import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useLocaleStore, useT } from '../../app/i18n';
import { localToday } from '../../app/today';
import { useHomeCases, useHomeInvoices } from '../../db';
import { TourOffer } from '../manual';
import { SafetyTiles } from './SafetyTiles';
import { WorkTiles } from './WorkTiles';
import { homeClock, localMonthOf } from './home-clock';
import './home.css';

// The chart library loads after the tiles have painted: the figures that need the clerk come first.
const HomeCharts = lazy(() => import('./HomeCharts'));

/** How often the page moves its clock on (today's tiles roll over at midnight; backup turns red after 24 h). */
const TICK_MS = 60_000;

/** 首页: what needs the clerk today, each tile opening the list behind it, then the monthly charts. */
export function HomePage() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => { setNow(Date.now()); }, TICK_MS);
    return () => { clearInterval(timer); };
  }, []);
  const today = localToday(new Date(now));
  const clock = useMemo(() => homeClock(new Date(`${today}T12:00:00`)), [today]);
  const summary = useHomeInvoices(clock);
  const cases = useHomeCases(today, clock.months, localMonthOf);

  return (
    <div className="home-page">
      <TourOffer />
      <header className="page-header home-header">
        <h1>{t('home.title')}</h1>
        <p className="home-date">{new Date(now).toLocaleDateString(locale, { dateStyle: 'full' })}</p>
        <button type="button" className="home-print" onClick={() => { window.print(); }}>{t('home.print')}</button>
      </header>
      <section aria-labelledby="home-work">
        <h2 id="home-work">{t('home.work')}</h2>
        <WorkTiles clock={clock} today={today} summary={summary} cases={cases} />
      </section>
      <section aria-labelledby="home-safety">
        <h2 id="home-safety">{t('home.safety')}</h2>
        <SafetyTiles now={now} />
      </section>
      <section aria-labelledby="home-charts" className="home-charts-section">
        <h2 id="home-charts">{t('home.charts')}</h2>
        {summary && cases ? (
          summary.live === 0 && cases.months.every((m) => m.found === 0)
            ? <p className="empty">{t('home.charts.empty')}</p>
            : <Suspense fallback={<p className="muted">{t('home.charts.loading')}</p>}><HomeCharts months={summary.months} cases={cases.months} /></Suspense>
        ) : <p className="muted">{t('home.charts.loading')}</p>}
      </section>
    </div>
  );
}
