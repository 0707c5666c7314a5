import type { i18n } from 'i18next';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  alertView,
  breachCreateBody,
  breachDetail,
  breachUpdateBody,
  breachView,
  processingFields,
  processingView,
  retentionList,
} from '../../../contracts/dpo.js';
import type { Database, BreachesTable } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import {
  DENIED_READS_THRESHOLD,
  DENIED_READS_WINDOW_MINUTES,
  EXPORTS_THRESHOLD,
  EXPORTS_WINDOW_HOURS,
  isBurst,
  windowBucket,
} from '../../../domain/privacy-office/alert-rules.js';
import { breachClock } from '../../../domain/privacy-office/breach-clock.js';
import {
  DEFAULT_PROCESSING_RECORDS,
  PROCESSING_CLASSES,
  type ProcessingClass,
} from '../../../domain/privacy-office/processing-records.js';
import {
  AUDIT_LOG_RETENTION_DAYS,
  isWithinBounds,
  RETENTION_CLASSES,
  RETENTION_RULES,
  retentionCutoff,
  RETENTION_LEGAL_BASIS,
  type RetentionClass,
} from '../../../domain/privacy-office/retention.js';
import { formatDateTime, formatNumber } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/locales.js';
import { translatorFor } from '../../../i18n/translator.js';
import type { Clock } from '../../clock.js';
import { newId } from '../../crypto.js';
import { FieldValidationError, notFound } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { OrgDirectory } from '../org/index.js';
import { enqueueJob, type JobRunner } from '../jobs/index.js';
import { acknowledgeAlert, alertExists, insertAlert, listAlerts } from './alerts.repository.js';
import {
  countDeniedReads,
  countExportsByActor,
  deleteDeniedReadsBefore,
  findBreach,
  insertBreach,
  insertDeniedRead,
  insertProcessingRecords,
  insertRetentionRun,
  listBreaches,
  listProcessingRecords,
  listRetentionPolicies,
  listRetentionRuns,
  updateBreach,
  updateProcessingRecord,
  upsertRetentionPolicy,
} from './dpo.repository.js';

export const RETENTION_JOB = 'dpo.retention';

/** Erases an agency's rows of one class older than `cutoff` (in the run's transaction); answers how many. */
export type RetentionEraser = (db: Kysely<Database>, agencyId: string, cutoff: string, at: string) => Promise<number>;

/** The owners' erasers, one per retained class other than the DPO's own denied reads. */
export type RetentionErasers = Record<Exclude<RetentionClass, 'denied_reads'>, RetentionEraser>;

type AlertView = z.infer<typeof alertView>;
type BreachView = z.infer<typeof breachView>;
type BreachDetail = z.infer<typeof breachDetail>;

/**
 * The data-protection officer's console (docs/decisions/012-separation-of-duties.md; UU PDP art. 53). Every use case reads or writes
 * metadata only: grant events, counts of denied reads and exports, registers and schedules. No
 * method here touches a health value, and the DPO role holds no permission that does.
 */
