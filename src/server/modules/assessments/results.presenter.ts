import type { z } from 'zod';
import type { ResultView, resultSummary } from '../../../contracts/assessments.js';
import { CARE_STEPS, nextStepFor, type CareStep } from '../../../domain/assessments/next-step.js';
import { INSTRUMENTS } from '../../../domain/instruments/catalog.js';
import type { Answer, InstrumentId, ScoreResult } from '../../../domain/instruments/types.js';
import type { Locale } from '../../../i18n/locales.js';
import type { KeyRing } from '../../crypto.js';
import { bandLabelOf } from '../instruments/index.js';
import type { findSharedWith, ResultRow, ShareRow } from './assessments.repository.js';

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

type SharedRow = Awaited<ReturnType<typeof findSharedWith>>[number];

/** How far up the stepped-care ladder a step sits; a result without one (incomplete) sits lowest. */
const stepRank = (step: string | null) => (step ? CARE_STEPS.indexOf(step as CareStep) : -1);

/**
 * The counsellor's inbox in triage order: a crisis answer first, then the care step the band
 * points to (the one severity scale shared by every instrument), then the newest result.
 */
export function presentSharedItems(rows: SharedRow[], locale: Locale) {
  return [...rows]
    .sort(
      (a, b) =>
        Number(b.crisis) - Number(a.crisis) ||
        stepRank(b.care_step) - stepRank(a.care_step) ||
        b.result_created_at.localeCompare(a.result_created_at) ||
        b.share_id.localeCompare(a.share_id),
    )
    .map((r) => {
      const definition = INSTRUMENTS[r.instrument_id as InstrumentId];
      return {
        shareId: r.share_id,
        person: { id: r.person_id, fullName: r.person_name, unitName: r.unit_name },
        instrumentId: definition.id,
        resultCreatedAt: r.result_created_at,
        grantedAt: r.granted_at,
        band: r.band,
        bandLabel: bandLabelOf(definition, r.band, locale),
        careStep: stepRank(r.care_step) >= 0 ? (r.care_step as CareStep) : null,
        crisis: Boolean(Number(r.crisis)),
        isNew: !r.opened,
      };
    });
}
