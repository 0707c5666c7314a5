import type { Kysely } from 'kysely';
import type { SurveyProgress } from '../../../contracts/surveys.js';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import {
  campaignFigures,
  campaignPublication,
  type CampaignUnit,
  type OwnCounts,
} from '../../../domain/anonymity/campaign-table.js';
import { thresholdOf } from '../../../domain/anonymity/threshold.js';
import type { ShownHistory } from '../../../domain/anonymity/time-differencing.js';
import { unitScopeOf } from '../../../domain/access/permissions.js';
import type { SurveyDeps } from './surveys.service.js';
import {
  countAnswered,
  countParticipationByUnit,
  findSurveyById,
  readProgress,
  saveProgress,
  type SurveyRow,
} from './surveys.repository.js';

/**
 * Response rates of an open survey (docs/surveys.md#response-rates): how many have answered per
 * unit of the frozen tree, under the same rules as every count (A1–A5, through the campaigns'
 * suppression), and published only when at least k more have answered since the last
 * publication (A7), so that no one can watch a count tick up as a colleague submits.
 */
interface Published {
  publishedAt: string;
  /** Everyone who had answered at this publication. */
  answered: number;
  own: Record<string, { members: number; answered: number }>;
  timeWithheld: string[];
  history: ShownHistory;
}

export class SurveyProgressService {
  constructor(private readonly deps: Pick<SurveyDeps, 'db' | 'clock' | 'directory'>) {}

  /** At opening: nobody has answered yet; the members per unit are public. */
  async publishFirst(db: Kysely<Database>, surveyId: string, now: Date): Promise<void> {
    await this.publish(db, surveyId, now, { history: {} });
  }

  /** Republishes when k more have answered since the last publication; returns whether it did. */
  async publishIfDue(db: Kysely<Database>, survey: SurveyRow, now: Date): Promise<boolean> {
    const last = published(survey);
    const answered = await countAnswered(db, survey.id);
    if (last && answered - last.answered < thresholdOf(survey.threshold)) return false;
    await this.publish(db, survey.id, now, { history: last?.history ?? {} });
    return true;
  }

  /** The viewer's figures from the last publication (refreshed first if due). */
  async read(actor: Actor, survey: SurveyRow, unitNames: ReadonlyMap<string, string>): Promise<SurveyProgress> {
    const { db, clock } = this.deps;
    if (survey.status === 'open' && (await this.publishIfDue(db, survey, clock.now()))) {
      survey = { ...survey, progress: (await readProgress(db, survey.id)) ?? survey.progress };
    }
    const last = published(survey);
    const units = frozenUnits(survey);
    if (!last || units.length === 0) throw new Error(`survey ${survey.id} has no published progress`);
    const figures = campaignFigures({
      units,
      own: ownCounts(last),
      instruments: [],
      threshold: thresholdOf(survey.threshold),
      scope: unitScopeOf(actor, 'manage:survey:unit'),
      timeWithheld: last.timeWithheld,
    });
    return {
      surveyId: survey.id,
      threshold: thresholdOf(survey.threshold),
      publishedAt: last.publishedAt,
      memberCount: survey.member_count,
      answered: figures.total.value,
      units: figures.rows.map((r) => ({
        unitId: r.unitId,
        unitName: unitNames.get(r.unitId) ?? '',
        parentId: r.parentId,
        depth: r.depth,
        members: r.invited,
        answered: r.participated.value,
      })),
    };
  }

  private async publish(db: Kysely<Database>, surveyId: string, now: Date, prior: { history: ShownHistory }) {
    const survey = await findSurveyById(db, surveyId);
    if (!survey) throw new Error(`survey ${surveyId} not found`);
    const rows = await countParticipationByUnit(db, surveyId);
    const own = Object.fromEntries(rows.map((r) => [r.unitId, { members: r.members, answered: r.answered }]));
    const base = { publishedAt: now.toISOString(), answered: rows.reduce((s, r) => s + r.answered, 0), own };
    const { timeWithheld, history } = campaignPublication({
      units: frozenUnits(survey),
      own: ownCounts({ ...base, timeWithheld: [], history: {} }),
      instruments: [],
      threshold: thresholdOf(survey.threshold),
      history: prior.history,
    });
    const payload: Published = { ...base, timeWithheld, history };
    await saveProgress(db, surveyId, JSON.stringify(payload));
  }
}

function published(survey: Pick<SurveyRow, 'progress'>): Published | null {
  return survey.progress ? (JSON.parse(survey.progress) as Published) : null;
}

export function frozenUnits(survey: Pick<SurveyRow, 'units'>): CampaignUnit[] {
  return survey.units ? (JSON.parse(survey.units) as CampaignUnit[]) : [];
}

function ownCounts(p: Published): Map<string, OwnCounts> {
  return new Map(
    Object.entries(p.own).map(([unitId, c]) => [
      unitId,
      { invited: c.members, participated: c.answered, instruments: {} },
    ]),
  );
}
