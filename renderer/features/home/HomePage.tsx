import { useT } from '../../app/i18n';
import { TourOffer } from '../manual';

/** 首页: what needs the clerk today, each tile opening the list behind it. */
export function HomePage() {
  const t = useT();
  return (
    <section className="home">
      <TourOffer />
      <h1>{t('home.title')}</h1>
    </section>
  );
}
