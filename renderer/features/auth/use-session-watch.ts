import { useEffect } from 'react';
import { setSessionActor, useActor, useUsers } from '../../db';
import { signOut } from './sign-out';

/**
 * Keeps the session in step with the signed-in user's record: an admin's change of role (here or synced from
 * another PC) applies at once; a disabled or vanished account is signed out.
 */
export function useSessionWatch(): void {
  const actor = useActor();
  const list = useUsers();
  useEffect(() => {
    if (!actor || !list) return;
    const me = list.find((u) => u.login === actor.login);
    if (!me || me.disabled) void signOut('user');
    else if (me.role !== actor.role) setSessionActor({ login: me.login, role: me.role });
  }, [actor, list]);
}
