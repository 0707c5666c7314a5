import type { ReactNode } from 'react';
import { isApiError } from '../api/client.js';
import { useT } from '../i18n.js';
import { Alert } from './Alert.js';
import { Button } from './Button.js';
import { Skeleton, type SkeletonShape } from './Skeleton.js';

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** Loading (a skeleton of the content), error (with retry and the request id) or the content, for one query. */
export function QueryState<T>({
  query,
  loadingLabel,
  skeletonLines,
  skeleton,
  children,
}: {
  query: QueryLike<T>;
  loadingLabel?: string;
  /** How many lines of text the skeleton shows while the query waits. */
  skeletonLines?: number;
  /** The shape of what will appear: lines of text (default), cards, rows of a list or table, a form. */
  skeleton?: SkeletonShape;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Skeleton label={loadingLabel} shape={skeleton} lines={skeletonLines} />;
  if (query.error || query.data === undefined)
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useT();
  const message = isApiError(error) ? error.message : t('common.errors.unexpected');
  const requestId = isApiError(error) ? error.requestId : null;
  return (
    <Alert tone="error" title={t('common.errors.load_failed')}>
      <p>{message}</p>
      {requestId && <p className="muted small">{t('common.errors.request_id', { id: requestId })}</p>}
      {onRetry && (
        <Button variant="secondary" size="small" onClick={onRetry}>
          {t('common.actions.try_again')}
        </Button>
      )}
    </Alert>
  );
}
