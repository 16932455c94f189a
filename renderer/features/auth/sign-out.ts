import { setSessionActor, users } from '../../db';
import { useAuthStore } from './auth-store';

/** Signs the current user out (audited with the reason) and shows the sign-in screen; the app stays open. */
export async function signOut(reason: 'user' | 'switch' | 'idle'): Promise<void> {
  // Audited before the session ends: the entry names the user who leaves.
  await users.signOut(reason);
  useAuthStore.getState().setIdleSignedOut(reason === 'idle');
  if (reason === 'switch') useAuthStore.getState().setLastLogin('');
  setSessionActor(null);
}
