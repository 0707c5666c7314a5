import type { Actor } from '../../domain/access/permissions.js';
import { questionsOf, type Question, type Section, type SurveyDefinition } from '../../domain/surveys/definition.js';
import type { AnswerValue } from '../../domain/surveys/tally.js';
import type { AuditOrigin } from '../../server/modules/audit/index.js';
import type { SurveyService } from '../../server/modules/surveys/index.js';
import type { SurveyActionsModule } from '../../server/modules/survey-actions/index.js';
import type { SurveyDetail, SurveyUpdateBody } from '../../contracts/surveys.js';
import { withFollowUpSection } from '../../domain/survey-actions/follow-up.js';
import { insertJuneActions } from './survey-publications.js';
import { backdateDemoSurvey, demoSurveyMembers, demoSurveyRunners } from './demo-seed.repository.js';
import type { DemoLoadDeps } from './load-demo.js';
import { SeededRandom } from './random.js';

/**
 * The demo's climate surveys (docs/surveys.md), run through the surveys module like a real one —
 * opened, answered member by member (sealed, then moved in batches), closed — so every table is
 * filled the way production fills it. Per agency: two closed waves of the five-question pulse, the
 * second compared with the first and asking whether the first's actions helped, and an open survey of the sources of work pressure that about
 * four in ten have answered, not the documented employee, who therefore sees it on her home screen.
 */
const DOCUMENTED_EMPLOYEE_NIP = '200204132024102002';

/** Free-text comments as people write them, one with a name and a number the masking catches. */
const COMMENTS = [
  'Rapat koordinasi sering mendadak di luar jam kerja, sehingga pekerjaan utama tertunda.',
  'Target SKP tahun ini jelas, tetapi aplikasi pelaporannya sering gangguan menjelang tenggat.',
  'Saya berharap ada pembagian tugas yang lebih merata di bidang kami.',
  'Terima kasih sudah menanyakan ini. Kami butuh ruang istirahat yang layak.',
  'Pesan WhatsApp pimpinan masuk sampai malam; mohon ada kesepakatan jam membalas.',
  'Pak Bambang sudah sangat membantu, tetapi beliau sendiri kelihatan kewalahan. Bisa dihubungi di 0812-3456-7890.',
  'Pelatihan pengelolaan stres kemarin bermanfaat, tolong diadakan lagi.',
  'Keluhan masyarakat di media sosial membuat tim layanan tertekan; perlu dukungan hukum dan humas.',
];

interface Wave {
  title: string;
  templateId: 'pulse' | 'work-pressure';
  share: number;
  /** Added to each unit's mood: a later wave after actions taken. */
  lift: number;
  /** A past window, or null for the survey left open. */
  window: { opensOn: string; closesOn: string } | null;
}

const WAVES: readonly Wave[] = [
  {
    title: 'Survei Pulse Juni 2026',
    templateId: 'pulse',
    share: 0.78,
    lift: 0,
    window: { opensOn: '2026-06-08', closesOn: '2026-06-19' },
  },
  {
    title: 'Survei Pulse November 2026',
    templateId: 'pulse',
    share: 0.82,
    lift: 0.35,
    window: { opensOn: '2026-11-09', closesOn: '2026-11-20' },
  },
  { title: 'Survei Sumber Tekanan Kerja 2026', templateId: 'work-pressure', share: 0.42, lift: 0.35, window: null },
];

/**
 * `loop`, when given, closes the loop between the pulse waves (docs/surveys.md#the-loop): the
 * June wave's actions are entered once it closes, and the November wave asks about them.
 */
