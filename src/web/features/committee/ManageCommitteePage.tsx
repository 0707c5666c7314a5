import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { meetingBody, newMemberBody, COMMITTEE_ROLES } from '../../../contracts/committee.js';
import {
  addMember,
  committeeKeys,
  manageCommitteeQuery,
  removeMember,
  scheduleMeeting,
  surveyThemesQuery,
  type MemberView,
  type PersonOption,
} from '../../api/committee.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { Badge } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Select, TextArea, TextField } from '../../components/fields.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { useForm } from '../../components/form.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { PageContent } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { PersonPicker } from '../../components/PersonPicker.js';
import '../../components/gatherings.css';

/** /committee/manage — the agency-wide wellbeing admin keeps the members and schedules meetings. */
export function ManageCommitteePage() {
  const { t } = useT();
  const fmt = useFormat();
  const data = useQuery(manageCommitteeQuery);
  const toast = useToast();
  return (
    <PageContent>
      <PageHeader
        title={t('committee.manage.title')}
        lead={t('committee.manage.intro')}
        actions={
          <Link className="btn btn--secondary" to="/focus-groups/manage">
            {t('committee.focus_groups_link')}
          </Link>
        }
      />
      <Toast message={toast.message} onDismiss={toast.dismiss} />
      <QueryState query={data} skeleton="cards" loadingLabel={t('committee.loading')}>
        {(d) => (
          <>
            <section aria-labelledby="manage-members">
              <h2 id="manage-members">{t('committee.members')}</h2>
              {d.members.length === 0 ? (
                <EmptyState title={t('committee.members_empty')} />
              ) : (
                <ul className="committee-list committee-list--cards">
                  {d.members.map((m) => (
                    <MemberCard key={m.id} member={m} onDone={toast.show} />
                  ))}
                </ul>
              )}
              <AddMemberForm onDone={toast.show} />
            </section>
            <section aria-labelledby="manage-meetings">
              <h2 id="manage-meetings">{t('committee.manage.meetings')}</h2>
              {d.meetings.length === 0 ? (
                <p className="muted">{t('committee.manage.meetings_empty')}</p>
              ) : (
                <ul className="committee-list">
                  {d.meetings.map((m) => (
                    <li key={m.id} className="committee-card">
                      <p>
                        <Link to={`/committee/meetings/${m.id}`}>{m.title}</Link>
                      </p>
                      <p className="muted small">{fmt.dateTime(m.startsAt)}</p>
                      <p>
                        <Badge>{t(`committee.statuses.${m.status}`)}</Badge>{' '}
                        <Badge tone={m.minutesStatus === 'published' ? 'success' : 'neutral'}>
                          {t(`committee.minutes_statuses.${m.minutesStatus}`)}
                        </Badge>
                      </p>
                    </li>
                  ))}
                </ul>
              )}
              <MeetingForm />
            </section>
          </>
        )}
      </QueryState>
    </PageContent>
  );
}

function MemberCard({ member: m, onDone }: { member: MemberView; onDone: (message: string) => void }) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useApiMutation(() => removeMember(m.id), {
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: committeeKeys.all });
      onDone(t('committee.manage.removed'));
    },
  });
  return (
    <li className="committee-card">
      <p>
        <strong>{m.name}</strong> · <Badge tone="info">{t(`committee.roles.${m.role}`)}</Badge>
      </p>
      <p className="muted small">{m.unitName}</p>
      <p className="muted small">
        {m.current
          ? t('committee.term', { from: fmt.day(m.termFrom), to: fmt.day(m.termTo) })
          : t('committee.past_term')}
      </p>
      <p>
        <Button variant="quiet" size="small" type="button" onClick={() => setConfirming(true)}>
          {t('committee.manage.remove', { name: m.name })}
        </Button>
      </p>
      <ConfirmDialog
        open={confirming}
        title={t('committee.manage.remove_title')}
        confirmLabel={t('committee.manage.remove', { name: m.name })}
        tone="danger"
        busy={remove.isPending}
        error={remove.error?.message ?? null}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('committee.manage.remove_body')}</p>
      </ConfirmDialog>
    </li>
  );
}

function AddMemberForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [person, setPerson] = useState<PersonOption | null>(null);
  const form = useForm('member', { role: 'anggota', termFrom: '', termTo: '' });
  const add = useApiMutation((body: Parameters<typeof addMember>[0], key) => addMember(body, key), {
    onSuccess: (m) => {
      setPerson(null);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: committeeKeys.all });
      onDone(t('committee.manage.added', { name: m.name }));
    },
    onError: (err) => form.showServerError(err),
  });
  const labels = {
    personId: t('committee.manage.person'),
    role: t('committee.manage.role'),
    termFrom: t('committee.manage.term_from'),
    termTo: t('committee.manage.term_to'),
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = form.validate(
      newMemberBody,
      { personId: person?.id ?? '', ...form.values },
      person ? {} : { personId: t('committee.manage.person_required') },
    );
    if (body) add.mutate(body);
  };
  return (
    <form className="committee-form" onSubmit={submit} noValidate>
      <h3>{t('committee.manage.add_member')}</h3>
      <FormErrorSummary {...form.summary} labels={labels} />
      <PersonPicker
        id="member-personId"
        label={labels.personId}
        value={person}
        onChange={setPerson}
        error={form.errors.personId}
      />
      <Select
        {...form.field('role')}
        label={labels.role}
        options={COMMITTEE_ROLES.map((r) => ({ value: r, label: t(`committee.roles.${r}`) }))}
      />
      <div className="committee-form__row">
        <TextField {...form.field('termFrom')} type="date" label={labels.termFrom} />
        <TextField {...form.field('termTo')} type="date" label={labels.termTo} />
      </div>
      <ButtonRow>
        <Button type="submit" busy={add.isPending}>
          {t('committee.manage.add')}
        </Button>
      </ButtonRow>
    </form>
  );
}

