import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { COUNSELLOR_KINDS, MAX_REASON, type BookingBody, type RemindersBody } from '../../../contracts/booking.js';
import {
  BOOKING_PATHS,
  bookSlot,
  bookingKeys,
  counsellorsQuery,
  slotsQuery,
  type AppointmentView,
  type CounsellorView,
} from '../../api/booking.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { Alert } from '../../components/Alert.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { RadioGroup, Select, TextArea } from '../../components/fields.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { PageContent } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { ReminderChoice } from './ReminderChoice.js';
import { googleCalendarUrl } from './slot-labels.js';
import { SlotPicker } from './SlotPicker.js';
import './booking.css';

type Kind = (typeof COUNSELLOR_KINDS)[number];

/** /counselling/book — "Bicara dengan konselor": a counsellor, a free time, how to meet, done. */
export function BookPage() {
  const { t } = useT();
  const [kind, setKind] = useState<Kind | ''>('');
  const [counsellor, setCounsellor] = useState<CounsellorView | null>(null);
  const [booked, setBooked] = useState<AppointmentView | null>(null);
  const counsellors = useQuery(counsellorsQuery(kind ? { kind } : {}));

  return (
    <PageContent>
      <PageHeader title={t('booking.book.title')} lead={t('booking.book.intro')} />
      {booked ? (
        <Booked appointment={booked} />
      ) : counsellor ? (
        <ChooseTime counsellor={counsellor} onBack={() => setCounsellor(null)} onBooked={setBooked} />
      ) : (
        <>
          <Select
            id="booking-kind"
            label={t('booking.book.filter_kind')}
            value={kind}
            onChange={(v) => setKind(v as Kind | '')}
            placeholder={t('booking.book.filter_all')}
            options={COUNSELLOR_KINDS.map((k) => ({ value: k, label: t(`booking.kinds.${k}`) }))}
            className="booking-filter"
          />
          <QueryState query={counsellors} skeleton="cards">
            {(data) =>
              data.items.length === 0 ? (
                <EmptyState
                  title={t('booking.book.empty')}
                  action={
                    <Link className="btn btn--secondary" to="/help">
                      {t('booking.book.to_help')}
                    </Link>
                  }
                >
                  {t('booking.book.empty_hint')}
                </EmptyState>
              ) : (
                <ul className="counsellor-list">
                  {data.items.map((c) => (
                    <CounsellorCard key={c.id} counsellor={c} onChoose={() => setCounsellor(c)} />
                  ))}
                </ul>
              )
            }
          </QueryState>
        </>
      )}
    </PageContent>
  );
}

function CounsellorCard({ counsellor: c, onChoose }: { counsellor: CounsellorView; onChoose: () => void }) {
  const { t } = useT();
  const fmt = useFormat();
  return (
    <li className="counsellor-card">
      <h2 className="counsellor-card__name">{c.name}</h2>
      <p className="counsellor-card__kind">
        {t(`booking.kinds.${c.kind}`)}
        {c.provider && <> · {t('booking.book.provider', { provider: c.provider })}</>}
      </p>
      <p className="counsellor-card__modes">{c.modes.map((m) => t(`booking.modes.${m}`)).join(' · ')}</p>
      <p className="counsellor-card__intro">{c.introduction}</p>
      <p className="muted small">
        {t('booking.book.speaks', {
          list: c.languages.map((l) => t(`booking.languages.${l}` as 'booking.languages.id')).join(', '),
        })}
      </p>
      <p className="counsellor-card__next">
        {c.nextFree ? t('booking.book.next_free', { when: fmt.weekdayTime(c.nextFree) }) : t('booking.book.no_free')}
      </p>
      <Button onClick={onChoose} disabled={!c.nextFree} aria-label={t('booking.book.choose', { name: c.name })}>
        {t('booking.book.step_time')}
      </Button>
    </li>
  );
}

