import type { Kysely } from 'kysely';
import {
  BREAK_GLASS_MINUTES,
  MIN_BREAK_GLASS_REASON,
  SOAP_FIELDS,
  type BreakGlassBody,
  type BreakGlassGrant,
  type BreakGlassList,
  type BreakGlassNotes,
  type NoteBody,
  type NotePage,
  type NoteView,
  type TransferredNotes,
} from '../../../contracts/notes.js';
import type { Database, SessionNoteRow } from '../../../db/schema.js';
import { isLocale, type Locale } from '../../../i18n/locales.js';
import type { Clock } from '../../clock.js';
import { newId, type KeyRing, type WrappingKey } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { AppError, FieldValidationError } from '../../http/errors.js';
import { isUniqueViolation } from '../../plugins/error-handler.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { ConsentService } from '../consent/index.js';
import type { MailService } from '../mail/index.js';
import type { NotificationService } from '../notifications/index.js';
import type { OrgDirectory } from '../org/index.js';
import { openField, sealField, type NoteKeys } from './keys.js';
import {
  closeGrant,
  countNotesSealedWith,
  dataKeysOf,
  deleteGrantsBefore,
  deleteNotesOfClientsIdleSince,
  findCounsellorAppointment,
  findGrantOf,
  findNoteOfAppointment,
  findOpenGrant,
  insertGrant,
  insertNote,
  notesOfClient,
  notesSealedWith,
  openGrantsOf,
  resealNote,
  retireDataKey,
  rewrapDataKey,
  updateNote,
  type NoteCipherFields,
} from './notes.repository.js';

type Me = SessionState['person'];

/** The sealed fields of a note, by their name in the associated data. */
const SEALED = {
  subjective: 'subjective_enc',
  objective: 'objective_enc',
  assessment: 'assessment_enc',
  plan: 'plan_enc',
  body: 'body_enc',
  withheld_reason: 'withheld_reason_enc',
} as const satisfies Record<string, keyof SessionNoteRow>;
type SealedName = keyof typeof SEALED;
type Plain = Record<SealedName, string>;

const appointmentNotFound = () => new AppError(404, 'appointment_not_found');
const grantNotFound = () => new AppError(404, 'not_found');
/** Notes re-encrypted per transaction by a rotation. */
const ROTATION_BATCH = 200;

/** The audit actions of note reads that the client's access log shows. */
const READ_ACTIONS = [
  'note.viewed',
  'note.break_glass_opened',
  'note.break_glass_viewed',
  'note.transfer_viewed',
] as const;

/**
 * Session notes, encrypted and separate (docs/decisions/041-session-notes.md). A note is written
 * and read by the counsellor of its appointment only; every other person, whatever their role, gets
 * the same 404 as for an appointment that does not exist. Each field is sealed separately under the
 * agency's data key, bound to its note and field; every read is audited in the transaction of the
 * read. A clinical supervisor opens one client's notes for an hour through break-glass, which needs
 * a reason and alerts the agency's DPOs.
 */
