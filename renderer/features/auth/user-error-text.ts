import { MIN_PASSWORD_LENGTH } from '../../../shared/auth/user';
import type { T } from '../../app/i18n';
import type { SignInError, UserError } from '../../db';
import { refusalText } from './refusal-text';

/** The sentence for a failed user write or sign-in. */
export function userErrorText(t: T, e: UserError | SignInError | { readonly kind: 'outOfRange' }): string {
  switch (e.kind) {
    case 'forbidden': return refusalText(t, e);
    case 'weakPassword': return t(`auth.error.${e.problem}`, { min: MIN_PASSWORD_LENGTH });
    case 'wrongPassword': return t('auth.error.wrongPassword', { left: e.attemptsLeft });
    case 'locked': return t('auth.error.locked', { minutes: e.minutesLeft });
    default: return t(`auth.error.${e.kind}`);
  }
}
