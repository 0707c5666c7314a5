import { describe, expect, it } from 'vitest';
import { answerIssues } from './answer-issues.js';

describe('answer issues name the item and the problem', () => {
  it('points at the answer 0-based and names the item 1-based, as printed on the form', () => {
    expect(answerIssues([{ item: 3, code: 'not_an_option', params: { allowed: [0, 1, 2, 3] } }])).toEqual([
      { path: 'answers.2', key: 'answers.not_an_option', params: { item: 3, allowed: '0, 1, 2, 3' } },
    ]);
  });

  it('points at the list itself when the list is wrong', () => {
    expect(answerIssues([{ item: null, code: 'wrong_length', params: { expected: 9 } }])).toEqual([
      { path: 'answers', key: 'answers.wrong_length', params: { expected: 9 } },
    ]);
  });

  it('names items the person was not asked', () => {
    expect(answerIssues([{ item: 14, code: 'not_asked', params: {} }], 'draft')).toEqual([
      { path: 'draft.13', key: 'answers.not_asked', params: { item: 14 } },
    ]);
  });
});
