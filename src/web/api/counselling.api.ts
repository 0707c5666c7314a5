import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { sharedResultList, sharedResultView } from '../../contracts/assessments.js';
import type { SlotList } from '../../contracts/booking.js';
import type { crisisRequestList, crisisRequestView, FirstAppointmentBody } from '../../contracts/counselling.js';
import { api } from './client.js';
import { crisisRequestsKey, URGENT_REQUESTS_PATH, type QueueFilter } from './urgent-requests.api.js';

export type { QueueFilter };

export type CrisisRequest = z.infer<typeof crisisRequestView>;
export type CrisisRequestList = z.infer<typeof crisisRequestList>;
export type SharedResultList = z.infer<typeof sharedResultList>;
export type SharedResultView = z.infer<typeof sharedResultView>;

export const COUNSELLING_PATHS = {
  crisisRequests: URGENT_REQUESTS_PATH,
  acknowledge: (id: string) => `/api/v1/counselling/urgent-requests/${id}/acknowledge`,
  close: (id: string) => `/api/v1/counselling/urgent-requests/${id}/close`,
  firstAppointment: (id: string) => `/api/v1/counselling/urgent-requests/${id}/first-appointment`,
  ownSlots: '/api/v1/counsellor/slots',
  shared: '/api/v1/counselling/shared-results',
  sharedOne: (shareId: string) => `/api/v1/counselling/shared-results/${shareId}`,
} as const;

// The queue's first page as the home shows it lives in its own small file, so that the home's
// first load does not carry the queue page's paging and scheduling (docs/decisions/038-first-load-within-budget.md).
export { crisisRequestsKey, crisisRequestsQuery } from './urgent-requests.api.js';

/**
 * The page the queue asks for at a time. Kept here rather than imported from the contract (whose
 * URGENT_PAGE_SIZE says the same), so that the queue page does not load zod for one number.
 */
const URGENT_PAGE = 50;

/** The urgent queue page by page, as the queue page shows it (same audit rule: read on request only). */
export const crisisRequestPagesQuery = (status: QueueFilter) =>
  infiniteQueryOptions({
    queryKey: [...crisisRequestsKey, 'pages', status] as const,
    queryFn: ({ pageParam }) =>
      api.get<CrisisRequestList>(COUNSELLING_PATHS.crisisRequests, {
        status,
        limit: String(URGENT_PAGE),
        ...(pageParam ? { cursor: pageParam } : {}),
      }),
    initialPageParam: '',
    // Keyset paging (docs/decisions/043-counsellor-workspace.md): a new request never shifts a page.
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });

/** The counsellor's own free slots for the next two weeks, to offer a first session. */
export const ownSlotsQuery = queryOptions({
  queryKey: ['own-slots'] as const,
  queryFn: () => api.get<SlotList>(COUNSELLING_PATHS.ownSlots),
  staleTime: 0,
});

/** Schedules the first session for the person behind a request, in one of the counsellor's own slots. */
export function scheduleFirstAppointment(id: string, body: FirstAppointmentBody, key: string): Promise<CrisisRequest> {
  return api.post<CrisisRequest>(COUNSELLING_PATHS.firstAppointment(id), body, { idempotencyKey: key });
}

export const sharedResultsQuery = queryOptions({
  queryKey: ['shared-results'] as const,
  queryFn: () => api.get<SharedResultList>(COUNSELLING_PATHS.shared),
  staleTime: 0,
});

/** Every opening is a read the person sees in their access log: never prefetched, never refetched on focus. */
export const sharedResultQuery = (shareId: string) =>
  queryOptions({
    queryKey: ['shared-result', shareId] as const,
    queryFn: () => api.get<SharedResultView>(COUNSELLING_PATHS.sharedOne(shareId)),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });

/** A WhatsApp link for an Indonesian number as people write it ("0812-…" → 62812…). */
export function waLink(phone: string): string {
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  return `https://wa.me/${digits}`;
}

/** The duty counsellor takes a request on, or closes it. */
export function actOnCrisisRequest(id: string, action: 'acknowledge' | 'close', key: string): Promise<CrisisRequest> {
  return api.post<CrisisRequest>(
    action === 'acknowledge' ? COUNSELLING_PATHS.acknowledge(id) : COUNSELLING_PATHS.close(id),
    undefined,
    { idempotencyKey: key },
  );
}
