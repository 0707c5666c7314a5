// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n.js';
import { json, renderWithApp, sessionFixture, stubApi } from '../../test-support.js';
import { TwoFactorVerifyPage } from './TwoFactorVerifyPage.js';

function openStep(verify: () => Response = () => json({ ok: true })) {
  const calls = stubApi({
    'POST /auth/two-factor/verify': verify,
    'GET /auth/session': () => json(sessionFixture()),
  });
  const view = renderWithApp(<TwoFactorVerifyPage />, {
    url: '/sign-in/two-factor',
    session: sessionFixture({ stage: 'two_factor' }),
  });
  return { calls, ...view };
}

describe('the two-factor step of signing in', () => {
  it('checks the six-digit code by the contract before sending it', async () => {
    const user = userEvent.setup();
    const { calls } = openStep();
    await user.type(screen.getByLabelText(/^Kode verifikasi/), '12345');
    await user.click(screen.getByRole('button', { name: 'Verifikasi' }));
    expect(screen.getByRole('link', { name: `Kode verifikasi: ${translate('validation.totp_code')}` })).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('takes a recovery code instead, checked by the contract’s other branch', async () => {
    const user = userEvent.setup();
    const { calls } = openStep();
    await user.click(screen.getByRole('button', { name: /Gunakan kode pemulihan/ }));
    await user.type(screen.getByLabelText(/^Kode pemulihan/), 'abc');
    await user.click(screen.getByRole('button', { name: 'Verifikasi' }));
    expect(
      screen.getByRole('link', { name: `Kode pemulihan: ${translate('validation.invalid_format')}` }),
    ).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('sends a well-formed code and moves on to the page that was asked for', async () => {
    const user = userEvent.setup();
    const { calls, router } = openStep();
    await user.type(screen.getByLabelText(/^Kode verifikasi/), '123456');
    await user.click(screen.getByRole('button', { name: 'Verifikasi' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(calls).toContainEqual({ method: 'POST', path: '/auth/two-factor/verify' });
  });

  it('puts a refused recovery code on the recovery code field, where the person is typing', async () => {
    const user = userEvent.setup();
    const refused = { error: { code: 'invalid_code', message: 'Kode tidak cocok.', details: [], requestId: 'r1' } };
    openStep(() => json(refused, 400));
    await user.click(screen.getByRole('button', { name: /Gunakan kode pemulihan/ }));
    await user.type(screen.getByLabelText(/^Kode pemulihan/), 'abcd-efgh-ijkl');
    await user.click(screen.getByRole('button', { name: 'Verifikasi' }));
    expect(await screen.findByRole('link', { name: 'Kode pemulihan: Kode tidak cocok.' })).toBeTruthy();
  });
});
