import { infiniteQueryOptions } from '@tanstack/react-query';
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

/** The log for one filter, a page at a time ("more" reads the next page after the last cursor). */
export const auditLogQuery = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: ['audit', filter] as const,
    queryFn: ({ pageParam, signal }) => auditPage(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
