import type { Kysely } from 'kysely';
import {
  MAX_BLOCKS_PER_DAY,
  MAX_OPEN_TASKS,
  type BlockCreateBody,
  type BlockView,
  type DayPlan,
  type ReviewBody,
  type ReviewList,
  type ReviewView,
  type TaskCreateBody,
  type TaskList,
  type TaskPatchBody,
  type TaskView,
} from '../../../contracts/planner.js';
import type { Database } from '../../../db/schema.js';
import { workingDayOn } from '../../../domain/planner/working-day.js';
import { weekStartOf } from '../../../domain/self-care/habit-week.js';
import type { Clock } from '../../clock.js';
import type { KeyRing } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { AppError, FieldValidationError } from '../../http/errors.js';
import { isUniqueViolation } from '../../plugins/error-handler.js';
import type { BoundaryService } from '../boundaries/index.js';
import {
  deletePlannerBefore,
  deletePlannerOf,
  countPlannerOf,
  allOwnBlocks,
  allOwnTasks,
  countOpenTasks,
  deleteOwnBlock,
  deleteOwnTask,
  findBlockAnyOwner,
  findOwnReview,
  findOwnTask,
  findTaskAnyOwner,
  insertBlock,
  insertTask,
  listOwnBlocks,
  listOwnReviews,
  listOwnTasks,
  updateOwnTask,
  upsertReview,
  type BlockRow,
  type ReviewRow,
  type TaskRow,
} from './planner.repository.js';

type Me = SessionState['person'];

/** Done tasks stay in the matrix for two weeks (enough for the weekly review), then leave the list. */
const DONE_SHOWN_DAYS = 14;
/** The history of weekly reviews shows a year. */
const REVIEW_HISTORY = 52;

const taskNotFound = () => new AppError(404, 'task_not_found');
const blockNotFound = () => new AppError(404, 'block_not_found');

/**
 * The person's time management (contracts/planner.ts; docs/decisions/035-self-care-and-plan.md):
 * tasks, day-planner blocks and weekly reviews. Only their owner reads or changes them; every query
 * is keyed by the signed-in person and their agency (docs/privacy.md §1.1). What the person writes is
 * sealed at rest. Nothing is audited: there is no read by anyone else to record.
 */
