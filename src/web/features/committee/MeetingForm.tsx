import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { meetingBody } from '../../../contracts/committee.js';
import {
  committeeKeys,
  scheduleMeeting,
  surveyThemesQuery,
  updateMeeting,
  type MeetingView,
} from '../../api/committee.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { Select, TextArea, TextField } from '../../components/fields.js';
import { DateField } from '../../components/DateField.js';
import { TimeField } from '../../components/TimeField.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { useForm } from '../../components/form.js';
import { useT } from '../../i18n.js';

interface AgendaDraft {
  title: string;
  notes: string;
  /** "surveyId|themeId", "surveyId|" or "" (the theme select's value). */
  link: string;
}

const emptyItem = (): AgendaDraft => ({ title: '', notes: '', link: '' });

function draftsOf(meeting: MeetingView | undefined): AgendaDraft[] {
  if (!meeting) return [emptyItem()];
  return meeting.agenda.map((a) => ({
    title: a.title,
    notes: a.notes ?? '',
    link: a.surveyId ? `${a.surveyId}|${a.themeId ?? ''}` : '',
  }));
}

/**
 * Schedules a meeting with an ordered agenda, or changes a scheduled one (date, time, place, link,
 * agenda). Items keep their order, so minutes stay attached to the same item ids on the server; a
 * move in time or place tells the members again, an agenda edit alone does not
 * (docs/decisions/053-committee-and-focus-groups.md).
 */
export function MeetingForm({
  meeting,
  onSaved,
  onClose,
}: {
  /** The meeting to change; without it, a new one. */
  meeting?: MeetingView;
  onSaved: (saved: MeetingView) => void;
  /** Closes the form without saving (editing only). */
  onClose?: () => void;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const themes = useQuery(surveyThemesQuery);
  const prefix = meeting ? 'edit-meeting' : 'meeting';
  const form = useForm(prefix, {
    title: meeting?.title ?? '',
    date: meeting?.date ?? '',
    startTime: meeting?.startTime ?? '09:00',
    durationMinutes: String(meeting?.durationMinutes ?? 90),
    place: meeting?.place ?? '',
    link: meeting?.link ?? '',
  });
  const [agenda, setAgenda] = useState<AgendaDraft[]>(() => draftsOf(meeting));
  const save = useApiMutation(
    (body: Parameters<typeof scheduleMeeting>[0], key) =>
      meeting ? updateMeeting(meeting.id, { ...body, status: 'scheduled' }) : scheduleMeeting(body, key),
    {
      onSuccess: (saved) => {
        queryClient.setQueryData(committeeKeys.meeting(saved.id), saved);
        void queryClient.invalidateQueries({ queryKey: committeeKeys.all });
        onSaved(saved);
      },
      onError: (err) => form.showServerError(err),
    },
  );
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
    if (body) save.mutate(body);
  };
  const setItem = (i: number, patch: Partial<AgendaDraft>) =>
    setAgenda((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <form className="committee-form" onSubmit={submit} noValidate>
      <h3>{meeting ? t('committee.edit.title') : t('committee.manage.schedule')}</h3>
      {meeting && <p className="muted small">{t('committee.edit.hint')}</p>}
      <FormErrorSummary {...form.summary} labels={labels} />
      <TextField {...form.field('title')} label={labels.title} required />
      <div className="committee-form__row">
        <DateField {...form.field('date')} label={labels.date} />
        <TimeField {...form.field('startTime')} label={t('committee.manage.start_time')} />
        <TextField {...form.field('durationMinutes')} type="number" min={15} max={480} label={labels.durationMinutes} />
      </div>
      <TextField {...form.field('place')} label={labels.place} />
      <TextField {...form.field('link')} type="url" label={labels.link} />
      {agenda.map((a, i) => (
        <fieldset key={i} className="agenda-item">
          <legend>{t('committee.manage.agenda_item', { n: i + 1 })}</legend>
          <TextField
            id={`${prefix}-agenda.${i}.title`}
            label={t('committee.manage.agenda_title', { n: i + 1 })}
            value={a.title}
            onChange={(v) => setItem(i, { title: v })}
            error={form.errors[`agenda.${i}.title`]}
          />
          <TextArea
            id={`${prefix}-agenda.${i}.notes`}
            label={t('committee.manage.agenda_notes', { n: i + 1 })}
            rows={2}
            value={a.notes}
            onChange={(v) => setItem(i, { notes: v })}
          />
          <Select
            id={`${prefix}-agenda.${i}.surveyId`}
            label={t('committee.manage.agenda_theme_n', { n: i + 1 })}
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
        <Button variant="secondary" size="small" type="button" onClick={() => setAgenda((xs) => [...xs, emptyItem()])}>
          {t('committee.manage.add_item')}
        </Button>
      </ButtonRow>
      <ButtonRow>
        <Button type="submit" busy={save.isPending}>
          {meeting ? t('committee.edit.save') : t('committee.manage.save_meeting')}
        </Button>
        {onClose && (
          <Button type="button" variant="secondary" onClick={onClose}>
            {t('committee.edit.close')}
          </Button>
        )}
      </ButtonRow>
    </form>
  );
}
