import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LoadError } from '../../components/QueryState.js';
import { Skeleton } from '../../components/Skeleton.js';

/**
 * The header, then a form's skeleton while any of the page's queries loads, the error with one
 * retry for all of them if one fails, or the page once every one has its data.
 */
export function SurveyQueriesGate<Q extends readonly UseQueryResult<unknown>[]>({
  header,
  queries,
  children,
}: {
  header: ReactNode;
  queries: Q;
  /** The page, given each query's data in the order of `queries`. */
  children: (data: { [K in keyof Q]: NonNullable<Q[K]['data']> }) => ReactNode;
}) {
  let body: ReactNode;
  if (queries.some((q) => q.isPending)) body = <Skeleton shape="form" lines={6} heading={false} />;
  else if (queries.some((q) => q.data === undefined))
    body = (
      <LoadError error={queries.find((q) => q.error)?.error} onRetry={() => queries.forEach((q) => void q.refetch())} />
    );
  else body = children(queries.map((q) => q.data) as { [K in keyof Q]: NonNullable<Q[K]['data']> });
  return (
    <>
      {header}
      {body}
    </>
  );
}
