import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/client.js';
import {
  correctionRequestsQuery as correctionsQuery,
  resolveCorrection,
  type CorrectionItem,
} from '../../api/my-data.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { TextArea } from '../../components/fields.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';

/**
 * /admin/corrections — the agency admin answers employees' correction requests for the fields the
 * HR import owns (UU PDP art. 6, 14): correct the person on the People page, then mark it done,
 * or refuse it with a note the employee reads on their My data page.
 */
export function CorrectionRequestsPage() {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const list = useQuery(correctionsQuery);
  const [answering, setAnswering] = useState<{ item: CorrectionItem; outcome: 'resolved' | 'rejected' } | null>(null);
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const answer = useApiMutation<unknown>((_, key) =>
    resolveCorrection(answering?.item.id ?? '', { outcome: answering?.outcome, note: note || undefined }, key),
  );

  const columns: Column<CorrectionItem>[] = [
    {
      key: 'person',
      header: t('my_data.admin.columns.person'),
      primary: true,
      cell: (c) => <Link to={`/admin/people/${c.person.id}`}>{c.person.fullName}</Link>,
    },
    { key: 'when', header: t('my_data.admin.columns.when'), cell: (c) => fmt.dateTime(c.createdAt) },
    { key: 'field', header: t('my_data.admin.columns.field'), cell: (c) => t(`my_data.correction.fields.${c.field}`) },
    { key: 'value', header: t('my_data.admin.columns.value'), cell: (c) => c.requestedValue },
    { key: 'reason', header: t('my_data.admin.columns.reason'), cell: (c) => c.reason ?? t('common.none') },
    {
      key: 'status',
      header: t('my_data.admin.columns.status'),
      cell: (c) => (
        <>
          <Badge tone={c.status === 'open' ? 'warning' : c.status === 'resolved' ? 'success' : 'neutral'}>
            {t(`my_data.requests.status.${c.status}`)}
          </Badge>
          {c.resolutionNote && <span className="small muted"> {c.resolutionNote}</span>}
        </>
      ),
    },
    {
      key: 'action',
      header: t('my_data.admin.columns.action'),
      cell: (c) =>
        c.status === 'open' ? (
          <ButtonRow>
            <Button size="small" onClick={() => setAnswering({ item: c, outcome: 'resolved' })}>
              {t('my_data.admin.resolve')}
            </Button>
            <Button size="small" variant="secondary" onClick={() => setAnswering({ item: c, outcome: 'rejected' })}>
              {t('my_data.admin.reject')}
            </Button>
          </ButtonRow>
        ) : (
          t('common.none')
        ),
    },
  ];

  const close = () => {
    answer.reset();
    setAnswering(null);
    setNote('');
  };

  return (
    <>
      <PageHeader title={t('my_data.admin.title')} lead={t('my_data.admin.lead')} />
      {done && <Alert tone="success">{t('my_data.admin.done')}</Alert>}
      <QueryState query={list} loadingLabel={t('my_data.admin.loading')} skeleton="rows" skeletonLines={4}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('my_data.admin.empty')} />
          ) : (
            <DataTable caption={t('my_data.admin.caption')} columns={columns} rows={data.items} rowKey={(c) => c.id} />
          )
        }
      </QueryState>
      <ConfirmDialog
        open={answering !== null}
        title={
          answering?.outcome === 'rejected'
            ? t('my_data.admin.confirm_reject_title')
            : t('my_data.admin.confirm_resolve_title')
        }
        confirmLabel={answering?.outcome === 'rejected' ? t('my_data.admin.reject') : t('my_data.admin.resolve')}
        tone={answering?.outcome === 'rejected' ? 'danger' : 'primary'}
        busy={answer.isPending}
        error={answer.error ? (isApiError(answer.error) ? answer.error.message : t('common.errors.unexpected')) : null}
        onConfirm={() =>
          answer.mutate(undefined, {
            onSuccess: () => {
              close();
              setDone(true);
              void queryClient.invalidateQueries({ queryKey: correctionsQuery.queryKey });
            },
          })
        }
        onCancel={close}
      >
        {answering && (
          <p>
            {t('my_data.admin.confirm_body', {
              field: t(`my_data.correction.fields.${answering.item.field}`),
              name: answering.item.person.fullName,
            })}
          </p>
        )}
        <TextArea
          id="correction-note"
          label={t('my_data.admin.note')}
          optional
          rows={3}
          maxLength={500}
          value={note}
          onChange={setNote}
        />
      </ConfirmDialog>
    </>
  );
}
