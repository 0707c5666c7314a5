import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  cancelSession,
  createGroup,
  facilitatedGroupQuery,
  facilitatedQuery,
  peerGroupKeys,
  saveGroup,
  type FacilitatedGroupView,
} from '../../api/peer-groups.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { Badge } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { PageContent } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { newId } from '../../lib/new-id.js';
import { useFormat } from '../../lib/use-format.js';
import { GroupEditor } from './GroupEditor.js';
import { scheduleText } from './group-labels.js';
import './peer-groups.css';

/** /groups/manage — the groups I facilitate, and a new one. */
export function ManageGroupsPage() {
  const { t } = useT();
  const fmt = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const groups = useQuery(facilitatedQuery);
  const [creating, setCreating] = useState(false);
  // One id per new group: a retried create is stored once.
  const [draftId] = useState(newId);
  return (
    <PageContent>
      <PageHeader
        title={t('peer_groups.manage.title')}
        lead={t('peer_groups.manage.intro')}
        actions={
          !creating && (
            <Button onClick={() => setCreating(true)} aria-expanded={creating}>
              {t('peer_groups.manage.create')}
            </Button>
          )
        }
      />
      {creating && (
        <section aria-labelledby="create-title" className="group-card">
          <h2 id="create-title">{t('peer_groups.manage.create')}</h2>
          <GroupEditor
            save={(body) => createGroup({ id: draftId, ...body })}
            onSaved={(view) => {
              void queryClient.invalidateQueries({ queryKey: peerGroupKeys.all });
              void navigate(`/groups/manage/${view.id}`, { state: { created: true } });
            }}
            onCancel={() => setCreating(false)}
          />
        </section>
      )}
      <QueryState query={groups} skeleton="cards">
        {(data) =>
          data.items.length === 0 ? (
            creating ? null : (
              <EmptyState title={t('peer_groups.manage.empty')} />
            )
          ) : (
            <ul className="group-list">
              {data.items.map((g) => (
                <li key={g.id} className="group-card">
                  <h2 className="group-card__title">
                    <Link to={`/groups/manage/${g.id}`}>{g.topic}</Link>
                  </h2>
                  <p className="muted small">
                    {scheduleText(g, t, fmt)} · {t(`peer_groups.modes.${g.mode}`)}
                  </p>
                  <p>
                    <Badge tone={g.status === 'open' ? (g.full ? 'warning' : 'success') : 'neutral'}>
                      {g.status === 'closed'
                        ? t('peer_groups.card.closed')
                        : g.full
                          ? t('peer_groups.card.full')
                          : t('peer_groups.card.seats', {
                              count: fmt.number(g.memberCount),
                              capacity: fmt.number(g.capacity),
                            })}
                    </Badge>
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </PageContent>
  );
}

/** /groups/manage/:id — a group I run: its members by display name, edit, call off a session. */
export function ManageGroupPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const group = useQuery(facilitatedGroupQuery(id));
  const toast = useToast();
  return (
    <PageContent>
      <p>
        <Link to="/groups/manage">{t('peer_groups.manage.back')}</Link>
      </p>
      <Toast message={toast.message} onDismiss={toast.dismiss} />
      <QueryState query={group} skeleton="form">
        {(g) => <ManagedGroup group={g} onDone={toast.show} />}
      </QueryState>
    </PageContent>
  );
}

function ManagedGroup({ group: g, onDone }: { group: FacilitatedGroupView; onDone: (m: string) => void }) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [calling, setCalling] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: peerGroupKeys.all });
  const callOff = useApiMutation((date: string) => cancelSession(g.id, { date }), {
    onSuccess: () => {
      setCalling(null);
      onDone(t('peer_groups.manage.session_cancelled'));
      void refresh();
    },
  });
  return (
    <>
      <PageHeader
        title={g.topic}
        lead={g.description}
        actions={
          !editing && (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('peer_groups.manage.edit')}
            </Button>
          )
        }
      />
      {editing ? (
        <section aria-labelledby="edit-title" className="group-card">
          <h2 id="edit-title">{t('peer_groups.manage.edit')}</h2>
          <GroupEditor
            group={g}
            save={(body) => saveGroup(g.id, body)}
            onSaved={() => {
              setEditing(false);
              onDone(t('peer_groups.manage.saved'));
              void refresh();
            }}
            onCancel={() => setEditing(false)}
          />
        </section>
      ) : (
        <div className="group-detail">
          <section aria-labelledby="members-title">
            <h2 id="members-title">
              {t('peer_groups.manage.members_title')}{' '}
              <span className="muted small">
                {t('peer_groups.card.seats', { count: fmt.number(g.memberCount), capacity: fmt.number(g.capacity) })}
              </span>
            </h2>
            {g.members.length === 0 ? (
              <EmptyState title={t('peer_groups.manage.members_empty')} />
            ) : (
              <ul className="member-list">
                {g.members.map((m) => (
                  <li key={m.id}>
                    <span>{m.displayName}</span>
                    <span className="muted small">
                      {t('peer_groups.manage.joined_on', { date: fmt.date(m.joinedAt) })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="sessions-title">
            <h2 id="sessions-title">{t('peer_groups.detail.sessions')}</h2>
            <p className="muted small">{scheduleText(g, t, fmt)}</p>
            <ul className="session-list">
              {g.sessions.map((s) => (
                <li key={s.date}>
                  <span className={s.cancelled ? 'session-list__cancelled' : undefined}>{fmt.dateTime(s.start)}</span>
                  {s.cancelled ? (
                    <Badge tone="warning">{t('peer_groups.detail.cancelled')}</Badge>
                  ) : (
                    <ButtonRow>
                      <Button variant="quiet" size="small" onClick={() => setCalling(s.date)}>
                        {t('peer_groups.manage.cancel_session')}
                      </Button>
                    </ButtonRow>
                  )}
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
      <ConfirmDialog
        open={calling !== null}
        title={t('peer_groups.manage.cancel_title', { date: calling ? fmt.day(calling) : '' })}
        confirmLabel={t('peer_groups.manage.cancel_confirm')}
        cancelLabel={t('peer_groups.manage.cancel_keep')}
        tone="danger"
        busy={callOff.isPending}
        error={callOff.error?.message}
        onConfirm={() => calling && callOff.mutate(calling)}
        onCancel={() => setCalling(null)}
      >
        <p>{t('peer_groups.manage.cancel_body')}</p>
      </ConfirmDialog>
    </>
  );
}
