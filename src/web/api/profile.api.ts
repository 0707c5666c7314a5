import type { z } from 'zod';
import type { changePasswordBody } from '../../contracts/auth.js';
import type { profileUpdateBody } from '../../contracts/profile.js';
import { api } from './client.js';

export function updateProfile(body: z.infer<typeof profileUpdateBody>): Promise<unknown> {
  return api.patch('/api/v1/profile', body);
}

/** No Idempotency-Key: the body holds passwords. */
export function changePassword(body: z.infer<typeof changePasswordBody>): Promise<unknown> {
  return api.post('/api/v1/profile/password', body, { idempotencyKey: false });
}
