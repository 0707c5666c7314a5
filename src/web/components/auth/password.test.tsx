// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n.js';
import { renderWithApp } from '../../test-support.js';
import { checkNewPassword, NewPasswordFields } from './password.js';

function Fields() {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  return (
    <NewPasswordFields
      password={{ id: 'pw-password', value: password, onChange: setPassword, error: undefined }}
      confirm={{ id: 'pw-confirm', value: confirm, onChange: setConfirm, error: undefined }}
    />
  );
}

describe('a new password, before it is sent', () => {
  it('must be given, and repeated', () => {
    expect(checkNewPassword('', '')).toEqual({
      password: translate('validation.required'),
      confirm: translate('validation.required'),
    });
  });

  it('is at least 12 characters long, counted as the person sees them', () => {
    expect(checkNewPassword('kopi pagi', 'kopi pagi').password).toBe(translate('validation.password.too_short'));
    expect(checkNewPassword('kopi pagi di teras', 'kopi pagi di teras')).toEqual({});
    // Twelve emoji are twelve characters, though JavaScript counts them twice.
    expect(checkNewPassword('🌿'.repeat(11), '🌿'.repeat(11)).password).toBe(
      translate('validation.password.too_short'),
    );
  });

  it('must be repeated exactly, with the problem on the field named by the form', () => {
    const names = { password: 'newPassword', confirm: 'confirmPassword' };
    expect(checkNewPassword('kopi pagi di teras', 'kopi pagi di teras rumah', names)).toEqual({
      confirmPassword: translate('validation.password.mismatch'),
    });
  });
});

describe('NewPasswordFields', () => {
  it('explains the policy next to the field and lets the browser suggest a new password', () => {
    renderWithApp(<Fields />);
    const field = screen.getByLabelText('Kata sandi baru');
    expect(field.getAttribute('autocomplete')).toBe('new-password');
    expect(screen.getByText(/Minimal 12 karakter/)).toBeTruthy();
    expect(screen.getByLabelText('Ulangi kata sandi').getAttribute('autocomplete')).toBe('new-password');
  });

  it('shows and hides what was typed, and says which it is doing', async () => {
    const user = userEvent.setup();
    renderWithApp(<Fields />);
    const field = screen.getByLabelText('Kata sandi baru');
    await user.type(field, 'kopi pagi di teras');
    expect(field.getAttribute('type')).toBe('password');
    const [toggle] = screen.getAllByRole('button', { name: 'Tampilkan' });
    await user.click(toggle!);
    expect(field.getAttribute('type')).toBe('text');
    expect(screen.getByRole('button', { name: 'Sembunyikan', pressed: true })).toBeTruthy();
    expect((field as HTMLInputElement).value).toBe('kopi pagi di teras');
  });
});
