import { useT } from '../../app/i18n';
import { AuthField } from './AuthScreen';
import { passwordHint } from './password-hint';

/** A new password typed twice, with a strength hint under the first. */
export function NewPasswordFields(props: {
  readonly idPrefix: string; readonly password: string; readonly repeat: string;
  readonly onPassword: (v: string) => void; readonly onRepeat: (v: string) => void; readonly label?: string;
}) {
  const t = useT();
  const hint = props.password === '' ? undefined : t(`auth.strength.${passwordHint(props.password)}`);
  return (
    <>
      <AuthField id={`${props.idPrefix}-password`} label={props.label ?? t('auth.password')} type="password" autoComplete="new-password"
        value={props.password} onChange={props.onPassword} {...(hint ? { hint } : {})} />
      <AuthField id={`${props.idPrefix}-repeat`} label={t('auth.password.again')} type="password" autoComplete="new-password"
        value={props.repeat} onChange={props.onRepeat} />
    </>
  );
}
