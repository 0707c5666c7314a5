import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  accessLog,
  consentList,
  counsellorList,
  draftList,
  DraftView,
  resultList,
  ResultView,
  shareView,
  SubmitBody,
} from '../../contracts/assessments.js';
import type { InstrumentId } from '../../domain/instruments/types.js';
import { api } from './client.js';

export type ResultList = z.infer<typeof resultList>;
export type ResultSummary = ResultList['items'][number];
export type ShareView = z.infer<typeof shareView>;
export type CounsellorList = z.infer<typeof counsellorList>;
export type ConsentList = z.infer<typeof consentList>;
export type AccessLog = z.infer<typeof accessLog>;
export type { DraftView, ResultView, SubmitBody };

/** Where each call of the assessments contract goes (src/contracts/assessments.ts). */
export const ASSESSMENT_PATHS = {
  drafts: '/api/v1/me/assessment-drafts',
  draft: (id: InstrumentId) => `/api/v1/me/assessment-drafts/${id}`,
  results: '/api/v1/me/assessments',
  result: (id: string) => `/api/v1/me/assessments/${id}`,
  shares: (id: string) => `/api/v1/me/assessments/${id}/shares`,
  share: (id: string, shareId: string) => `/api/v1/me/assessments/${id}/shares/${shareId}`,
  fhir: '/api/v1/me/assessments/fhir',
  counsellors: '/api/v1/me/counsellors',
  consents: '/api/v1/me/consents',
  accessLog: '/api/v1/me/access-log',
} as const;

export const draftsQuery = queryOptions({
  queryKey: ['drafts'] as const,
  queryFn: () => api.get<z.infer<typeof draftList>>(ASSESSMENT_PATHS.drafts),
  staleTime: 0,
});

/** The prefix of every list of my results, for one instrument or all. */
export const resultsKey = ['results'] as const;

export const resultsQuery = (instrumentId?: InstrumentId) =>
  queryOptions({
    queryKey: [...resultsKey, instrumentId ?? 'all'] as const,
    queryFn: () => api.get<ResultList>(ASSESSMENT_PATHS.results, { instrumentId }),
    staleTime: 0,
  });

export const resultQuery = (id: string) =>
  queryOptions({
    queryKey: ['result', id] as const,
    queryFn: () => api.get<ResultView>(ASSESSMENT_PATHS.result(id)),
    staleTime: 0,
  });

export const counsellorsQuery = queryOptions({
  queryKey: ['counsellors'] as const,
  queryFn: () => api.get<CounsellorList>(ASSESSMENT_PATHS.counsellors),
});

export const consentsQuery = queryOptions({
  queryKey: ['consents'] as const,
  queryFn: () => api.get<ConsentList>(ASSESSMENT_PATHS.consents),
  staleTime: 0,
});

export function saveDraft(
  id: InstrumentId,
  body: { answers: Array<number | null>; currentIndex: number; servesPublic: boolean; campaignId: string | null },
): Promise<DraftView> {
  return api.put<DraftView>(ASSESSMENT_PATHS.draft(id), body);
}

export function deleteDraft(id: InstrumentId): Promise<unknown> {
  return api.delete(ASSESSMENT_PATHS.draft(id));
}

/** The submission key doubles as the Idempotency-Key: a retry replays the stored result. */
export function submitAssessment(body: SubmitBody): Promise<ResultView> {
  return api.post<ResultView>(ASSESSMENT_PATHS.results, body, { idempotencyKey: body.submissionKey });
}

export function shareResult(
  resultId: string,
  body: { counsellorId: string; consentVersion: string },
  key: string,
): Promise<ShareView> {
  return api.post<ShareView>(ASSESSMENT_PATHS.shares(resultId), body, { idempotencyKey: key });
}

export function revokeShare(resultId: string, shareId: string, key: string): Promise<unknown> {
  return api.delete(ASSESSMENT_PATHS.share(resultId, shareId), { idempotencyKey: key });
}

export function deleteResult(resultId: string, key: string): Promise<unknown> {
  return api.delete(ASSESSMENT_PATHS.result(resultId), { idempotencyKey: key });
}

/** The person's access log, newest first, a page of 50 after `cursor`. */
export function accessLogPage(cursor: string | null): Promise<AccessLog> {
  return api.get<AccessLog>(ASSESSMENT_PATHS.accessLog, { cursor: cursor ?? undefined, limit: 50 });
}

/** Who read my data, newest first, a page at a time; read fresh on each visit. */
export const accessLogQuery = infiniteQueryOptions({
  queryKey: ['access-log'] as const,
  queryFn: ({ pageParam }) => accessLogPage(pageParam),
  initialPageParam: null as string | null,
  getNextPageParam: (last) => last.nextCursor,
  staleTime: 0,
});
