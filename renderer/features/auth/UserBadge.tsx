import { useT } from '../../app/i18n';
import { useActor } from '../../db';
import { signOut } from './sign-out';
import { useUserName } from './use-user-names';

/** The signed-in user and role in the sidebar, with 切换用户 and 退出登录. */
export function UserBadge() {
  const t = useT();
  const actor = useActor();
  const name = useUserName();
  if (!actor) return null;
  return (
    <div className="user-badge" data-testid="user-badge">
      <span>{t('auth.badge', { name: name(actor.login), role: t(`role.${actor.role}`) })}</span>
      <div className="user-badge-actions">
        <button type="button" className="link" onClick={() => { void signOut('switch'); }}>{t('auth.switchUser')}</button>
        <button type="button" className="link" onClick={() => { void signOut('user'); }}>{t('auth.signOut')}</button>
      </div>
    </div>
  );
}
