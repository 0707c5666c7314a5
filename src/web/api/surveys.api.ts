import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  MySurveyDetail,
  mySurveyList,
  SurveyCommentsView,
  SurveyDetail,
  surveyList,
  SurveyProgress,
  SurveyResultsView,
  surveyTemplateList,
  SurveyView,
} from '../../contracts/surveys.js';
import type { AnswerValue } from '../../domain/surveys/tally.js';
import { api, isApiError } from './client.js';

export type SurveyList = z.infer<typeof surveyList>;
export type SurveyTemplateList = z.infer<typeof surveyTemplateList>;
export type SurveyTemplate = SurveyTemplateList['items'][number];
export type MySurveyList = z.infer<typeof mySurveyList>;
export type MySurvey = MySurveyList['items'][number];
export type { MySurveyDetail, SurveyCommentsView, SurveyDetail, SurveyProgress, SurveyResultsView, SurveyView };

export const SURVEY_PATHS = {
  templates: '/api/v1/survey-templates',
  list: '/api/v1/surveys',
  one: (id: string) => `/api/v1/surveys/${id}`,
  open: (id: string) => `/api/v1/surveys/${id}/open`,
  close: (id: string) => `/api/v1/surveys/${id}/close`,
  reopen: (id: string) => `/api/v1/surveys/${id}/reopen`,
  progress: (id: string) => `/api/v1/surveys/${id}/progress`,
  results: (id: string) => `/api/v1/surveys/${id}/results`,
  comments: (id: string) => `/api/v1/surveys/${id}/comments`,
  export: (id: string) => `/api/v1/surveys/${id}/results/export`,
  mine: '/api/v1/me/surveys',
  myOne: (id: string) => `/api/v1/me/surveys/${id}`,
  answers: (id: string) => `/api/v1/me/surveys/${id}/answers`,
} as const;

// ── The wellbeing admin's ─────────────────────────────────────────────────────────────────────

export const surveyTemplatesQuery = queryOptions({
  queryKey: ['survey-templates'] as const,
  queryFn: () => api.get<SurveyTemplateList>(SURVEY_PATHS.templates),
  // The library ships with the release: it does not change while the app is open.
  staleTime: Infinity,
});

export const surveysQuery = queryOptions({
  queryKey: ['surveys'] as const,
  queryFn: () => api.get<SurveyList>(SURVEY_PATHS.list),
  staleTime: 0,
});

export const surveyQuery = (id: string) =>
  queryOptions({
    queryKey: ['survey', id] as const,
    queryFn: () => api.get<SurveyDetail>(SURVEY_PATHS.one(id)),
    staleTime: 0,
  });

export const surveyProgressQuery = (id: string) =>
  queryOptions({
    queryKey: ['survey', id, 'progress'] as const,
    queryFn: () => api.get<SurveyProgress>(SURVEY_PATHS.progress(id)),
    staleTime: 0,
  });

/** A just-closed survey's results are computed once, in the background: 409 until they are. */
export const isResultsNotReady = (error: unknown) => isApiError(error) && error.code === 'survey_results_not_ready';
const RESULTS_RETRY_MS = 5_000;

/**
 * A closed survey's results, one breakdown at a time (`ageBand:30-39`). They never move once
 * computed (docs/surveys.md#results-and-anonymity), so they stay fresh; while still being computed
 * the page asks again every few seconds.
 */
export const surveyResultsQuery = (id: string, filter: string | null) =>
  queryOptions({
    queryKey: ['survey', id, 'results', filter] as const,
    queryFn: () => api.get<SurveyResultsView>(SURVEY_PATHS.results(id), { filter }),
    staleTime: Infinity,
    // Another breakdown keeps the one on screen until it arrives: the filter stays where it was.
    placeholderData: keepPreviousData,
    retry: false,
    refetchInterval: (query) => (isResultsNotReady(query.state.error) ? RESULTS_RETRY_MS : false),
  });

/** The comments of the groups of at least k_c respondents; one unit's, or every group's. */
export const surveyCommentsQuery = (id: string, unit: string | null) =>
  queryOptions({
    queryKey: ['survey', id, 'comments', unit] as const,
    queryFn: () => api.get<SurveyCommentsView>(SURVEY_PATHS.comments(id), { unit }),
    staleTime: Infinity,
    retry: false,
  });

/** A download link for the results view (the same filter) as XLSX or PDF; audited on the server. */
export function surveyResultsFileUrl(id: string, format: 'xlsx' | 'pdf', filter: string): string {
  const query = new URLSearchParams({ format, ...(filter ? { filter } : {}) });
  return `${SURVEY_PATHS.export(id)}?${query.toString()}`;
}

export function createSurvey(body: unknown, key: string): Promise<SurveyDetail> {
  return api.post<SurveyDetail>(SURVEY_PATHS.list, body, { idempotencyKey: key });
}

export function updateSurvey(id: string, body: unknown, key: string): Promise<SurveyDetail> {
  return api.put<SurveyDetail>(SURVEY_PATHS.one(id), body, { idempotencyKey: key });
}

export function openSurvey(id: string, key: string): Promise<SurveyView> {
  return api.post<SurveyView>(SURVEY_PATHS.open(id), undefined, { idempotencyKey: key });
}

export function closeSurvey(id: string, key: string): Promise<SurveyView> {
  return api.post<SurveyView>(SURVEY_PATHS.close(id), undefined, { idempotencyKey: key });
}

export function reopenSurvey(id: string, body: unknown, key: string): Promise<SurveyView> {
  return api.post<SurveyView>(SURVEY_PATHS.reopen(id), body, { idempotencyKey: key });
}

// ── The employee's ────────────────────────────────────────────────────────────────────────────

/** The open surveys I was asked, on my home page and /surveys/mine. */
export const mySurveysQuery = queryOptions({
  queryKey: ['my-surveys'] as const,
  queryFn: () => api.get<MySurveyList>(SURVEY_PATHS.mine),
  staleTime: 0,
});

export const mySurveyQuery = (id: string) =>
  queryOptions({
    queryKey: ['my-surveys', id] as const,
    queryFn: () => api.get<MySurveyDetail>(SURVEY_PATHS.myOne(id)),
    staleTime: 0,
  });

/**
 * Sends my answers once. The server keeps nothing of them for replay (the route carries secrets):
 * a retry that meets my first answer is refused with 409, which the form reads as "recorded".
 */
export function submitSurveyAnswers(id: string, answers: Record<string, AnswerValue>, key: string): Promise<unknown> {
  return api.post(SURVEY_PATHS.answers(id), { answers }, { idempotencyKey: key });
}
