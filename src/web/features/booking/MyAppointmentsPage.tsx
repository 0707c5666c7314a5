import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  BOOKING_PATHS,
  bookingKeys,
  cancelAppointment,
  myAppointmentsQuery,
  rescheduleAppointment,
  setReminders,
  slotsQuery,
  type AppointmentView,
  type RemindersBody,
} from '../../api/booking.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { PageContent } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { ReminderChoice } from './ReminderChoice.js';
import { SlotPicker } from './SlotPicker.js';
import './booking.css';

/** /counselling/mine — "Jadwal saya": my bookings, with move and cancel while there is notice. */
export function MyAppointmentsPage() {
  const { t } = useT();
  const mine = useQuery(myAppointmentsQuery);
  const toast = useToast();
  return (
    <PageContent>
      <PageHeader
        title={t('booking.mine.title')}
        lead={t('booking.mine.intro')}
        actions={
          <Link className="btn btn--primary" to="/counselling/book">
            {t('booking.mine.book')}
          </Link>
        }
      />
      <Toast message={toast.message} onDismiss={toast.dismiss} />
      {/* What my counsellor may see, and who opened it (docs/decisions/042-counselling-consent.md). */}
      <p>
        <Link to="/profile/privacy/counselling">{t('booking.mine.consents_link')}</Link>
      </p>
      <QueryState query={mine} skeleton="cards">
        {(data) => {
          // The server says which are still ahead (`change` is 'past' once one has started).
          const upcoming = data.items.filter((a) => a.status === 'booked' && a.change !== 'past');
          const earlier = data.items.filter((a) => !upcoming.includes(a)).reverse();
          if (data.items.length === 0)
            return (
              <EmptyState
                title={t('booking.mine.empty')}
                action={
                  <Link className="btn btn--primary" to="/counselling/book">
                    {t('booking.mine.book')}
                  </Link>
                }
              />
            );
          return (
            <>
              {upcoming.length > 0 && (
                <section aria-labelledby="mine-upcoming">
                  <h2 id="mine-upcoming">{t('booking.mine.upcoming')}</h2>
                  <ul className="appointment-list">
                    {upcoming.map((a) => (
                      <AppointmentCard key={a.id} appointment={a} onDone={toast.show} />
                    ))}
                  </ul>
                </section>
              )}
              {earlier.length > 0 && (
                <section aria-labelledby="mine-earlier">
                  <h2 id="mine-earlier">{t('booking.mine.earlier')}</h2>
                  <ul className="appointment-list">
                    {earlier.map((a) => (
                      <AppointmentCard key={a.id} appointment={a} onDone={toast.show} />
                    ))}
                  </ul>
                </section>
              )}
            </>
          );
        }}
      </QueryState>
    </PageContent>
  );
}

function AppointmentCard({ appointment: a, onDone }: { appointment: AppointmentView; onDone: (m: string) => void }) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const [moving, setMoving] = useState(false);
  const [newStart, setNewStart] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: bookingKeys.all });
  const cancel = useApiMutation(() => cancelAppointment(a.id, {}), {
    onSuccess: () => {
      setCancelling(false);
      onDone(t('booking.mine.cancelled'));
      void refresh();
    },
  });
  const move = useApiMutation((start: string) => rescheduleAppointment(a.id, { start }), {
    onSuccess: () => {
      setMoving(false);
      setNewStart(null);
      onDone(t('booking.mine.rescheduled'));
      void refresh();
    },
  });
  const when = fmt.weekdayTime(a.start);
  const active = a.status === 'booked';
  return (
    <li className="appointment-card">
      <p className="appointment-card__when">{fmt.dateTime(a.start)}</p>
      <p>
        {t(`booking.kinds.${a.counsellor.kind}`)} {t('booking.mine.with', { name: a.counsellor.name })} ·{' '}
        {t(`booking.modes.${a.mode}`)}
      </p>
      <p>
        {active ? (
          <Badge tone={a.confirmed ? 'success' : 'info'}>
            {a.confirmed ? t('booking.mine.confirmed') : t('booking.mine.waiting')}
          </Badge>
        ) : (
          <Badge tone="neutral">
            {a.cancelledBy === 'counsellor'
              ? t('booking.mine.cancelled_by_counsellor')
              : t(`booking.statuses.${a.status}`)}
          </Badge>
        )}
      </p>
      {a.reason && (
        <p className="muted small">
          {t('booking.mine.reason')}: {a.reason}
        </p>
      )}
      {active && a.change !== 'past' && <Reminders appointment={a} onDone={onDone} />}
      {active && a.change === 'too_late' && <p className="muted small">{t('booking.mine.too_late')}</p>}
      {active && (
        <ButtonRow>
          <a className="btn btn--secondary btn--small" href={BOOKING_PATHS.ics(a.id)} download>
            {t('booking.mine.ics')}
          </a>
          {a.change === 'allowed' && (
            <>
              <Button variant="secondary" size="small" onClick={() => setMoving((m) => !m)} aria-expanded={moving}>
                {t('booking.mine.reschedule')}
              </Button>
              <Button variant="danger" size="small" onClick={() => setCancelling(true)}>
                {t('booking.mine.cancel')}
              </Button>
            </>
          )}
        </ButtonRow>
      )}
      {moving && (
        <Reschedule
          counsellorId={a.counsellor.id}
          chosen={newStart}
          onChoose={setNewStart}
          busy={move.isPending}
          error={move.error?.message}
          onConfirm={() => newStart && move.mutate(newStart)}
        />
      )}
      <ConfirmDialog
        open={cancelling}
        title={t('booking.mine.cancel_title')}
        confirmLabel={t('booking.mine.cancel_confirm')}
        cancelLabel={t('booking.mine.keep')}
        tone="danger"
        busy={cancel.isPending}
        error={cancel.error?.message}
        onConfirm={() => cancel.mutate()}
        onCancel={() => setCancelling(false)}
      >
        <p>{t('booking.mine.cancel_body', { when, name: a.counsellor.name })}</p>
      </ConfirmDialog>
    </li>
  );
}

