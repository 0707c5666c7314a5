import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  committeeKeys,
  manageCommitteeQuery,
  meetingQuery,
  publishMinutes,
  saveMinutes,
  updateMeeting,
  type MeetingView,
} from '../../api/committee.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmedAction } from '../../components/ConfirmedAction.js';
import { Checkbox, TextArea } from '../../components/fields.js';
import { KeyValueList } from '../../components/KeyValueList.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { PageContent } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import '../../components/gatherings.css';
import { MeetingForm } from './MeetingForm.js';

/** The meeting as the update route takes it back, to change only its status. */
function bodyOf(m: MeetingView) {
  return {
    title: m.title,
    date: m.date,
    startTime: m.startTime,
    durationMinutes: m.durationMinutes,
    place: m.place,
    link: m.link,
    agenda: m.agenda.map((a) => ({ title: a.title, notes: a.notes, surveyId: a.surveyId, themeId: a.themeId })),
  };
}

/** /committee/meetings/:id — a meeting, its agenda and minutes; the admin writes and publishes the minutes. */
export function MeetingPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const meeting = useQuery(meetingQuery(id));
  const toast = useToast();
  return (
    <PageContent>
      <p>
        <Link to="/committee">{t('committee.meeting.back')}</Link>
      </p>
      <Toast message={toast.message} onDismiss={toast.dismiss} />
      <QueryState query={meeting} skeleton="form" loadingLabel={t('committee.meeting.loading')}>
        {(m) => <MeetingDetail meeting={m} onDone={toast.show} />}
      </QueryState>
    </PageContent>
  );
}

function MeetingDetail({ meeting: m, onDone }: { meeting: MeetingView; onDone: (message: string) => void }) {
  const { t } = useT();
  const fmt = useFormat();
  // The moment the page was drawn: whether it has started is read once, not on every render.
  const [now] = useState(() => Date.now());
  const started = Date.parse(m.startsAt) <= now;
  const editable = m.canEdit && m.status !== 'cancelled' && m.minutes?.status !== 'published';
  const [editing, setEditing] = useState(false);
  const queryClient = useQueryClient();
  // A meeting can be changed or called off until its minutes are started (the server says 409 after).
  const changeable = m.canEdit && m.status === 'scheduled';
  return (
    <>
      <PageHeader title={m.title} eyebrow={t(`committee.statuses.${m.status}`)} />
      {m.status === 'cancelled' && <Alert tone="warning">{t('committee.meeting.cancelled_note')}</Alert>}
      <KeyValueList
        rows={[
          [t('committee.meeting.when'), fmt.dateTime(m.startsAt)],
          ...(m.place ? ([[t('committee.meeting.place'), m.place]] as const) : []),
          ...(m.link
            ? ([
                [
                  t('committee.meeting.link'),
                  <a key="link" href={m.link} rel="noreferrer" target="_blank">
                    {m.link}
                  </a>,
                ],
              ] as const)
            : []),
        ]}
      />
      {changeable && !editing && (
        <div className="committee-actions">
          <ButtonRow>
            <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
              {t('committee.edit.open')}
            </Button>
            <ConfirmedAction
              label={t('committee.meeting.cancel')}
              title={t('committee.meeting.cancel_confirm')}
              confirmLabel={t('committee.meeting.cancel')}
              tone="danger"
              variant="quiet"
              run={() => updateMeeting(m.id, { ...bodyOf(m), status: 'cancelled' })}
              onDone={(view) => {
                queryClient.setQueryData(committeeKeys.meeting(m.id), view);
                void queryClient.invalidateQueries({ queryKey: committeeKeys.all });
                onDone(t('committee.meeting.cancelled'));
              }}
            >
              <p>{t('committee.meeting.cancel_body')}</p>
            </ConfirmedAction>
          </ButtonRow>
        </div>
      )}
      {editing && (
        <MeetingForm
          meeting={m}
          onSaved={() => {
            setEditing(false);
            onDone(t('committee.edit.saved'));
          }}
          onClose={() => setEditing(false)}
        />
      )}
      <section aria-labelledby="meeting-agenda">
        <h2 id="meeting-agenda">{t('committee.meeting.agenda')}</h2>
        <ol className="agenda-list">
          {m.agenda.map((a) => (
            <li key={a.id}>
              <strong>{a.title}</strong>
              {a.notes && <p className="small">{a.notes}</p>}
              {a.surveyTitle && (
                <p className="muted small">
                  {a.themeName
                    ? t('committee.meeting.linked_theme', { survey: a.surveyTitle, theme: a.themeName })
                    : t('committee.meeting.linked_survey', { survey: a.surveyTitle })}
                </p>
              )}
            </li>
          ))}
        </ol>
      </section>
      {editable ? (
        started ? (
          <MinutesEditor meeting={m} onDone={onDone} />
        ) : (
          <p className="muted">{t('committee.minutes_editor.not_yet')}</p>
        )
      ) : (
        <MinutesView meeting={m} />
      )}
    </>
  );
}

