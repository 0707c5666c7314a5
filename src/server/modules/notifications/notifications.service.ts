import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { isHoldableNotification } from '../../../domain/boundaries/messages.js';
import type { Clock } from '../../clock.js';
import type { HoldGate } from '../boundaries/index.js';
import { notFound } from '../../http/errors.js';
import {
  countUnreadOf,
  findLatestOf,
  findOwnNotification,
  insertNotificationOnce,
  insertNotifications,
  markRead,
  type NewNotification,
} from './notifications.repository.js';
import { eraseNotificationsBefore } from './retention.repository.js';

/** How many notifications the bell shows; older ones stay in the table until retention removes them. */
const LATEST = 50;

/** A person's in-app notifications: their own only, every query keyed by their id. */
export class NotificationService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      /** The work-hour boundaries gate (docs/boundaries.md); without it nothing is held. */
      boundaries?: HoldGate;
    },
  ) {}

  /**
   * Adds in-app notifications for other modules, inside their transaction (`db` may be a transaction);
   * a notification whose dedupe key exists is skipped. A routine one (a campaign invitation or
   * reminder) created outside its person's hours is stored held until their next allowed moment;
   * crisis, security and deadline notices never are (src/domain/boundaries/messages.ts).
   */
  async add(db: Kysely<Database>, rows: NewNotification[]): Promise<void> {
    const now = this.deps.clock.now();
    await insertNotifications(db, await this.withHolds(db, rows, now), now.toISOString());
  }

  /** Adds one notification unless its dedupe key exists; says whether it was added. */
  async addOnce(db: Kysely<Database>, row: NewNotification & { dedupeKey: string }): Promise<boolean> {
    const now = this.deps.clock.now();
    const [held] = await this.withHolds(db, [row], now);
    return insertNotificationOnce(db, { ...row, heldUntil: held?.heldUntil ?? null }, now.toISOString());
  }

  /** The one place a notification is held: each routine row gets its person's next allowed moment. */
  private async withHolds(db: Kysely<Database>, rows: NewNotification[], now: Date): Promise<NewNotification[]> {
    const gate = this.deps.boundaries;
    const holdable = rows.filter((r) => isHoldableNotification(r.kind));
    if (!gate || holdable.length === 0) return rows;
    const until = await gate.holdUntil(
      db,
      holdable.map((r) => r.personId),
      now,
    );
    return rows.map((r) => {
      const at = isHoldableNotification(r.kind) ? until.get(r.personId) : null;
      return at ? { ...r, heldUntil: at.toISOString() } : r;
    });
  }

  /**
   * The latest notifications, newest first, and how many are unread in all. A held one is listed
   * with the moment it is held until (the person may look; it is not counted as new until then).
   */
  async list(personId: string) {
    const { db } = this.deps;
    const now = this.deps.clock.now().toISOString();
    const [rows, unread] = await Promise.all([findLatestOf(db, personId, LATEST), countUnreadOf(db, personId, now)]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        payload: JSON.parse(r.payload) as Record<string, unknown>,
        createdAt: r.created_at,
        readAt: r.read_at,
        heldUntil: r.held_until && r.held_until > now ? r.held_until : null,
      })),
      unread,
    };
  }

  /** Marks one of my notifications read; someone else's does not exist for me. */
  async markRead(personId: string, id: string): Promise<void> {
    const { db, clock } = this.deps;
    const row = await findOwnNotification(db, personId, id);
    if (!row) throw notFound();
    if (row.read_at) return;
    await markRead(db, personId, clock.now().toISOString(), id);
  }

  async markAllRead(personId: string): Promise<void> {
    const { db, clock } = this.deps;
    await markRead(db, personId, clock.now().toISOString());
  }

  /** The retention schedule: erases the agency's notifications created before `cutoff` (in `db`, its transaction). */
  eraseOlderThan(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
    return eraseNotificationsBefore(db, agencyId, cutoff);
  }
}
