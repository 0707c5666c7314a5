import type { Kysely } from 'kysely';
import type {
  ApprovalBody,
  CounsellorReferralBody,
  CounsellorReferralList,
  CounsellorReferralView,
  ReferralClients,
  ReferralList,
  ReferralScore,
  ReferralView,
  ScoreChoices,
  SelfReferralBody,
  StatusBody,
} from '../../../contracts/referrals.js';
import type { Database } from '../../../db/schema.js';
import { INSTRUMENTS } from '../../../domain/instruments/catalog.js';
import type { InstrumentId } from '../../../domain/instruments/types.js';
import { validateNip, type EmploymentType } from '../../../domain/org/nip.js';
import {
  canMove,
  expiresOn,
  expiresSoon,
  expiryOf,
  isOpen,
  type Expiry,
  type LetterField,
  type PreparedBy,
  type ReferralStatus,
} from '../../../domain/referrals/referrals.js';
import { localDateOf } from '../../../domain/schedule/zoned-time.js';
import type { Locale } from '../../../i18n/locales.js';
import { translatorFor } from '../../../i18n/translator.js';
import type { i18n } from 'i18next';
import type { Clock } from '../../clock.js';
import { newId, type KeyRing } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { isUniqueViolation } from '../../plugins/error-handler.js';
import { openResult, type AssessmentService } from '../assessments/index.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { BookingService } from '../booking/index.js';
import { bandLabelOf } from '../instruments/index.js';
import type { OrgDirectory } from '../org/index.js';
import {
  allOfClient,
  countOfClient,
  deleteExpiredBefore,
  deleteOfClient,
  findByAuthorKey,
  findReferral,
  insertReferral,
  listOfAuthor,
  listOfClient,
  openOfAuthor,
  updateReferral,
  type NamedReferralRow,
} from './referrals.repository.js';
import { presentCounsellorReferral, presentOwnReferral, type Opened } from './referrals.presenter.js';
import { renderLetter, type LetterModel } from './referral-letter-pdf.js';

type Me = SessionState['person'];

const notFound = () => new AppError(404, 'referral_not_found');
const split = (v: string): string[] => (v === '' ? [] : v.split(','));

/** When each status was reached, for the row. */
const STAMP: Partial<Record<ReferralStatus, 'given_at' | 'visited_at' | 'closed_at' | 'cancelled_at'>> = {
  given: 'given_at',
  visited: 'visited_at',
  closed: 'closed_at',
  cancelled: 'cancelled_at',
};

/**
 * Referrals on the BPJS path (docs/decisions/044-referrals.md). A referral belongs to its client and,
 * when a counsellor prepared it, to that counsellor: every read is keyed by the agency and one of
 * those two, and any other id is a 404 that reads nothing out. The words for the receiving clinician,
 * the BPJS number and the chosen scores are sealed with the key ring; the letter prints only the
 * fields the client approved. A counsellor's every read of a client's referral is audited with the
 * client as subject.
 */
