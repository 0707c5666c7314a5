import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { isPurposeOn, type ConsentPurposeId } from '../../../domain/data-rights/purposes.js';
import { AppError } from '../../http/errors.js';
import { findConsentChoice } from './my-data.repository.js';

/**
 * Whether the person lets Teduh process their data for this purpose right now. Modules that
 * process for a purpose (storing results, campaign messages) ask here, inside their own
 * transaction, so a withdrawal on the My data page takes effect at the very next request.
 */
export async function consentAllows(
  db: Kysely<Database>,
  personId: string,
  purpose: Exclude<ConsentPurposeId, 'share_result'>,
): Promise<boolean> {
  return isPurposeOn(await findConsentChoice(db, personId, purpose));
}

/** Refuses (409 consent_withdrawn) when the person has withdrawn consent for this purpose. */
export async function assertConsent(
  db: Kysely<Database>,
  personId: string,
  purpose: Exclude<ConsentPurposeId, 'share_result'>,
): Promise<void> {
  if (!(await consentAllows(db, personId, purpose))) throw new AppError(409, 'consent_withdrawn', { purpose });
}
