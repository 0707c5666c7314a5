import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DraftView, draftBody } from '../../../contracts/assessments.js';
import type { Database } from '../../../db/schema.js';
import { INSTRUMENTS } from '../../../domain/instruments/catalog.js';
import type { InstrumentId } from '../../../domain/instruments/types.js';
import type { Clock } from '../../clock.js';
import { newId, type KeyRing } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { assertConsent } from '../my-data/index.js';
import { checkDraftAnswers } from './assessment-answers.js';
import { deleteDraft, findDraft, findDrafts, upsertDraft, type DraftRow } from './assessments.repository.js';
import { openAnswers } from './results.presenter.js';

type Me = SessionState['person'];

/**
 * Save and resume: one unfinished form per person and instrument, its answers
 * encrypted at rest like a result's. Only the person reads or changes their drafts.
 */
export class DraftService {
  constructor(private readonly deps: { db: Kysely<Database>; clock: Clock; keys: KeyRing }) {}

  async list(me: Me): Promise<{ items: DraftView[] }> {
    const rows = await findDrafts(this.deps.db, me.id);
    return { items: rows.map((r) => this.present(r)) };
  }

  async get(me: Me, instrumentId: InstrumentId): Promise<DraftView> {
    const row = await findDraft(this.deps.db, me.id, instrumentId);
    if (!row) throw new AppError(404, 'draft_not_found');
    return this.present(row);
  }

  /** Saves where the person is; a later save of the same instrument replaces it. */
  async save(me: Me, instrumentId: InstrumentId, input: z.infer<typeof draftBody>): Promise<DraftView> {
    const { db, clock, keys } = this.deps;
    const answers = checkDraftAnswers(instrumentId, input.answers, input.servesPublic);
    // A person who withdrew consent to keep results (My data) has no answers kept either.
    await assertConsent(db, me.id, 'store_results');
    if (input.campaignId) await assertConsent(db, me.id, 'campaign_participation');
    const now = clock.now().toISOString();
    await upsertDraft(db, {
      id: newId(),
      agency_id: me.agencyId,
      person_id: me.id,
      instrument_id: instrumentId,
      instrument_version: INSTRUMENTS[instrumentId].version,
      campaign_id: input.campaignId,
      answers_enc: keys.encrypt(JSON.stringify(answers)),
      current_index: Math.min(input.currentIndex, answers.length - 1),
      serves_public: input.servesPublic ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    return this.get(me, instrumentId);
  }

  async remove(me: Me, instrumentId: InstrumentId): Promise<void> {
    if ((await deleteDraft(this.deps.db, me.id, instrumentId)) === 0) throw new AppError(404, 'draft_not_found');
  }

  private present(row: DraftRow): DraftView {
    return {
      instrumentId: row.instrument_id as InstrumentId,
      instrumentVersion: row.instrument_version,
      answers: openAnswers(this.deps.keys, row.answers_enc),
      currentIndex: row.current_index,
      servesPublic: row.serves_public === 1,
      campaignId: row.campaign_id,
      updatedAt: row.updated_at,
    };
  }
}
