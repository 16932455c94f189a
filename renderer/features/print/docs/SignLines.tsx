import type { T } from '../../../app/i18n';

/** Lines where the clerk and the auditor sign the paper copy, and the date. */
export function SignLines({ t }: { readonly t: T }) {
  return (
    <div className="print-sign">
      <div>{t('print.sign.handler')}</div>
      <div>{t('print.sign.reviewer')}</div>
      <div>{t('print.sign.date')}</div>
    </div>
  );
}
