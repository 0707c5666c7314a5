// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_SECTION_ID, followUpSection } from '../../../domain/survey-actions/follow-up.js';
import type { SurveyDefinition } from '../../../domain/surveys/definition.js';
import { json, renderWithRoutes, sessionFixture, stubApi } from '../../test-support.js';
import { FollowUpOffer } from './FollowUpOffer.js';

const draft: SurveyDefinition = {
  themes: [],
  sections: [
    {
      id: 'umum',
      title: { id: 'Umum', en: 'General' },
      questions: [{ id: 'q1', kind: 'text', text: { id: 'Saran', en: 'Ideas' }, required: false, maxLength: 500 }],
    },
  ],
};
const section = followUpSection(
  [{ id: '00000000-0000-4000-8000-000000000001', title: 'Rapat selesai 16.00', unitName: 'Bidang Umum' }],
  'Pulse Oktober',
);

/** The offer beside a draft whose sections it may change, as the draft editor holds them. */
function Harness() {
  const [definition, setDefinition] = useState(draft);
  return (
    <>
      <FollowUpOffer surveyId="s2" previousTitle="Pulse Oktober" definition={definition} onChange={setDefinition} />
      <p data-testid="sections">{definition.sections.map((s) => s.id).join(',')}</p>
    </>
  );
}

function open(answer: () => Response) {
  const calls = stubApi({ 'GET /surveys/s2/follow-up-section': answer });
  renderWithRoutes([{ path: '/surveys/:id', element: <Harness /> }], { url: '/surveys/s2', session: sessionFixture() });
  return calls;
}

describe('the follow-up offer on a next wave\u2019s draft', () => {
  it('puts the section into the draft (not saved) and offers to update it afterwards', async () => {
    const calls = open(() => json({ previous: { id: 's1', title: 'Pulse Oktober' }, actionCount: 1, section }));
    expect(screen.getByText(/dibagikan setelah survei “Pulse Oktober”/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Tambahkan pertanyaan tindak lanjut' }));
    expect(await screen.findByText(/1 pertanyaan tindak lanjut dimasukkan/)).toBeTruthy();
    expect(screen.getByTestId('sections').textContent).toBe(`umum,${FOLLOW_UP_SECTION_ID}`);
    expect(screen.getByRole('button', { name: 'Perbarui dari tindakan terbaru' })).toBeTruthy();
    // Only the section was asked for: the draft is saved by the survey's own form.
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('says so when the previous wave shared no action, and leaves the draft alone', async () => {
    open(() => json({ previous: { id: 's1', title: 'Pulse Oktober' }, actionCount: 0, section: null }));
    fireEvent.click(screen.getByRole('button', { name: 'Tambahkan pertanyaan tindak lanjut' }));
    expect(await screen.findByText(/Belum ada tindakan dari survei “Pulse Oktober”/)).toBeTruthy();
    expect(screen.getByTestId('sections').textContent).toBe('umum');
  });

  it('shows the server\u2019s reason when it refuses', async () => {
    open(() =>
      json(
        { error: { code: 'survey_not_draft', message: 'Survei yang sudah dibuka tidak dapat diubah.', details: [] } },
        409,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Tambahkan pertanyaan tindak lanjut' }));
    expect(await screen.findByText('Survei yang sudah dibuka tidak dapat diubah.')).toBeTruthy();
    expect(screen.getByTestId('sections').textContent).toBe('umum');
  });
});
