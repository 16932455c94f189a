import { authorize, type Action, type PermissionTarget } from '../../../shared/auth/roles';
import { useT } from '../../app/i18n';
import { useActor } from '../../db';
import { refusalText } from './refusal-text';

/** Whether the signed-in user may take an action, and if not the tooltip naming the role it needs. */
export interface Gate {
  readonly allowed: boolean;
  /** "需要管理员权限" when refused (for a disabled button's title), undefined when allowed. */
  readonly title: string | undefined;
}

/** For hiding or disabling what a role cannot do. Comfort only: the repositories refuse anyway. */
export function useGate(action: Action, target?: PermissionTarget): Gate {
  const t = useT();
  const p = authorize(useActor(), action, target);
  return p.ok ? { allowed: true, title: undefined } : { allowed: false, title: refusalText(t, p.refusal) };
}
