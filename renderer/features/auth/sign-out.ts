import { navigate } from '../../app/router';
import { setSessionActor, users } from '../../db';
import { useToasts } from '../../ui/toast';
import { useAuthStore } from './auth-store';

/**
 * Signs the current user out (audited with the reason) and shows the sign-in screen; the app stays open. After an
 * idle sign-out the same person comes back to the same screen; after 退出登录 or 切换用户 the next person starts on
 * the home page, which says what needs them (not on the screen the last one left open).
 */
export async function signOut(reason: 'user' | 'switch' | 'idle'): Promise<void> {
  // Audited before the session ends: the entry names the user who leaves.
  await users.signOut(reason);
  useAuthStore.getState().setIdleSignedOut(reason === 'idle');
  if (reason === 'switch') useAuthStore.getState().setLastLogin('');
  setSessionActor(null);
  // The last person's confirmations (they name invoices) leave with them.
  useToasts.getState().clear();
  if (reason !== 'idle') navigate({ name: 'home' });
}
