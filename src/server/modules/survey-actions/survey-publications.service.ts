import type { Kysely } from 'kysely';
import type {
  MyPublication,
  PublicationAdminView,
  PublicationBody,
  UnpublishBody,
} from '../../../contracts/survey-actions.js';
import { SURVEY_TOTAL_NODE } from '../../../contracts/survey-actions.js';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import {
  cellKey,
  copyFigures,
  defaultSelection,
  type PublishedFigure,
} from '../../../domain/survey-actions/publication.js';
import type { Clock } from '../../clock.js';
import { conflict, FieldValidationError, notFound } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { OrgDirectory } from '../org/index.js';
import { type PublicationMessenger } from './publication-messages.js';
import { presentFollowUpAction, presentStaffAction } from './survey-actions.presenter.js';
import {
  findActions,
  findMemberUnit,
  findNotes,
  findPublication,
  findPublishedForMember,
  findSurveyFacts,
  savePublication,
  type PublicationRow,
  type SurveyFacts,
} from './survey-actions.repository.js';
import { frozenTree, managedSurvey, nodeCovers, storedCells, themesOf, type ManagedSurvey } from './survey-access.js';
import { SurveyFollowUp } from './survey-follow-up.service.js';
import type { FollowUpFigures } from '../../../domain/survey-actions/follow-up.js';

export interface SurveyActionDeps {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  directory: OrgDirectory;
  messenger: PublicationMessenger;
}

/**
 * "What we heard / what we will do" (docs/decisions/051-survey-publication-and-actions.md): the
 * wellbeing admin writes a summary and chooses figures of a closed survey's stored results; when
 * published, the chosen figures are copied from those stored cells and every frozen member is
 * told once. Members read it; nobody else of the agency does.
 */
export class SurveyPublicationService {
  private readonly followUp: SurveyFollowUp;

  constructor(private readonly deps: SurveyActionDeps) {
    this.followUp = new SurveyFollowUp(deps);
  }

  async adminView(actor: Actor, surveyId: string): Promise<PublicationAdminView> {
    const survey = await managedSurvey(this.deps.db, this.deps.directory, actor, surveyId);
    const cells = await storedCells(this.deps.db, survey.facts);
    const row = await findPublication(this.deps.db, surveyId);
    const followUp = await this.followUp.forNextWave(this.deps.db, survey.facts, survey.unitNames);
    return {
      surveyId,
      title: survey.facts.title,
      status: row?.status ?? 'none',
      summary: row?.summary ?? '',
      selected: row ? (JSON.parse(row.selected) as string[]) : defaultSelection(cells),
      publishedAt: row?.published_at ?? null,
      updatedAt: row?.updated_at ?? null,
      unpublishedReason: row?.unpublished_reason ?? null,
      audience: {
        members: survey.facts.member_count,
        units: survey.targetUnitIds.map((id) => survey.unitNames.get(id) ?? ''),
      },
      themes: survey.themes,
      cells: cells.map((c) => ({
        nodeId: c.nodeId,
        unitName: c.nodeId === SURVEY_TOTAL_NODE ? '' : (survey.unitNames.get(c.nodeId) ?? ''),
        depth: c.depth,
        themeId: c.themeId,
        favourableShare: c.favourableShare,
        score: c.score,
        served: c.served,
      })),
      followUp,
    };
  }

  /**
   * Saves the summary and the chosen cells. While a draft (or taken down) that is all; while
   * published the copy staff read is replaced at once — new figures, new words — without
   * notifying anyone again.
   */
  async save(
    actor: Actor,
    surveyId: string,
    body: PublicationBody,
    origin: AuditOrigin,
  ): Promise<PublicationAdminView> {
    const survey = await managedSurvey(this.deps.db, this.deps.directory, actor, surveyId);
    const figures = await this.copy(this.deps.db, survey, body.figures);
    const followUp = await this.followUpFigures(survey);
    await this.deps.db.transaction().execute(async (trx) => {
      const existing = await findPublication(trx, surveyId);
      const published = existing?.status === 'published';
      await this.write(trx, actor, survey, existing, {
        status: existing?.status ?? 'draft',
        summary: body.summary,
        selected: body.figures,
        figures: published ? figures : parsed<PublishedFigure[]>(existing?.figures),
        followUp: published ? followUp : parsed<FollowUpFigures[]>(existing?.follow_up),
      });
      if (published)
        await this.deps.audit.record(
          { ...origin, action: 'survey.publication_updated', resourceType: 'survey', resourceId: surveyId },
          trx,
        );
    });
    return this.adminView(actor, surveyId);
  }

