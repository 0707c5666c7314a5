import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { roleLabel } from '../../lib/options.js';
import { useFormat } from '../../lib/use-format.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { clinicalAccessQuery, type ClinicalAccessView } from '../../api/role-requests.api.js';
import './dpo.css';

type Reader = ClinicalAccessView['readers'][number];
type Approver = ClinicalAccessView['approvers'][number];
type Pending = ClinicalAccessView['pending'][number];

/**
 * The open list (docs/decisions/012-separation-of-duties.md): every employee sees who in their agency can read requests for help and
 * shared results, who approves those roles, and since when — so a quiet grant cannot happen.
 */
export function ClinicalAccessPage() {
  const { t } = useT();
  const fmt = useFormat();
  const list = useQuery(clinicalAccessQuery);
  const readerColumns: Column<Reader>[] = [
    { key: 'name', header: t('dpo.clinical_access.columns.name'), primary: true, cell: (r) => r.name },
    { key: 'role', header: t('dpo.clinical_access.columns.role'), cell: (r) => roleLabel(t, r.role) },
    {
      key: 'scope',
      header: t('dpo.clinical_access.columns.scope'),
      cell: (r) => r.unitName ?? t('dpo.clinical_access.whole_agency'),
    },
    { key: 'since', header: t('dpo.clinical_access.columns.since'), cell: (r) => fmt.dateTime(r.since) },
    {
      key: 'approved',
      header: t('dpo.clinical_access.columns.approved_by'),
      cell: (r) => r.approvedByName ?? t('dpo.clinical_access.approved_unknown'),
    },
  ];
  const approverColumns: Column<Approver>[] = [
    { key: 'name', header: t('dpo.clinical_access.columns.name'), primary: true, cell: (r) => r.name },
    { key: 'role', header: t('dpo.clinical_access.columns.role'), cell: (r) => roleLabel(t, r.role) },
    { key: 'since', header: t('dpo.clinical_access.columns.since'), cell: (r) => fmt.dateTime(r.since) },
  ];
  const pendingColumns: Column<Pending>[] = [
    { key: 'name', header: t('dpo.clinical_access.columns.name'), primary: true, cell: (r) => r.personName },
    { key: 'role', header: t('dpo.clinical_access.columns.role'), cell: (r) => roleLabel(t, r.role) },
    { key: 'since', header: t('dpo.clinical_access.columns.since'), cell: (r) => fmt.dateTime(r.requestedAt) },
  ];
  return (
    <>
      <PageHeader
        title={t('dpo.clinical_access.title')}
        lead={t('dpo.clinical_access.lead')}
        eyebrow={<Link to="/profile/privacy">{t('profile.privacy.title')}</Link>}
      />
      <QueryState query={list} skeleton="rows" skeletonLines={5}>
        {(data) => (
          <>
            <section className="card" aria-labelledby="readers-title">
              <h2 id="readers-title">{t('dpo.clinical_access.readers_title')}</h2>
              <p className="muted">{t('dpo.clinical_access.readers_lead')}</p>
              {data.readers.length === 0 ? (
                <EmptyState title={t('dpo.clinical_access.readers_empty')} />
              ) : (
                <DataTable
                  caption={t('dpo.clinical_access.readers_caption')}
                  columns={readerColumns}
                  rows={data.readers}
                  rowKey={(r) => `${r.personId}-${r.role}-${r.unitName ?? ''}`}
                />
              )}
            </section>
            <section className="card" aria-labelledby="approvers-title">
              <h2 id="approvers-title">{t('dpo.clinical_access.approvers_title')}</h2>
              <p className="muted">{t('dpo.clinical_access.approvers_lead')}</p>
              <DataTable
                caption={t('dpo.clinical_access.approvers_caption')}
                columns={approverColumns}
                rows={data.approvers}
                rowKey={(r) => `${r.personId}-${r.role}`}
              />
            </section>
            {data.pending.length > 0 && (
              <section className="card" aria-labelledby="pending-title">
                <h2 id="pending-title">{t('dpo.clinical_access.pending_title')}</h2>
                <DataTable
                  caption={t('dpo.clinical_access.pending_caption')}
                  columns={pendingColumns}
                  rows={data.pending}
                  rowKey={(r) => `${r.personName}-${r.role}-${r.requestedAt}`}
                />
              </section>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
