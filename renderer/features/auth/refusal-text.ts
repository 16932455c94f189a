import type { PermissionRefusal, Role } from '../../../shared/auth/roles';
import type { T } from '../../app/i18n';

/** The roles as the clerk reads them: "管理员", "审核员或管理员". */
export function rolesText(t: T, roles: readonly Role[]): string {
  return roles.map((r) => t(`role.${r}`)).join(t('role.or'));
}

/** The sentence for a refused action, naming the role it needs ("需要管理员权限"). */
export function refusalText(t: T, refusal: Pick<PermissionRefusal, 'reason' | 'needs'>): string {
  const roles = rolesText(t, refusal.needs.filter((r) => r === 'admin' || refusal.reason === 'role' || refusal.reason === 'signedOut'));
  switch (refusal.reason) {
    case 'signedOut': return t('permission.signedOut');
    case 'notOwner': return t('permission.notOwner', { roles });
    case 'checked': return t('permission.checked', { roles });
    case 'role': return t('permission.needs', { roles });
  }
}

/** True for a repository's refusal value (outcome errors carry kind 'forbidden'). */
export function isRefusal(error: unknown): error is PermissionRefusal {
  return typeof error === 'object' && error !== null && 'kind' in error && error.kind === 'forbidden';
}