  /** Publishes the saved draft: figures copied now, every member told once (in their working hours). */
  async publish(actor: Actor, surveyId: string, origin: AuditOrigin): Promise<PublicationAdminView> {
    const survey = await managedSurvey(this.deps.db, this.deps.directory, actor, surveyId);
    await this.deps.db.transaction().execute(async (trx) => {
      const existing = await findPublication(trx, surveyId);
      if (!existing) throw conflict('survey_publication_missing');
      if (existing.status === 'published') throw conflict('survey_already_published');
      const selected = JSON.parse(existing.selected) as string[];
      const figures = await this.copy(trx, survey, selected);
      await this.write(trx, actor, survey, existing, {
        status: 'published',
        summary: existing.summary,
        selected,
        figures,
        followUp: await this.followUpFigures(survey, trx),
        publishedAt: this.deps.clock.now().toISOString(),
      });
      const notified = await this.deps.messenger.queue(trx, surveyId, actor.agencyId, this.deps.clock.now());
      await this.deps.audit.record(
        {
          ...origin,
          action: 'survey.published',
          resourceType: 'survey',
          resourceId: surveyId,
          details: { figures: figures.length, members: notified },
        },
        trx,
      );
    });
    return this.adminView(actor, surveyId);
  }

  /** Takes a publication down, with a reason kept in the audit log; staff no longer see it. */
  async unpublish(
    actor: Actor,
    surveyId: string,
    body: UnpublishBody,
    origin: AuditOrigin,
  ): Promise<PublicationAdminView> {
    const survey = await managedSurvey(this.deps.db, this.deps.directory, actor, surveyId);
    await this.deps.db.transaction().execute(async (trx) => {
      const existing = await findPublication(trx, surveyId);
      if (existing?.status !== 'published') throw conflict('survey_not_published');
      await this.write(trx, actor, survey, existing, {
        status: 'unpublished',
        summary: existing.summary,
        selected: JSON.parse(existing.selected) as string[],
        figures: parsed<PublishedFigure[]>(existing.figures),
        followUp: parsed<FollowUpFigures[]>(existing.follow_up),
        unpublishedReason: body.reason,
      });
      await this.deps.audit.record(
        {
          ...origin,
          action: 'survey.unpublished',
          resourceType: 'survey',
          resourceId: surveyId,
          details: { reason: body.reason },
        },
        trx,
      );
    });
    return this.adminView(actor, surveyId);
  }

  // ── The staff's side ──────────────────────────────────────────────────────────────────────

  /** The published results of the surveys I was asked. */
  async mine(actor: Actor) {
    const rows = await findPublishedForMember(this.deps.db, actor.agencyId, actor.personId);
    return {
      items: rows.map((r) => ({
        surveyId: r.survey_id,
        title: r.title,
        publishedAt: r.published_at ?? r.updated_at,
        updatedAt: r.updated_at,
      })),
    };
  }

  /**
   * One publication for a member of its survey: 404 for anyone else (another agency, someone not
   * asked, a publication taken down), the same as one that does not exist.
   */
  async mineOne(actor: Actor, surveyId: string): Promise<MyPublication> {
    const { db } = this.deps;
    const facts = await findSurveyFacts(db, actor.agencyId, surveyId);
    const row = facts && (await findPublication(db, surveyId));
    const memberUnit = row?.status === 'published' ? await findMemberUnit(db, surveyId, actor.personId) : undefined;
    if (!facts || !row || memberUnit === undefined) throw notFound();
    const units = await this.deps.directory.unitsOf(actor.agencyId, db);
    const names = new Map(units.map((u) => [u.id, u.name]));
    const themes = themesOf(facts);
    const figures = JSON.parse(row.figures ?? '[]') as PublishedFigure[];
    const frozen = frozenTree(facts);
    const actions = (await findActions(db, actor.agencyId, { surveyId, publishedOnly: true })).filter((a) =>
      nodeCovers(frozen, a.node_id, memberUnit),
    );
    const [notes, laterWord, followUp] = await Promise.all([
      findNotes(
        db,
        actions.map((a) => a.id),
      ),
      this.followUp.publishedForActions(db, actor.agencyId, surveyId),
      this.publishedFollowUp(db, facts, row, names),
    ]);
    return {
      surveyId,
      title: facts.title,
      summary: row.summary,
      publishedAt: row.published_at ?? row.updated_at,
      updatedAt: row.updated_at,
      themes,
      rows: staffRows(figures, themes, names),
      actions: actions.map((a) => presentStaffAction(a, themes, names, notes, laterWord.get(a.id) ?? null)),
      followUp,
    };
  }

