import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Clock } from '../../clock.js';
import { notFound } from '../../http/errors.js';
import { insertNotificationOnce, insertNotifications, type NewNotification } from './notifications.repository.js';

/** How many notifications the bell shows; older ones stay in the table until retention removes them. */
const LATEST = 50;

/** A person's in-app notifications: their own only, every query keyed by their id. */
export class NotificationService {
  constructor(private readonly deps: { db: Kysely<Database>; clock: Clock }) {}

  /**
   * Adds in-app notifications for other modules, inside their transaction (`db` may be a transaction);
   * a notification whose dedupe key exists is skipped.
   */
  async add(db: Kysely<Database>, rows: NewNotification[]): Promise<void> {
    await insertNotifications(db, rows, this.deps.clock.now().toISOString());
  }

  /** Adds one notification unless its dedupe key exists; says whether it was added. */
  async addOnce(db: Kysely<Database>, row: NewNotification & { dedupeKey: string }): Promise<boolean> {
    return insertNotificationOnce(db, row, this.deps.clock.now().toISOString());
  }

  /** The latest notifications, newest first, and how many are unread in all. */
  async list(personId: string) {
    const { db } = this.deps;
    const [rows, unread] = await Promise.all([
      db
        .selectFrom('notifications')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(LATEST)
        .execute(),
      db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', '=', personId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        payload: JSON.parse(r.payload) as Record<string, unknown>,
        createdAt: r.created_at,
        readAt: r.read_at,
      })),
      unread: Number(unread.n),
    };
  }

  /** Marks one of my notifications read; someone else's does not exist for me. */
  async markRead(personId: string, id: string): Promise<void> {
    const { db, clock } = this.deps;
    const row = await db
      .selectFrom('notifications')
      .select(['id', 'read_at'])
      .where('id', '=', id)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (!row) throw notFound();
    if (row.read_at) return;
    await db
      .updateTable('notifications')
      .set({ read_at: clock.now().toISOString() })
      .where('id', '=', id)
      .where('person_id', '=', personId)
      .execute();
  }

  async markAllRead(personId: string): Promise<void> {
    const { db, clock } = this.deps;
    await db
      .updateTable('notifications')
      .set({ read_at: clock.now().toISOString() })
      .where('person_id', '=', personId)
      .where('read_at', 'is', null)
      .execute();
  }
}
