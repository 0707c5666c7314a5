import type { Kysely } from 'kysely';
import type { ClientTimeline, MeasureSeries } from '../../../contracts/consent.js';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import { INSTRUMENTS } from '../../../domain/instruments/catalog.js';
import {
  CLINICAL_CUT_OFF,
  MBC_INSTRUMENTS,
  RELIABLE_CHANGE_POINTS,
  changeBetween,
  reliableChange,
  type MbcInstrument,
} from '../../../domain/instruments/reliable-change.js';
import { weeklyCheckIns } from '../../../domain/consent/weekly-check-ins.js';
import type { Clock } from '../../clock.js';
import { notFound } from '../../http/errors.js';
import type { AssessmentService } from '../assessments/index.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { BookingService } from '../booking/index.js';
import type { CheckInService } from '../check-ins/index.js';
import type { OrgDirectory } from '../org/index.js';
import type { ConsentService } from './consent.service.js';

/** How many weeks of check-ins the weekly line covers. */
export const CHECK_IN_WEEKS = 12;

type ResultLike = { instrument_id: string; total: number | null; band: string | null; created_at: string };

/** PHQ-9 and GAD-7 totals over time, each point with its change from the previous, and first → latest. */
export function measureSeries(results: readonly ResultLike[]): MeasureSeries[] {
  return MBC_INSTRUMENTS.map((instrument: MbcInstrument) => {
    const rows = results
      .filter((r) => r.instrument_id === instrument && r.total !== null)
      .sort((a, b) => a.created_at.localeCompare(b.created_at));
    const points = rows.map((r, i) => {
      const prev = rows[i - 1];
      const total = r.total as number;
      return {
        at: r.created_at,
        total,
        band: r.band,
        step: prev
          ? { delta: total - (prev.total as number), change: reliableChange(instrument, prev.total as number, total) }
          : null,
      };
    });
    const first = points[0];
    const latest = points[points.length - 1];
    const range = INSTRUMENTS[instrument].totalRange;
    return {
      instrument,
      min: range?.min ?? 0,
      max: range?.max ?? 0,
      cutOff: CLINICAL_CUT_OFF[instrument],
      reliableChangePoints: RELIABLE_CHANGE_POINTS[instrument],
      points,
      overall: first && latest && points.length > 1 ? changeBetween(instrument, first.total, latest.total) : null,
    };
  });
}

/**
 * The client's record for their counsellor (docs/decisions/042-counselling-consent.md): the
 * appointments between them, the results shared with this counsellor, and — only while the client's
 * consent of that kind holds, checked on this very request — PHQ-9/GAD-7 over time and a weekly
 * check-in line. Reached only by a counsellor the client relates to (an appointment, a share in
 * force, or a notes-transfer consent naming them in force — decision 050); anyone else, and any other id, is a 404 that reads nothing out. Every read is audited with
 * the client as subject, in the same transaction, so it shows in the client's access log.
 */
export class TimelineService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      audit: AuditService;
      directory: OrgDirectory;
      booking: BookingService;
      assessments: AssessmentService;
      checkIns: CheckInService;
      consents: ConsentService;
    },
  ) {}

  async timeline(actor: Actor, clientId: string, origin: AuditOrigin): Promise<ClientTimeline> {
    const { db, clock, audit, directory, booking, assessments, checkIns, consents } = this.deps;
    const agencyId = actor.agencyId;
    const counsellorId = actor.personId;
    if (clientId === counsellorId) throw notFound();
    const client = await directory.person(agencyId, clientId);
    if (!client) throw notFound();
    const unit = await directory.unit(client.unit_id);
    return db.transaction().execute(async (trx) => {
      const appointments = await booking.betweenClientAndCounsellor(trx, agencyId, clientId, counsellorId);
      const shares = (await assessments.ownShares(trx, clientId, agencyId)).filter(
        (s) => s.counsellor_id === counsellorId && !s.revoked_at,
      );
      // A client moving to a new counsellor may hand them their notes before a first appointment:
      // while that consent holds, the recipient relates to the client (docs/decisions/050-notes-transfer.md).
      if (appointments.length === 0 && shares.length === 0) {
        const transfers = await consents.transfersTo(agencyId, clientId, counsellorId, trx);
        if (transfers.length === 0) throw notFound();
      }
      const active = await consents.activeBetween(agencyId, clientId, counsellorId, trx);
      const allows = (kind: string) => active.some((c) => c.kind === kind);
      const results = await assessments.ownResults(trx, clientId);
      const byId = new Map(results.map((r) => [r.id, r]));
      const shared = shares.flatMap((s) => {
        const r = byId.get(s.result_id);
        return r
          ? [
              {
                shareId: s.id,
                instrumentId: r.instrument_id,
                total: r.total,
                band: r.band,
                takenAt: r.created_at,
                sharedAt: s.granted_at,
              },
            ]
          : [];
      });
      let checkInWeeks: ClientTimeline['checkInWeeks'] = null;
      if (allows('check_in_trends')) {
        const rows = await checkIns.ownCheckIns(trx, clientId, agencyId);
        const zone = unit?.time_zone ?? 'Asia/Jakarta';
        const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(clock.now());
        checkInWeeks = weeklyCheckIns(
          rows.map((r) => ({ localDate: r.local_date, mood: r.mood, energy: r.energy })),
          today,
          CHECK_IN_WEEKS,
        );
      }
      const measures = allows('shared_results') ? measureSeries(results) : null;
      await audit.record(
        {
          ...origin,
          action: 'timeline.viewed',
          subjectId: clientId,
          resourceType: 'client_record',
          resourceId: clientId,
          purpose: 'counselling',
          details: { measures: measures !== null, checkIns: checkInWeeks !== null },
        },
        trx,
      );
      return {
        client: { id: client.id, fullName: client.full_name, unitName: unit?.name ?? null },
        consents: active,
        appointments,
        shared,
        measures,
        checkInWeeks,
      };
    });
  }
}
