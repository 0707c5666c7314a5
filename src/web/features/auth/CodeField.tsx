import { TextField } from '../../components/fields.js';
import type { FieldBinding } from '../../components/form.js';
import { useT } from '../../i18n.js';

/**
 * The six digits from the authenticator app, at sign-in and when turning two-factor on: a number
 * keypad on phones, and the code the phone offers (autocomplete="one-time-code") is welcome.
 */
export function CodeField(binding: FieldBinding) {
  const { t } = useT();
  return (
    <TextField
      {...binding}
      label={t('auth.fields.totp_code')}
      hint={t('auth.two_factor.code_hint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={6}
      className="field--short"
    />
  );
}
