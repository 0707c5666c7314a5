import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CaseloadItem, CaseloadList } from '../../contracts/counselling.js';
import { api } from './client.js';

export type { CaseloadItem, CaseloadList };
export type CaseloadFilter = 'active' | 'all';

export const CASELOAD_PATH = '/api/v1/counselling/caseload';

/**
 * The counsellor's caseload (docs/decisions/047-caseload.md). Each read is audited per client
 * shown, so it is fetched when the page asks, not on window focus; the previous list stays on
 * screen while a new search answers.
 */
export const caseloadQuery = (filter: CaseloadFilter, q: string) =>
  queryOptions({
    queryKey: ['caseload', filter, q] as const,
    queryFn: () => api.get<CaseloadList>(CASELOAD_PATH, { filter, ...(q ? { q } : {}) }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
