import type { SetupInput } from '../../contracts/setup.js';
import { api } from './client.js';

/** The first run: the agency, its top unit and its first admin, in one call (no session yet). */
export function completeSetup(body: SetupInput): Promise<unknown> {
  return api.post('/api/v1/setup', body, { idempotencyKey: false, handleAuth: false });
}
