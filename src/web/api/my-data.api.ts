import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { correctionList, CorrectionBody, ErasureBody, ErasureView, MyDataView } from '../../contracts/my-data.js';
import type { ConsentPurposeId } from '../../domain/data-rights/purposes.js';
import { api } from './client.js';

export type { CorrectionBody, ErasureBody, ErasureView, MyDataView };
export type PurposeView = MyDataView['purposes'][number];
export type DataRequest = MyDataView['requests'][number];

/** Where each call of the my-data contract goes (src/contracts/my-data.ts). */
export const MY_DATA_PATHS = {
  overview: '/api/v1/me/data',
  exportJson: '/api/v1/me/export.json',
  exportHtml: '/api/v1/me/export.html',
  withdraw: (purpose: ConsentPurposeId) => `/api/v1/me/consents/${purpose}/withdraw`,
  grant: (purpose: ConsentPurposeId) => `/api/v1/me/consents/${purpose}/grant`,
  erasure: '/api/v1/me/erasure',
  corrections: '/api/v1/me/correction-requests',
} as const;

export const myDataQuery = queryOptions({
  queryKey: ['my-data'] as const,
  queryFn: () => api.get<MyDataView>(MY_DATA_PATHS.overview),
  staleTime: 0,
});

export function withdrawConsent(purpose: ConsentPurposeId, idempotencyKey: string): Promise<MyDataView> {
  return api.post<MyDataView>(MY_DATA_PATHS.withdraw(purpose), {}, { idempotencyKey });
}

export function grantConsent(
  purpose: ConsentPurposeId,
  textVersion: string,
  idempotencyKey: string,
): Promise<MyDataView> {
  return api.post<MyDataView>(MY_DATA_PATHS.grant(purpose), { textVersion }, { idempotencyKey });
}

/** Erasure carries no idempotency key: it is idempotent by itself, and its answer is never stored. */
export function erase(body: ErasureBody): Promise<ErasureView> {
  return api.post<ErasureView>(MY_DATA_PATHS.erasure, body);
}

export function requestCorrection(body: CorrectionBody, idempotencyKey: string): Promise<DataRequest> {
  return api.post<DataRequest>(MY_DATA_PATHS.corrections, body, { idempotencyKey });
}

/* The agency admin's side: employees' correction requests. */

export type CorrectionItem = z.infer<typeof correctionList>['items'][number];

const CORRECTIONS_PATH = '/api/v1/agency/correction-requests';

export const correctionRequestsQuery = queryOptions({
  queryKey: ['correction-requests'] as const,
  queryFn: () => api.get<z.infer<typeof correctionList>>(CORRECTIONS_PATH),
  staleTime: 0,
});

export function resolveCorrection(
  id: string,
  body: { outcome: 'resolved' | 'rejected' | undefined; note: string | undefined },
  key: string,
): Promise<unknown> {
  return api.post(`${CORRECTIONS_PATH}/${id}/resolve`, body, { idempotencyKey: key });
}
