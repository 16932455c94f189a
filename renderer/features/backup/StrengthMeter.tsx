import { useT } from '../../app/i18n';
import { passwordStrength } from './password-strength';

/** A five-step bar and a word for how hard the password is to guess. */
export function StrengthMeter({ password }: { readonly password: string }) {
  const t = useT();
  const strength = passwordStrength(password);
  const level = t(`backup.strength.${String(strength)}`);
  return (
    <div className="strength" data-strength={strength}>
      <meter min={0} max={4} low={2} high={3} optimum={4} value={strength} aria-label={t('backup.strength.label', { level })} />
      <span>{t('backup.strength.label', { level })}</span>
    </div>
  );
}
