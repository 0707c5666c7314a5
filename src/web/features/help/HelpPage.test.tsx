// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderWithApp, sessionFixture, stubApi } from '../../test-support.js';
import { HelpPage } from './HelpPage.js';

const contact = {
  id: 'c1',
  kind: 'emergency',
  preset: 'emergency_112',
  name: 'Layanan darurat 112',
  description: null,
  phone: '112',
  telHref: 'tel:112',
  url: null,
  hours: '24 jam',
  isActive: true,
  sortOrder: 0,
};

function openHelp(canRequestContact: boolean) {
  stubApi({
    'GET /help/contacts': () => json({ items: [contact], canRequestContact }),
    'GET /me/safety-plan': () =>
      json({ error: { code: 'safety_plan_not_found', message: 'Belum ada', details: [] } }, 404),
  });
  const session = sessionFixture();
  renderWithApp(<HelpPage />, {
    url: '/help',
    session: { ...session, person: { ...session.person, phone: '0812 3456 7890' } },
  });
}

/** An answer that never comes: the page stays in its loading state. */
const never = (() => new Promise<Response>(() => undefined)) as unknown as () => Response;

/** Whether `a` comes before `b` in the page, as a phone shows them from top to bottom. */
const before = (a: Element, b: Element) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

describe('/help', () => {
  it('puts "ask a counsellor to contact me" first, prefilled, when the person can ask', async () => {
    openHelp(true);
    const form = await screen.findByRole('form', { name: 'Permintaan untuk dihubungi' });
    const contacts = await screen.findByRole('list', { name: 'Kontak bantuan dan layanan darurat' });
    expect(before(form, contacts)).toBe(true);
    expect((screen.getByLabelText(/^Nomor telepon/) as HTMLInputElement).value).toBe('0812 3456 7890');
  });

  it('while it loads: the request-first layout in skeletons, said "loading" once, not per block', async () => {
    stubApi({
      'GET /help/contacts': never,
      'GET /me/safety-plan': never,
    });
    const { container } = renderWithApp(<HelpPage />, { url: '/help', session: sessionFixture() });
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe('Memuat kontak bantuan…');
    expect(screen.getAllByRole('status')).toHaveLength(1);
    // The form's place is kept first, so nothing jumps when the answer arrives.
    const request = screen.getByRole('heading', { level: 2, name: 'Minta konselor menghubungi Anda' });
    expect(before(request, status)).toBe(true);
    expect(container.querySelectorAll('.skeleton[aria-busy="true"]')).toHaveLength(3);
    expect(container.querySelector('.spinner')).toBeNull();
  });

  it('leads with the contacts where no counsellor can be asked', async () => {
    openHelp(false);
    const contacts = await screen.findByRole('list', { name: 'Kontak bantuan dan layanan darurat' });
    const request = screen.getByRole('heading', { level: 2, name: 'Minta konselor menghubungi Anda' });
    expect(before(contacts, request)).toBe(true);
    expect(screen.queryByRole('form', { name: 'Permintaan untuk dihubungi' })).toBeNull();
  });
});
