import type { Kysely } from 'kysely';
import type { AgencyDataKeyRow, BreakGlassGrantRow, Database, SessionNoteRow } from '../../../db/schema.js';

/*
 * Every query of the notes module (docs/decisions/041-session-notes.md). Every read of a note is
 * keyed by the agency and by the person allowed to read it (the author, or the client for their own
 * copy); the break-glass read is keyed by the supervisor's open grant, a transferred read by the
 * authors whose consent names the reader.
 */

type Db = Kysely<Database>;

// --- Data keys --------------------------------------------------------------------------------------

export function findActiveDataKey(db: Db, agencyId: string): Promise<AgencyDataKeyRow | undefined> {
  return db
    .selectFrom('agency_data_keys')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
}

export function findDataKey(db: Db, keyId: string): Promise<AgencyDataKeyRow | undefined> {
  return db.selectFrom('agency_data_keys').selectAll().where('key_id', '=', keyId).executeTakeFirst();
}

export function dataKeysOf(db: Db, agencyId?: string): Promise<AgencyDataKeyRow[]> {
  let q = db.selectFrom('agency_data_keys').selectAll();
  if (agencyId) q = q.where('agency_id', '=', agencyId);
  return q.orderBy('created_at').orderBy('id').execute();
}

export async function insertDataKey(db: Db, row: AgencyDataKeyRow): Promise<void> {
  await db.insertInto('agency_data_keys').values(row).execute();
}

export async function retireDataKey(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('agency_data_keys').set({ retired_at: at }).where('id', '=', id).execute();
}

export async function rewrapDataKey(db: Db, id: string, wrapped: string, wrappingKeyId: string): Promise<void> {
  await db
    .updateTable('agency_data_keys')
    .set({ wrapped_key: wrapped, wrapping_key_id: wrappingKeyId })
    .where('id', '=', id)
    .execute();
}

export async function deleteDataKey(db: Db, id: string): Promise<void> {
  await db.deleteFrom('agency_data_keys').where('id', '=', id).execute();
}

// --- Appointments (a recorded read: table-owners.ts) ---------------------------------------------------

/** The counsellor's own appointment with the client's name; undefined for anyone else's. */
export function findCounsellorAppointment(db: Db, agencyId: string, counsellorId: string, appointmentId: string) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('people as c', 'c.id', 'a.client_id')
    .select(['a.id', 'a.client_id', 'c.full_name as client_name', 'a.start_utc', 'a.end_utc', 'a.mode', 'a.status'])
    .where('a.agency_id', '=', agencyId)
    .where('a.counsellor_id', '=', counsellorId)
    .where('a.id', '=', appointmentId)
    .executeTakeFirst();
}

// --- Notes ---------------------------------------------------------------------------------------------

export function findNoteOfAppointment(db: Db, agencyId: string, appointmentId: string) {
  return db
    .selectFrom('session_notes')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('appointment_id', '=', appointmentId)
    .executeTakeFirst();
}

export async function insertNote(db: Db, row: SessionNoteRow): Promise<void> {
  await db.insertInto('session_notes').values(row).execute();
}

export type NoteCipherFields = Pick<
  SessionNoteRow,
  | 'format'
  | 'key_id'
  | 'subjective_enc'
  | 'objective_enc'
  | 'assessment_enc'
  | 'plan_enc'
  | 'body_enc'
  | 'withheld'
  | 'withheld_reason_enc'
>;

