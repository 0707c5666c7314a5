import type { z } from 'zod';
import type { ResultView, resultSummary } from '../../../contracts/assessments.js';
import { nextStepFor } from '../../../domain/assessments/next-step.js';
import { INSTRUMENTS } from '../../../domain/instruments/catalog.js';
import type { Answer, InstrumentId, ScoreResult } from '../../../domain/instruments/types.js';
import type { Locale } from '../../../i18n/locales.js';
import type { KeyRing } from '../../crypto.js';
import { bandLabelOf } from '../instruments/index.js';
import type { ResultRow, ShareRow } from './assessments.repository.js';

type ResultSummary = z.infer<typeof resultSummary>;

/** The docs/instruments.md §15 result object as stored (encrypted at rest). */
export function openResult(keys: KeyRing, row: Pick<ResultRow, 'result_enc'>): ScoreResult {
  return JSON.parse(keys.decrypt(row.result_enc)) as ScoreResult;
}

/** The answers as given, in item order (encrypted at rest). */
export function openAnswers(keys: KeyRing, sealed: string): Answer[] {
  return JSON.parse(keys.decrypt(sealed)) as Answer[];
}

/** A result as its owner (or a counsellor it was shared with) reads it, without its shares. */
export function presentResultSummary(
  row: ResultRow,
  result: ScoreResult,
  locale: Locale,
  contactRequestId: string | null,
): ResultSummary {
  const definition = INSTRUMENTS[row.instrument_id as InstrumentId];
  return {
    id: row.id,
    instrumentId: definition.id,
    instrumentVersion: row.instrument_version,
    createdAt: row.created_at,
    result,
    bandLabel: bandLabelOf(definition, result.band, locale),
    nextStep: nextStepFor(result),
    campaignId: row.campaign_id,
    contactRequestId,
  };
}

/** The owner's full view of one result, with whom it is (or was) shared. */
export function presentResult(
  row: ResultRow,
  result: ScoreResult,
  locale: Locale,
  shares: ShareRow[],
  contactRequestId: string | null,
): ResultView {
  return {
    ...presentResultSummary(row, result, locale, contactRequestId),
    shares: shares.map(presentShare),
  };
}

/** A share as its owner sees it: to whom, since when, revoked when. */
export function presentShare(s: ShareRow) {
  return {
    id: s.id,
    counsellor: { id: s.counsellor_id, fullName: s.counsellor_name },
    grantedAt: s.granted_at,
    revokedAt: s.revoked_at,
  };
}
