/** Sign-in, users and roles (issue #13): the gate in front of the app, the signed-in user's badge, the users page. */
import { lazy } from 'react';

export { AUTH_MESSAGES } from './messages';
export { AuthGate } from './AuthGate';
export { UserBadge } from './UserBadge';
export { isRefusal, refusalText, rolesText } from './refusal-text';
export { useGate, type Gate } from './use-gate';
export { signOut } from './sign-out';
export { useUserName } from './use-user-names';
export { useIdleSignOut } from './use-idle-sign-out';
export { useSessionWatch } from './use-session-watch';
export { useRefusalToasts } from './use-refusal-toasts';
/** The #/users page (admins), loaded on first visit. */
export const UsersPage = lazy(() => import('./UsersPage').then((m) => ({ default: m.UsersPage })));