function ChooseTime({
  counsellor,
  onBack,
  onBooked,
}: {
  counsellor: CounsellorView;
  onBack: () => void;
  onBooked: (a: AppointmentView) => void;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const slots = useQuery(slotsQuery(counsellor.id));
  const [start, setStart] = useState<string | null>(null);
  const [mode, setMode] = useState<BookingBody['mode'] | ''>('');
  const [reason, setReason] = useState('');
  const [reminders, setReminders] = useState<RemindersBody>({ reminders: ['day_before', 'hour_before'], email: false });
  const [taken, setTaken] = useState(false);
  const book = useApiMutation((body: BookingBody, key: string) => bookSlot(body, key), {
    onSuccess: (a) => {
      void queryClient.invalidateQueries({ queryKey: bookingKeys.all });
      onBooked(a);
    },
    onError: (err) => {
      if (err.code === 'slot_taken' || err.code === 'slot_not_free') {
        setTaken(true);
        setStart(null);
        void slots.refetch();
      }
    },
  });
  const slot = slots.data?.slots.find((s) => s.start === start);
  const modes = slot?.modes ?? [];
  const chosenMode = (mode && modes.includes(mode) ? mode : modes.length === 1 ? modes[0] : '') ?? '';

  return (
    <section aria-labelledby="booking-chosen" className="booking-step">
      <div className="booking-chosen">
        <h2 id="booking-chosen">{counsellor.name}</h2>
        <p className="muted">{t(`booking.kinds.${counsellor.kind}`)}</p>
        <Button variant="secondary" size="small" onClick={onBack}>
          {t('booking.book.change_counsellor')}
        </Button>
      </div>
      {taken && <Alert tone="warning">{t('booking.book.taken')}</Alert>}
      <h3>{t('booking.book.step_time')}</h3>
      <QueryState query={slots} skeleton="rows">
        {(data) =>
          data.slots.length === 0 ? (
            <EmptyState title={t('booking.book.no_slots')} />
          ) : (
            <SlotPicker
              slots={data.slots}
              chosen={start}
              onChoose={(s) => {
                setStart(s);
                setTaken(false);
              }}
            />
          )
        }
      </QueryState>
      {slot && (
        <form
          className="booking-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!start || !chosenMode) return;
            book.mutate({
              counsellorId: counsellor.id,
              start,
              mode: chosenMode,
              reason,
              reminders: reminders.reminders,
              reminderEmail: reminders.email,
            });
          }}
        >
          <RadioGroup
            id="booking-mode"
            name="mode"
            legend={t('booking.book.step_mode')}
            value={chosenMode}
            onChange={(v) => setMode(v as BookingBody['mode'])}
            options={modes.map((m) => ({ value: m, label: t(`booking.modes.${m}`) }))}
            inline
          />
          <TextArea
            id="booking-reason"
            label={t('booking.book.step_reason')}
            hint={t('booking.book.reason_hint')}
            value={reason}
            onChange={setReason}
            maxLength={MAX_REASON}
            rows={3}
          />
          <ReminderChoice idPrefix="booking" value={reminders} onChange={setReminders} />
          {book.error && book.error.code !== 'slot_taken' && book.error.code !== 'slot_not_free' && (
            <Alert tone="error">{book.error.message}</Alert>
          )}
          <ButtonRow>
            <Button type="submit" disabled={!chosenMode || book.isPending}>
              {book.isPending ? t('booking.book.submitting') : t('booking.book.submit')}
            </Button>
          </ButtonRow>
        </form>
      )}
    </section>
  );
}

function Booked({ appointment: a }: { appointment: AppointmentView }) {
  const { t } = useT();
  const fmt = useFormat();
  const title = t('booking.ics.summary', { name: a.counsellor.name });
  return (
    <Alert tone="success" title={t('booking.book.done_title')}>
      <p>
        {t('booking.book.done_summary', {
          when: fmt.weekdayTime(a.start),
          name: a.counsellor.name,
          mode: t(`booking.modes.${a.mode}`),
        })}
      </p>
      <p>{t('booking.book.done_next')}</p>
      <ButtonRow>
        <a className="btn btn--secondary" href={BOOKING_PATHS.ics(a.id)} download>
          {t('booking.book.ics')}
        </a>
        <a
          className="btn btn--secondary"
          href={googleCalendarUrl(title, a.start, a.end, t(`booking.ics.mode_${a.mode}`))}
          target="_blank"
          rel="noreferrer"
        >
          {t('booking.book.add_google')}
        </a>
        <Link className="btn btn--primary" to="/counselling/mine">
          {t('booking.book.to_mine')}
        </Link>
      </ButtonRow>
    </Alert>
  );
}
