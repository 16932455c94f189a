import { useT } from '../../app/i18n';
import { LEGACY_USER, useUsers } from '../../db';

/** A login as people read it: the user's display name, 录入员 for entries from before sign-in, else the login. */
export function useUserName(): (login: string) => string {
  const t = useT();
  const list = useUsers();
  const names = new Map(list?.map((u) => [u.login, u.displayName]) ?? []);
  return (login) => names.get(login) ?? (login === LEGACY_USER ? t('auth.legacyClerk') : login);
}
