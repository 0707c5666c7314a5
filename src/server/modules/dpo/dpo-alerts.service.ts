import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Clock } from '../../clock.js';
import { insertAlert, type NewAlert } from './alerts.repository.js';

/**
 * Raises alerts for the data-protection officer from other modules (a clinical role requested or
 * approved), inside their transaction; a repeated dedupe key is one alert.
 */
export class DpoAlerts {
  constructor(private readonly deps: { clock: Clock }) {}

  /** Raises one alert; `db` may be the caller's transaction. */
  async raise(db: Kysely<Database>, alert: NewAlert): Promise<void> {
    await insertAlert(db, alert, this.deps.clock.now().toISOString());
  }
}
