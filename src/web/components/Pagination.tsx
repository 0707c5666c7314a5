import { formatNumber } from '../../i18n/format.js';
import { useT } from '../i18n.js';
import { Button } from './Button.js';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  label?: string;
}

/** Previous / next paging with "page x of y" and the total. */
export function Pagination({ page, pageSize, total, onPage, label }: PaginationProps) {
  const { t, locale } = useT();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize && page === 1) return null;
  return (
    <nav className="pagination" aria-label={label ?? t('common.pagination.label')}>
      <Button variant="secondary" size="small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.pagination.previous')}
      </Button>
      <p className="pagination__status" aria-live="polite">
        {t('common.pagination.status', {
          page: formatNumber(page, locale),
          pages: formatNumber(pages, locale),
          total: formatNumber(total, locale),
        })}
      </p>
      <Button variant="secondary" size="small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.pagination.next')}
      </Button>
    </nav>
  );
}
