import { describe, expect, it } from 'vitest';
import { resultsInput, type FakeResponse } from '../../../test/support/survey-results.js';
import type { SurveyDefinition } from './definition.js';
import { commentGroups } from './comment-groups.js';
import { ANY, profileKey, type Profile } from './profiles.js';
import { bandOf, SURVEY_TOTAL, type SurveyUnit } from './results-table.js';
import { surveyResults, type NodeResult, type ScoredResult, type SurveyResults } from './results.js';
import { agree, freeText, multiple, option, rating, single, t } from './templates/items.js';

const K = 5;
const definition: SurveyDefinition = {
  themes: [
    { id: 'load', name: t('Beban', 'Load'), description: t('Beban kerja', 'Workload') },
    { id: 'energy', name: t('Energi', 'Energy'), description: t('Energi', 'Energy') },
  ],
  sections: [
    {
      id: 's',
      title: t('Bagian', 'Section'),
      questions: [
        agree('manage', 'load', t('Beban saya terkelola', 'My load is manageable')),
        agree('overtime', 'load', t('Saya sering lembur', 'I often work overtime'), { reverse: true }),
        rating('energy', 'energy', t('Energi', 'Energy'), t('Habis', 'Drained'), t('Penuh', 'Full')),
        single(
          'messages',
          t('Pesan di luar jam kerja', 'Messages after hours'),
          [
            option('never', t('Tidak pernah', 'Never')),
            option('weekly', t('Mingguan', 'Weekly')),
            option('daily', t('Harian', 'Daily')),
          ],
          false,
        ),
        multiple(
          'help',
          t('Bantuan', 'Help'),
          [
            option('counsel', t('Konseling', 'Counselling')),
            option('peer', t('Rekan', 'Peers')),
            option('family', t('Keluarga', 'Family')),
          ],
          { required: false },
        ),
        freeText('say', t('Masukan', 'Comments')),
      ],
    },
  ],
};

const profile = (unitId: string, employmentType = 'pns'): Profile => ({
  unitId,
  employmentType,
  ageBand: ANY,
  serviceBand: ANY,
});
const units = (...list: Array<[string, string | null]>): SurveyUnit[] =>
  list.map(([id, parentId]) => ({ id, parentId, row: true }));
/** `count` responses of one profile giving the same answers. */
const many = (count: number, p: Profile, answers: FakeResponse['answers']): FakeResponse[] =>
  Array.from({ length: count }, () => ({ profile: p, answers }));

const row = (r: SurveyResults, id: string): NodeResult =>
  id === SURVEY_TOTAL ? r.total : (r.rows.find((x) => x.nodeId === id) as NodeResult);
const question = (node: NodeResult, id: string) => node.questions.find((q) => q.questionId === id);
const scored = (node: NodeResult, id: string) => question(node, id) as ScoredResult;
const bands = (node: NodeResult, id: string) => scored(node, id).bands.map((b) => b.count.value);
const theme = (node: NodeResult, id: string) => node.themes.find((x) => x.themeId === id);

describe('bands of scored questions', () => {
  it('cut likert at its midpoint after reversal, and 0–10 at 5 and 7', () => {
    const q5 = agree('a', 'load', t('x', 'x'));
    expect([1, 2, 3, 4, 5].map((v) => bandOf(q5, v))).toEqual([
      'unfavourable',
      'unfavourable',
      'neutral',
      'favourable',
      'favourable',
    ]);
    const reversed = agree('b', 'load', t('x', 'x'), { reverse: true });
    expect(bandOf(reversed, 1)).toBe('favourable');
    expect(bandOf(reversed, 4)).toBe('unfavourable');
    const q7 = { ...q5, points: 7 as const, labels: [...q5.labels, ...q5.labels].slice(0, 7) };
    expect([1, 3, 4, 5, 7].map((v) => bandOf(q7, v))).toEqual([
      'unfavourable',
      'unfavourable',
      'neutral',
      'favourable',
      'favourable',
    ]);
    const scale = rating('e', 'energy', t('x', 'x'), t('a', 'a'), t('b', 'b'));
    expect([0, 4, 5, 6, 7, 10].map((v) => bandOf(scale, v))).toEqual([
      'unfavourable',
      'unfavourable',
      'neutral',
      'neutral',
      'favourable',
      'favourable',
    ]);
  });
});

