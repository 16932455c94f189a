import type { ReactNode } from 'react';
import { useT } from '../../app/i18n';
import { useActor, useHasUsers } from '../../db';
import { AuthScreen } from './AuthScreen';
import { useAuthStore } from './auth-store';
import { ChangePasswordScreen } from './ChangePasswordScreen';
import { CreateAdminForm } from './CreateAdminForm';
import { JoinServer } from './JoinServer';
import { RecoverForm } from './RecoverForm';
import { RecoveryCodeScreen } from './RecoveryCodeScreen';
import { SignInForm } from './SignInForm';

/**
 * Nothing of the ledger shows before someone signs in: first start (create the administrator, or join the office
 * server), the sign-in, the steps between (recovery code, new password). The route in the address stays, so the
 * app opens where it was after a reload or an idle sign-out (a switch of user starts on the home page).
 */
export function AuthGate({ children }: { readonly children: ReactNode }) {
  const t = useT();
  const actor = useActor();
  const hasUsers = useHasUsers();
  const { step, recovering, setRecovering } = useAuthStore();

  if (step?.kind === 'recoveryCode') return <RecoveryCodeScreen step={step} />;
  if (step?.kind === 'changePassword') return <ChangePasswordScreen step={step} />;
  if (hasUsers === undefined) return null;
  if (!hasUsers) {
    return (
      <AuthScreen title={t('auth.firstStart.title')} intro={t('auth.firstStart.intro')}>
        <CreateAdminForm />
        <JoinServer />
      </AuthScreen>
    );
  }
  if (actor === null) {
    return (
      <AuthScreen title={t('auth.signIn.title')}>
        {recovering ? <RecoverForm onBack={() => { setRecovering(false); }} /> : <SignInForm onForgot={() => { setRecovering(true); }} />}
      </AuthScreen>
    );
  }
  return <>{children}</>;
}
