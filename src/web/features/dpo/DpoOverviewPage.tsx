import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../components/Alert.js';
import { useApiMutation } from '../../api/mutation.js';
import { roleLabel } from '../../lib/options.js';
import { useFormat } from '../../lib/use-format.js';
import { Button } from '../../components/Button.js';
import { Checkbox } from '../../components/fields.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT, type TranslateFn } from '../../i18n.js';
import { acknowledgeAlert, type AlertList, alertsKey, alertsQuery } from '../../api/dpo.api.js';
import { roleRequestsQuery } from '../../api/role-requests.api.js';
import { RoleRequestList } from '../../components/role-requests/RoleRequestList.js';
import './dpo.css';

type AlertItem = AlertList['items'][number];

function alertText(t: TranslateFn, a: AlertItem): string {
  const name = a.personName ?? t('dpo.alerts.someone');
  const d = a.details;
  switch (a.kind) {
    case 'role_requested':
    case 'role_approved':
      return t(`dpo.alerts.kinds.${a.kind}`, { role: roleLabel(t, String(d.role)), name });
    case 'denied_reads':
      return t('dpo.alerts.kinds.denied_reads', { name, count: d.count, window: d.windowMinutes });
    case 'exports':
      return t('dpo.alerts.kinds.exports', { name, count: d.count, window: d.windowHours });
  }
}

function Alerts() {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [all, setAll] = useState(false);
  const alerts = useQuery(alertsQuery(all ? 'all' : 'open'));
  const ack = useApiMutation((id: string, key) => acknowledgeAlert(id, key));
  return (
    <section className="card" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('dpo.alerts.title')}</h2>
      <p className="muted">{t('dpo.alerts.lead')}</p>
      <Checkbox id="alerts-all" label={t('dpo.alerts.show_all')} checked={all} onChange={setAll} />
      <QueryState query={alerts} skeleton="cards" skeletonLines={3}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('dpo.alerts.empty')} />
          ) : (
            <ul className="grant-list">
              {data.items.map((a) => (
                <li key={a.id} className="grant-list__item">
                  <span>
                    <strong>{alertText(t, a)}</strong>
                    <span className="muted small block">
                      {fmt.dateTime(a.createdAt)}
                      {a.acknowledgedAt && (
                        <>
                          {' '}
                          ·{' '}
                          {t('dpo.alerts.acknowledged', {
                            date: fmt.dateTime(a.acknowledgedAt),
                            name: a.acknowledgedByName ?? '',
                          })}
                        </>
                      )}
                    </span>
                  </span>
                  {!a.acknowledgedAt && (
                    <Button
                      size="small"
                      variant="secondary"
                      busy={ack.isPending && ack.variables === a.id}
                      aria-label={t('dpo.alerts.acknowledge_named', { name: a.personName ?? t('dpo.alerts.someone') })}
                      onClick={() =>
                        ack.mutate(a.id, {
                          onSuccess: () => void queryClient.invalidateQueries({ queryKey: alertsKey }),
                        })
                      }
                    >
                      {t('dpo.alerts.acknowledge')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

/** /dpo — grants waiting for approval, and the alerts. */
export function DpoOverviewPage() {
  const { t } = useT();
  const queryClient = useQueryClient();
  const requests = useQuery(roleRequestsQuery);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('dpo.console.title')} lead={t('dpo.console.lead')} />
      {notice && <Alert tone="success">{notice}</Alert>}
      <div className="stack">
        <section className="card" aria-labelledby="approvals-title">
          <h2 id="approvals-title">{t('dpo.approvals.title')}</h2>
          <p className="muted">{t('dpo.approvals.lead')}</p>
          <QueryState query={requests} skeleton="rows" skeletonLines={3}>
            {(data) =>
              data.items.length === 0 ? (
                <EmptyState title={t('dpo.approvals.empty')} />
              ) : (
                <RoleRequestList
                  requests={data.items}
                  onNotice={setNotice}
                  onChanged={() => queryClient.invalidateQueries({ queryKey: alertsKey })}
                />
              )
            }
          </QueryState>
        </section>
        <Alerts />
      </div>
    </>
  );
}
