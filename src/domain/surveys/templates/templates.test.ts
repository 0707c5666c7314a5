import { describe, expect, it } from 'vitest';
import {
  questionsOf,
  validateDefinition,
  type LocalText,
  type Question,
  type SurveyDefinition,
} from '../definition.js';
import { SURVEY_TEMPLATES, TEMPLATE_IDS, isTemplateId, templateFor } from './index.js';
import { AGREE_5 } from './items.js';
import { SETTINGS, SETTING_PREFIX, type Setting } from './template.js';

function built(id: string, setting: Setting): SurveyDefinition {
  const template = templateFor(id, setting);
  if (!template) throw new Error(`no template ${id}`);
  return template.definition;
}

/** Every LocalText of a definition with where it sits. */
function textsOf(def: SurveyDefinition): Array<[string, LocalText]> {
  const found: Array<[string, LocalText]> = [];
  def.themes.forEach((theme) =>
    found.push([`${theme.id}.name`, theme.name], [`${theme.id}.description`, theme.description]),
  );
  for (const section of def.sections) {
    found.push([`${section.id}.title`, section.title]);
    if (section.intro) found.push([`${section.id}.intro`, section.intro]);
    for (const q of section.questions) {
      found.push([q.id, q.text]);
      if (q.help) found.push([`${q.id}.help`, q.help]);
      if (q.kind === 'likert') q.labels.forEach((label, i) => found.push([`${q.id}.labels[${i}]`, label]));
      if (q.kind === 'scale') found.push([`${q.id}.low`, q.lowLabel], [`${q.id}.high`, q.highLabel]);
      if (q.kind === 'single' || q.kind === 'multiple')
        for (const o of q.options) found.push([`${q.id}.${o.id}`, o.label]);
    }
  }
  return found;
}

/** What must not change between settings for a question to compare across them. */
function shape(q: Question): unknown {
  switch (q.kind) {
    case 'likert':
      return { kind: q.kind, points: q.points, reverse: q.reverse ?? false, themeId: q.themeId };
    case 'scale':
      return { kind: q.kind, themeId: q.themeId };
    case 'single':
    case 'multiple':
      return { kind: q.kind, options: q.options.map((o) => o.id) };
    case 'text':
      return { kind: q.kind };
  }
}

const settingPrefixes = Object.values(SETTING_PREFIX);
const isSettingItem = (id: string) => settingPrefixes.some((prefix) => id.startsWith(prefix));

