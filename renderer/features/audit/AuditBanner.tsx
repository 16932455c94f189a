import { useEffect } from 'react';
import { useT } from '../../app/i18n';
import { routeHash } from '../../app/router';
import { auditTrail, useAuditVerification, useCan } from '../../db';
import { useBreakText } from './BreakReport';

/** How often an open app checks whether the daily verification is due. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * The shell's audit banner: runs the daily chain verification when it is due (on start, then hourly while the app
 * stays open) and, while the last verification found a break, shows it in red naming the first bad entry.
 */
export function AuditBanner() {
  const t = useT();
  const last = useAuditVerification();
  const mayView = useCan('audit.view');
  const text = useBreakText();

  useEffect(() => {
    const check = () => { void auditTrail.verifyIfDue(); };
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => { clearInterval(timer); };
  }, []);

  if (!last?.broken) return null;
  return (
    <div className="banner banner-error audit-banner" role="alert">
      <span>{text(last, 'audit.banner')}</span>
      {mayView ? <a href={routeHash({ name: 'audit' })}>{t('audit.banner.open')}</a> : null}
    </div>
  );
}
