import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ActionDetail,
  actionList,
  ActionView,
  FollowUpFiguresView,
  FollowUpItem,
  FollowUpSectionView,
  MyPublication,
  myPublicationList,
  PublicationAdminView,
} from '../../contracts/survey-actions.js';
import { api } from './client.js';

/** Survey results published to staff, and action plans (docs/decisions/051-survey-publication-and-actions.md). */
export type {
  ActionDetail,
  ActionView,
  FollowUpFiguresView,
  FollowUpItem,
  FollowUpSectionView,
  MyPublication,
  PublicationAdminView,
};
export type ActionList = z.infer<typeof actionList>;
export type MyPublicationList = z.infer<typeof myPublicationList>;

export const SURVEY_ACTION_PATHS = {
  publication: (surveyId: string) => `/api/v1/surveys/${surveyId}/publication`,
  publish: (surveyId: string) => `/api/v1/surveys/${surveyId}/publication/publish`,
  unpublish: (surveyId: string) => `/api/v1/surveys/${surveyId}/publication/unpublish`,
  createAction: (surveyId: string) => `/api/v1/surveys/${surveyId}/actions`,
  actions: '/api/v1/survey-actions',
  action: (id: string) => `/api/v1/survey-actions/${id}`,
  notes: (id: string) => `/api/v1/survey-actions/${id}/notes`,
  mine: '/api/v1/me/survey-publications',
  myOne: (surveyId: string) => `/api/v1/me/survey-publications/${surveyId}`,
  followUpSection: (surveyId: string) => `/api/v1/surveys/${surveyId}/follow-up-section`,
} as const;

/** A draft's follow-up section, built from the previous wave's shared actions (nothing is saved). */
export function fetchFollowUpSection(surveyId: string) {
  return api.get<FollowUpSectionView>(SURVEY_ACTION_PATHS.followUpSection(surveyId));
}

export const publicationQuery = (surveyId: string) =>
  queryOptions({
    queryKey: ['survey', surveyId, 'publication'] as const,
    queryFn: () => api.get<PublicationAdminView>(SURVEY_ACTION_PATHS.publication(surveyId)),
    staleTime: 0,
    retry: false,
  });

export const surveyActionsQuery = (filter: { status?: string; surveyId?: string }) =>
  queryOptions({
    queryKey: ['survey-actions', filter] as const,
    queryFn: () =>
      api.get<ActionList>(SURVEY_ACTION_PATHS.actions, {
        status: filter.status || null,
        surveyId: filter.surveyId || null,
      }),
    staleTime: 0,
  });

export const surveyActionQuery = (id: string) =>
  queryOptions({
    queryKey: ['survey-action', id] as const,
    queryFn: () => api.get<ActionDetail>(SURVEY_ACTION_PATHS.action(id)),
    staleTime: 0,
  });

export const myPublicationsQuery = queryOptions({
  queryKey: ['my-survey-publications'] as const,
  queryFn: () => api.get<MyPublicationList>(SURVEY_ACTION_PATHS.mine),
  staleTime: 0,
});

export const myPublicationQuery = (surveyId: string) =>
  queryOptions({
    queryKey: ['my-survey-publications', surveyId] as const,
    queryFn: () => api.get<MyPublication>(SURVEY_ACTION_PATHS.myOne(surveyId)),
    staleTime: 0,
    retry: false,
  });

export function savePublication(surveyId: string, body: unknown, key: string) {
  return api.put<PublicationAdminView>(SURVEY_ACTION_PATHS.publication(surveyId), body, { idempotencyKey: key });
}

export function publishPublication(surveyId: string, key: string) {
  return api.post<PublicationAdminView>(SURVEY_ACTION_PATHS.publish(surveyId), undefined, { idempotencyKey: key });
}

export function unpublishPublication(surveyId: string, body: unknown, key: string) {
  return api.post<PublicationAdminView>(SURVEY_ACTION_PATHS.unpublish(surveyId), body, { idempotencyKey: key });
}

export function createSurveyAction(surveyId: string, body: unknown, key: string) {
  return api.post<ActionDetail>(SURVEY_ACTION_PATHS.createAction(surveyId), body, { idempotencyKey: key });
}

export function updateSurveyAction(id: string, body: unknown, key: string) {
  return api.put<ActionDetail>(SURVEY_ACTION_PATHS.action(id), body, { idempotencyKey: key });
}

export function addSurveyActionNote(id: string, body: unknown, key: string) {
  return api.post<ActionDetail>(SURVEY_ACTION_PATHS.notes(id), body, { idempotencyKey: key });
}
