import type { AuditPage } from '../../contracts/audit.js';
import { api } from './client.js';

export type { AuditPage };

export interface AuditFilter {
  action?: string;
  outcome?: string;
  /** Instants (ISO), the start of the first day and of the day after the last. */
  from?: string;
  to?: string;
}

/** The audit log, newest first, one page of `limit` entries after `cursor`. */
export function auditPage(filter: AuditFilter, cursor: string | undefined, signal?: AbortSignal): Promise<AuditPage> {
  return api.get<AuditPage>('/api/v1/audit', { ...filter, cursor, limit: 50 }, { signal });
}
