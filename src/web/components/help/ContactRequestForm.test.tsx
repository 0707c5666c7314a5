// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { translate } from '../../i18n.js';
import { renderWithApp, sessionFixture } from '../../test-support.js';
import { ContactRequestForm } from './ContactRequestForm.js';

function openForm(phone: string | null = null) {
  const onSubmit = vi.fn();
  const session = sessionFixture();
  renderWithApp(<ContactRequestForm idPrefix="t" onSubmit={onSubmit} submitLabel="Kirim" />, {
    session: { ...session, person: { ...session.person, phone } },
  });
  return onSubmit;
}

const field = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;

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

  it('prefills the phone the agency holds, for a call and for WhatsApp, written as people write it', async () => {
    const user = userEvent.setup();
    const onSubmit = openForm('+6281234567890');
    expect(field(/^Nomor telepon/).value).toBe('0812 3456 7890');
    await user.click(screen.getByRole('radio', { name: 'WhatsApp' }));
    expect(field(/^Nomor WhatsApp/).value).toBe('0812 3456 7890');
    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    expect(onSubmit).toHaveBeenCalledWith({ method: 'whatsapp', contact: '0812 3456 7890' });
  });

  it('starts empty when no phone is known', () => {
    openForm(null);
    expect(field(/^Nomor telepon/).value).toBe('');
  });

  it('keeps what was typed for each method: switching away and back restores it', async () => {
    const user = userEvent.setup();
    openForm('0812 3456 7890');
    await user.click(screen.getByRole('radio', { name: 'WhatsApp' }));
    await user.clear(field(/^Nomor WhatsApp/));
    await user.type(field(/^Nomor WhatsApp/), '0857 1111 2222');
    await user.click(screen.getByRole('radio', { name: 'Email' }));
    expect(field(/^Alamat email/).value).toBe('sri@example.go.id');
    await user.clear(field(/^Alamat email/));
    await user.type(field(/^Alamat email/), 'sri.pribadi@contoh.id');
    await user.click(screen.getByRole('radio', { name: 'WhatsApp' }));
    expect(field(/^Nomor WhatsApp/).value).toBe('0857 1111 2222');
    await user.click(screen.getByRole('radio', { name: 'Telepon' }));
    expect(field(/^Nomor telepon/).value).toBe('0812 3456 7890');
    await user.click(screen.getByRole('radio', { name: 'Email' }));
    expect(field(/^Alamat email/).value).toBe('sri.pribadi@contoh.id');
  });
});