export class ReferralService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      keys: KeyRing;
      i18n: i18n;
      audit: AuditService;
      directory: OrgDirectory;
      booking: Pick<BookingService, 'isClientOf' | 'clientsOf' | 'kindOf'>;
      assessments: Pick<AssessmentService, 'ownResults'>;
    },
  ) {}

  private async zoneOf(unitId: string): Promise<string> {
    return (await this.deps.directory.unit(unitId))?.time_zone ?? 'Asia/Jakarta';
  }

  private open(row: NamedReferralRow): Opened {
    const { keys } = this.deps;
    return {
      destinationName: row.destination_name_enc ? keys.decrypt(row.destination_name_enc) : null,
      reason: row.reason_enc ? keys.decrypt(row.reason_enc) : null,
      bpjsNumber: row.bpjs_number_enc ? keys.decrypt(row.bpjs_number_enc) : null,
      scores: row.scores_enc ? (JSON.parse(keys.decrypt(row.scores_enc)) as ReferralScore[]) : [],
    };
  }

  /** The person's birth date as their NIP carries it (PNS and PPPK); null without a valid NIP. */
  private async birthDateOf(agencyId: string, personId: string, db: Kysely<Database> = this.deps.db) {
    const person = await this.deps.directory.person(agencyId, personId, db);
    if (!person?.nip) return null;
    const parsed = validateNip(person.nip, person.employment_type as EmploymentType, this.deps.clock.now());
    return parsed.ok ? parsed.value.birthDate : null;
  }

  // --- Scores the client may choose -------------------------------------------------------------------

  /** The client's latest result of each instrument that has a total, newest first. */
  async scoreChoices(me: Me): Promise<ScoreChoices> {
    const rows = await this.deps.assessments.ownResults(this.deps.db, me.id);
    const seen = new Set<string>();
    const items: ScoreChoices['items'] = [];
    for (const row of rows) {
      if (seen.has(row.instrument_id) || row.agency_id !== me.agencyId) continue;
      const result = openResult(this.deps.keys, row);
      if (result.total === null) continue;
      seen.add(row.instrument_id);
      items.push({ id: row.id, ...this.scoreOf(row.instrument_id, result.total, result.band, row.created_at, 'id') });
    }
    return { items };
  }

  private scoreOf(instrumentId: string, total: number | null, band: string | null, at: string, locale: Locale) {
    const d = INSTRUMENTS[instrumentId as InstrumentId];
    return { instrumentId, total, bandLabel: d ? bandLabelOf(d, band, locale) : null, takenAt: at };
  }

  /** The chosen results as they stand now, sealed; an id that is not the client's own is a 422. */
  private async sealScores(me: Me, ids: readonly string[], db: Kysely<Database>): Promise<string | null> {
    if (ids.length === 0) return null;
    const rows = await this.deps.assessments.ownResults(db, me.id);
    const chosen = [...new Set(ids)].map((id) => rows.find((r) => r.id === id && r.agency_id === me.agencyId));
    if (chosen.some((r) => !r)) throw new AppError(422, 'referral_score_not_found');
    const scores = chosen.map((r) => {
      const result = openResult(this.deps.keys, r!);
      return this.scoreOf(r!.instrument_id, result.total, result.band, r!.created_at, 'id');
    });
    return this.deps.keys.encrypt(JSON.stringify(scores));
  }

  // --- Creating -------------------------------------------------------------------------------------

  private async storeNew(
    me: Me,
    key: string,
    row: {
      clientId: string;
      preparedBy: PreparedBy;
      destinationLevel: string;
      destinationName: string | null | undefined;
      reason: string | null | undefined;
      bpjsNumber: string | null | undefined;
      scoresEnc: string | null;
      approvedFields: readonly LetterField[] | null;
      clientUnitId: string;
    },
    after?: (trx: Kysely<Database>, id: string) => Promise<void>,
  ): Promise<{ created: boolean; id: string }> {
    const { db, clock, keys } = this.deps;
    const now = clock.now();
    const issuedOn = localDateOf(now, await this.zoneOf(row.clientUnitId));
    const id = newId();
    try {
      await db.transaction().execute(async (trx) => {
        await insertReferral(trx, {
          id,
          agency_id: me.agencyId,
          client_id: row.clientId,
          author_id: me.id,
          prepared_by: row.preparedBy,
          destination_level: row.destinationLevel,
          destination_name_enc: row.destinationName ? keys.encrypt(row.destinationName) : null,
          reason_enc: row.reason ? keys.encrypt(row.reason) : null,
          bpjs_number_enc: row.bpjsNumber ? keys.encrypt(row.bpjsNumber) : null,
          scores_enc: row.scoresEnc,
          approved_fields: row.approvedFields ? [...new Set(row.approvedFields)].join(',') : '',
          approved_at: row.approvedFields ? now.toISOString() : null,
          status: 'prepared',
          issued_on: issuedOn,
          expires_on: expiresOn(issuedOn),
          given_at: null,
          visited_at: null,
          closed_at: null,
          cancelled_at: null,
          client_key: key,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        });
        if (after) await after(trx, id);
      });
    } catch (err) {
      if (!isUniqueViolation(err as { code?: unknown })) throw err;
      const raced = await findByAuthorKey(db, me.id, key);
      if (!raced) throw err;
      return { created: false, id: raced.id };
    }
    return { created: true, id };
  }

  /** The client writes a letter for themself, to their FKTP; what they tick is approved at once. */
  async createSelf(me: Me, body: SelfReferralBody, key: string): Promise<{ created: boolean; view: ReferralView }> {
    const retried = await findByAuthorKey(this.deps.db, me.id, key);
    if (retried) return { created: false, view: await this.ownView(me, retried.id) };
    const scoresEnc = await this.sealScores(me, body.scoreIds, this.deps.db);
    const { created, id } = await this.storeNew(me, key, {
      clientId: me.id,
      preparedBy: 'client',
      destinationLevel: body.destinationLevel,
      destinationName: body.destinationName,
      reason: body.reason,
      bpjsNumber: body.bpjsNumber,
      scoresEnc,
      approvedFields: body.approvedFields,
      clientUnitId: me.unitId,
    });
    return { created, view: await this.ownView(me, id) };
  }

  /** A counsellor prepares a letter for a client of theirs; nothing prints until the client approves. */
  async createByCounsellor(
    me: Me,
    body: CounsellorReferralBody,
    key: string,
    origin: AuditOrigin,
  ): Promise<{ created: boolean; view: CounsellorReferralView }> {
    const { db, audit, directory, booking } = this.deps;
    const retried = await findByAuthorKey(db, me.id, key);
    if (retried) return { created: false, view: await this.counsellorView(me, retried.id) };
    if (body.clientId === me.id) throw new AppError(422, 'referral_self_as_counsellor');
    const client = await directory.person(me.agencyId, body.clientId);
    if (!client || !(await booking.isClientOf(me.agencyId, me.id, body.clientId))) {
      throw new AppError(404, 'referral_client_not_found');
    }
    const { created, id } = await this.storeNew(
      me,
      key,
      {
        clientId: body.clientId,
        preparedBy: 'counsellor',
        destinationLevel: body.destinationLevel,
        destinationName: body.destinationName,
        reason: body.reason,
        bpjsNumber: null,
        scoresEnc: null,
        approvedFields: null,
        clientUnitId: client.unit_id,
      },
      (trx, rid) =>
        audit.record(
          {
            ...origin,
            action: 'referral.prepared',
            subjectId: body.clientId,
            resourceType: 'referral',
            resourceId: rid,
          },
          trx,
        ),
    );
    return { created, view: await this.counsellorView(me, id) };
  }

  // --- The client's own -------------------------------------------------------------------------

  private async ownRow(me: Me, id: string, db: Kysely<Database> = this.deps.db): Promise<NamedReferralRow> {
    const row = await findReferral(db, me.agencyId, id);
    if (!row || row.client_id !== me.id) throw notFound();
    return row;
  }

  private async today(unitId: string): Promise<string> {
    return localDateOf(this.deps.clock.now(), await this.zoneOf(unitId));
  }

  async mine(me: Me): Promise<ReferralList> {
    const [rows, today, birthDate] = await Promise.all([
      listOfClient(this.deps.db, me.agencyId, me.id),
      this.today(me.unitId),
      this.birthDateOf(me.agencyId, me.id),
    ]);
    return { items: rows.map((r) => presentOwnReferral(r, this.open(r), today, birthDate)) };
  }

  async ownView(me: Me, id: string): Promise<ReferralView> {
    const row = await this.ownRow(me, id);
    const [today, birthDate] = await Promise.all([this.today(me.unitId), this.birthDateOf(me.agencyId, me.id)]);
    return presentOwnReferral(row, this.open(row), today, birthDate);
  }

  /**
   * The client chooses what the letter carries. Only while it is still being prepared: a letter
   * already handed over is not rewritten (prepare a new one instead).
   */
  async approve(me: Me, id: string, body: ApprovalBody): Promise<ReferralView> {
    const { db, clock, keys } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await this.ownRow(me, id, trx);
      if (row.status !== 'prepared') throw new AppError(409, 'referral_not_editable');
      const now = clock.now().toISOString();
      await updateReferral(trx, me.agencyId, id, {
        approved_fields: [...new Set(body.approvedFields)].join(','),
        approved_at: now,
        ...(body.bpjsNumber !== undefined
          ? { bpjs_number_enc: body.bpjsNumber ? keys.encrypt(body.bpjsNumber) : null }
          : {}),
        ...(body.scoreIds !== undefined ? { scores_enc: await this.sealScores(me, body.scoreIds, trx) } : {}),
        updated_at: now,
      });
    });
    return this.ownView(me, id);
  }

  /** Moves the status one step (the same step again changes nothing). */
  private async move(db: Kysely<Database>, row: NamedReferralRow, to: ReferralStatus): Promise<boolean> {
    const from = row.status as ReferralStatus;
    if (from === to) return false;
    if (!canMove(from, to)) throw new AppError(409, 'referral_status_not_allowed');
    // A letter cannot be handed over before the client said what it carries.
    if (to === 'given' && !row.approved_at) throw new AppError(409, 'referral_not_approved');
    const now = this.deps.clock.now().toISOString();
    const stamp = STAMP[to];
    await updateReferral(db, row.agency_id, row.id, {
      status: to,
      ...(stamp ? { [stamp]: now } : {}),
      updated_at: now,
    });
    return true;
  }

  async setStatus(me: Me, id: string, body: StatusBody): Promise<ReferralView> {
    await this.deps.db.transaction().execute(async (trx) => {
      await this.move(trx, await this.ownRow(me, id, trx), body.status);
    });
    return this.ownView(me, id);
  }

  // --- The counsellor's -------------------------------------------------------------------------

  private async authoredRow(me: Me, id: string, db: Kysely<Database> = this.deps.db): Promise<NamedReferralRow> {
    const row = await findReferral(db, me.agencyId, id);
    if (!row || row.author_id !== me.id || row.prepared_by !== 'counsellor') throw notFound();
    return row;
  }

  private async counsellorView(me: Me, id: string): Promise<CounsellorReferralView> {
    const row = await this.authoredRow(me, id);
    return presentCounsellorReferral(row, this.open(row), await this.today(me.unitId));
  }

  /** The referrals the counsellor prepared; audited once per client shown. */
  async counsellorList(me: Me, origin: AuditOrigin): Promise<CounsellorReferralList> {
    const { db, audit } = this.deps;
    const [rows, today] = await Promise.all([listOfAuthor(db, me.agencyId, me.id), this.today(me.unitId)]);
    const clients = [...new Set(rows.map((r) => r.client_id))];
    if (clients.length > 0)
      await audit.recordMany(
        clients.map((subjectId) => ({
          ...origin,
          action: 'referral.list_viewed' as const,
          subjectId,
          resourceType: 'referral',
        })),
      );
    return { items: rows.map((r) => presentCounsellorReferral(r, this.open(r), today)) };
  }

  /**
   * The latest open referral the counsellor prepared for each client — its status and how long the
   * letter stays valid on `today` (the counsellor's local date) — in one read for a whole caseload
   * (docs/decisions/047-caseload.md). The caller audits the read.
   */
  async openByClient(db: Kysely<Database>, agencyId: string, counsellorId: string, today: string) {
    const rows = await openOfAuthor(db, agencyId, counsellorId);
    const byClient = new Map<
      string,
      {
        status: ReferralStatus;
        expiresOn: string;
        expiry: { kind: Expiry['kind']; daysLeft: number | null; soon: boolean };
      }
    >();
    for (const r of rows) {
      const status = r.status as ReferralStatus;
      if (byClient.has(r.client_id) || !isOpen(status)) continue;
      const expiry = expiryOf(r.expires_on, today);
      byClient.set(r.client_id, {
        status,
        expiresOn: r.expires_on,
        expiry: {
          kind: expiry.kind,
          daysLeft: expiry.kind === 'valid' ? expiry.daysLeft : null,
          soon: expiresSoon(expiry),
        },
      });
    }
    return byClient;
  }

  /** People the counsellor may prepare a referral for: their clients by appointment; audited per client. */
  async clients(me: Me, origin: AuditOrigin): Promise<ReferralClients> {
    const items = await this.deps.booking.clientsOf(me.agencyId, me.id);
    if (items.length > 0)
      await this.deps.audit.recordMany(
        items.map((c) => ({
          ...origin,
          action: 'referral.clients_viewed' as const,
          subjectId: c.id,
          resourceType: 'referral',
        })),
      );
    return { items };
  }

  async counsellorSetStatus(
    me: Me,
    id: string,
    body: StatusBody,
    origin: AuditOrigin,
  ): Promise<CounsellorReferralView> {
    const { db, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await this.authoredRow(me, id, trx);
      if (!(await this.move(trx, row, body.status))) return;
      await audit.record(
        {
          ...origin,
          action: 'referral.status_changed',
          subjectId: row.client_id,
          resourceType: 'referral',
          resourceId: id,
          details: { status: body.status },
        },
        trx,
      );
    });
    return this.counsellorView(me, id);
  }

  // --- The letter -----------------------------------------------------------------------------------

  /**
   * The letter as a PDF, for its client or the counsellor who prepared it (audited, the client as
   * subject). Only the approved fields print; before the client approved, there is no letter.
   */
  async letter(me: Me, id: string, locale: Locale, origin: AuditOrigin): Promise<{ filename: string; body: Buffer }> {
    const { db, audit, directory, booking } = this.deps;
    const row = await findReferral(db, me.agencyId, id);
    const isClient = row?.client_id === me.id;
    const isAuthor = row?.author_id === me.id && row.prepared_by === 'counsellor';
    if (!row || (!isClient && !isAuthor)) throw notFound();
    if (!row.approved_at) throw new AppError(409, 'referral_not_approved');
    const opened = this.open(row);
    const approved = split(row.approved_fields) as LetterField[];
    const [agency, birthDate, kind] = await Promise.all([
      directory.agencyOrThrow(row.agency_id),
      approved.includes('birth_date') ? this.birthDateOf(row.agency_id, row.client_id) : Promise.resolve(null),
      row.prepared_by === 'counsellor' ? booking.kindOf(row.agency_id, row.author_id) : Promise.resolve(null),
    ]);
    const model: LetterModel = {
      agencyName: agency.name,
      place: agency.short_name,
      // A reference the clinic can quote back; random, so it tells nothing about how many there are.
      number: `RJK/${row.issued_on.slice(0, 4)}/${row.id.slice(0, 8).toUpperCase()}`,
      issuedOn: row.issued_on,
      expiresOn: row.expires_on,
      destinationLevel: row.destination_level,
      destinationName: opened.destinationName,
      name: approved.includes('name') ? row.client_name : null,
      birthDate: approved.includes('birth_date') ? birthDate : null,
      bpjsNumber: approved.includes('bpjs_number') ? opened.bpjsNumber : null,
      summary: approved.includes('summary') ? opened.reason : null,
      scores: approved.includes('scores') ? opened.scores : [],
      signature:
        row.prepared_by === 'counsellor'
          ? { kind: 'counsellor', name: row.author_name, counsellorKind: kind }
          : { kind: 'self' },
    };
    const body = await renderLetter(model, locale, translatorFor(this.deps.i18n, locale));
    if (!isClient)
      await audit.record({
        ...origin,
        action: 'referral.letter_downloaded',
        subjectId: row.client_id,
        resourceType: 'referral',
        resourceId: id,
      });
    return { filename: `surat-rujukan-${row.issued_on}.pdf`, body };
  }

  // --- The client's data rights (My data) and the retention schedule ----------------------------

  /** The client's referrals for their copy, opened for them (the words, the number, the scores). */
  async ownCopy(db: Kysely<Database>, me: { id: string; agencyId: string }) {
    const rows = await allOfClient(db, me.agencyId, me.id);
    return rows.map((r) => {
      const o = this.open(r);
      return {
        preparedBy: r.prepared_by,
        counsellor: r.prepared_by === 'counsellor' ? r.author_name : null,
        destinationLevel: r.destination_level,
        destinationName: o.destinationName,
        reason: o.reason,
        bpjsNumber: o.bpjsNumber,
        scores: o.scores,
        approvedFields: split(r.approved_fields),
        approvedAt: r.approved_at,
        status: r.status,
        issuedOn: r.issued_on,
        expiresOn: r.expires_on,
        givenAt: r.given_at,
        visitedAt: r.visited_at,
        closedAt: r.closed_at,
        cancelledAt: r.cancelled_at,
        createdAt: r.created_at,
      };
    });
  }

  countOwn(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
    return countOfClient(db, agencyId, personId);
  }

  /** Erases every referral of the person as a client, whoever prepared it. Answers how many. */
  eraseOwn(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
    return deleteOfClient(db, agencyId, personId);
  }

  /** The retention schedule: letters whose last valid day is before the cutoff. */
  eraseBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
    return deleteExpiredBefore(db, agencyId, cutoff);
  }
}
