// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BOOKING_PATHS } from '../../api/booking.api.js';
import { json, renderWithApp, sessionFixture } from '../../test-support.js';
import { BookPage } from './BookPage.js';

// Monday 7 December 2026, 09:00 and 09:50 WIB (10:00 and 10:50 WITA); Tuesday 8 December, 09:00 WIB.
const MON_9 = '2026-12-07T02:00:00.000Z';
const MON_950 = '2026-12-07T02:50:00.000Z';
const TUE_9 = '2026-12-08T02:00:00.000Z';
const slot = (start: string, modes: string[]) => ({
  start,
  end: new Date(Date.parse(start) + 50 * 60_000).toISOString(),
  modes,
});

const RETNO = {
  id: 'c1',
  name: 'Retno Palupi',
  timeZone: 'Asia/Jakarta',
  kind: 'psikolog_klinis',
  languages: ['id', 'jv'],
  modes: ['video', 'phone'],
  locations: [],
  introduction: 'Saya mendampingi rekan ASN yang sedang lelah atau cemas.',
  provider: null,
  slotMinutes: 50,
  nextFree: MON_9,
};
const HARI = { ...RETNO, id: 'c2', name: 'Hari Setiawan', kind: 'psikiater' };

const appointment = (start: string, mode: string, reason: string | null) => ({
  id: 'a1',
  counsellor: { id: 'c1', name: 'Retno Palupi', kind: 'psikolog_klinis', timeZone: 'Asia/Jakarta' },
  start,
  end: new Date(Date.parse(start) + 50 * 60_000).toISOString(),
  mode,
  status: 'booked',
  reason,
  reminders: ['day_before'],
  reminderEmail: true,
  confirmed: false,
  cancelledBy: null,
  change: 'allowed',
  locations: [],
});

interface Call {
  method: string;
  path: string;
  query: string;
  body: unknown;
  key: string | null;
}

/**
 * A fetch for the booking page: answers by "METHOD path" (the API's version prefix dropped), each
 * answer a function of the call so a test can change it between calls; records every call with its
 * query, body and Idempotency-Key.
 */
function stubBooking(routes: Record<string, (call: Call) => Response | Promise<Response>>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const call: Call = {
      method: (init?.method ?? 'GET').toUpperCase(),
      path: url.pathname.replace(/^\/api\/v\d+/, ''),
      query: url.search,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      key: headers['idempotency-key'] ?? null,
    };
    calls.push(call);
    const answer = routes[`${call.method} ${call.path}`];
    return answer ? answer(call) : json({ error: { code: 'not_found', message: 'Not found', details: [] } }, 404);
  });
  return calls;
}

const baseRoutes = (slots: ReturnType<typeof slot>[], emailStatus = 'available') => ({
  'GET /booking/counsellors': (call: Call) =>
    json({ items: call.query.includes('kind=psikiater') ? [HARI] : [RETNO, HARI] }),
  'GET /booking/counsellors/c1/slots': () =>
    json({
      counsellorId: 'c1',
      timeZone: 'Asia/Jakarta',
      clientTimeZone: 'Asia/Jakarta',
      from: '2026-12-07',
      to: '2027-01-06',
      slots,
    }),
  'GET /booking/reminder-email': () => json({ status: emailStatus }),
});

const session = sessionFixture();

/** Opens the page, chooses Retno Palupi and returns the user. */
async function chooseRetno(options: { session?: ReturnType<typeof sessionFixture> } = {}) {
  const user = userEvent.setup();
  renderWithApp(<BookPage />, { url: '/counselling/book', session: options.session ?? session });
  await user.click(await screen.findByRole('button', { name: 'Pilih Retno Palupi' }));
  return user;
}