describe('survey results, worked examples', () => {
  it('shows the true figures where every band is large, and withholds what is not', () => {
    const p = profile('root');
    const responses = [
      ...many(5, p, { manage: 2, overtime: 1, energy: 2, messages: 'never', help: ['counsel', 'peer'], say: 'a' }),
      ...many(5, p, { manage: 3, overtime: 3, energy: 6, messages: 'daily', help: ['counsel', 'peer'] }),
      ...many(1, p, { manage: 4, overtime: 5, energy: 9, messages: 'never', help: ['peer'], say: 'b' }),
      ...many(4, p, { manage: 4, overtime: 5, energy: 9, messages: 'daily', help: ['peer'], say: 'c' }),
    ];
    const input = resultsInput(definition, units(['root', null]), [{ profile: p, members: 20 }], responses);
    const r = surveyResults({ ...input, k: K });
    const root = row(r, 'root');
    expect(root.members).toBe(20);
    expect(root.respondents.value).toBe(15);
    expect(bands(root, 'manage')).toEqual([5, 5, 5]);
    expect(scored(root, 'manage').mean.value).toBeCloseTo(3);
    expect(scored(root, 'manage').favourableShare.value).toBeCloseTo(1 / 3);
    // Reversed: answering 1 is favourable.
    expect(bands(root, 'overtime')).toEqual([5, 5, 5]);
    expect(scored(root, 'overtime').mean.value).toBeCloseTo(3);
    expect(bands(root, 'energy')).toEqual([5, 5, 5]);
    expect(scored(root, 'energy').mean.value).toBeCloseTo((10 + 30 + 45) / 15);
    expect(theme(root, 'load')).toEqual({
      themeId: 'load',
      favourableShare: { value: 10 / 30, withheld: null },
      score: { value: 50, withheld: null },
    });
    expect(theme(root, 'energy')?.score.value).toBeCloseTo(((10 + 30 + 45) / 15) * 10);
    const messages = question(root, 'messages');
    if (messages?.kind !== 'single') throw new Error('single');
    // Nobody chose weekly: 0 is withheld, and known as the rest (15 − 6 − 9) — which is no one.
    expect(messages.options.map((o) => [o.optionId, o.count.value, o.count.withheld])).toEqual([
      ['never', 6, null],
      ['weekly', null, 'below_threshold'],
      ['daily', 9, null],
    ]);
    expect(messages.options[0]?.share.value).toBeCloseTo(6 / 15);
    const help = question(root, 'help');
    if (help?.kind !== 'multiple') throw new Error('multiple');
    // Everyone chose peers and no one family: both say something of every respondent (A13).
    expect(help.options.map((o) => [o.chosen.value, o.notChosen.value])).toEqual([
      [10, 5],
      [null, null],
      [null, null],
    ]);
    expect(help.options[1]?.chosen.withheld).toBe('complementary');
    expect(question(root, 'say')?.n.value).toBe(10);
    // The total row of a survey with one top unit is that unit.
    expect(r.total.respondents.value).toBe(15);
    expect(r.total.nodeId).toBe(SURVEY_TOTAL);
  });

  it('withholds a homogeneous unit: everyone favourable says every member’s answer (A13)', () => {
    const p = profile('root');
    const responses = [
      ...many(4, p, { manage: 4, overtime: 2, energy: 8 }),
      ...many(4, p, { manage: 5, overtime: 2, energy: 3 }),
    ];
    const r = surveyResults({
      ...resultsInput(definition, units(['root', null]), [{ profile: p, members: 9 }], responses),
      k: K,
    });
    const root = row(r, 'root');
    expect(root.respondents.value).toBe(8);
    const manage = scored(root, 'manage');
    expect(manage.n.value).toBe(8);
    expect(manage.bands.map((b) => b.count.withheld)).toEqual(['below_threshold', 'below_threshold', 'complementary']);
    expect(manage.favourableShare).toEqual({ value: null, withheld: 'depends_on_withheld' });
    expect(manage.mean).toEqual({ value: null, withheld: 'depends_on_withheld' });
    expect(theme(root, 'load')?.score.value).toBeNull();
    expect(theme(root, 'load')?.favourableShare.value).toBeNull();
  });

  it('shows a mean only over bands known exactly: a withheld band of 0 is known, one of 3 is not', () => {
    const p = profile('root');
    const known = surveyResults({
      ...resultsInput(
        definition,
        units(['root', null]),
        [{ profile: p, members: 14 }],
        [...many(6, p, { manage: 1, energy: 0 }), ...many(6, p, { manage: 5, energy: 10 })],
      ),
      k: K,
    });
    const manage = scored(row(known, 'root'), 'manage');
    expect(manage.bands.map((b) => b.count.value)).toEqual([6, null, 6]);
    expect(manage.mean).toEqual({ value: 3, withheld: null });
    // Both ends of 0–10 but not one: the mean 5 tells no one's answer.
    expect(scored(row(known, 'root'), 'energy').mean.value).toBe(5);

    const unknown = surveyResults({
      ...resultsInput(
        definition,
        units(['root', null]),
        [{ profile: p, members: 14 }],
        [...many(3, p, { manage: 1 }), ...many(9, p, { manage: 5 })],
      ),
      k: K,
    });
    const partly = scored(row(unknown, 'root'), 'manage');
    expect(partly.n.value).toBe(12);
    // 3 unfavourable is below k, so favourable (9) goes too, or 12 − 9 would give the 3 away.
    expect(partly.bands.map((b) => b.count.value)).toEqual([null, null, null]);
    expect(partly.mean.withheld).toBe('depends_on_withheld');
  });

  it('theme index: only when every item’s figures are shown', () => {
    const p = profile('root');
    const r = surveyResults({
      ...resultsInput(
        definition,
        units(['root', null]),
        [{ profile: p, members: 14 }],
        // manage spreads 6 / 6; overtime is 12 times "strongly disagree" (reversed: all favourable).
        [...many(6, p, { manage: 2, overtime: 1 }), ...many(6, p, { manage: 4, overtime: 1 })],
      ),
      k: K,
    });
    const root = row(r, 'root');
    expect(scored(root, 'manage').mean.value).toBe(3);
    expect(scored(root, 'overtime').mean.value).toBeNull();
    expect(theme(root, 'load')?.score).toEqual({ value: null, withheld: 'depends_on_withheld' });
    expect(theme(root, 'load')?.favourableShare.withheld).toBe('depends_on_withheld');
  });

  it('counts a profile generalised into the parent unit there, and not in its own small unit', () => {
    const inA = profile('a');
    // b's three members were too few for a profile of their own: they count at root.
    const inRoot = profile('root');
    const r = surveyResults({
      ...resultsInput(
        definition,
        units(['root', null], ['a', 'root'], ['b', 'root']),
        [
          { profile: inA, members: 9 },
          { profile: inRoot, members: 6 },
        ],
        [...many(7, inA, { manage: 4 }), ...many(5, inRoot, { manage: 2 })],
      ),
      k: K,
    });
    expect(row(r, 'root').respondents.value).toBe(12);
    expect(row(r, 'a').respondents.value).toBe(7);
    expect(row(r, 'b').respondents).toEqual({ value: null, withheld: 'below_threshold' });
    expect(row(r, 'b').members).toBe(0);
    expect(row(r, 'a').parentId).toBe('root');
    expect(row(r, 'a').depth).toBe(1);
    expect(row(r, 'root').members).toBe(15);
  });

  it('a unit outside the target subtrees is not a row: its profiles count in the total only', () => {
    const top = profile('agency');
    const inA = profile('a');
    const r = surveyResults({
      ...resultsInput(
        definition,
        [
          { id: 'agency', parentId: null, row: false },
          { id: 'a', parentId: 'agency', row: true },
        ],
        [
          { profile: top, members: 6 },
          { profile: inA, members: 8 },
        ],
        [...many(5, top, { manage: 4 }), ...many(6, inA, { manage: 2 })],
      ),
      k: K,
    });
    expect(r.rows.map((x) => x.nodeId)).toEqual(['a']);
    expect(r.total.respondents.value).toBe(11);
    expect(row(r, 'a').respondents.value).toBe(6);
    expect(row(r, 'a').parentId).toBeNull();
  });
});