describe('the template library', () => {
  it('lists the seven templates of issue 12, each built for government administration', () => {
    expect(TEMPLATE_IDS).toEqual([
      'work-pressure',
      'job-satisfaction',
      'burnout-risk',
      'after-hours',
      'support-use',
      'psychological-safety',
      'pulse',
    ]);
    for (const listing of SURVEY_TEMPLATES) expect(listing.definition).toEqual(built(listing.id, 'administration'));
    expect(isTemplateId('pulse')).toBe(true);
    expect(isTemplateId('mbi')).toBe(false);
    expect(templateFor('mbi', 'school')).toBeUndefined();
  });

  it('has a name and summary in both languages and a plausible time to answer', () => {
    for (const listing of SURVEY_TEMPLATES) {
      for (const text of [listing.name, listing.summary]) {
        expect(text.id.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
        expect(text.id).not.toBe(text.en);
      }
      const questions = questionsOf(listing.definition).length;
      // Roughly 10 to 20 seconds a question on a phone.
      expect(listing.minutes).toBeGreaterThanOrEqual(Math.floor(questions / 6));
      expect(listing.minutes).toBeLessThanOrEqual(Math.ceil(questions / 3));
    }
  });

  it('has the question counts that docs/surveys.md lists', () => {
    const documented: Record<string, [number, number, number]> = {
      'work-pressure': [29, 30, 29],
      'job-satisfaction': [15, 16, 16],
      'burnout-risk': [14, 15, 15],
      'after-hours': [16, 16, 17],
      'support-use': [11, 12, 12],
      'psychological-safety': [17, 17, 17],
      pulse: [5, 5, 5],
    };
    for (const id of TEMPLATE_IDS)
      expect(
        SETTINGS.map((setting) => questionsOf(built(id, setting)).length),
        id,
      ).toEqual(documented[id]);
  });

  it('the pulse has exactly five questions, one per theme', () => {
    for (const setting of SETTINGS) {
      const def = built('pulse', setting);
      const questions = questionsOf(def);
      expect(questions).toHaveLength(5);
      expect(new Set(questions.map((q) => (q.kind === 'likert' || q.kind === 'scale' ? q.themeId : q.id))).size).toBe(
        5,
      );
      expect(def.themes).toHaveLength(5);
    }
  });
});

describe.each(TEMPLATE_IDS)('template %s', (id) => {
  it.each(SETTINGS)('passes validateDefinition for %s', (setting) => {
    expect(validateDefinition(built(id, setting))).toEqual([]);
  });

  it.each(SETTINGS)('has 10 to 35 questions for %s (the pulse 5)', (setting) => {
    const count = questionsOf(built(id, setting)).length;
    if (id === 'pulse') expect(count).toBe(5);
    else {
      expect(count).toBeGreaterThanOrEqual(10);
      expect(count).toBeLessThanOrEqual(35);
    }
  });

  it.each(SETTINGS)('has every text in both languages, the Indonesian not the English, for %s', (setting) => {
    for (const [where, text] of textsOf(built(id, setting))) {
      expect(text.id.trim(), where).not.toBe('');
      expect(text.en.trim(), where).not.toBe('');
      expect(text.id.trim().toLowerCase(), where).not.toBe(text.en.trim().toLowerCase());
    }
  });

  it('keeps shared question ids, sections and themes in every setting, with the same meaning', () => {
    const [first, ...rest] = SETTINGS.map((setting) => built(id, setting));
    const shared = (def: SurveyDefinition) =>
      new Map(
        questionsOf(def)
          .filter((q) => !isSettingItem(q.id))
          .map((q) => [q.id, shape(q)]),
      );
    for (const other of rest) {
      expect(shared(other)).toEqual(shared(first as SurveyDefinition));
      expect(other.themes.map((theme) => theme.id)).toEqual(first?.themes.map((theme) => theme.id));
      expect(other.sections.map((section) => section.id)).toEqual(first?.sections.map((section) => section.id));
    }
  });

  it.each(SETTINGS)('rates statements on the five agreement labels and keeps free text optional, for %s', (setting) => {
    for (const q of questionsOf(built(id, setting))) {
      if (q.kind === 'likert') expect(q.labels, q.id).toEqual(AGREE_5);
      if (q.kind === 'text') expect(q.required, q.id).toBe(false);
    }
  });

  it.each(SETTINGS)('adds only its own setting-specific items for %s', (setting) => {
    const own = questionsOf(built(id, setting)).filter((q) => isSettingItem(q.id));
    for (const q of own) expect(q.id.startsWith(SETTING_PREFIX[setting]), q.id).toBe(true);
    expect(own.length).toBeLessThanOrEqual(3);
  });

  it('lists as variants exactly the settings that read differently from government administration', () => {
    const listing = SURVEY_TEMPLATES.find((candidate) => candidate.id === id);
    const base = JSON.stringify(built(id, 'administration'));
    const differing = SETTINGS.filter((setting) => JSON.stringify(built(id, setting)) !== base);
    expect(listing?.variants ?? []).toEqual(differing);
  });
});

describe('setting wording', () => {
  it('names the public and the administrative load of each setting', () => {
    const item = (setting: Setting, questionId: string) =>
      questionsOf(built('work-pressure', setting)).find((q) => q.id === questionId)?.text.id;
    expect(item('administration', 'adm-time')).toContain('e-Kinerja');
    expect(item('school', 'adm-time')).toContain('Dapodik');
    expect(item('health', 'adm-time')).toContain('BPJS');
    expect(item('administration', 'pub-pressure')).toContain('masyarakat');
    expect(item('school', 'pub-pressure')).toContain('orang tua');
    expect(item('health', 'pub-pressure')).toContain('pasien');
  });

  it('reverses the negatively worded items and only those that need it', () => {
    // Spot checks that the direction of favourable is right where a wrong one would flip an index.
    const items = new Map(questionsOf(built('burnout-risk', 'administration')).map((q) => [q.id, q]));
    const reversed = (questionId: string) => {
      const q = items.get(questionId);
      return q?.kind === 'likert' ? (q.reverse ?? false) : null;
    };
    expect(reversed('exh-drained')).toBe(true);
    expect(reversed('exh-recovery')).toBe(false);
    expect(reversed('dis-motions')).toBe(true);
    expect(reversed('eff-solve')).toBe(false);
  });
});
