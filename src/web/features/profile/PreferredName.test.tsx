// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, renderWithApp, sessionFixture, stubApi } from '../../test-support.js';
import { PreferredNameSection } from './ProfilePage.js';

const base = sessionFixture();
const session = { ...base, person: { ...base.person, fullName: 'Hj. Sri Wahyuningsih, S.Kep., Ns.' } };

function open() {
  const calls = stubApi({
    'PATCH /profile': () => json({ ok: true }),
    'GET /auth/session': () =>
      json({ ...session, person: { ...session.person, preferredName: 'Mbak Sri', greetingName: 'Mbak Sri' } }),
  });
  renderWithApp(<PreferredNameSection />, { url: '/profile', session });
  return calls;
}

describe('the short name on the profile', () => {
  it('says whom we greet when it is left empty: the first name without titles', () => {
    open();
    expect(screen.getByText(/Jika dikosongkan, kami menyapa Anda "Sri"/)).toBeTruthy();
  });

  it('refuses what is not a name before anything is sent', async () => {
    const user = userEvent.setup();
    const calls = open();
    await user.type(screen.getByLabelText(/^Nama panggilan Anda/), '<b>Sri</b>');
    await user.click(screen.getByRole('button', { name: 'Simpan nama panggilan' }));
    expect(screen.getAllByText('Formatnya tidak sesuai.').length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([]);
  });

  it('saves a short name and says how we will greet from now on', async () => {
    const user = userEvent.setup();
    const calls = open();
    await user.type(screen.getByLabelText(/^Nama panggilan Anda/), 'Mbak Sri');
    await user.click(screen.getByRole('button', { name: 'Simpan nama panggilan' }));
    expect(await screen.findByText('Tersimpan. Mulai sekarang kami menyapa Anda "Mbak Sri".')).toBeTruthy();
    expect(calls).toContainEqual({ method: 'PATCH', path: '/profile' });
  });
});
