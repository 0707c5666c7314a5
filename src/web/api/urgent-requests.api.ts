import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { crisisRequestList } from '../../contracts/counselling.js';
import { api } from './client.js';

export type QueueFilter = 'active' | 'closed';
type CrisisRequestList = z.infer<typeof crisisRequestList>;

export const URGENT_REQUESTS_PATH = '/api/v1/counselling/urgent-requests';

/** The prefix of the urgent queue, whichever requests it shows. */
export const crisisRequestsKey = ['crisis-requests'] as const;

/**
 * The urgent queue's first page (the counsellor's home shows how many wait). The server audits every
 * listing as a read of each person's request (and each person sees those reads), so it is read when
 * the counsellor asks, never polled in the background.
 */
export const crisisRequestsQuery = (status: QueueFilter | 'open') =>
  queryOptions({
    queryKey: [...crisisRequestsKey, status] as const,
    queryFn: () => api.get<CrisisRequestList>(URGENT_REQUESTS_PATH, { status }),
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
