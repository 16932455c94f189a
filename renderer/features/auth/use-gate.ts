import { authorize, type Action, type PermissionTarget } from '../../../shared/auth/roles';
import { useT } from '../../app/i18n';
import { useActor } from '../../db';
import { refusalText } from './refusal-text';

/** Whether the signed-in user may take an action, and if not the tooltip naming the role it needs. */
export interface Gate {
  readonly allowed: boolean;
  /** "需要管理员权限" when refused (for a disabled button's title), undefined when allowed. */
  readonly title: string | undefined;
  /** Refused by role (not by the clerk's own-and-unchecked rule): the role can never do this, so hide it. */
  readonly byRole: boolean;
}

/** For hiding or disabling what a role cannot do. Comfort only: the repositories refuse anyway. */
export function useGate(action: Action, target?: PermissionTarget): Gate {
  const t = useT();
  const p = authorize(useActor(), action, target);
  if (p.ok) return { allowed: true, title: undefined, byRole: false };
  return { allowed: false, title: refusalText(t, p.refusal), byRole: p.refusal.reason === 'role' || p.refusal.reason === 'signedOut' };
}