export class DpoService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      audit: AuditService;
      i18n: i18n;
      directory: OrgDirectory;
      /** Each retained class's owner erases its rows past their time (wired in services.ts). */
      erasers: RetentionErasers;
    },
  ) {}

  /** The nightly retention job (durable, once a day across instances) and the export check. */
  registerJobs(jobs: JobRunner): void {
    jobs.register(RETENTION_JOB, async () => void (await this.runRetention()));
    jobs.every({
      name: 'schedule-retention',
      everyMs: 60 * 60_000,
      // The next night's run, queued ahead: the dedupe key (its date) keeps a second instance, or
      // the next hour's check, from queueing it twice.
      run: async () => {
        const now = this.deps.clock.now();
        const at = nextRetentionRun(now);
        await enqueueJob(
          this.deps.db,
          { kind: RETENTION_JOB, payload: {}, runAt: at, dedupeKey: `retention:${at.toISOString().slice(0, 10)}` },
          now,
        );
      },
    });
    jobs.every({ name: 'check-exports', everyMs: 15 * 60_000, run: async () => void (await this.checkExports()) });
  }

  /* -------------------------------------------------------------- alerts */

  /** Records one denied read by id and raises an alert when the person's reads pass the threshold. */
  async recordDeniedRead(actor: Actor, route: string, status: number): Promise<void> {
    const { db, clock } = this.deps;
    const now = clock.now();
    const windowMs = DENIED_READS_WINDOW_MINUTES * 60_000;
    await insertDeniedRead(db, {
      agencyId: actor.agencyId,
      actorId: actor.personId,
      route,
      status,
      at: now.toISOString(),
    });
    const count = await countDeniedReads(
      db,
      actor.agencyId,
      actor.personId,
      new Date(now.getTime() - windowMs).toISOString(),
    );
    if (isBurst(count, DENIED_READS_THRESHOLD)) {
      await insertAlert(
        db,
        {
          agencyId: actor.agencyId,
          kind: 'denied_reads',
          personId: actor.personId,
          details: { count, windowMinutes: DENIED_READS_WINDOW_MINUTES },
          dedupeKey: `denied_reads:${actor.personId}:${windowBucket(now, windowMs)}`,
        },
        now.toISOString(),
      );
    }
  }

  /** Raises an alert for each person with many exports in the last day (counted from the audit log). */
  async checkExports(): Promise<number> {
    const { db, clock } = this.deps;
    const now = clock.now();
    const windowMs = EXPORTS_WINDOW_HOURS * 3600_000;
    const heavy = await countExportsByActor(db, new Date(now.getTime() - windowMs).toISOString(), EXPORTS_THRESHOLD);
    for (const h of heavy) {
      await insertAlert(
        db,
        {
          agencyId: h.agencyId,
          kind: 'exports',
          personId: h.actorId,
          details: { count: h.count, windowHours: EXPORTS_WINDOW_HOURS },
          dedupeKey: `exports:${h.actorId}:${windowBucket(now, windowMs)}`,
        },
        now.toISOString(),
      );
    }
    return heavy.length;
  }

  async alerts(actor: Actor, status: 'open' | 'acknowledged' | 'all'): Promise<AlertView[]> {
    const rows = await listAlerts(this.deps.db, actor.agencyId, status === 'all' ? undefined : status === 'open');
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as AlertView['kind'],
      personId: r.person_id,
      personName: r.person_name,
      details: JSON.parse(r.details) as AlertView['details'],
      createdAt: r.created_at,
      acknowledgedAt: r.acknowledged_at,
      acknowledgedByName: r.acknowledged_by_name,
    }));
  }

  async acknowledge(actor: Actor, id: string, origin: AuditOrigin): Promise<void> {
    const { db, clock, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      if (!(await alertExists(trx, actor.agencyId, id))) throw notFound();
      if ((await acknowledgeAlert(trx, actor.agencyId, id, actor.personId, clock.now().toISOString())) === 0) return;
      await audit.record(
        { ...origin, action: 'dpo.alert_acknowledged', resourceType: 'dpo_alert', resourceId: id },
        trx,
      );
    });
  }

  /* -------------------------------------------------------------- record of processing */

  /** The agency's record of processing activities; the defaults are written on first read. */
  async processing(actor: Actor): Promise<Array<z.infer<typeof processingView>>> {
    const { db, clock } = this.deps;
    let rows = await listProcessingRecords(db, actor.agencyId);
    if (rows.length < PROCESSING_CLASSES.length) {
      const have = new Set(rows.map((r) => r.data_class));
      const now = clock.now().toISOString();
      await insertProcessingRecords(
        db,
        PROCESSING_CLASSES.filter((c) => !have.has(c)).map((c) => {
          const d = DEFAULT_PROCESSING_RECORDS[c];
          return {
            id: newId(),
            agency_id: actor.agencyId,
            data_class: c,
            purpose: d.purpose,
            legal_basis: d.legalBasis,
            data_subjects: d.dataSubjects,
            recipients: d.recipients,
            retention: d.retention,
            security_measures: d.securityMeasures,
            updated_by: null,
            updated_at: now,
          };
        }),
      );
      rows = await listProcessingRecords(db, actor.agencyId);
    }
    const order = (c: string) => PROCESSING_CLASSES.indexOf(c as ProcessingClass);
    return rows
      .sort((a, b) => order(a.data_class) - order(b.data_class))
      .map((r) => ({
        dataClass: r.data_class as ProcessingClass,
        purpose: r.purpose,
        legalBasis: r.legal_basis,
        dataSubjects: r.data_subjects,
        recipients: r.recipients,
        retention: r.retention,
        securityMeasures: r.security_measures,
        updatedAt: r.updated_at,
      }));
  }

  async updateProcessing(
    actor: Actor,
    dataClass: ProcessingClass,
    input: z.infer<typeof processingFields>,
    origin: AuditOrigin,
  ) {
    const { db, clock, audit } = this.deps;
    await this.processing(actor);
    await db.transaction().execute(async (trx) => {
      await updateProcessingRecord(trx, actor.agencyId, dataClass, {
        purpose: input.purpose,
        legal_basis: input.legalBasis,
        data_subjects: input.dataSubjects,
        recipients: input.recipients,
        retention: input.retention,
        security_measures: input.securityMeasures,
        updated_by: actor.personId,
        updated_at: clock.now().toISOString(),
      });
      await audit.record(
        {
          ...origin,
          action: 'dpo.processing_activity_updated',
          resourceType: 'processing_activity',
          details: { dataClass },
        },
        trx,
      );
    });
    return (await this.processing(actor)).find((r) => r.dataClass === dataClass) as z.infer<typeof processingView>;
  }

  /* -------------------------------------------------------------- breaches */

  async breaches(actor: Actor): Promise<BreachView[]> {
    const now = this.deps.clock.now();
    return (await listBreaches(this.deps.db, actor.agencyId)).map((b) => presentBreach(b, now));
  }

  async breach(actor: Actor, id: string): Promise<BreachDetail> {
    const { db, clock } = this.deps;
    const row = await findBreach(db, actor.agencyId, id);
    if (!row) throw notFound();
    const agency = await this.deps.directory.agencyOrThrow(actor.agencyId, db);
    return {
      ...presentBreach(row, clock.now()),
      notices: { id: this.notices(row, agency, 'id'), en: this.notices(row, agency, 'en') },
    };
  }

  async recordBreach(
    actor: Actor,
    input: z.infer<typeof breachCreateBody>,
    origin: AuditOrigin,
  ): Promise<BreachDetail> {
    const { db, clock, audit } = this.deps;
    const now = clock.now();
    const discovered = new Date(input.discoveredAt);
    if (discovered.getTime() > now.getTime() + 60_000)
      throw new FieldValidationError([{ path: 'discoveredAt', key: 'date_in_future' }]);
    if (input.occurredAt && new Date(input.occurredAt) > discovered)
      throw new FieldValidationError([{ path: 'occurredAt', key: 'occurred_after_discovery' }]);
    const id = newId();
    await db.transaction().execute(async (trx) => {
      await insertBreach(trx, {
        id,
        agency_id: actor.agencyId,
        title: input.title,
        data_classes: JSON.stringify(input.dataClasses),
        discovered_at: discovered.toISOString(),
        occurred_at: input.occurredAt ? new Date(input.occurredAt).toISOString() : null,
        how_found: input.howFound,
        description: input.description,
        affected_count: input.affectedCount,
        handling: input.handling,
        contact: input.contact,
        subjects_notified_at: null,
        authority_notified_at: null,
        closed_at: null,
        created_by: actor.personId,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await audit.record(
        {
          ...origin,
          action: 'dpo.breach_recorded',
          resourceType: 'breach',
          resourceId: id,
          details: { affectedCount: input.affectedCount },
        },
        trx,
      );
    });
    return this.breach(actor, id);
  }

  async updateBreach(
    actor: Actor,
    id: string,
    input: z.infer<typeof breachUpdateBody>,
    origin: AuditOrigin,
  ): Promise<BreachDetail> {
    const { db, clock, audit } = this.deps;
    const now = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      const row = await findBreach(trx, actor.agencyId, id);
      if (!row) throw notFound();
      const patch: Partial<BreachesTable> = { updated_at: now };
      if (input.handling !== undefined) patch.handling = input.handling;
      if (input.affectedCount !== undefined) patch.affected_count = input.affectedCount;
      if (input.subjectsNotifiedAt !== undefined)
        patch.subjects_notified_at = input.subjectsNotifiedAt ? new Date(input.subjectsNotifiedAt).toISOString() : null;
      if (input.authorityNotifiedAt !== undefined)
        patch.authority_notified_at = input.authorityNotifiedAt
          ? new Date(input.authorityNotifiedAt).toISOString()
          : null;
      if (input.closed !== undefined) patch.closed_at = input.closed ? (row.closed_at ?? now) : null;
      await updateBreach(trx, actor.agencyId, id, patch);
      await audit.record(
        {
          ...origin,
          action: 'dpo.breach_updated',
          resourceType: 'breach',
          resourceId: id,
          details: { fields: Object.keys(input).join(',') },
        },
        trx,
      );
    });
    return this.breach(actor, id);
  }

  /** The notices for the people affected and for the PDP authority, filled from the record. */
  private notices(b: BreachesTable, agency: { name: string; time_zone: string }, locale: Locale) {
    const t = translatorFor(this.deps.i18n, locale);
    const classes = (JSON.parse(b.data_classes) as string[]).map((c) => t(`dpo.classes.${c}`)).join(', ');
    const params = {
      agency: agency.name,
      title: b.title,
      dataClasses: classes,
      discovered: formatDateTime(b.discovered_at, locale, agency.time_zone),
      occurred: b.occurred_at ? formatDateTime(b.occurred_at, locale, agency.time_zone) : t('dpo.notices.unknown_time'),
      howFound: b.how_found,
      description: b.description,
      affected: formatNumber(b.affected_count, locale),
      handling: b.handling,
      contact: b.contact,
      deadline: formatDateTime(
        breachClock(new Date(b.discovered_at), new Date(b.discovered_at), { subjectsAt: null, authorityAt: null })
          .deadline,
        locale,
        agency.time_zone,
      ),
    };
    return {
      subjects: { subject: t('dpo.notices.subjects.subject', params), body: t('dpo.notices.subjects.body', params) },
      authority: { subject: t('dpo.notices.authority.subject', params), body: t('dpo.notices.authority.body', params) },
    };
  }

  /* -------------------------------------------------------------- retention */

  async retention(actor: Actor): Promise<z.infer<typeof retentionList>> {
    const { db } = this.deps;
    const set = new Map((await listRetentionPolicies(db, actor.agencyId)).map((p) => [p.data_class, p.days]));
    const runs = await listRetentionRuns(db, actor.agencyId);
    return {
      items: RETENTION_CLASSES.map((c) => ({
        dataClass: c,
        days: set.get(c) ?? RETENTION_RULES[c].days,
        minDays: RETENTION_RULES[c].minDays,
        maxDays: RETENTION_RULES[c].maxDays,
        isDefault: !set.has(c),
        legalBasis: RETENTION_LEGAL_BASIS[c],
      })),
      auditLogDays: AUDIT_LOG_RETENTION_DAYS,
      runs: runs.map((r) => ({ id: r.id, ranAt: r.ran_at, counts: JSON.parse(r.counts) as Record<string, number> })),
    };
  }

  async setRetention(actor: Actor, dataClass: RetentionClass, days: number, origin: AuditOrigin) {
    const { db, clock, audit } = this.deps;
    const rule = RETENTION_RULES[dataClass];
    if (!isWithinBounds(dataClass, days)) {
      throw new FieldValidationError(
        [{ path: 'days', key: 'retention_days', params: { min: rule.minDays, max: rule.maxDays } }],
        'retention_out_of_bounds',
      );
    }
    await db.transaction().execute(async (trx) => {
      await upsertRetentionPolicy(trx, {
        agency_id: actor.agencyId,
        data_class: dataClass,
        days,
        updated_by: actor.personId,
        updated_at: clock.now().toISOString(),
      });
      await audit.record(
        { ...origin, action: 'dpo.retention_updated', resourceType: 'retention_policy', details: { dataClass, days } },
        trx,
      );
    });
    return this.retention(actor);
  }

  /** Deletes every agency's data past its retention, recording counts per class (the nightly job). */
  async runRetention(): Promise<Array<{ agencyId: string; counts: Record<string, number> }>> {
    const { db, clock, audit } = this.deps;
    const now = clock.now();
    const out: Array<{ agencyId: string; counts: Record<string, number> }> = [];
    for (const { id: agencyId } of await this.deps.directory.agencies(db)) {
      const set = new Map((await listRetentionPolicies(db, agencyId)).map((p) => [p.data_class, p.days]));
      const counts: Record<string, number> = {};
      await db.transaction().execute(async (trx) => {
        for (const c of RETENTION_CLASSES) {
          counts[c] = await this.erasePast(
            trx,
            agencyId,
            c,
            retentionCutoff(now, set.get(c) ?? RETENTION_RULES[c].days).toISOString(),
            now.toISOString(),
          );
        }
        await insertRetentionRun(trx, agencyId, counts, now.toISOString());
        await audit.record(
          { agencyId, actorId: null, actorRole: null, requestId: null, action: 'dpo.retention_run', details: counts },
          trx,
        );
      });
      out.push({ agencyId, counts });
    }
    return out;
  }

  /**
   * Deletes the agency's rows of one class older than `cutoff`; answers how many went. Each class
   * is erased by its owner: results through the assessments' own erasure (shares end; consent
   * records stay as proof but no longer name the result), requests for help through help's.
   */
  private erasePast(
    db: Kysely<Database>,
    agencyId: string,
    dataClass: RetentionClass,
    cutoff: string,
    at: string,
  ): Promise<number> {
    if (dataClass === 'denied_reads') return deleteDeniedReadsBefore(db, agencyId, cutoff);
    return this.deps.erasers[dataClass](db, agencyId, cutoff, at);
  }
}

/** 02:00 WIB (19:00 UTC), the quiet hour of the night in western Indonesia: the next one after `now`. */
export function nextRetentionRun(now: Date): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 19, 0, 0));
  if (at.getTime() <= now.getTime()) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

function presentBreach(b: BreachesTable, now: Date): BreachView {
  return {
    id: b.id,
    title: b.title,
    dataClasses: JSON.parse(b.data_classes) as BreachView['dataClasses'],
    discoveredAt: b.discovered_at,
    occurredAt: b.occurred_at,
    howFound: b.how_found,
    description: b.description,
    affectedCount: b.affected_count,
    handling: b.handling,
    contact: b.contact,
    subjectsNotifiedAt: b.subjects_notified_at,
    authorityNotifiedAt: b.authority_notified_at,
    closedAt: b.closed_at,
    createdAt: b.created_at,
    clock: breachClock(new Date(b.discovered_at), now, {
      subjectsAt: b.subjects_notified_at ? new Date(b.subjects_notified_at) : null,
      authorityAt: b.authority_notified_at ? new Date(b.authority_notified_at) : null,
    }),
  };
}
