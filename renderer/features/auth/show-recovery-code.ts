import type { T } from '../../app/i18n';
import { users, type PublicUser } from '../../db';
import type { AuthStep } from './auth-store';
import { userErrorText } from './user-error-text';

/**
 * After the first administrator was made or recovered by code: signs them in (audited like any sign-in) and shows
 * the new recovery code, which must be confirmed before the app opens. Answers the error text, or null.
 */
export async function showRecoveryCode(
  t: T,
  setStep: (step: AuthStep) => void,
  made: { readonly user: PublicUser; readonly recoveryCode: string },
  password: string,
  renewed: boolean,
): Promise<string | null> {
  const signed = await users.signIn(made.user.login, password);
  if (!signed.ok) return userErrorText(t, signed.error);
  setStep({ kind: 'recoveryCode', code: made.recoveryCode, login: made.user.login, actor: signed.value.actor, renewed });
  return null;
}