function Reschedule({
  counsellorId,
  chosen,
  onChoose,
  busy,
  error,
  onConfirm,
}: {
  counsellorId: string;
  chosen: string | null;
  onChoose: (s: string) => void;
  busy: boolean;
  error: string | undefined;
  onConfirm: () => void;
}) {
  const { t } = useT();
  const slots = useQuery(slotsQuery(counsellorId));
  return (
    <div className="reschedule">
      <h3>{t('booking.mine.reschedule_title')}</h3>
      <QueryState query={slots} skeleton="rows">
        {(data) =>
          data.slots.length === 0 ? (
            <p>{t('booking.book.no_slots')}</p>
          ) : (
            <SlotPicker slots={data.slots} chosen={chosen} onChoose={onChoose} />
          )
        }
      </QueryState>
      {error && <Alert tone="error">{error}</Alert>}
      <Button onClick={onConfirm} disabled={!chosen || busy}>
        {t('booking.mine.reschedule_confirm')}
      </Button>
    </div>
  );
}

/** The booking's reminders in words, and a way to change them while it is ahead (decision 049). */
function Reminders({ appointment: a, onDone }: { appointment: AppointmentView; onDone: (m: string) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<RemindersBody>({ reminders: a.reminders, email: a.reminderEmail });
  const save = useApiMutation((body: RemindersBody) => setReminders(a.id, body), {
    onSuccess: () => {
      setEditing(false);
      onDone(t('booking.mine.reminders_saved'));
      void queryClient.invalidateQueries({ queryKey: bookingKeys.all });
    },
  });
  const names = a.reminders.map((r) =>
    t(r === 'day_before' ? 'booking.book.reminder_day_before' : 'booking.book.reminder_hour_before').toLowerCase(),
  );
  const summary =
    names.length === 0
      ? t('booking.mine.reminders_none')
      : t('booking.mine.reminders_summary', {
          list: [...names, ...(a.reminderEmail ? [t('booking.mine.reminders_by_email')] : [])].join(', '),
        });
  return (
    <div className="appointment-reminders">
      <p className="muted small">
        {summary}{' '}
        <Button
          variant="secondary"
          size="small"
          aria-expanded={editing}
          onClick={() => {
            setValue({ reminders: a.reminders, email: a.reminderEmail });
            setEditing((e) => !e);
          }}
        >
          {t('booking.mine.change_reminders')}
        </Button>
      </p>
      {editing && (
        <form
          aria-label={t('booking.mine.reminders_title')}
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(value);
          }}
        >
          <ReminderChoice idPrefix={`reminders-${a.id}`} value={value} onChange={setValue} />
          {save.error && <Alert tone="error">{save.error.message}</Alert>}
          <Button type="submit" size="small" disabled={save.isPending}>
            {t('booking.mine.save_reminders')}
          </Button>
        </form>
      )}
    </div>
  );
}
