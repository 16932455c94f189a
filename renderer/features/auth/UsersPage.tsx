import { useState } from 'react';
import { ROLES, type Role } from '../../../shared/auth/roles';
import { useT } from '../../app/i18n';
import { useActor, users, useUsers, type PublicUser } from '../../db';
import { useToasts } from '../../ui/toast';
import { AddUserForm } from './AddUserForm';
import { IdleSetting } from './IdleSetting';
import { refusalText } from './refusal-text';
import { useGate } from './use-gate';
import { userErrorText } from './user-error-text';
import './auth.css';

/** A temporary password to hand over, shown once. */
interface Handover {
  readonly login: string;
  readonly password: string;
}

/** #/users (admins): every user, adding one with a role, changing roles, disabling, resetting a password. */
export function UsersPage() {
  const t = useT();
  const gate = useGate('user.manage');
  const list = useUsers();
  const [handover, setHandover] = useState<Handover | null>(null);
  if (!gate.allowed) return <p className="empty" role="alert">{gate.title}</p>;
  return (
    <div className="users-page">
      <header className="page-header"><h1>{t('users.title')}</h1></header>
      <p className="muted users-help">{t('users.roles.help')}</p>
      {handover ? <HandoverCard handover={handover} onDone={() => { setHandover(null); }} /> : null}
      <table className="users-table">
        <thead>
          <tr>
            <th>{t('users.col.login')}</th><th>{t('users.col.name')}</th><th>{t('users.col.role')}</th>
            <th>{t('users.col.state')}</th><th>{t('users.col.actions')}</th>
          </tr>
        </thead>
        <tbody>{list?.map((u) => <UserRow key={u.id} user={u} onHandover={setHandover} />)}</tbody>
      </table>
      <AddUserForm onAdded={setHandover} />
      <IdleSetting />
    </div>
  );
}

function HandoverCard({ handover, onDone }: { readonly handover: Handover; readonly onDone: () => void }) {
  const t = useT();
  return (
    <div className="banner banner-warn handover" role="alert">
      <span>{t('users.temporary', { login: handover.login })}</span>
      <strong className="mono" data-testid="temporary-password">{handover.password}</strong>
      <button type="button" onClick={onDone}>{t('users.temporaryDone')}</button>
    </div>
  );
}

function UserRow({ user, onHandover }: { readonly user: PublicUser; readonly onHandover: (h: Handover) => void }) {
  const t = useT();
  const me = useActor();
  const show = useToasts((s) => s.show);
  const report = (r: Awaited<ReturnType<typeof users.update>>) => {
    if (r.ok) show(t('users.saved'));
    else show(r.error.kind === 'forbidden' ? refusalText(t, r.error) : userErrorText(t, r.error), 'error');
  };
  const reset = async () => {
    const r = await users.resetPassword(user.id);
    if (r.ok) onHandover({ login: user.login, password: r.value.temporaryPassword });
    else show(userErrorText(t, r.error), 'error');
  };
  const state = user.disabled ? t('users.disabled') : user.mustChangePassword ? t('users.mustChange') : t('users.active');
  return (
    <tr className={user.disabled ? 'user-disabled' : undefined}>
      <td className="mono">{user.login}{me?.login === user.login ? t('users.you') : ''}</td>
      <td>{user.displayName}</td>
      <td>
        <select aria-label={t('users.roleFor', { login: user.login })} value={user.role}
          onChange={(e) => { void users.update(user.id, { role: e.target.value as Role }).then(report); }}>
          {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
        </select>
      </td>
      <td>{state}</td>
      <td className="users-actions">
        <button type="button" onClick={() => { void users.update(user.id, { disabled: !user.disabled }).then(report); }}>
          {t(user.disabled ? 'users.enable' : 'users.disable')}
        </button>
        <button type="button" onClick={() => { void reset(); }}>{t('users.reset')}</button>
      </td>
    </tr>
  );
}
