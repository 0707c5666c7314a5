// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n.js';
import { json, renderWithApp, stubApi } from '../../test-support.js';
import { HelpContactsAdminPage } from './HelpContactsAdminPage.js';

const created = {
  id: 'c1',
  kind: 'counselling',
  preset: null,
  name: 'Konseling Pegawai',
  description: null,
  phone: '0274 123456',
  telHref: 'tel:0274123456',
  url: null,
  hours: '24 jam',
  isActive: true,
  sortOrder: 10,
};

function openPage() {
  const calls = stubApi({
    'GET /agency/help-contacts': () => json({ items: [] }),
    'GET /agency/outreach': () => json({ disclosedSafetyOutreach: false, consentVersion: 'v1' }),
    'POST /agency/help-contacts': () => json(created, 201),
  });
  renderWithApp(<HelpContactsAdminPage />, { url: '/admin/help-contacts' });
  return calls;
}

async function addForm() {
  return within(await screen.findByRole('form', { name: 'Tambah kontak' }));
}

describe('adding a help contact', () => {
  it('asks for a phone number or a web address by the contract’s own rule, before anything is sent', async () => {
    const user = userEvent.setup();
    const calls = openPage();
    const form = await addForm();
    await user.type(form.getByLabelText('Nama'), 'Konseling Pegawai');
    await user.type(form.getByLabelText('Jam layanan'), '24 jam');
    await user.click(form.getByRole('button', { name: 'Tambah kontak' }));

    const message = translate('validation.help.contact_needs_phone_or_url');
    expect(form.getByRole('link', { name: `Nomor telepon: ${message}` })).toBeTruthy();
    expect(form.getByLabelText(/^Nomor telepon/).getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('sends a contact that can be reached, and says it was added', async () => {
    const user = userEvent.setup();
    const calls = openPage();
    const form = await addForm();
    await user.type(form.getByLabelText('Nama'), 'Konseling Pegawai');
    await user.type(form.getByLabelText(/^Nomor telepon/), '0274 123456');
    await user.type(form.getByLabelText('Jam layanan'), '24 jam');
    await user.click(form.getByRole('button', { name: 'Tambah kontak' }));

    expect(await screen.findByText('Konseling Pegawai sudah ditambahkan.')).toBeTruthy();
    expect(calls).toContainEqual({ method: 'POST', path: '/agency/help-contacts' });
  });
});