  /** The loop's figures as copied when this wave was published, beside the earlier actions still shared. */
  private async publishedFollowUp(
    db: Kysely<Database>,
    facts: SurveyFacts,
    row: PublicationRow,
    names: ReadonlyMap<string, string>,
  ): Promise<MyPublication['followUp']> {
    const copied = parsed<FollowUpFigures[]>(row.follow_up) ?? [];
    const previous = facts.previous_survey_id && (await findSurveyFacts(db, facts.agency_id, facts.previous_survey_id));
    if (!previous || copied.length === 0) return null;
    const actions = new Map(
      (await findActions(db, facts.agency_id, { surveyId: previous.id, publishedOnly: true })).map((a) => [a.id, a]),
    );
    const themes = themesOf(previous);
    const items = copied.flatMap((figures) => {
      const action = actions.get(figures.actionId);
      return action ? [{ action: presentFollowUpAction(action, themes, names), figures }] : [];
    });
    return items.length > 0 ? { previousTitle: previous.title, items } : null;
  }

  /** The loop's figures to copy into this publication (figures only; the actions are read live). */
  private async followUpFigures(
    survey: ManagedSurvey,
    db: Kysely<Database> = this.deps.db,
  ): Promise<FollowUpFigures[] | null> {
    return (await this.followUp.forNextWave(db, survey.facts, survey.unitNames))?.items.map((i) => i.figures) ?? null;
  }

  /** The chosen cells' stored figures; a withheld or unknown cell refuses the whole choice (422). */
  private async copy(
    db: Kysely<Database>,
    survey: ManagedSurvey,
    selected: readonly string[],
  ): Promise<PublishedFigure[]> {
    const outcome = copyFigures(await storedCells(db, survey.facts), selected);
    if (outcome.ok) return outcome.figures;
    throw new FieldValidationError(
      [
        ...outcome.withheld.map(() => ({ path: 'figures', key: 'survey_actions.figure_withheld' })),
        ...outcome.unknown.map(() => ({ path: 'figures', key: 'survey_actions.figure_unknown' })),
      ].slice(0, 1),
    );
  }

  private async write(
    trx: Kysely<Database>,
    actor: Actor,
    survey: ManagedSurvey,
    existing: PublicationRow | undefined,
    next: {
      status: PublicationRow['status'];
      summary: string;
      selected: readonly string[];
      figures: PublishedFigure[] | null;
      followUp: FollowUpFigures[] | null;
      publishedAt?: string;
      unpublishedReason?: string;
    },
  ): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    await savePublication(trx, {
      survey_id: survey.facts.id,
      agency_id: survey.facts.agency_id,
      status: next.status,
      summary: next.summary,
      selected: JSON.stringify(next.selected),
      figures: next.figures ? JSON.stringify(next.figures) : null,
      follow_up: next.followUp ? JSON.stringify(next.followUp) : null,
      published_at: next.publishedAt ?? existing?.published_at ?? null,
      unpublished_reason: next.status === 'unpublished' ? (next.unpublishedReason ?? null) : null,
      updated_by: actor.personId,
      created_at: existing?.created_at ?? now,
      updated_at: now,
    });
  }
}

/**
 * The rows staff read: the whole survey with every theme ("—" where nothing is published), then
 * each unit with at least one published figure, every theme again.
 */
function staffRows(
  figures: readonly PublishedFigure[],
  themes: ReadonlyArray<{ id: string }>,
  names: ReadonlyMap<string, string>,
): MyPublication['rows'] {
  const byCell = new Map(figures.map((f) => [cellKey(f.nodeId, f.themeId), f]));
  const none = { value: null, withheld: null };
  const nodes = [SURVEY_TOTAL_NODE, ...new Set(figures.map((f) => f.nodeId).filter((n) => n !== SURVEY_TOTAL_NODE))];
  return nodes.map((nodeId) => ({
    nodeId,
    unitName: nodeId === SURVEY_TOTAL_NODE ? '' : (names.get(nodeId) ?? ''),
    themes: themes.map((t) => {
      const f = byCell.get(cellKey(nodeId, t.id));
      return { themeId: t.id, favourableShare: f?.favourableShare ?? none, score: f?.score ?? none };
    }),
  }));
}

const parsed = <T>(json: string | null | undefined): T | null => (json ? (JSON.parse(json) as T) : null);
