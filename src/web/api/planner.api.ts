import { queryOptions } from '@tanstack/react-query';
import type {
  BlockCreateBody,
  BlockView,
  DayPlan,
  ReviewBody,
  ReviewList,
  ReviewView,
  TaskCreateBody,
  TaskList,
  TaskPatchBody,
  TaskView,
} from '../../contracts/planner.js';
import { api } from './client.js';

export type {
  BlockCreateBody,
  BlockView,
  DayPlan,
  ReviewBody,
  ReviewList,
  ReviewView,
  TaskCreateBody,
  TaskList,
  TaskPatchBody,
  TaskView,
};

/** Where each call of the planner contract goes (src/contracts/planner.ts). */
const TASKS_PATH = '/api/v1/me/tasks';
const BLOCKS_PATH = '/api/v1/me/plan/blocks';
const REVIEWS_PATH = '/api/v1/me/plan/reviews';

export const tasksQuery = queryOptions({
  queryKey: ['planner', 'tasks'] as const,
  queryFn: () => api.get<TaskList>(TASKS_PATH),
});

export function createTask(body: TaskCreateBody): Promise<TaskView> {
  return api.post<TaskView>(TASKS_PATH, body);
}

export function patchTask(id: string, body: TaskPatchBody): Promise<TaskView> {
  return api.patch<TaskView>(`${TASKS_PATH}/${encodeURIComponent(id)}`, body);
}

export function deleteTask(id: string): Promise<void> {
  return api.delete(`${TASKS_PATH}/${encodeURIComponent(id)}`);
}

export const dayPlanQuery = (day: string) =>
  queryOptions({
    queryKey: ['planner', 'day', day] as const,
    queryFn: () => api.get<DayPlan>(BLOCKS_PATH, { day }),
  });

export function addBlock(body: BlockCreateBody): Promise<BlockView> {
  return api.post<BlockView>(BLOCKS_PATH, body);
}

export function removeBlock(id: string): Promise<void> {
  return api.delete(`${BLOCKS_PATH}/${encodeURIComponent(id)}`);
}

export const reviewsQuery = queryOptions({
  queryKey: ['planner', 'reviews'] as const,
  queryFn: () => api.get<ReviewList>(REVIEWS_PATH),
});

export function saveReview(week: string, body: ReviewBody): Promise<ReviewView> {
  return api.put<ReviewView>(`${REVIEWS_PATH}/${encodeURIComponent(week)}`, body);
}