export class NotesService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      keys: KeyRing;
      noteKeys: NoteKeys;
      audit: AuditService;
      directory: OrgDirectory;
      notifications: NotificationService;
      mail: MailService;
      consents: ConsentService;
      publicUrl: string;
    },
  ) {}

  // --- Sealing -----------------------------------------------------------------------------------------

  private async seal(
    db: Kysely<Database>,
    agencyId: string,
    noteId: string,
    body: NoteBody,
  ): Promise<NoteCipherFields> {
    const key = await this.deps.noteKeys.active(agencyId, db);
    const soap = body.format === 'soap';
    const put = (name: SealedName, text: string) => (text.trim() === '' ? null : sealField(key, noteId, name, text));
    return {
      format: body.format,
      key_id: key.keyId,
      subjective_enc: soap ? put('subjective', body.subjective) : null,
      objective_enc: soap ? put('objective', body.objective) : null,
      assessment_enc: soap ? put('assessment', body.assessment) : null,
      plan_enc: soap ? put('plan', body.plan) : null,
      body_enc: soap ? null : put('body', body.body),
      withheld: body.withheld ? 1 : 0,
      withheld_reason_enc: body.withheld ? put('withheld_reason', body.withheldReason) : null,
    };
  }

  private async open(
    row: Pick<SessionNoteRow, 'id' | (typeof SEALED)[SealedName]>,
    db?: Kysely<Database>,
    only?: readonly SealedName[],
  ): Promise<Plain> {
    const out = { subjective: '', objective: '', assessment: '', plan: '', body: '', withheld_reason: '' };
    for (const name of only ?? (Object.keys(SEALED) as SealedName[])) {
      const sealed = row[SEALED[name]];
      if (sealed) out[name] = await openField(this.deps.noteKeys, row.id, name, sealed, db);
    }
    return out;
  }

  private async view(row: SessionNoteRow, db?: Kysely<Database>): Promise<NoteView> {
    const p = await this.open(row, db);
    return {
      format: row.format as NoteView['format'],
      subjective: p.subjective,
      objective: p.objective,
      assessment: p.assessment,
      plan: p.plan,
      body: p.body,
      withheld: row.withheld === 1,
      withheldReason: p.withheld_reason,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /**
   * Someone else's notes of one client, opened for a reader who is not their author (break-glass, a
   * notes transfer): each note audited in the read's own transaction before any is opened, so no
   * audit, no words.
   */
  private async openAudited(
    trx: Kysely<Database>,
    rows: ReadonlyArray<SessionNoteRow & { counsellor_name: string }>,
    origin: AuditOrigin,
    entryOf: (row: SessionNoteRow) => {
      action: 'note.break_glass_viewed' | 'note.transfer_viewed';
      purpose: string;
      details: Record<string, string>;
    },
  ) {
    if (rows.length > 0)
      await this.deps.audit.recordMany(
        rows.map((r) => ({
          ...origin,
          ...entryOf(r),
          subjectId: r.client_id,
          resourceType: 'session_note',
          resourceId: r.id,
        })),
        trx,
      );
    const notes = [];
    for (const r of rows)
      notes.push({
        ...(await this.view(r, trx)),
        id: r.id,
        sessionAt: r.session_at,
        counsellorName: r.counsellor_name,
      });
    return notes;
  }

  // --- The author -------------------------------------------------------------------------------------

  private async appointmentOf(me: Me, appointmentId: string, db: Kysely<Database>) {
    const a = await findCounsellorAppointment(db, me.agencyId, me.id, appointmentId);
    if (!a) throw appointmentNotFound();
    return a;
  }

  /** The counsellor's note page: the appointment and its note, opened (the opening audited). */
  async page(me: Me, appointmentId: string, origin: AuditOrigin, record = true): Promise<NotePage> {
    return this.deps.db.transaction().execute(async (trx) => {
      const a = await this.appointmentOf(me, appointmentId, trx);
      const row = await findNoteOfAppointment(trx, me.agencyId, appointmentId);
      // Only the author: an appointment is its counsellor's, and so is the note written on it.
      const mine = row && row.counsellor_id === me.id ? row : undefined;
      if (mine && record) await this.recordRead(origin, mine, 'note.viewed', trx);
      return {
        appointment: {
          id: a.id,
          clientName: a.client_name,
          start: a.start_utc,
          end: a.end_utc,
          mode: a.mode,
          status: a.status,
        },
        note: mine ? await this.view(mine, trx) : null,
      };
    });
  }

  private recordRead(
    origin: AuditOrigin,
    row: SessionNoteRow,
    action: (typeof READ_ACTIONS)[number],
    db: Kysely<Database>,
    purpose?: string,
  ) {
    return this.deps.audit.record(
      {
        ...origin,
        action,
        subjectId: row.client_id,
        resourceType: 'session_note',
        resourceId: row.id,
        purpose: purpose ?? 'treatment',
      },
      db,
    );
  }

  /**
   * Writes the note of the counsellor's appointment (one per appointment). Sent again with the same
   * words it stores nothing new (a retried save); over a version newer than the one the editor
   * started from it is 409 `note_conflict`, so two tabs never overwrite each other silently.
   */
  async save(
    me: Me,
    appointmentId: string,
    body: NoteBody,
    origin: AuditOrigin,
  ): Promise<{ created: boolean; page: NotePage }> {
    const { db, clock } = this.deps;
    const created = await db
      .transaction()
      .execute(async (trx) => {
        const a = await this.appointmentOf(me, appointmentId, trx);
        if (a.status === 'cancelled') throw new AppError(409, 'appointment_cancelled');
        const existing = await findNoteOfAppointment(trx, me.agencyId, appointmentId);
        if (existing && existing.counsellor_id !== me.id) throw appointmentNotFound();
        const now = clock.now().toISOString();
        if (existing) {
          if (await this.sameAs(existing, body, trx)) return false;
          if (body.version !== undefined && body.version !== existing.version) throw new AppError(409, 'note_conflict');
          const fields = await this.seal(trx, me.agencyId, existing.id, body);
          const next = existing.version + 1;
          if (!(await updateNote(trx, existing.id, existing.version, { ...fields, version: next, updated_at: now })))
            throw new AppError(409, 'note_conflict');
          await this.recordSave(origin, existing.id, a.client_id, next, body, trx);
          return false;
        }
        const id = newId();
        const fields = await this.seal(trx, me.agencyId, id, body);
        await insertNote(trx, {
          id,
          agency_id: me.agencyId,
          appointment_id: appointmentId,
          counsellor_id: me.id,
          client_id: a.client_id,
          session_at: a.start_utc,
          ...fields,
          version: 1,
          created_at: now,
          updated_at: now,
        });
        await this.recordSave(origin, id, a.client_id, 1, body, trx);
        return true;
      })
      .catch(async (err: unknown) => {
        // Two first saves racing meet at the unique appointment: the loser is a retry or a conflict.
        if (!isUniqueViolation(err as { code?: unknown })) throw err;
        const row = await findNoteOfAppointment(db, me.agencyId, appointmentId);
        if (row && row.counsellor_id === me.id && (await this.sameAs(row, body))) return false;
        throw new AppError(409, 'note_conflict');
      });
    // The answer is what the author just wrote, audited as the save: not a second entry as a reading.
    return { created, page: await this.page(me, appointmentId, origin, false) };
  }

  private recordSave(
    origin: AuditOrigin,
    id: string,
    clientId: string,
    version: number,
    body: NoteBody,
    db: Kysely<Database>,
  ) {
    return this.deps.audit.record(
      {
        ...origin,
        action: 'note.saved',
        subjectId: clientId,
        resourceType: 'session_note',
        resourceId: id,
        details: { version, format: body.format, withheld: body.withheld },
      },
      db,
    );
  }

  /** Whether the stored note already says exactly this (a retried save). */
  private async sameAs(row: SessionNoteRow, body: NoteBody, db?: Kysely<Database>): Promise<boolean> {
    if (row.format !== body.format || (row.withheld === 1) !== body.withheld) return false;
    const p = await this.open(row, db);
    const soap = body.format === 'soap';
    const want = (text: string, on: boolean) => (on && text.trim() !== '' ? text : '');
    return (
      SOAP_FIELDS.every((f) => p[f] === want(body[f], soap)) &&
      p.body === want(body.body, !soap) &&
      p.withheld_reason === want(body.withheldReason, body.withheld)
    );
  }

  // --- Break-glass ------------------------------------------------------------------------------------

  /**
   * A clinical supervisor opens one client's notes for an hour (decision 041). The reason is
   * required (at least MIN_BREAK_GLASS_REASON characters, else 422); the client is found by NIP in
   * the supervisor's own agency (404 otherwise) and is never the supervisor. The opening is audited
   * and each of the agency's DPOs is told at once, in the app and by email, without the client's
   * name or anything of a note. Asked again while open, it answers the same grant and tells nobody twice.
   */
  async openBreakGlass(
    me: Me,
    body: BreakGlassBody,
    origin: AuditOrigin,
  ): Promise<{ created: boolean; grant: BreakGlassGrant }> {
    const { db, clock, keys, audit, directory, notifications, mail, publicUrl } = this.deps;
    if (body.reason.length < MIN_BREAK_GLASS_REASON)
      throw new FieldValidationError([
        { path: 'reason', key: 'notes.break_glass_reason_short', params: { minimum: MIN_BREAK_GLASS_REASON } },
      ]);
    const [client] = (await directory.peopleByNips([body.nip])).filter(
      (p) => p.agency_id === me.agencyId && p.is_active === 1,
    );
    if (!client) throw new AppError(404, 'person_not_found');
    if (client.id === me.id) throw new AppError(422, 'break_glass_self');
    return db.transaction().execute(async (trx) => {
      const now = clock.now();
      const open = await findOpenGrant(trx, me.agencyId, me.id, client.id, now.toISOString());
      if (open)
        return {
          created: false,
          grant: { id: open.id, clientName: client.full_name, openedAt: open.opened_at, expiresAt: open.expires_at },
        };
      const grant = {
        id: newId(),
        agency_id: me.agencyId,
        supervisor_id: me.id,
        client_id: client.id,
        reason_enc: keys.encrypt(body.reason),
        opened_at: now.toISOString(),
        expires_at: new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000).toISOString(),
        closed_at: null,
      };
      await insertGrant(trx, grant);
      await audit.record(
        {
          ...origin,
          action: 'note.break_glass_opened',
          subjectId: client.id,
          resourceType: 'break_glass',
          resourceId: grant.id,
          purpose: 'break_glass',
          details: { minutes: BREAK_GLASS_MINUTES },
        },
        trx,
      );
      const dpos = await directory.roleHolders(me.agencyId, ['dpo'], undefined, trx);
      const agency = await directory.agencyOrThrow(me.agencyId, trx);
      await notifications.add(
        trx,
        dpos.map((d) => ({
          agencyId: me.agencyId,
          personId: d.id,
          kind: 'note.break_glass',
          payload: { supervisorName: me.fullName, expiresAt: grant.expires_at },
          dedupeKey: `break-glass:${grant.id}:${d.id}`,
        })),
      );
      for (const d of dpos) {
        if (!d.email) continue;
        await mail.queue(trx, {
          agencyId: me.agencyId,
          agencyName: agency.name,
          to: d.email,
          locale: (isLocale(d.locale) ? d.locale : 'id') as Locale,
          template: 'break_glass',
          params: { name: d.full_name, supervisor: me.fullName, link: `${publicUrl}/dpo` },
        });
      }
      return {
        created: true,
        grant: { id: grant.id, clientName: client.full_name, openedAt: grant.opened_at, expiresAt: grant.expires_at },
      };
    });
  }

  /** The supervisor's break-glass openings still running. */
  async openGrants(me: Me): Promise<BreakGlassList> {
    const rows = await openGrantsOf(this.deps.db, me.agencyId, me.id, this.deps.clock.now().toISOString());
    return {
      items: rows.map((g) => ({ id: g.id, clientName: g.client_name, openedAt: g.opened_at, expiresAt: g.expires_at })),
    };
  }

  /**
   * The client's notes through the supervisor's open grant, read-only; every note shown is audited
   * with the purpose `break_glass`. Someone else's grant is a 404; the supervisor's own grant after
   * its hour (or closed) is 403 `break_glass_expired`, and shows nothing.
   */
  async breakGlassNotes(me: Me, grantId: string, origin: AuditOrigin): Promise<BreakGlassNotes> {
    const { db, clock } = this.deps;
    return db.transaction().execute(async (trx) => {
      const g = await findGrantOf(trx, me.agencyId, me.id, grantId);
      if (!g) throw grantNotFound();
      if (g.closed_at !== null || g.expires_at <= clock.now().toISOString())
        throw new AppError(403, 'break_glass_expired');
      const rows = await notesOfClient(trx, me.agencyId, g.client_id);
      const notes = await this.openAudited(trx, rows, origin, () => ({
        action: 'note.break_glass_viewed',
        purpose: 'break_glass',
        details: { grantId: g.id },
      }));
      return {
        grant: { id: g.id, clientName: g.client_name, openedAt: g.opened_at, expiresAt: g.expires_at },
        notes,
      };
    });
  }

  /** Ends an opening before its hour (again: nothing changes). */
  async closeBreakGlass(me: Me, grantId: string): Promise<{ ok: true }> {
    const g = await findGrantOf(this.deps.db, me.agencyId, me.id, grantId);
    if (!g) throw grantNotFound();
    await closeGrant(this.deps.db, g.id, this.deps.clock.now().toISOString());
    return { ok: true };
  }

  // --- Notes handed to another counsellor (docs/decisions/050-notes-transfer.md) ---------------------------

  /**
   * The client's notes handed to the signed-in counsellor: those written by each counsellor whose
   * notes_transfer consent from this client names them and holds at this instant — asked inside
   * this read's transaction, never cached, so a revocation or an expiry holds from the next request.
   * Without such a consent the answer is the same 404 as for a client who does not exist, and
   * nothing is read. Withheld notes are included, flagged with their reason (decision 050). Each
   * note shown is audited (`note.transfer_viewed`, purpose `notes_transfer`, the author in the
   * details) in the same transaction, so it reaches the client's access log.
   */
  async transferredNotes(me: Me, clientId: string, origin: AuditOrigin): Promise<TransferredNotes> {
    const { db, consents } = this.deps;
    if (clientId === me.id) throw new AppError(404, 'not_found');
    return db.transaction().execute(async (trx) => {
      const sources = await consents.transfersTo(me.agencyId, clientId, me.id, trx);
      if (sources.length === 0) throw new AppError(404, 'not_found');
      const rows = await notesOfClient(
        trx,
        me.agencyId,
        clientId,
        sources.map((s) => s.authorId),
      );
      const notes = await this.openAudited(trx, rows, origin, (r) => ({
        action: 'note.transfer_viewed',
        purpose: 'notes_transfer',
        details: { authorId: r.counsellor_id },
      }));
      return {
        sources: sources.map((s) => ({ counsellorName: s.authorName, expiresAt: s.expiresAt })),
        notes,
      };
    });
  }

  // --- The client's rights and access log ----------------------------------------------------------------

  /**
   * The client's notes for their own copy (My data; UU PDP art. 7, 32, 33): each note in words, or,
   * when its counsellor withheld it, that a note of that date exists, is withheld, and why — the
   * content of a withheld note is not even opened. `db` is the export's transaction.
   */
  async ownCopy(db: Kysely<Database>, me: { id: string; agencyId: string }) {
    const rows = await notesOfClient(db, me.agencyId, me.id);
    const out = [];
    for (const r of rows) {
      const withheld = r.withheld === 1;
      const p = await this.open(r, db, withheld ? ['withheld_reason'] : undefined);
      out.push({
        sessionAt: r.session_at,
        counsellor: r.counsellor_name,
        format: r.format as 'soap' | 'free',
        withheld,
        withheldReason: withheld ? p.withheld_reason : null,
        subjective: withheld ? null : p.subjective,
        objective: withheld ? null : p.objective,
        assessment: withheld ? null : p.assessment,
        plan: withheld ? null : p.plan,
        body: withheld ? null : p.body,
        updatedAt: r.updated_at,
      });
    }
    return out;
  }

  /**
   * Who read the client's notes, when and why (for the client's consent and access-log page): every
   * opening by the author, every break-glass opening and read, newest first. Names and roles only.
   */
  async accessLogOf(agencyId: string, clientId: string, limit = 200) {
    const { audit, directory } = this.deps;
    const rows = (
      await Promise.all(READ_ACTIONS.map((action) => audit.find({ agencyId, subjectId: clientId, action, limit })))
    )
      .flat()
      .filter((r) => r.actor_id !== null && r.actor_id !== clientId)
      .sort((a, b) => (a.occurred_at < b.occurred_at ? 1 : a.occurred_at > b.occurred_at ? -1 : 0))
      .slice(0, limit);
    const names = await directory.namesOf(agencyId, [...new Set(rows.map((r) => r.actor_id as string))]);
    return rows.map((r) => ({
      at: r.occurred_at,
      actorName: names.get(r.actor_id as string) ?? null,
      actorRole: r.actor_role,
      action: r.action,
      purpose: r.purpose,
      breakGlass: r.purpose === 'break_glass',
    }));
  }

  /**
   * The retention schedule (class `session_notes`): a client's notes go together once their last
   * session with a note is older than the cutoff, and break-glass records older than it go too.
   */
  async eraseBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
    const notes = await deleteNotesOfClientsIdleSince(db, agencyId, cutoff);
    await deleteGrantsBefore(db, agencyId, cutoff);
    return notes;
  }

  // --- Key rotation (the CLI) ---------------------------------------------------------------------------

  /**
   * Makes a new data key for the agency, re-encrypts every note under it in batches and retires
   * the old keys (`teduh rotate-note-keys`). A note saved meanwhile is already under the new key
   * (saves use the active key), so a batch skips it. Answers how many notes were re-encrypted.
   */
  async rotate(agencyId: string): Promise<{ reencrypted: number; retired: number }> {
    const { db, clock, noteKeys, audit } = this.deps;
    const { keyId } = await db.transaction().execute(async (trx) => {
      const now = clock.now().toISOString();
      for (const k of await dataKeysOf(trx, agencyId)) if (k.retired_at === null) await retireDataKey(trx, k.id, now);
      return noteKeys.create(agencyId, trx);
    });
    const old = (await dataKeysOf(db, agencyId)).filter((k) => k.key_id !== keyId);
    let reencrypted = 0;
    for (const k of old) {
      for (;;) {
        const batch = await notesSealedWith(db, agencyId, k.key_id, ROTATION_BATCH);
        if (batch.length === 0) break;
        let moved = 0;
        await db.transaction().execute(async (trx) => {
          const key = await noteKeys.byId(keyId, trx);
          for (const row of batch) {
            const p = await this.open(row, trx);
            const put = (name: SealedName) =>
              row[SEALED[name]] ? sealField({ keyId, key }, row.id, name, p[name]) : null;
            if (
              await resealNote(trx, row.id, row.version, {
                key_id: keyId,
                subjective_enc: put('subjective'),
                objective_enc: put('objective'),
                assessment_enc: put('assessment'),
                plan_enc: put('plan'),
                body_enc: put('body'),
                withheld_reason_enc: put('withheld_reason'),
              })
            )
              moved++;
          }
        });
        reencrypted += moved;
      }
    }
    await audit.record({
      agencyId,
      action: 'note.keys_rotated',
      resourceType: 'agency_data_key',
      details: { reencrypted, retired: old.length },
    });
    noteKeys.forget();
    return { reencrypted, retired: old.length };
  }

  /**
   * After the instance secret changed: every data key still wrapped by the previous wrapping key is
   * unwrapped with it and wrapped again by the current one (no note is touched). Answers how many.
   */
  async rewrap(previous: WrappingKey, current: WrappingKey): Promise<number> {
    const { db, noteKeys } = this.deps;
    let n = 0;
    await db.transaction().execute(async (trx) => {
      for (const k of await dataKeysOf(trx)) {
        if (k.wrapping_key_id !== previous.id) continue;
        const key = previous.unwrap(k.wrapped_key, k.key_id);
        await rewrapDataKey(trx, k.id, current.wrap(key, k.key_id), current.id);
        n++;
      }
    });
    noteKeys.forget();
    return n;
  }

  /** How many notes a key still seals (the rotation test and the CLI's report). */
  countSealedWith(keyId: string): Promise<number> {
    return countNotesSealedWith(this.deps.db, keyId);
  }
}