/** Updates a note only at the version it was read at; answers whether it did (a lost race answers false). */
export async function updateNote(
  db: Db,
  id: string,
  atVersion: number,
  fields: NoteCipherFields & { version: number; updated_at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('session_notes')
    .set(fields)
    .where('id', '=', id)
    .where('version', '=', atVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * A client's notes, oldest first, with the author's name (for their copy and break-glass); with
 * `authorIds`, only those authors' notes — what a recipient of a notes transfer reads
 * (docs/decisions/050-notes-transfer.md). `session_notes_client` serves both.
 */
export function notesOfClient(db: Db, agencyId: string, clientId: string, authorIds?: readonly string[]) {
  let query = db
    .selectFrom('session_notes as n')
    .innerJoin('people as p', 'p.id', 'n.counsellor_id')
    .selectAll('n')
    .select('p.full_name as counsellor_name')
    .where('n.agency_id', '=', agencyId)
    .where('n.client_id', '=', clientId);
  if (authorIds) query = query.where('n.counsellor_id', 'in', [...authorIds]);
  return query.orderBy('n.session_at').orderBy('n.id').execute();
}

/** A batch of notes still sealed with a key (rotation). */
export function notesSealedWith(db: Db, agencyId: string, keyId: string, limit: number): Promise<SessionNoteRow[]> {
  return db
    .selectFrom('session_notes')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('key_id', '=', keyId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function countNotesSealedWith(db: Db, keyId: string): Promise<number> {
  const r = await db
    .selectFrom('session_notes')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('key_id', '=', keyId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Re-seals one note's fields under another key, unless it changed meanwhile (same version). */
export async function resealNote(
  db: Db,
  id: string,
  version: number,
  fields: Omit<NoteCipherFields, 'format' | 'withheld'>,
): Promise<boolean> {
  const r = await db
    .updateTable('session_notes')
    .set(fields)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The retention schedule: erases the notes of every client of the agency whose latest session with
 * a note is older than the cutoff (counted from the last visit, as rekam medis are; decision 041).
 */
export async function deleteNotesOfClientsIdleSince(db: Db, agencyId: string, cutoff: string): Promise<number> {
  const idle = db
    .selectFrom('session_notes')
    .select('client_id')
    .where('agency_id', '=', agencyId)
    .groupBy('client_id')
    .having((eb) => eb.fn.max('session_at'), '<', cutoff);
  const r = await db
    .deleteFrom('session_notes')
    .where('agency_id', '=', agencyId)
    .where('client_id', 'in', idle)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

// --- Break-glass ----------------------------------------------------------------------------------------

export async function insertGrant(db: Db, row: BreakGlassGrantRow): Promise<void> {
  await db.insertInto('break_glass_grants').values(row).execute();
}

/** The supervisor's grant for this client still open at `now`, if any. */
export function findOpenGrant(db: Db, agencyId: string, supervisorId: string, clientId: string, now: string) {
  return db
    .selectFrom('break_glass_grants')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('supervisor_id', '=', supervisorId)
    .where('client_id', '=', clientId)
    .where('expires_at', '>', now)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
}

/** The supervisor's grants still open at `now`, with the client's name. */
export function openGrantsOf(db: Db, agencyId: string, supervisorId: string, now: string) {
  return db
    .selectFrom('break_glass_grants as g')
    .innerJoin('people as p', 'p.id', 'g.client_id')
    .selectAll('g')
    .select('p.full_name as client_name')
    .where('g.agency_id', '=', agencyId)
    .where('g.supervisor_id', '=', supervisorId)
    .where('g.expires_at', '>', now)
    .where('g.closed_at', 'is', null)
    .orderBy('g.opened_at', 'desc')
    .execute();
}

/** One of the supervisor's grants (open or not), with the client's name; nobody else's. */
export function findGrantOf(db: Db, agencyId: string, supervisorId: string, id: string) {
  return db
    .selectFrom('break_glass_grants as g')
    .innerJoin('people as p', 'p.id', 'g.client_id')
    .selectAll('g')
    .select('p.full_name as client_name')
    .where('g.agency_id', '=', agencyId)
    .where('g.supervisor_id', '=', supervisorId)
    .where('g.id', '=', id)
    .executeTakeFirst();
}

export async function closeGrant(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable('break_glass_grants')
    .set({ closed_at: at })
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .execute();
}

/** Break-glass records past the cutoff (they are access metadata, kept as long as the notes may be). */
export async function deleteGrantsBefore(db: Db, agencyId: string, cutoff: string): Promise<number> {
  const r = await db
    .deleteFrom('break_glass_grants')
    .where('agency_id', '=', agencyId)
    .where('expires_at', '<', cutoff)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