export class PlannerService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      keys: KeyRing;
      boundaries: Pick<BoundaryService, 'policyOf'>;
    },
  ) {}

  async tasks(me: Me): Promise<TaskList> {
    const since = new Date(this.deps.clock.now().getTime() - DONE_SHOWN_DAYS * 86_400_000).toISOString();
    const rows = await listOwnTasks(this.deps.db, me.id, me.agencyId, since);
    return { tasks: rows.map((r) => this.presentTask(r)) };
  }

  /** Adds a task under the client's id; a retry finds its own task and stores nothing. */
  async createTask(me: Me, body: TaskCreateBody): Promise<{ created: boolean; view: TaskView }> {
    const { db, clock, keys } = this.deps;
    const existing = await findTaskAnyOwner(db, body.id);
    if (existing) return { created: false, view: this.presentTask(this.own(me, existing, taskNotFound)) };
    try {
      return await db.transaction().execute(async (trx) => {
        if ((await countOpenTasks(trx, me.id, me.agencyId)) >= MAX_OPEN_TASKS)
          throw new AppError(422, 'too_many_tasks', { max: MAX_OPEN_TASKS });
        const now = clock.now().toISOString();
        const row: TaskRow = {
          id: body.id,
          person_id: me.id,
          agency_id: me.agencyId,
          title_enc: keys.encrypt(body.title),
          quadrant: body.quadrant,
          due_on: body.dueOn,
          done_at: null,
          created_at: now,
          updated_at: now,
        };
        await insertTask(trx, row);
        return { created: true, view: this.presentTask(row) };
      });
    } catch (err) {
      if (!isUniqueViolation(err as { code?: unknown })) throw err;
      const raced = await findTaskAnyOwner(db, body.id);
      if (!raced) throw err;
      return { created: false, view: this.presentTask(this.own(me, raced, taskNotFound)) };
    }
  }

  /** Moves, renames, re-dates or (un)does a task; sending the same change again changes nothing more. */
  async patchTask(me: Me, id: string, body: TaskPatchBody): Promise<TaskView> {
    const { db, clock, keys } = this.deps;
    const current = await findOwnTask(db, me.id, me.agencyId, id);
    if (!current) throw taskNotFound();
    const now = clock.now().toISOString();
    await updateOwnTask(db, me.id, me.agencyId, id, {
      ...(body.title !== undefined ? { title_enc: keys.encrypt(body.title) } : {}),
      ...(body.quadrant !== undefined ? { quadrant: body.quadrant } : {}),
      ...(body.dueOn !== undefined ? { due_on: body.dueOn } : {}),
      // A retried "done" keeps the first moment it was done.
      ...(body.done !== undefined ? { done_at: body.done ? (current.done_at ?? now) : null } : {}),
      updated_at: now,
    });
    const row = await findOwnTask(db, me.id, me.agencyId, id);
    if (!row) throw taskNotFound();
    return this.presentTask(row);
  }

  async deleteTask(me: Me, id: string): Promise<void> {
    if ((await deleteOwnTask(this.deps.db, me.id, me.agencyId, id)) === 0) throw taskNotFound();
  }

  async day(me: Me, day: string): Promise<DayPlan> {
    const rows = await listOwnBlocks(this.deps.db, me.id, me.agencyId, day);
    const { hours, off, holiday, ramadan, personal } = workingDayOn(day, await this.deps.boundaries.policyOf(me.id));
    return { day, blocks: rows.map((r) => this.presentBlock(r)), working: { hours, off, holiday, ramadan, personal } };
  }

  async addBlock(me: Me, body: BlockCreateBody): Promise<{ created: boolean; view: BlockView }> {
    const { db, clock, keys } = this.deps;
    const existing = await findBlockAnyOwner(db, body.id);
    if (existing) return { created: false, view: this.presentBlock(this.own(me, existing, blockNotFound)) };
    try {
      return await db.transaction().execute(async (trx) => {
        if ((await listOwnBlocks(trx, me.id, me.agencyId, body.day)).length >= MAX_BLOCKS_PER_DAY)
          throw new FieldValidationError([
            { path: 'day', key: 'plan.too_many_blocks', params: { max: MAX_BLOCKS_PER_DAY } },
          ]);
        const row: BlockRow = {
          id: body.id,
          person_id: me.id,
          agency_id: me.agencyId,
          day: body.day,
          start_time: body.start,
          end_time: body.end,
          kind: body.kind,
          title_enc: body.title ? keys.encrypt(body.title) : null,
          created_at: clock.now().toISOString(),
        };
        await insertBlock(trx, row);
        return { created: true, view: this.presentBlock(row) };
      });
    } catch (err) {
      if (!isUniqueViolation(err as { code?: unknown })) throw err;
      const raced = await findBlockAnyOwner(db, body.id);
      if (!raced) throw err;
      return { created: false, view: this.presentBlock(this.own(me, raced, blockNotFound)) };
    }
  }

  async deleteBlock(me: Me, id: string): Promise<void> {
    if ((await deleteOwnBlock(this.deps.db, me.id, me.agencyId, id)) === 0) throw blockNotFound();
  }

  async reviews(me: Me): Promise<ReviewList> {
    const rows = await listOwnReviews(this.deps.db, me.id, me.agencyId, REVIEW_HISTORY);
    return { reviews: rows.map((r) => this.presentReview(r)) };
  }

  /** Saves the review of the week that starts on `week` (a Monday); saving again replaces it. */
  async saveReview(me: Me, week: string, body: ReviewBody): Promise<ReviewView> {
    const { db, clock, keys } = this.deps;
    if (weekStartOf(week) !== week) throw new FieldValidationError([{ path: 'week', key: 'plan.week_not_monday' }]);
    const now = clock.now().toISOString();
    const content = JSON.stringify({ done: body.done, slipped: body.slipped, learned: body.learned, top: body.top });
    await upsertReview(db, {
      person_id: me.id,
      agency_id: me.agencyId,
      week,
      review_enc: keys.encrypt(content),
      created_at: now,
      updated_at: now,
    });
    const row = await findOwnReview(db, me.id, me.agencyId, week);
    if (!row) throw new AppError(404, 'review_not_found');
    return this.presentReview(row);
  }

  /** Every task, block and review of the person, opened, for their own copy (My data, UU PDP art. 7). */
  async ownCopy(db: Kysely<Database>, me: { id: string; agencyId: string }) {
    const [tasks, blocks, reviews] = await Promise.all([
      allOwnTasks(db, me.id, me.agencyId),
      allOwnBlocks(db, me.id, me.agencyId),
      listOwnReviews(db, me.id, me.agencyId, 10_000),
    ]);
    return {
      tasks: tasks.map((r) => this.presentTask(r)),
      blocks: blocks.map((r) => this.presentBlock(r)),
      reviews: reviews.map((r) => this.presentReview(r)),
    };
  }

  /** A row found by id is returned only to its owner; anyone else gets the same 404 as a missing id. */
  private own<T extends { person_id: string; agency_id: string }>(me: Me, row: T, notFound: () => AppError): T {
    if (row.person_id !== me.id || row.agency_id !== me.agencyId) throw notFound();
    return row;
  }

  private presentTask(row: TaskRow): TaskView {
    return {
      id: row.id,
      title: this.deps.keys.decrypt(row.title_enc),
      quadrant: row.quadrant as TaskView['quadrant'],
      dueOn: row.due_on,
      doneAt: row.done_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  private presentBlock(row: BlockRow): BlockView {
    return {
      id: row.id,
      day: row.day,
      start: row.start_time,
      end: row.end_time,
      kind: row.kind as BlockView['kind'],
      title: row.title_enc ? this.deps.keys.decrypt(row.title_enc) : null,
    };
  }

  private presentReview(row: ReviewRow): ReviewView {
    const content = JSON.parse(this.deps.keys.decrypt(row.review_enc)) as Omit<ReviewView, 'week' | 'updatedAt'>;
    return { week: row.week, ...content, updatedAt: row.updated_at };
  }

  /* The owner's reads and changes for My data (their transaction as `db`). */

  /** The retention schedule: erases the agency's finished tasks, past blocks and past reviews before the cutoff. */
  eraseBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
    return deletePlannerBefore(db, agencyId, cutoff);
  }

  /** How many tasks, day blocks and weekly reviews the person keeps. */
  countOwn(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
    return countPlannerOf(db, personId, agencyId);
  }

  /** Erases the person's tasks, day blocks and weekly reviews; answers how many. */
  eraseOwn(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
    return deletePlannerOf(db, personId, agencyId);
  }
}
