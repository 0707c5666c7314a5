import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './client.js';

/** One query cache for the app. Reads retry only when the failure was not a final answer. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) =>
        failureCount < 2 && isApiError(error) && (error.status === 0 || error.status >= 500),
    },
    mutations: { retry: false },
  },
});
