import type { T } from '../../../app/i18n';
import { navigate } from '../../../app/router';
import { formatTimestamp } from '../../../app/today';
import type { SaveBanner } from './use-invoice-save';
import { refusalText } from '../../auth';

/** The message above the form after a save attempt (errors, duplicates, stale edit). */
export function SaveBannerView(props: { readonly banner: SaveBanner | null; readonly t: T }) {
  const { banner, t } = props;
  if (!banner) return null;
  switch (banner.kind) {
    case 'errors':
      return <div className="banner banner-error" role="alert">{t('form.errorsSummary', { count: banner.count })}</div>;
    case 'hardDuplicate':
      return (
        <div className="banner banner-error" role="alert">
          <span>{t(banner.existingDeleted ? 'form.hardDuplicateDeleted' : 'form.hardDuplicate', { number: banner.number })}</span>
          <a href={`#/invoice/${banner.existingId}`} onClick={(e) => { e.preventDefault(); navigate({ name: 'detail', id: banner.existingId }); }}>
            {t('form.openExisting')}
          </a>
        </div>
      );
    case 'softDuplicate':
      return <div className="banner banner-warn" role="alert">{t('form.softDuplicate', { count: banner.count })}</div>;
    case 'stale':
      return <div className="banner banner-error" role="alert">{t('form.stale', { user: banner.updatedBy, at: formatTimestamp(banner.updatedAt) })}</div>;
    case 'notFound':
      return <div className="banner banner-error" role="alert">{t('form.notFound')}</div>;
    case 'forbidden':
      return <div className="banner banner-error" role="alert">{refusalText(t, banner)}</div>;
    case 'unexpected':
      return <div className="banner banner-error" role="alert">{t('error.unexpected', { message: banner.message })}</div>;
  }
}