interface AgendaDraft {
  title: string;
  notes: string;
  link: string;
}

/** Schedules a meeting with an ordered agenda; each item may link to a survey theme. */
function MeetingForm() {
  const { t } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const themes = useQuery(surveyThemesQuery);
  const form = useForm('meeting', {
    title: '',
    date: '',
    startTime: '09:00',
    durationMinutes: '90',
    place: '',
    link: '',
  });
  const [agenda, setAgenda] = useState<AgendaDraft[]>([{ title: '', notes: '', link: '' }]);
  const schedule = useApiMutation((body: Parameters<typeof scheduleMeeting>[0], key) => scheduleMeeting(body, key), {
    onSuccess: (m) => {
      void queryClient.invalidateQueries({ queryKey: committeeKeys.all });
      void navigate(`/committee/meetings/${m.id}`);
    },
    onError: (err) => form.showServerError(err),
  });
  const themeOptions = [
    { value: '', label: t('committee.manage.no_theme') },
    ...(themes.data?.items ?? []).flatMap((s) => [
      { value: `${s.id}|`, label: s.title },
      ...s.themes.map((th) => ({ value: `${s.id}|${th.id}`, label: `${s.title} — ${th.name}` })),
    ]),
  ];
  const labels: Record<string, string> = {
    title: t('committee.manage.meeting_title'),
    date: t('committee.manage.date'),
    startTime: t('committee.manage.start_time'),
    durationMinutes: t('committee.manage.duration'),
    place: t('committee.manage.place'),
    link: t('committee.manage.link'),
    agenda: t('committee.manage.agenda_item', { n: 1 }),
  };
  agenda.forEach((_, i) => (labels[`agenda.${i}.title`] = t('committee.manage.agenda_item', { n: i + 1 })));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const v = form.values;
    const body = form.validate(meetingBody, {
      title: v.title,
      date: v.date,
      startTime: v.startTime,
      durationMinutes: Number(v.durationMinutes),
      place: v.place || null,
      link: v.link || null,
      agenda: agenda.map((a) => {
        const [surveyId, themeId] = a.link.split('|');
        return { title: a.title, notes: a.notes || null, surveyId: surveyId || null, themeId: themeId || null };
      }),
    });
    if (body) schedule.mutate(body);
  };
  const setItem = (i: number, patch: Partial<AgendaDraft>) =>
    setAgenda((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <form className="committee-form" onSubmit={submit} noValidate>
      <h3>{t('committee.manage.schedule')}</h3>
      <FormErrorSummary {...form.summary} labels={labels} />
      <TextField {...form.field('title')} label={labels.title} required />
      <div className="committee-form__row">
        <TextField {...form.field('date')} type="date" label={labels.date} />
        <TextField {...form.field('startTime')} inputMode="numeric" label={labels.startTime} placeholder="09:00" />
        <TextField {...form.field('durationMinutes')} type="number" min={15} max={480} label={labels.durationMinutes} />
      </div>
      <TextField {...form.field('place')} label={labels.place} />
      <TextField {...form.field('link')} type="url" label={labels.link} />
      {agenda.map((a, i) => (
        <fieldset key={i} className="agenda-item">
          <legend>{t('committee.manage.agenda_item', { n: i + 1 })}</legend>
          <TextField
            id={`meeting-agenda.${i}.title`}
            label={t('committee.manage.agenda_item', { n: i + 1 })}
            value={a.title}
            onChange={(v) => setItem(i, { title: v })}
            error={form.errors[`agenda.${i}.title`]}
          />
          <TextArea
            id={`meeting-agenda.${i}.notes`}
            label={t('committee.manage.agenda_notes', { n: i + 1 })}
            rows={2}
            value={a.notes}
            onChange={(v) => setItem(i, { notes: v })}
          />
          <Select
            id={`meeting-agenda.${i}.surveyId`}
            label={t('committee.manage.agenda_theme')}
            value={a.link}
            onChange={(v) => setItem(i, { link: v })}
            options={themeOptions}
            error={form.errors[`agenda.${i}.surveyId`]}
          />
          {agenda.length > 1 && (
            <ButtonRow>
              <Button
                variant="quiet"
                size="small"
                type="button"
                onClick={() => setAgenda((xs) => xs.filter((_, j) => j !== i))}
              >
                {t('committee.manage.remove_item', { n: i + 1 })}
              </Button>
            </ButtonRow>
          )}
        </fieldset>
      ))}
      <ButtonRow>
        <Button
          variant="secondary"
          size="small"
          type="button"
          onClick={() => setAgenda((xs) => [...xs, { title: '', notes: '', link: '' }])}
        >
          {t('committee.manage.add_item')}
        </Button>
      </ButtonRow>
      <ButtonRow>
        <Button type="submit" busy={schedule.isPending}>
          {t('committee.manage.save_meeting')}
        </Button>
      </ButtonRow>
    </form>
  );
}