describe('filtered results (A6)', () => {
  const pns = profile('root', 'pns');
  const pppk = profile('root', 'pppk');
  const anyone = profile('root', ANY);

  it('counts only the profiles that keep the value: "any" is in no filtered cell', () => {
    const input = resultsInput(
      definition,
      units(['root', null]),
      [
        { profile: pns, members: 10 },
        { profile: pppk, members: 7 },
        { profile: anyone, members: 5 },
      ],
      [
        ...many(4, pns, { manage: 2 }),
        ...many(4, pns, { manage: 4 }),
        ...many(6, pppk, { manage: 5 }),
        ...many(5, anyone, { manage: 3 }),
      ],
    );
    const all = surveyResults({ ...input, k: K });
    expect(row(all, 'root').respondents.value).toBe(19);
    const onlyPns = surveyResults({ ...input, k: K, filter: { attribute: 'employmentType', value: 'pns' } });
    expect(onlyPns.filter).toEqual({ attribute: 'employmentType', value: 'pns' });
    expect(row(onlyPns, 'root').respondents.value).toBe(8);
    expect(scored(row(onlyPns, 'root'), 'manage').n.value).toBe(8);
    const onlyPppk = surveyResults({ ...input, k: K, filter: { attribute: 'employmentType', value: 'pppk' } });
    expect(row(onlyPppk, 'root').respondents.value).toBe(6);
    // A value no profile keeps has no figures at all.
    const none = surveyResults({ ...input, k: K, filter: { attribute: 'employmentType', value: 'non_asn' } });
    expect(row(none, 'root').respondents).toEqual({ value: null, withheld: 'below_threshold' });
    // The unfiltered figures are the same whichever filter is asked for: one suppression.
    expect(row(onlyPns, 'root').members).toBe(row(all, 'root').members);
  });

  it('withholds a filtered figure that the unfiltered one would give the rest of away', () => {
    const input = resultsInput(
      definition,
      units(['root', null]),
      [
        { profile: pns, members: 10 },
        { profile: pppk, members: 7 },
      ],
      [...many(9, pns, { manage: 4 }), ...many(3, pppk, { manage: 2 })],
    );
    const all = surveyResults({ ...input, k: K });
    expect(row(all, 'root').respondents.value).toBe(12);
    // 12 − 9 would say that 3 PPPK answered.
    const onlyPns = surveyResults({ ...input, k: K, filter: { attribute: 'employmentType', value: 'pns' } });
    expect(row(onlyPns, 'root').respondents).toEqual({ value: null, withheld: 'complementary' });
  });
});

