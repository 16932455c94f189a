import { useMemo } from 'react';
import type { AuditEntry } from '../../../shared/audit/audit-chain';
import type { InvoiceId } from '../../../shared/domain/invoice';
import { useT } from '../../app/i18n';
import { LEGACY_USER, useInvoicesById, useUsers } from '../../db';
import { useUserName } from '../auth';

/** A record id as the app makes them (UUIDv7): shown shortened, it is only there to tell records apart. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The user of changes pulled from the office server. */
const SYNC_USER = 'sync';

/** How a login is shown: the user's name with the login, except the server's sync, nobody signed in, and pre-sign-in entries (录入员). */
export function useUserLabel(): (login: string) => string {
  const t = useT();
  const name = useUserName();
  return (login) => {
    if (login === '') return t('audit.user.nobody');
    if (login === SYNC_USER) return t('audit.user.sync');
    const shown = name(login);
    return shown === login || login === LEGACY_USER ? shown : t('auth.nameWithLogin', { name: shown, login });
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
  const users = useUsers();
  return (e) => {
    const kind = t(`audit.entity.${e.entity}`);
    const kindLabel = kind === `audit.entity.${e.entity}` ? e.entity : kind;
    const number = e.entity === 'invoice' ? invoices?.get(e.entityId)?.number : undefined;
    // A user's record changes name its id, its sign-ins its login: either way the person's name.
    const person = e.entity === 'user' ? users?.find((u) => u.id === e.entityId || u.login === e.entityId) : undefined;
    const id = number ?? (person ? t('auth.nameWithLogin', { name: person.displayName, login: person.login }) : undefined) ?? (UUID.test(e.entityId) ? `${e.entityId.slice(0, 8)}…${e.entityId.slice(-4)}` : e.entityId);
    return id === '' ? kindLabel : `${kindLabel} ${id}`;
  };
}
