import type { z } from 'zod';
import type { ImportKind, importList, ImportView } from '../../contracts/imports.js';
import { api, upload } from './client.js';

export type { ImportView };
export type ImportList = z.infer<typeof importList>;
export type ImportSummary = ImportList['items'][number];

/** How often a check or a save in progress is asked about. */
const POLL_MS = 700;

export const importQuery = (id: string) => ({
  queryKey: ['import', id] as const,
  queryFn: () => api.get<ImportView>(`/api/v1/imports/${id}`),
  refetchInterval: (query: { state: { data?: ImportView } }) =>
    query.state.data && ['validating', 'committing'].includes(query.state.data.status) ? POLL_MS : false,
});

export const recentImportsQuery = {
  queryKey: ['imports'] as const,
  queryFn: () => api.get<ImportList>('/api/v1/imports'),
};

/** Sends a file to be checked, with upload progress; `abort` stops it. */
export function uploadImport(data: FormData, onProgress: (loaded: number, total: number) => void) {
  return upload<ImportView>('/api/v1/imports', data, { onProgress });
}

export function commitImport(id: string, mode: 'all_or_nothing' | 'valid_only', key: string): Promise<ImportView> {
  return api.post<ImportView>(`/api/v1/imports/${id}/commit`, { mode }, { idempotencyKey: key });
}

export function cancelImport(id: string, key: string): Promise<ImportView> {
  return api.post<ImportView>(`/api/v1/imports/${id}/cancel`, undefined, { idempotencyKey: key });
}

/** A download link for an empty template of one kind. */
export function importTemplateUrl(kind: ImportKind, format: 'xlsx' | 'csv'): string {
  return `/api/v1/import-templates/${kind}?format=${format}`;
}
