import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useApiMutation } from '../../api/mutation.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { TextField } from '../../components/fields.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { type RetentionList, retentionQuery, saveRetention } from '../../api/dpo.api.js';
import './dpo.css';

type Row = RetentionList['items'][number];

function RetentionRow({ row, onSaved }: { row: Row; onSaved: (message: string) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [days, setDays] = useState(String(row.days));
  const [error, setError] = useState<string | undefined>();
  const save = useApiMutation((value: number, key) => saveRetention(row.dataClass, value, key));
  const name = t(`dpo.retention_classes.${row.dataClass}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(days);
    if (!Number.isInteger(value) || value < row.minDays || value > row.maxDays) {
      setError(t('validation.retention_days', { min: row.minDays, max: row.maxDays }));
      return;
    }
    setError(undefined);
    save.mutate(value, {
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: retentionQuery.queryKey });
        onSaved(t('dpo.retention.saved', { name, days: value }));
      },
      onError: (err) => setError(err.message),
    });
  };
  return (
    <li className="grant-list__item retention-item">
      <form className="retention-row" onSubmit={submit} noValidate aria-label={name}>
        <TextField
          id={`retention-${row.dataClass}`}
          label={name}
          hint={t('dpo.retention.bounds', { min: row.minDays, max: row.maxDays })}
          inputMode="numeric"
          value={days}
          onChange={setDays}
          error={error}
        />
        {row.isDefault && <Badge>{t('dpo.retention.default')}</Badge>}
        <Button
          type="submit"
          size="small"
          variant="secondary"
          busy={save.isPending}
          aria-label={t('dpo.retention.save_named', { name })}
        >
          {t('dpo.retention.save')}
        </Button>
      </form>
      <p className="muted small retention-item__about">
        {t(`dpo.retention_details.${row.dataClass}`)}
        <br />
        {t('dpo.legal_basis.label')}: {t(`dpo.legal_basis.${row.legalBasis}`)}
      </p>
    </li>
  );
}

/** /dpo/retention — days kept per data class, within safe bounds, and what the nightly job deleted. */
export function RetentionPage() {
  const { t } = useT();
  const fmt = useFormat();
  const list = useQuery(retentionQuery);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('dpo.retention.title')} lead={t('dpo.retention.lead')} />
      {notice && <Alert tone="success">{notice}</Alert>}
      <QueryState query={list} skeleton="rows" skeletonLines={8}>
        {(data) => (
          <div className="stack">
            <section className="card" aria-labelledby="retention-title">
              <h2 id="retention-title">{t('dpo.retention.caption')}</h2>
              <ul className="grant-list">
                {data.items.map((row) => (
                  <RetentionRow key={`${row.dataClass}-${row.days}`} row={row} onSaved={setNotice} />
                ))}
              </ul>
              <p className="muted">{t('dpo.retention.audit_log', { days: data.auditLogDays })}</p>
            </section>
            <section className="card" aria-labelledby="runs-title">
              <h2 id="runs-title">{t('dpo.retention.runs_title')}</h2>
              {data.runs.length === 0 ? (
                <EmptyState title={t('dpo.retention.runs_empty')} />
              ) : (
                <ul>
                  {data.runs.map((r) => (
                    <li key={r.id}>
                      {t('dpo.retention.run_line', {
                        date: fmt.dateTime(r.ranAt),
                        total: Object.values(r.counts).reduce((a, b) => a + b, 0),
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        )}
      </QueryState>
    </>
  );
}
