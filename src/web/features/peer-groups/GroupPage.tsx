import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { joinBody } from '../../../contracts/peer-groups.js';
import { groupQuery, joinGroup, leaveGroup, peerGroupKeys, type GroupView } from '../../api/peer-groups.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Checkbox, TextField } from '../../components/fields.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { useForm } from '../../components/form.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { PageContent } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { scheduleText } from './group-labels.js';
import './peer-groups.css';

/** /groups/:id — one group: schedule, ground rules, join under a display name, leave. */
export function GroupPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const group = useQuery(groupQuery(id));
  const toast = useToast();
  return (
    <PageContent>
      <p>
        <Link to="/groups">{t('peer_groups.detail.back')}</Link>
      </p>
      <Toast message={toast.message} onDismiss={toast.dismiss} />
      <QueryState query={group} skeleton="form">
        {(g) => <GroupDetail group={g} onDone={toast.show} />}
      </QueryState>
    </PageContent>
  );
}

function GroupDetail({ group: g, onDone }: { group: GroupView; onDone: (m: string) => void }) {
  const { t } = useT();
  const fmt = useFormat();
  return (
    <>
      <PageHeader
        title={g.topic}
        lead={g.description}
        eyebrow={t('peer_groups.detail.facilitator', { name: g.facilitatorName })}
      />
      <div className="group-detail">
        <div>
          <section aria-labelledby="group-when">
            <h2 id="group-when">{t('peer_groups.detail.sessions')}</h2>
            <p>
              {scheduleText(g, t, fmt)} · {t(`peer_groups.modes.${g.mode}`)}
            </p>
            {g.sessions.length === 0 ? (
              <p className="muted">{t('peer_groups.card.no_next')}</p>
            ) : (
              <ul className="session-list">
                {g.sessions.map((s) => (
                  <li key={s.date}>
                    <span className={s.cancelled ? 'session-list__cancelled' : undefined}>{fmt.dateTime(s.start)}</span>
                    {s.cancelled && <Badge tone="warning">{t('peer_groups.detail.cancelled')}</Badge>}
                  </li>
                ))}
              </ul>
            )}
            {g.mode === 'in_person' && g.place && (
              <p>
                <strong>{t('peer_groups.detail.where')}:</strong> {g.place}
              </p>
            )}
            {g.mode === 'online' &&
              (g.link ? (
                <p>
                  <strong>{t('peer_groups.detail.link')}:</strong>{' '}
                  <a href={g.link} target="_blank" rel="noreferrer noopener">
                    {g.link}
                  </a>
                </p>
              ) : (
                <p className="muted">{t('peer_groups.detail.link_hidden')}</p>
              ))}
          </section>
          <section aria-labelledby="group-rules">
            <h2 id="group-rules">{t('peer_groups.detail.rules')}</h2>
            <p className="group-rules">{g.groundRules}</p>
          </section>
        </div>
        <div>
          {g.myDisplayName !== null ? (
            <Membership group={g} onDone={onDone} />
          ) : g.full ? (
            <Alert tone="info" live={false} title={t('peer_groups.card.full')}>
              <p>{t('peer_groups.join.full')}</p>
            </Alert>
          ) : (
            <JoinForm group={g} onDone={onDone} />
          )}
          <p className="muted small">
            {t('peer_groups.card.seats', { count: fmt.number(g.memberCount), capacity: fmt.number(g.capacity) })}
          </p>
        </div>
      </div>
    </>
  );
}

function JoinForm({ group: g, onDone }: { group: GroupView; onDone: (m: string) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const form = useForm<{ displayName: string; rules: boolean }>('join', { displayName: '', rules: false });
  const join = useApiMutation((body: { displayName: string }, key: string) => joinGroup(g.id, body, key), {
    onSuccess: (view) => {
      queryClient.setQueryData(peerGroupKeys.one(g.id), view);
      void queryClient.invalidateQueries({ queryKey: peerGroupKeys.list });
      onDone(t('peer_groups.join.joined', { name: view.myDisplayName ?? '' }));
    },
    onError: (err) => form.showServerError(err),
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const extra: Record<string, string> = form.values.rules ? {} : { rules: t('peer_groups.join.rules_required') };
    const body = form.validate(joinBody, { displayName: form.values.displayName }, extra);
    if (body) join.mutate(body);
  };
  return (
    <section aria-labelledby="join-title" className="group-card">
      <h2 id="join-title">{t('peer_groups.join.title')}</h2>
      <Alert tone="info" live={false}>
        <p>{t('peer_groups.join.no_health')}</p>
      </Alert>
      <form onSubmit={submit} noValidate>
        <FormErrorSummary
          {...form.summary}
          labels={{ displayName: t('peer_groups.join.name'), rules: t('peer_groups.join.rules_ack') }}
        />
        <TextField
          {...form.field('displayName')}
          label={t('peer_groups.join.name')}
          hint={t('peer_groups.join.name_hint')}
          autoComplete="off"
          maxLength={40}
          required
        />
        <Checkbox
          id="join-rules"
          label={t('peer_groups.join.rules_ack')}
          checked={form.values.rules}
          error={form.errors.rules}
          onChange={(checked: boolean) => form.set('rules', checked)}
        />
        <Button type="submit" busy={join.isPending}>
          {t('peer_groups.join.submit')}
        </Button>
      </form>
    </section>
  );
}

function Membership({ group: g, onDone }: { group: GroupView; onDone: (m: string) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const leave = useApiMutation(() => leaveGroup(g.id), {
    onSuccess: () => {
      setAsking(false);
      onDone(t('peer_groups.leave.done'));
      void queryClient.invalidateQueries({ queryKey: peerGroupKeys.all });
    },
  });
  return (
    <section className="group-card" aria-labelledby="membership-title">
      <h2 id="membership-title">
        <Badge tone="success">{t('peer_groups.card.joined_as', { name: g.myDisplayName ?? '' })}</Badge>
      </h2>
      <Button variant="danger" onClick={() => setAsking(true)}>
        {t('peer_groups.leave.button')}
      </Button>
      <ConfirmDialog
        open={asking}
        title={t('peer_groups.leave.title')}
        confirmLabel={t('peer_groups.leave.confirm')}
        cancelLabel={t('peer_groups.leave.keep')}
        tone="danger"
        busy={leave.isPending}
        error={leave.error?.message}
        onConfirm={() => leave.mutate()}
        onCancel={() => setAsking(false)}
      >
        <p>{t('peer_groups.leave.body')}</p>
      </ConfirmDialog>
    </section>
  );
}
