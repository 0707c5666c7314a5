// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { MySurveyDetail } from '../../api/surveys.api.js';
import { json, renderWithRoutes, sessionFixture, stubApi } from '../../test-support.js';
import { MySurveyPage } from './MySurveyPage.js';

const AGREE = ['Sangat tidak setuju', 'Tidak setuju', 'Netral', 'Setuju', 'Sangat setuju'];
const both = (text: string) => ({ id: text, en: `${text} (en)` });

const survey: MySurveyDetail = {
  id: 's1',
  title: 'Survei denyut Desember',
  closesOn: '2026-12-18',
  questionCount: 4,
  minutes: 2,
  answered: false,
  definition: {
    themes: [],
    sections: [
      {
        id: 'main',
        title: both('Dua minggu terakhir'),
        intro: both('Pikirkan dua minggu terakhir.'),
        questions: [
          {
            id: 'workload',
            kind: 'likert',
            points: 5,
            labels: AGREE.map(both),
            required: true,
            text: both('Beban kerja saya masih dapat saya kelola'),
          },
          {
            id: 'energy',
            kind: 'scale',
            lowLabel: both('Sangat lelah'),
            highLabel: both('Penuh tenaga'),
            required: true,
            text: both('Seberapa bertenaga Anda?'),
          },
          {
            id: 'help',
            kind: 'multiple',
            maxChoices: 2,
            required: false,
            options: [both('Konseling'), both('Atasan'), both('Rekan kerja')].map((label, i) => ({
              id: ['counselling', 'manager', 'peers'][i] as string,
              label,
            })),
            text: both('Bantuan apa yang akan Anda pakai?'),
          },
          { id: 'comment', kind: 'text', maxLength: 500, required: false, text: both('Ada saran?') },
        ],
      },
    ],
  },
};

const session = sessionFixture();

function open(answer: () => Response, detail: MySurveyDetail = survey) {
  const calls = stubApi({
    'GET /me/surveys/s1': () => json(detail),
    'GET /me/surveys': () => json({ items: [] }),
    'POST /me/surveys/s1/answers': answer,
  });
  renderWithRoutes([{ path: '/surveys/mine/:id', element: <MySurveyPage /> }], { url: '/surveys/mine/s1', session });
  return calls;
}

const posts = (calls: Array<{ method: string; path: string }>) => calls.filter((c) => c.method === 'POST');

async function answerRequired(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('radio', { name: 'Setuju' }));
  await user.click(screen.getByRole('radio', { name: /^7$/ }));
}