export async function insertDemoSurveys(
  deps: DemoLoadDeps,
  surveys: SurveyService,
  loop?: SurveyActionsModule,
): Promise<number> {
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  const inTwoWeeks = new Date(now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
  let answers = 0;
  const runners = await demoSurveyRunners(deps.db);
  const seen = new Set<string>();
  for (const runner of runners) {
    if (seen.has(runner.agency_id)) continue;
    seen.add(runner.agency_id);
    const actor: Actor = {
      personId: runner.person_id,
      agencyId: runner.agency_id,
      grants: [{ role: 'wellbeing_admin', unitId: null }],
    };
    const origin: AuditOrigin = {
      agencyId: runner.agency_id,
      actorId: runner.person_id,
      actorRole: 'wellbeing_admin',
      requestId: null,
    };
    const random = new SeededRandom(20261204 + seen.size);
    // Each unit's climate: most fine, a few under strain, fixed across waves so that they compare.
    const mood = new Map<string, number>();
    const previousOf = new Map<string, string>();
    for (const wave of WAVES) {
      // An earlier wave of the same template is what a wave compares with.
      const previousId = previousOf.get(wave.templateId) ?? null;
      const created = await surveys.create(
        actor,
        {
          title: wave.title,
          templateId: wave.templateId,
          variant: 'administration',
          unitIds: [runner.root_unit_id],
          opensOn: today,
          closesOn: inTwoWeeks,
          previousSurveyId: previousId,
        },
        origin,
      );
      const definition =
        previousId && loop
          ? await withFollowUp(surveys, loop, actor, created)
          : (created.definition as SurveyDefinition);
      await surveys.open(actor, created.id, origin);
      for (const member of await demoSurveyMembers(deps.db, created.id)) {
        if (!mood.has(member.unit_id)) mood.set(member.unit_id, random.chance(0.25) ? -0.9 : random.next() * 0.8);
        if (wave.window === null && member.nip === DOCUMENTED_EMPLOYEE_NIP) continue;
        if (!random.chance(wave.share)) continue;
        const tilt = (mood.get(member.unit_id) ?? 0) + wave.lift;
        const member_: Actor = { personId: member.person_id, agencyId: runner.agency_id, grants: [] };
        await surveys.answer(member_, created.id, answersFor(definition, tilt, random));
        answers += 1;
      }
      if (wave.window) {
        await surveys.close(actor, created.id, origin);
        await backdateDemoSurvey(deps.db, created.id, wave.window);
        previousOf.set(wave.templateId, created.id);
        const followed = WAVES.some((w) => w !== wave && w.templateId === wave.templateId && w.window);
        if (loop && followed && !previousId)
          await insertJuneActions(deps, loop, {
            id: created.id,
            agency_id: runner.agency_id,
            created_by: runner.person_id,
          });
      }
    }
  }
  return answers;
}

/** The draft with the follow-up section the builder would add, saved as the admin would save it. */
async function withFollowUp(
  surveys: SurveyService,
  loop: SurveyActionsModule,
  actor: Actor,
  draft: SurveyDetail,
): Promise<SurveyDefinition> {
  const { section } = await loop.followUp.section(actor, draft.id);
  const base = draft.definition as SurveyDefinition;
  if (!section) return base;
  const definition = withFollowUpSection(base, section as Section);
  await surveys.update(actor, draft.id, {
    title: draft.title,
    unitIds: draft.units.map((u) => u.id),
    opensOn: draft.opensOn,
    closesOn: draft.closesOn,
    previousSurveyId: draft.previousSurveyId,
    definition: definition as SurveyUpdateBody['definition'],
  });
  return definition;
}

/** One person's answers: agreement around the unit's climate, a few skipped, now and then a comment. */
function answersFor(def: SurveyDefinition, tilt: number, random: SeededRandom): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const q of questionsOf(def)) {
    if (!q.required && q.kind !== 'text' && random.chance(0.05)) continue;
    const value = answerTo(q, tilt, random);
    if (value !== undefined) answers[q.id] = value;
  }
  return answers;
}

function answerTo(q: Question, tilt: number, random: SeededRandom): AnswerValue | undefined {
  // A rough bell around "agree" shifted by the unit's climate: the sum of two uniform draws.
  const lean = Math.max(0, Math.min(1, 0.55 + tilt * 0.25 + (random.next() + random.next() - 1) * 0.45));
  switch (q.kind) {
    case 'likert': {
      const point = 1 + Math.round(lean * (q.points - 1));
      return q.reverse ? q.points + 1 - point : point;
    }
    case 'scale':
      return Math.round(lean * 10);
    case 'single':
      return random.pick(q.options).id;
    case 'multiple': {
      const most = Math.min(q.maxChoices ?? 2, 2, q.options.length);
      const picked = new Set<string>();
      for (let i = 0; i < random.int(1, most); i += 1) picked.add(random.pick(q.options).id);
      return [...picked];
    }
    case 'text':
      return random.chance(0.18) ? random.pick(COMMENTS).slice(0, q.maxLength) : undefined;
  }
}
