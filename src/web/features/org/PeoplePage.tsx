import { useQuery } from '@tanstack/react-query';
import { useUrlParams } from '../../lib/use-url-params.js';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { PersonSummary } from '../../../contracts/org.js';
import { ASSIGNABLE_ROLES } from '../../../domain/access/roles.js';
import { employmentOptions, roleLabel } from '../../lib/options.js';
import { useTypedSearch } from '../../lib/use-typed-search.js';
import { useFormat } from '../../lib/use-format.js';
import { Badge } from '../../components/Badge.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Checkbox, Select, TextField } from '../../components/fields.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pagination } from '../../components/Pagination.js';
import { LoadError } from '../../components/QueryState.js';
import { Skeleton } from '../../components/Skeleton.js';
import { useT, type TranslateFn } from '../../i18n.js';
import { peopleQuery, unitsQuery, type PeopleFilter } from '../../api/org.api.js';
import { unitOptions } from '../../lib/unit-tree.js';
import './org.css';

const PAGE_SIZE = 25;

export function accountStatus(
  t: TranslateFn,
  p: Pick<PersonSummary, 'isActive' | 'hasSignedUp' | 'invitationPending'>,
): ReactNode {
  if (!p.isActive) return <Badge tone="neutral">{t('org.status.inactive')}</Badge>;
  if (p.hasSignedUp) return <Badge tone="success">{t('org.status.signed_up')}</Badge>;
  if (p.invitationPending) return <Badge tone="info">{t('org.status.invited')}</Badge>;
  return <Badge tone="warning">{t('org.status.not_invited')}</Badge>;
}

/** People of the agency: search, filter, page, and the way to add one. */
export function PeoplePage() {
  const { t } = useT();
  const fmt = useFormat();
  const [params, setParams] = useUrlParams();
  const units = useQuery(unitsQuery);
  const update = (changes: Record<string, string | undefined>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  };

  const { typed: search, query: debounced, type } = useTypedSearch(params.get('q') ?? '', 350, (q) => update({ q }));

  const filter: PeopleFilter = {
    q: debounced || undefined,
    unitId: params.get('unitId') || undefined,
    includeSubunits: params.get('includeSubunits') === 'false' ? 'false' : 'true',
    role: params.get('role') || undefined,
    employmentType: params.get('employmentType') || undefined,
    status: (params.get('status') as PeopleFilter['status']) || 'active',
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
  const people = useQuery(peopleQuery(filter));

  const columns: Column<PersonSummary>[] = [
    {
      key: 'name',
      header: t('org.people.columns.name'),
      primary: true,
      cell: (p) => <Link to={`/admin/people/${p.id}`}>{p.fullName}</Link>,
    },
    { key: 'nip', header: t('org.people.columns.nip'), cell: (p) => p.nip ?? '—' },
    { key: 'unit', header: t('org.people.columns.unit'), cell: (p) => p.unitName },
    { key: 'position', header: t('org.people.columns.position'), cell: (p) => p.position ?? '—' },
    {
      key: 'roles',
      header: t('org.people.columns.roles'),
      cell: (p) =>
        p.roles
          .filter((r) => r !== 'employee')
          .map((r) => roleLabel(t, r))
          .join(', ') || t('common.roles.employee'),
    },
    { key: 'status', header: t('org.people.columns.status'), cell: (p) => accountStatus(t, p) },
  ];

  return (
    <>
      <PageHeader
        title={t('org.people.title')}
        lead={t('org.people.lead')}
        actions={
          <Link to="/admin/people/new" className="btn btn--primary">
            {t('org.people.add')}
          </Link>
        }
      />
      <div className="card filters">
        <div role="search" className="filters__search">
          <TextField
            id="people-search"
            type="search"
            label={t('org.people.search')}
            hint={t('org.people.search_hint')}
            value={search}
            onChange={type}
            autoComplete="off"
          />
        </div>
        <div className="filters__grid">
          <Select
            id="people-unit"
            label={t('org.people.filters.unit')}
            value={filter.unitId ?? ''}
            onChange={(value) => update({ unitId: value })}
            options={units.data ? unitOptions(units.data.items) : []}
            placeholder={t('org.people.filters.all_units')}
          />
          <Select
            id="people-role"
            label={t('org.people.filters.role')}
            value={filter.role ?? ''}
            onChange={(value) => update({ role: value })}
            options={ASSIGNABLE_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
            placeholder={t('org.people.filters.all_roles')}
          />
          <Select
            id="people-employment"
            label={t('org.people.filters.employment')}
            value={filter.employmentType ?? ''}
            onChange={(value) => update({ employmentType: value })}
            options={employmentOptions(t)}
            placeholder={t('org.people.filters.all_employment')}
          />
          <Select
            id="people-status"
            label={t('org.people.filters.status')}
            value={filter.status ?? 'active'}
            onChange={(value) => update({ status: value === 'active' ? undefined : value })}
            options={[
              { value: 'active', label: t('org.people.filters.active') },
              { value: 'inactive', label: t('org.people.filters.inactive') },
              { value: 'all', label: t('org.people.filters.all') },
            ]}
          />
        </div>
        {filter.unitId && (
          <Checkbox
            id="people-subunits"
            label={t('org.people.filters.include_subunits')}
            checked={filter.includeSubunits !== 'false'}
            onChange={(checked) => update({ includeSubunits: checked ? undefined : 'false' })}
          />
        )}
      </div>
      <section aria-labelledby="people-results" className="results">
        <h2 id="people-results" className="visually-hidden">
          {t('org.people.results')}
        </h2>
        <p className="results__count" role="status">
          {people.data ? t('org.people.found', { number: fmt.number(people.data.total) }) : ''}
        </p>
        {people.isPending ? (
          <Skeleton shape="rows" lines={8} heading={false} />
        ) : people.error ? (
          <LoadError error={people.error} onRetry={() => void people.refetch()} />
        ) : people.data.items.length === 0 ? (
          <EmptyState
            title={
              filter.q || filter.unitId || filter.role || filter.employmentType
                ? t('org.people.empty_filtered')
                : t('org.people.empty')
            }
            action={
              <Link to="/admin/import" className="btn btn--secondary">
                {t('org.people.import_link')}
              </Link>
            }
          />
        ) : (
          <div aria-busy={people.isFetching}>
            <DataTable
              caption={t('org.people.results')}
              columns={columns}
              rows={people.data.items}
              rowKey={(p) => p.id}
            />
            <Pagination
              page={people.data.page}
              pageSize={people.data.pageSize}
              total={people.data.total}
              onPage={(p) => update({ page: String(p) })}
            />
          </div>
        )}
      </section>
    </>
  );
}
