import { useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import { useRef } from 'react';
import { isApiError, newIdempotencyKey, type ApiError } from './client.js';

/**
 * useMutation with an Idempotency-Key per submission: when a submission fails without a final
 * answer (network, 5xx, 429) and the person sends the same thing again, the same key goes with it,
 * so the server stores it once even if the first attempt did arrive.
 */
export function useApiMutation<TData, TVariables = void>(
  mutate: (variables: TVariables, idempotencyKey: string) => Promise<TData>,
  options: Omit<UseMutationOptions<TData, ApiError, TVariables>, 'mutationFn'> = {},
): UseMutationResult<TData, ApiError, TVariables> {
  const pending = useRef<{ fingerprint: string; key: string } | null>(null);
  return useMutation<TData, ApiError, TVariables>({
    ...options,
    mutationFn: async (variables) => {
      const fingerprint = JSON.stringify(variables ?? null);
      const key = pending.current?.fingerprint === fingerprint ? pending.current.key : newIdempotencyKey();
      pending.current = { fingerprint, key };
      try {
        const result = await mutate(variables, key);
        pending.current = null;
        return result;
      } catch (err) {
        if (!(isApiError(err) && err.isRetryable)) pending.current = null;
        throw err;
      }
    },
  });
}