function MinutesView({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useT();
  const fmt = useFormat();
  if (!m.minutes) return m.status === 'cancelled' ? null : <p className="muted">{t('committee.meeting.no_minutes')}</p>;
  const byItem = new Map(m.minutes.items.map((i) => [i.agendaItemId, i]));
  return (
    <section aria-labelledby="meeting-minutes">
      <h2 id="meeting-minutes">{t('committee.meeting.minutes')}</h2>
      {m.minutes.status === 'draft' ? (
        <Alert tone="info">{t('committee.meeting.draft_note')}</Alert>
      ) : (
        m.minutes.publishedAt && (
          <p>
            <Badge tone="success">{t('committee.minutes_statuses.published')}</Badge>{' '}
            <span className="muted small">
              {t('committee.meeting.published_at', { when: fmt.dateTime(m.minutes.publishedAt) })}
            </span>
          </p>
        )
      )}
      <div className="committee-list">
        {m.agenda.map((a) => {
          const item = byItem.get(a.id);
          if (!item) return null;
          return (
            <article key={a.id} className="committee-card committee-text">
              <h3>{a.title}</h3>
              {item.decisions && (
                <p>
                  <strong>{t('committee.meeting.decisions')}:</strong> {item.decisions}
                </p>
              )}
              {item.followUps && (
                <p>
                  <strong>{t('committee.meeting.follow_ups')}:</strong> {item.followUps}
                </p>
              )}
            </article>
          );
        })}
      </div>
      <h3>{t('committee.meeting.attendees')}</h3>
      <p>{m.minutes.attendees.map((a) => a.name).join(', ') || '—'}</p>
    </section>
  );
}

/**
 * The admin's minutes: decisions and follow-ups per agenda item, members present. The reminder that
 * minutes never hold anyone's health data sits above the fields; publishing asks to confirm it
 * (docs/decisions/053-committee-and-focus-groups.md).
 */
function MinutesEditor({ meeting: m, onDone }: { meeting: MeetingView; onDone: (message: string) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const members = useQuery(manageCommitteeQuery);
  const initial = new Map(m.minutes?.items.map((i) => [i.agendaItemId, i]) ?? []);
  const [items, setItems] = useState(() =>
    m.agenda.map((a) => ({
      agendaItemId: a.id,
      decisions: initial.get(a.id)?.decisions ?? '',
      followUps: initial.get(a.id)?.followUps ?? '',
    })),
  );
  const [present, setPresent] = useState<Set<string>>(() => new Set(m.minutes?.attendees.map((a) => a.id) ?? []));
  const refresh = (view: MeetingView) => {
    queryClient.setQueryData(committeeKeys.meeting(m.id), view);
    void queryClient.invalidateQueries({ queryKey: committeeKeys.all });
  };
  const saveDraft = () =>
    saveMinutes(m.id, {
      items: items.map((i) => ({ ...i, decisions: i.decisions || null, followUps: i.followUps || null })),
      attendeeIds: [...present],
    });
  const save = useApiMutation(saveDraft, {
    onSuccess: (view) => (refresh(view), onDone(t('committee.minutes_editor.saved'))),
  });
  const current = (members.data?.members ?? []).filter((x) => x.current);
  return (
    <section aria-labelledby="minutes-editor">
      <h2 id="minutes-editor">{t('committee.minutes_editor.title')}</h2>
      <Alert tone="warning">{t('committee.minutes_editor.reminder')}</Alert>
      <div className="committee-form">
        {m.agenda.map((a, i) => (
          <fieldset key={a.id} className="agenda-item">
            <legend>{a.title}</legend>
            <TextArea
              id={`minutes-${a.id}-decisions`}
              label={t('committee.meeting.decisions')}
              rows={3}
              value={items[i]?.decisions ?? ''}
              onChange={(v) => setItems((xs) => xs.map((x, j) => (j === i ? { ...x, decisions: v } : x)))}
            />
            <TextArea
              id={`minutes-${a.id}-followups`}
              label={t('committee.meeting.follow_ups')}
              rows={2}
              value={items[i]?.followUps ?? ''}
              onChange={(v) => setItems((xs) => xs.map((x, j) => (j === i ? { ...x, followUps: v } : x)))}
            />
          </fieldset>
        ))}
        <fieldset>
          <legend>{t('committee.minutes_editor.attendees_legend')}</legend>
          {current.map((x) => (
            <Checkbox
              key={x.id}
              id={`attendee-${x.personId}`}
              label={`${x.name} (${t(`committee.roles.${x.role}`)})`}
              checked={present.has(x.personId)}
              onChange={(on) =>
                setPresent((s) => {
                  const next = new Set(s);
                  if (on) next.add(x.personId);
                  else next.delete(x.personId);
                  return next;
                })
              }
            />
          ))}
        </fieldset>
        {save.error && <Alert tone="error">{save.error.message}</Alert>}
        <ButtonRow>
          <Button type="button" busy={save.isPending} onClick={() => save.mutate()}>
            {t('committee.minutes_editor.save')}
          </Button>
          {m.minutes?.status === 'draft' && (
            <ConfirmedAction
              label={t('committee.minutes_editor.publish')}
              title={t('committee.minutes_editor.publish_title')}
              confirmLabel={t('committee.minutes_editor.publish')}
              acknowledge={{
                id: 'minutes-reviewed',
                label: t('committee.minutes_editor.reviewed'),
                missing: t('committee.minutes_editor.review_missing'),
              }}
              // What is on screen is what gets published: the draft is saved first.
              run={() => saveDraft().then(() => publishMinutes(m.id))}
              onDone={(view) => (refresh(view), onDone(t('committee.minutes_editor.published')))}
            >
              <p>{t('committee.minutes_editor.publish_body')}</p>
            </ConfirmedAction>
          )}
        </ButtonRow>
        {m.minutes?.status !== 'draft' && <p className="muted small">{t('committee.minutes_editor.save_first')}</p>}
      </div>
    </section>
  );
}