describe('answering a climate survey', () => {
  it('says what is kept before the first question, and shows every kind with its labels', async () => {
    open(() => json({ ok: true }, 201));
    expect(await screen.findByText('Anonim: jawaban Anda tidak dapat ditelusuri ke Anda')).toBeTruthy();
    expect(screen.getByText(/hanya bahwa Anda sudah menjawab, bukan apa jawaban Anda/)).toBeTruthy();
    expect(screen.getByText(/paling sedikit 10 orang/)).toBeTruthy();
    const workload = screen.getByRole('group', { name: /Beban kerja saya masih dapat saya kelola/ });
    expect(
      within(workload)
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual(AGREE);
    expect(within(workload).getByText('(wajib)')).toBeTruthy();
    // The scale's ends are named, in words, for 0 and 10.
    expect(screen.getByRole('radio', { name: '0 (Sangat lelah)' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '10 (Penuh tenaga)' })).toBeTruthy();
    expect(screen.getByText('0 = Sangat lelah · 10 = Penuh tenaga')).toBeTruthy();
    expect(screen.getByLabelText(/Ada saran\?/)).toBeTruthy();
    expect(screen.getByText(/Jangan menulis nama siapa pun/)).toBeTruthy();
  });

  it('refuses to send while a required question is blank, naming each, and sends nothing', async () => {
    const user = userEvent.setup();
    const calls = open(() => json({ ok: true }, 201));
    await screen.findByText('Dua minggu terakhir');
    await user.click(screen.getByRole('button', { name: 'Kirim jawaban' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByText('Beban kerja saya masih dapat saya kelola: Pertanyaan ini wajib dijawab.'),
    ).toBeTruthy();
    expect(within(summary).getByText('Seberapa bertenaga Anda?: Pertanyaan ini wajib dijawab.')).toBeTruthy();
    expect(within(summary).queryByText(/Ada saran/)).toBeNull();
    expect(posts(calls)).toEqual([]);
  });

  it('keeps a multiple choice within its limit', async () => {
    const user = userEvent.setup();
    open(() => json({ ok: true }, 201));
    await screen.findByText('Pilih paling banyak 2.');
    await user.click(screen.getByRole('checkbox', { name: 'Konseling' }));
    await user.click(screen.getByRole('checkbox', { name: 'Rekan kerja' }));
    expect((screen.getByRole('checkbox', { name: 'Atasan' }) as HTMLInputElement).disabled).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'Konseling' }));
    expect((screen.getByRole('checkbox', { name: 'Atasan' }) as HTMLInputElement).disabled).toBe(false);
  });

  it('sends the answers once and thanks the person (201)', async () => {
    const user = userEvent.setup();
    let body: unknown = null;
    const calls = stubApi({
      'GET /me/surveys/s1': () => json(survey),
      'GET /me/surveys': () => json({ items: [] }),
    });
    const fetchStub = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if ((init?.method ?? 'GET') === 'POST') {
        body = JSON.parse(String(init?.body));
        return json({ ok: true }, 201);
      }
      return fetchStub(input, init);
    });
    renderWithRoutes([{ path: '/surveys/mine/:id', element: <MySurveyPage /> }], {
      url: '/surveys/mine/s1',
      session,
    });
    await screen.findByText('Dua minggu terakhir');
    await answerRequired(user);
    await user.click(screen.getByRole('checkbox', { name: 'Atasan' }));
    await user.type(screen.getByLabelText(/Ada saran\?/), 'Rapat pagi lebih singkat');
    await user.click(screen.getByRole('button', { name: 'Kirim jawaban' }));
    expect(await screen.findByText('Terima kasih, jawaban Anda sudah tercatat')).toBeTruthy();
    expect(body).toEqual({
      answers: { workload: 4, energy: 7, help: ['manager'], comment: 'Rapat pagi lebih singkat' },
    });
    expect(screen.queryByRole('button', { name: 'Kirim jawaban' })).toBeNull();
    // The survey is read again, so that a later visit shows it answered.
    expect(calls.filter((c) => c.method === 'GET' && c.path === '/me/surveys/s1')).toHaveLength(2);
  });

  it('ends as answered when the server says it already has an answer (409)', async () => {
    const user = userEvent.setup();
    open(() =>
      json({ error: { code: 'survey_already_answered', message: 'Jawaban Anda sudah tercatat.', details: [] } }, 409),
    );
    await screen.findByText('Dua minggu terakhir');
    await answerRequired(user);
    await user.click(screen.getByRole('button', { name: 'Kirim jawaban' }));
    expect(await screen.findByText('Anda sudah menjawab survei ini')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Kirim jawaban' })).toBeNull();
  });

  it("shows the server's 422 under its question and keeps the answers", async () => {
    const user = userEvent.setup();
    open(() =>
      json(
        {
          error: {
            code: 'validation_failed',
            message: 'Periksa isian.',
            details: [{ path: 'answers.energy', code: 'surveys.answer.invalid', message: 'Jawaban ini tidak sesuai.' }],
          },
        },
        422,
      ),
    );
    await screen.findByText('Dua minggu terakhir');
    await answerRequired(user);
    await user.click(screen.getByRole('button', { name: 'Kirim jawaban' }));
    const energy = screen.getByRole('group', { name: /Seberapa bertenaga Anda\?/ });
    expect(await within(energy).findByText('Jawaban ini tidak sesuai.')).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Setuju' }) as HTMLInputElement).checked).toBe(true);
  });

  it('keeps everything when the network fails, and sends on retry', async () => {
    const user = userEvent.setup();
    let online = false;
    stubApi({
      'GET /me/surveys/s1': () => json(survey),
      'GET /me/surveys': () => json({ items: [] }),
    });
    const fetchStub = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if ((init?.method ?? 'GET') === 'POST') {
        if (!online) throw new TypeError('Failed to fetch');
        return json({ ok: true }, 201);
      }
      return fetchStub(input, init);
    });
    renderWithRoutes([{ path: '/surveys/mine/:id', element: <MySurveyPage /> }], {
      url: '/surveys/mine/s1',
      session,
    });
    await screen.findByText('Dua minggu terakhir');
    await answerRequired(user);
    await user.click(screen.getByRole('button', { name: 'Kirim jawaban' }));
    expect(
      await screen.findByText(/Jawaban belum terkirim\. Isian Anda tetap ada/, undefined, { timeout: 5000 }),
    ).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Setuju' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: /^7$/ }) as HTMLInputElement).checked).toBe(true);
    online = true;
    await user.click(screen.getByRole('button', { name: 'Kirim jawaban' }));
    expect(await screen.findByText('Terima kasih, jawaban Anda sudah tercatat')).toBeTruthy();
  });

  it('shows "already answered" instead of the form for an answered survey', async () => {
    open(() => json({ ok: true }, 201), { ...survey, answered: true });
    expect(await screen.findByText('Anda sudah menjawab survei ini')).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });
});
