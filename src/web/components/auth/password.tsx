import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordLength } from '../../../domain/auth/password-policy.js';
import type { FieldErrors } from '../../api/client.js';
import { PasswordField } from '../fields.js';
import type { FieldBinding } from '../form.js';
import { translate, useT } from '../../i18n.js';
import './auth.css';

/** The password policy in plain words: length, passphrases welcome, nothing personal. */
export function PasswordPolicyHint() {
  const { t } = useT();
  return (
    <ul className="hint-list">
      <li>{t('auth.password_policy.length', { min: MIN_PASSWORD_LENGTH })}</li>
      <li>{t('auth.password_policy.passphrase')}</li>
      <li>{t('auth.password_policy.personal')}</li>
    </ul>
  );
}

/**
 * What the browser can check before sending: length and the repeat. The server checks the rest
 * (common and breached passwords, personal details) and its answer lands on the same field.
 */
export function checkNewPassword(
  password: string,
  confirm: string,
  names = { password: 'password', confirm: 'confirm' },
): FieldErrors {
  const errors: FieldErrors = {};
  const length = passwordLength(password);
  if (password === '') errors[names.password] = translate('validation.required');
  else if (length < MIN_PASSWORD_LENGTH) errors[names.password] = translate('validation.password.too_short');
  else if (length > MAX_PASSWORD_LENGTH) errors[names.password] = translate('validation.password.too_long');
  if (confirm === '') errors[names.confirm] = translate('validation.required');
  else if (password !== '' && confirm !== password) errors[names.confirm] = translate('validation.password.mismatch');
  return errors;
}

interface NewPasswordFieldsProps {
  password: FieldBinding;
  confirm: FieldBinding;
  passwordLabel?: string;
}

/** New password + repeat, with the policy as the hint and autocomplete="new-password". */
export function NewPasswordFields({ password, confirm, passwordLabel }: NewPasswordFieldsProps) {
  const { t } = useT();
  return (
    <>
      <PasswordField
        {...password}
        label={passwordLabel ?? t('auth.fields.new_password')}
        hint={<PasswordPolicyHint />}
        autoComplete="new-password"
      />
      <PasswordField {...confirm} label={t('auth.fields.confirm_password')} autoComplete="new-password" />
    </>
  );
}