describe('bad tallies', () => {
  it('throw rather than drop a count: an unknown profile, question or value, or more responses than members', () => {
    const p = profile('root');
    const input = resultsInput(
      definition,
      units(['root', null]),
      [{ profile: p, members: 9 }],
      many(6, p, { manage: 3 }),
    );
    const tally = input.tallies[0] as (typeof input.tallies)[number];
    for (const bad of [
      { ...tally, profileKey: 'nobody' },
      { ...tally, questionId: 'gone' },
      { ...tally, value: 6 },
    ])
      expect(() => surveyResults({ ...input, tallies: [bad], k: K })).toThrow(RangeError);
    // More responses than members: the bounds the engine reasons with would be false.
    expect(() => surveyResults({ ...input, members: [{ profileKey: tally.profileKey, members: 5 }], k: K })).toThrow(
      RangeError,
    );
  });
});

describe('comment groups (A2, A10)', () => {
  const inA = profile('a');
  const inB = profile('b');
  const world = (bCount: number) =>
    resultsInput(
      definition,
      units(['root', null], ['a', 'root'], ['b', 'root']),
      [
        { profile: inA, members: 15 },
        { profile: inB, members: 12 },
      ],
      [
        ...Array.from({ length: 12 }, (_, i) => ({ profile: inA, answers: { manage: 1 + (i % 5), say: `a${i}` } })),
        ...Array.from({ length: bCount }, (_, i) => ({ profile: inB, answers: { manage: 1 + (i % 5), say: `b${i}` } })),
      ],
    );
  const groupsOf = (bCount: number, randomInt: (max: number) => number = () => 0) => {
    const input = world(bCount);
    const results = surveyResults({ ...input, k: K });
    const comments = commentsOf(bCount);
    return commentGroups({ ...input, results, comments, kc: 10, randomInt });
  };
  const commentsOf = (bCount: number) => [
    ...Array.from({ length: 12 }, (_, i) => ({ questionId: 'say', profileKey: profileKey(inA), text: `a${i}` })),
    ...Array.from({ length: bCount }, (_, i) => ({ questionId: 'say', profileKey: profileKey(inB), text: `b${i}` })),
  ];

  it('shows a unit of at least k_c, but not when the rest of its parent would be a group under k_c', () => {
    // a: 12, b: 6 → root 18. a alone would leave root's other 6 comments readable as b's.
    const groups = groupsOf(6);
    expect(groups.map((g) => g.nodeId)).toEqual([SURVEY_TOTAL, 'root']);
    expect(groups[1]?.questions[0]?.texts).toHaveLength(18);
    // b: 10 → a and b both shown (each at least 10), root − a − b = 0.
    expect(groupsOf(10).map((g) => g.nodeId)).toEqual([SURVEY_TOTAL, 'root', 'a', 'b']);
  });

  it('shuffles with the random it is given and carries no profile or id', () => {
    const ordered = groupsOf(10, () => 0)[2]?.questions[0]?.texts;
    let i = 0;
    const other = groupsOf(10, (max) => (i++ * 7) % max)[2]?.questions[0]?.texts;
    expect([...(ordered ?? [])].sort()).toEqual([...(other ?? [])].sort());
    expect(ordered).not.toEqual(other);
    const json = JSON.stringify(groupsOf(10));
    expect(json).not.toContain(profileKey(inA));
    expect(json).not.toContain('profile');
  });
});
