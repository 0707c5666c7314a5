// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { translate } from '../../i18n.js';
import { renderWithApp, sessionFixture } from '../../test-support.js';
import { ContactRequestForm } from './ContactRequestForm.js';

function openForm() {
  const onSubmit = vi.fn();
  renderWithApp(<ContactRequestForm idPrefix="t" onSubmit={onSubmit} submitLabel="Kirim" />, {
    session: sessionFixture(),
  });
  return onSubmit;
}

describe('"please contact me"', () => {
  it('refuses an address that does not fit the method, by the contract the routes use', async () => {
    const user = userEvent.setup();
    const onSubmit = openForm();
    await user.type(screen.getByLabelText(/^Nomor telepon/), 'telepon saya');
    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    expect(screen.getByRole('link', { name: `Nomor telepon: ${translate('validation.phone')}` })).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('prefills the known email when the person picks email, and sends it', async () => {
    const user = userEvent.setup();
    const onSubmit = openForm();
    await user.click(screen.getByRole('radio', { name: 'Email' }));
    expect((screen.getByLabelText(/^Alamat email/) as HTMLInputElement).value).toBe('sri@example.go.id');
    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    expect(onSubmit).toHaveBeenCalledWith({ method: 'email', contact: 'sri@example.go.id' });
  });
});