describe('booking a counsellor', () => {
  it('narrows the counsellors by kind, then shows the chosen one’s free times by day, with the weekday, on the person’s own clock', async () => {
    const calls = stubBooking(baseRoutes([slot(MON_9, ['video']), slot(MON_950, ['video']), slot(TUE_9, ['phone'])]));
    const user = userEvent.setup();
    renderWithApp(<BookPage />, {
      url: '/counselling/book',
      // The person works in Makassar (WITA): a 09:00 WIB slot is 10:00 for them.
      session: sessionFixture({ unit: { id: 'u1', name: 'Sekretariat Daerah', timeZone: 'Asia/Makassar' } }),
    });
    expect(await screen.findByRole('heading', { name: 'Retno Palupi' })).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Jenis tenaga'), 'psikiater');
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Retno Palupi' })).toBeNull());
    expect(screen.getByRole('heading', { name: 'Hari Setiawan' })).toBeTruthy();
    expect(calls.some((c) => c.path === '/booking/counsellors' && c.query === '?kind=psikiater')).toBe(true);

    await user.selectOptions(screen.getByLabelText('Jenis tenaga'), '');
    await user.click(await screen.findByRole('button', { name: 'Pilih Retno Palupi' }));
    const monday = await screen.findByRole('group', { name: 'Senin, 7 Des' });
    expect(
      within(monday)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['10.00', '10.50']);
    expect(
      within(screen.getByRole('group', { name: 'Selasa, 8 Des' })).getByRole('button', { name: '10.00' }),
    ).toBeTruthy();
    expect(screen.getByText('Waktu ditampilkan dalam zona Anda (WITA).')).toBeTruthy();
  });

  it('asks how to meet when the time offers more than one way, and books with the optional note cut at its limit', async () => {
    const calls = stubBooking({
      ...baseRoutes([slot(MON_9, ['video', 'phone']), slot(TUE_9, ['phone'])]),
      'POST /booking/appointments': (call) =>
        json(appointment(MON_9, 'phone', (call.body as { reason: string }).reason), 201),
    });
    const user = await chooseRetno();
    // One way only: chosen for the person.
    await user.click(
      within(await screen.findByRole('group', { name: 'Selasa, 8 Des' })).getByRole('button', { name: '09.00' }),
    );
    expect((screen.getByRole('radio', { name: 'Telepon' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('radio', { name: 'Panggilan video' })).toBeNull();
    // Two ways: nothing is booked until the person picks one.
    await user.click(
      within(screen.getByRole('group', { name: 'Senin, 7 Des' })).getByRole('button', { name: '09.00' }),
    );
    const submit = screen.getByRole('button', { name: 'Pesan jadwal' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'Telepon' }));
    expect(submit.disabled).toBe(false);

    const note = screen.getByLabelText(/Catatan untuk konselor/) as HTMLTextAreaElement;
    expect(note.maxLength).toBe(500);
    await user.click(note);
    await user.paste('a'.repeat(520));
    expect(note.value).toHaveLength(500);
    await user.click(submit);
    expect(await screen.findByText('Jadwal Anda sudah tercatat')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({ counsellorId: 'c1', start: MON_9, mode: 'phone', reason: 'a'.repeat(500) });
    expect(post?.key).toMatch(/\S{8,}/);
  });

  it('lets the person choose reminders, by email too when it can reach them', async () => {
    const calls = stubBooking({
      ...baseRoutes([slot(MON_9, ['video'])]),
      'POST /booking/appointments': () => json(appointment(MON_9, 'video', null), 201),
    });
    const user = await chooseRetno();
    await user.click(
      within(await screen.findByRole('group', { name: 'Senin, 7 Des' })).getByRole('button', { name: '09.00' }),
    );
    const day = screen.getByRole('checkbox', { name: 'Sehari sebelumnya' }) as HTMLInputElement;
    const hour = screen.getByRole('checkbox', { name: 'Satu jam sebelumnya' }) as HTMLInputElement;
    const email = (await screen.findByRole('checkbox', { name: 'Kirim juga lewat email' })) as HTMLInputElement;
    expect([day.checked, hour.checked, email.checked]).toEqual([true, true, false]);
    await waitFor(() => expect(email.disabled).toBe(false));
    expect(screen.getByText(/Email hanya berisi hari dan jamnya/)).toBeTruthy();
    await user.click(hour);
    await user.click(email);
    await user.click(screen.getByRole('button', { name: 'Pesan jadwal' }));
    await screen.findByText('Jadwal Anda sudah tercatat');
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      reminders: ['day_before'],
      reminderEmail: true,
    });
  });

  it('says why reminders cannot come by email, and leads to My data when the person said no there', async () => {
    stubBooking(baseRoutes([slot(MON_9, ['video'])], 'consent_withdrawn'));
    const user = await chooseRetno();
    await user.click(
      within(await screen.findByRole('group', { name: 'Senin, 7 Des' })).getByRole('button', { name: '09.00' }),
    );
    expect(await screen.findByText(/Anda menolak pemberitahuan lewat email di Data saya/)).toBeTruthy();
    const email = screen.getByRole('checkbox', { name: 'Kirim juga lewat email' }) as HTMLInputElement;
    expect([email.checked, email.disabled]).toEqual([false, true]);
    expect(screen.getByRole('link', { name: 'Ubah di Data saya' }).getAttribute('href')).toBe('/me/data');
  });

  it('on "slot just taken" says so, refreshes the free times and lets the person choose again', async () => {
    let slotsServed = 0;
    const routes = baseRoutes([]);
    const calls = stubBooking({
      ...routes,
      'GET /booking/counsellors/c1/slots': () => {
        slotsServed++;
        // The first answer still has 09.00; after the 409 it is gone.
        const slots =
          slotsServed === 1 ? [slot(MON_9, ['video']), slot(MON_950, ['video'])] : [slot(MON_950, ['video'])];
        return json({
          counsellorId: 'c1',
          timeZone: 'Asia/Jakarta',
          clientTimeZone: 'Asia/Jakarta',
          from: '2026-12-07',
          to: '2027-01-06',
          slots,
        });
      },
      'POST /booking/appointments': () =>
        json(
          { error: { code: 'slot_taken', message: 'Maaf, jam ini baru saja dipesan orang lain.', details: [] } },
          409,
        ),
    });
    const user = await chooseRetno();
    await user.click(
      within(await screen.findByRole('group', { name: 'Senin, 7 Des' })).getByRole('button', { name: '09.00' }),
    );
    await user.click(screen.getByRole('button', { name: 'Pesan jadwal' }));
    expect(await screen.findByText(/Jam itu baru saja dipesan orang lain/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: '09.00' })).toBeNull());
    expect(slotsServed).toBe(2);
    // Nothing is left chosen: the form waits for a new time.
    expect(screen.queryByRole('button', { name: 'Pesan jadwal' })).toBeNull();
    expect(screen.getByRole('button', { name: '09.50' }).getAttribute('aria-pressed')).toBe('false');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('keeps what the person entered when the network fails, and sends it again under the same key', async () => {
    let online = false;
    const calls = stubBooking({
      ...baseRoutes([slot(MON_9, ['video', 'phone'])]),
      'POST /booking/appointments': () => {
        if (!online) throw new TypeError('Failed to fetch');
        return json(appointment(MON_9, 'video', 'Sulit tidur'), 201);
      },
    });
    const user = await chooseRetno();
    await user.click(
      within(await screen.findByRole('group', { name: 'Senin, 7 Des' })).getByRole('button', { name: '09.00' }),
    );
    await user.click(screen.getByRole('radio', { name: 'Panggilan video' }));
    await user.type(screen.getByLabelText(/Catatan untuk konselor/), 'Sulit tidur');
    await user.click(screen.getByRole('checkbox', { name: 'Satu jam sebelumnya' }));
    await user.click(screen.getByRole('button', { name: 'Pesan jadwal' }));
    expect(await screen.findByText(/Tidak dapat terhubung ke server/, {}, { timeout: 5000 })).toBeTruthy();
    // Everything is still there.
    expect((screen.getByLabelText(/Catatan untuk konselor/) as HTMLTextAreaElement).value).toBe('Sulit tidur');
    expect((screen.getByRole('radio', { name: 'Panggilan video' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('button', { name: '09.00' }).getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByRole('checkbox', { name: 'Satu jam sebelumnya' }) as HTMLInputElement).checked).toBe(false);

    online = true;
    await user.click(screen.getByRole('button', { name: 'Pesan jadwal' }));
    expect(await screen.findByText('Jadwal Anda sudah tercatat')).toBeTruthy();
    const keys = new Set(calls.filter((c) => c.method === 'POST').map((c) => c.key));
    // The client's own retries and the person's second tap all carry one key: stored once.
    expect(keys.size).toBe(1);
  }, 15_000);

  it('confirms the booking in words, with the .ics file and the way to "Jadwal saya"', async () => {
    stubBooking({
      ...baseRoutes([slot(MON_9, ['video'])]),
      'POST /booking/appointments': () => json(appointment(MON_9, 'video', null), 201),
    });
    const user = await chooseRetno();
    await user.click(
      within(await screen.findByRole('group', { name: 'Senin, 7 Des' })).getByRole('button', { name: '09.00' }),
    );
    await user.click(screen.getByRole('button', { name: 'Pesan jadwal' }));
    expect(await screen.findByText('Jadwal Anda sudah tercatat')).toBeTruthy();
    expect(screen.getByText(/bersama Retno Palupi \(Panggilan video\)/)).toBeTruthy();
    expect(screen.getByText(/09\.00/)).toBeTruthy();
    const ics = screen.getByRole('link', { name: 'Unduh berkas kalender (.ics)' });
    expect(ics.getAttribute('href')).toBe(BOOKING_PATHS.ics('a1'));
    expect(ics.hasAttribute('download')).toBe(true);
    expect(screen.getByRole('link', { name: 'Lihat jadwal saya' }).getAttribute('href')).toBe('/counselling/mine');
  });
});
