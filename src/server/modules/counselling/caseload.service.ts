import type { Kysely } from 'kysely';
import type { CaseloadItem, CaseloadList, CaseloadQuery } from '../../../contracts/counselling.js';
import type { Database } from '../../../db/schema.js';
import type { Mode } from '../../../domain/booking/slots.js';
import {
  ACTIVE_WINDOW_DAYS,
  compareCaseload,
  isActiveClient,
  matchesName,
} from '../../../domain/counselling/caseload.js';
import { localDateOf } from '../../../domain/schedule/zoned-time.js';
import type { Clock } from '../../clock.js';
import type { SessionState } from '../../http/context.js';
import type { AssessmentService } from '../assessments/index.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { BookingService } from '../booking/index.js';
import type { ConsentService } from '../consent/index.js';
import type { OrgDirectory } from '../org/index.js';
import type { ReferralService } from '../referrals/index.js';
import type { ReturnToWorkService } from '../return-to-work/index.js';

type Me = SessionState['person'];

/** Rows grouped by a key, each group in the rows' order (Node 20 has no `Map.groupBy`). */
function byKey<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * The counsellor's caseload (docs/decisions/047-caseload.md): every client the counsellor relates
 * to — an appointment between them, whatever its status, or a result shared and not revoked, the
 * same relation that opens the client's record (decision 042) — each with a summary of that record.
 *
 * A fixed number of reads whatever the caseload's size, one per source keyed by the counsellor
 * (appointments twice: totals and the sessions ahead; shares; consents; referrals; return-to-work
 * plans; the clients' names), each through the module that owns the table. The read is audited per
 * client shown (`booking.caseload_viewed`, which the client's access log lists), in the read's own
 * transaction: no audit, no answer.
 */
export class CaseloadService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      audit: AuditService;
      directory: OrgDirectory;
      booking: Pick<BookingService, 'caseloadOf'>;
      assessments: Pick<AssessmentService, 'sharedSummariesFor'>;
      consents: Pick<ConsentService, 'activeKindsByClient'>;
      referrals: Pick<ReferralService, 'openByClient'>;
      returnToWork: Pick<ReturnToWorkService, 'planStatesByClient'>;
    },
  ) {}

  async list(me: Me, query: CaseloadQuery, origin: AuditOrigin): Promise<CaseloadList> {
    const { db, clock, audit, directory, booking, assessments, consents, referrals, returnToWork } = this.deps;
    const now = clock.now();
    const timeZone = (await directory.unit(me.unitId))?.time_zone ?? 'Asia/Jakarta';
    const today = localDateOf(now, timeZone);
    return db.transaction().execute(async (trx) => {
      const { totals, ahead } = await booking.caseloadOf(trx, me.agencyId, me.id, now);
      const shares = await assessments.sharedSummariesFor(trx, me.agencyId, me.id);
      // The relation: anyone with an appointment, or a share in force; never the counsellor themself.
      const ids = [...new Set([...totals.map((t) => t.client_id), ...shares.map((s) => s.person_id)])].filter(
        (id) => id !== me.id,
      );
      if (ids.length === 0) return { items: [], total: 0, activeWindowDays: ACTIVE_WINDOW_DAYS, timeZone };
      const names = await directory.namesOf(me.agencyId, ids, trx);
      const kinds = await consents.activeKindsByClient(me.agencyId, me.id, trx);
      const openReferrals = await referrals.openByClient(trx, me.agencyId, me.id, today);
      const plans = await returnToWork.planStatesByClient(trx, me.agencyId, me.id);

      const totalsBy = new Map(totals.map((t) => [t.client_id, t]));
      const aheadBy = byKey(ahead, (a) => a.client_id);
      const sharesBy = byKey(shares, (s) => s.person_id);

      const rows = ids.flatMap((id) => {
        const name = names.get(id);
        // Someone no longer in the directory of this agency has no record to open.
        if (name === undefined) return [];
        const t = totalsBy.get(id);
        const upcoming = aheadBy.get(id) ?? [];
        const next = upcoming[0] ?? null;
        const shared = sharesBy.get(id) ?? [];
        const latest = shared[0] ?? null;
        const item: CaseloadItem = {
          client: { id, fullName: name },
          active: isActiveClient({ nextStart: next?.start_utc ?? null, lastSeen: t?.last_seen ?? null }, now),
          nextAppointment: next
            ? {
                id: next.id,
                start: next.start_utc,
                end: next.end_utc,
                mode: next.mode as Mode,
                status: 'booked',
                confirmed: next.confirmed_at !== null,
              }
            : null,
          toConfirm: upcoming.filter((a) => a.confirmed_at === null).length,
          lastSessionAt: t?.last_held ?? null,
          sessionsHeld: Number(t?.held ?? 0),
          noShows: Number(t?.no_shows ?? 0),
          shared: {
            count: shared.length,
            latest: latest
              ? { instrumentId: latest.instrument_id, band: latest.band, takenAt: latest.created_at }
              : null,
          },
          consents: kinds.get(id) ?? [],
          referral: openReferrals.get(id) ?? null,
          returnPlan: plans.get(id) ?? null,
        };
        return [
          {
            item,
            order: {
              nextStart: next?.start_utc ?? null,
              lastSeen: t?.last_seen ?? null,
              lastHeld: t?.last_held ?? null,
              name,
            },
          },
        ];
      });
      const shown = rows
        .filter((r) => (query.filter === 'all' || r.item.active) && matchesName(r.order.name, query.q))
        .sort((a, b) => compareCaseload(a.order, b.order))
        .map((r) => r.item);
      if (shown.length > 0)
        await audit.recordMany(
          shown.map((r) => ({
            ...origin,
            action: 'booking.caseload_viewed' as const,
            subjectId: r.client.id,
            resourceType: 'client_record',
            resourceId: r.client.id,
            purpose: 'counselling',
            details: { filter: query.filter },
          })),
          trx,
        );
      return { items: shown, total: rows.length, activeWindowDays: ACTIVE_WINDOW_DAYS, timeZone };
    });
  }
}
