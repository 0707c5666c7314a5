import { describe, expect, it } from 'vitest';
import { addUp, ANSWERED, tallyEntries, type TallyQuestion } from './tally.js';

const QUESTIONS: TallyQuestion[] = [
  { id: 'demands', kind: 'likert', points: 5 },
  { id: 'pulse', kind: 'scale' },
  { id: 'channel', kind: 'single', options: [{ id: 'counsellor' }, { id: 'puskesmas' }] },
  { id: 'support', kind: 'multiple', options: [{ id: 'eap' }, { id: 'peer' }, { id: 'flexi' }] },
  { id: 'comment', kind: 'text' },
];

describe('what a response adds to the tallies', () => {
  it('counts each answered question once and each value it holds', () => {
    const entries = tallyEntries(QUESTIONS, {
      demands: 4,
      pulse: 0,
      channel: 'puskesmas',
      support: ['flexi', 'eap'],
      comment: 'Rapat terlalu sering.',
    });
    expect(entries).toEqual([
      { questionId: 'demands', value: ANSWERED },
      { questionId: 'demands', value: 4 },
      { questionId: 'pulse', value: ANSWERED },
      { questionId: 'pulse', value: 0 },
      { questionId: 'channel', value: ANSWERED },
      { questionId: 'channel', value: 1 },
      { questionId: 'support', value: ANSWERED },
      { questionId: 'support', value: 0 },
      { questionId: 'support', value: 2 },
      { questionId: 'comment', value: ANSWERED },
    ]);
  });

  it('skips what was left out and what the question cannot hold', () => {
    const entries = tallyEntries(QUESTIONS, { demands: 6, pulse: 3.5, channel: 'nope', support: [], comment: '  ' });
    expect(entries).toEqual([]);
  });

  it('a choice made twice in one answer counts once', () => {
    expect(tallyEntries(QUESTIONS, { support: ['peer', 'peer'] })).toEqual([
      { questionId: 'support', value: ANSWERED },
      { questionId: 'support', value: 1 },
    ]);
  });

  it('adds up entries by question and value', () => {
    const totals = addUp([
      ...tallyEntries(QUESTIONS, { demands: 4 }),
      ...tallyEntries(QUESTIONS, { demands: 4 }),
      ...tallyEntries(QUESTIONS, { demands: 2 }),
    ]);
    expect([...totals.values()]).toEqual([
      { questionId: 'demands', value: ANSWERED, count: 3 },
      { questionId: 'demands', value: 4, count: 2 },
      { questionId: 'demands', value: 2, count: 1 },
    ]);
  });
});
