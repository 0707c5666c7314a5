import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  MySurveyDetail,
  mySurveyList,
  SurveyDetail,
  surveyList,
  SurveyProgress,
  surveyTemplateList,
  SurveyView,
} from '../../contracts/surveys.js';
import type { AnswerValue } from '../../domain/surveys/tally.js';
import { api } from './client.js';

export type SurveyList = z.infer<typeof surveyList>;
export type SurveyTemplateList = z.infer<typeof surveyTemplateList>;
export type SurveyTemplate = SurveyTemplateList['items'][number];
export type MySurveyList = z.infer<typeof mySurveyList>;
export type MySurvey = MySurveyList['items'][number];
export type { MySurveyDetail, SurveyDetail, SurveyProgress, SurveyView };

export const SURVEY_PATHS = {
  templates: '/api/v1/survey-templates',
  list: '/api/v1/surveys',
  one: (id: string) => `/api/v1/surveys/${id}`,
  open: (id: string) => `/api/v1/surveys/${id}/open`,
  close: (id: string) => `/api/v1/surveys/${id}/close`,
  reopen: (id: string) => `/api/v1/surveys/${id}/reopen`,
  progress: (id: string) => `/api/v1/surveys/${id}/progress`,
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
