import { useMemo } from 'react';
import type { AuditEntry } from '../../../shared/audit/audit-chain';
import type { InvoiceId } from '../../../shared/domain/invoice';
import { useT } from '../../app/i18n';
import { useInvoicesById } from '../../db';

/** The login entries had before sign-in existed; shown as the clerk role's name. */
const PRE_SIGN_IN_USER = 'clerk';
/** The user of changes pulled from the office server. */
const SYNC_USER = 'sync';

/** How a login is shown: as typed, except the server's sync, nobody signed in, and pre-sign-in entries. */
export function useUserLabel(): (login: string) => string {
  const t = useT();
  return (login) => {
    if (login === '') return t('audit.user.nobody');
    if (login === SYNC_USER) return t('audit.user.sync');
    if (login === PRE_SIGN_IN_USER) return t('user.placeholder');
    return login;
  };
}

/** How each entry's record is named: an invoice by its number, anything else by its kind and id. */
export function useRecordLabel(entries: readonly Pick<AuditEntry, 'entity' | 'entityId'>[]): (e: Pick<AuditEntry, 'entity' | 'entityId'>) => string {
  const t = useT();
  const ids = useMemo(
    () => [...new Set(entries.filter((e) => e.entity === 'invoice').map((e) => e.entityId as InvoiceId))],
    [entries],
  );
  const invoices = useInvoicesById(ids);
  return (e) => {
    const kind = t(`audit.entity.${e.entity}`);
    const kindLabel = kind === `audit.entity.${e.entity}` ? e.entity : kind;
    const number = e.entity === 'invoice' ? invoices?.get(e.entityId)?.number : undefined;
    const id = number ?? (e.entityId.length > 24 ? `${e.entityId.slice(0, 8)}…${e.entityId.slice(-4)}` : e.entityId);
    return id === '' ? kindLabel : `${kindLabel} ${id}`;
  };
}
