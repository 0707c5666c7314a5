import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { RemindersBody } from '../../../contracts/booking.js';
import { reminderEmailQuery } from '../../api/booking.api.js';
import { Checkbox } from '../../components/fields.js';
import { useT } from '../../i18n.js';

type Reminder = RemindersBody['reminders'][number];

/**
 * Which reminders, and whether by email too (docs/decisions/049-counselling-journey.md): used when
 * booking and when changing a booking later. Email is offered only when the server says it can
 * reach the person; otherwise the box stays unticked and says why, in words.
 */
export function ReminderChoice({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: RemindersBody;
  onChange: (value: RemindersBody) => void;
}) {
  const { t } = useT();
  const email = useQuery(reminderEmailQuery);
  const status = email.data?.status;
  const available = status === 'available';
  const toggle = (r: Reminder, on: boolean) => {
    const reminders = on ? [...new Set([...value.reminders, r])] : value.reminders.filter((x) => x !== r);
    // No reminder left, nothing to email.
    onChange({ reminders, email: reminders.length > 0 && value.email });
  };
  const hint =
    status === undefined ? undefined : available ? (
      t('booking.book.reminder_email_hint')
    ) : (
      <>
        {t(`booking.book.reminder_email_unavailable.${status}`)}
        {status === 'consent_withdrawn' && (
          <>
            {' '}
            <Link to="/me/data">{t('booking.book.reminder_email_consent_link')}</Link>
          </>
        )}
      </>
    );
  return (
    <fieldset className="booking-reminders">
      <legend>{t('booking.book.reminders')}</legend>
      <Checkbox
        id={`${idPrefix}-reminder-day`}
        label={t('booking.book.reminder_day_before')}
        checked={value.reminders.includes('day_before')}
        onChange={(on) => toggle('day_before', on)}
      />
      <Checkbox
        id={`${idPrefix}-reminder-hour`}
        label={t('booking.book.reminder_hour_before')}
        checked={value.reminders.includes('hour_before')}
        onChange={(on) => toggle('hour_before', on)}
      />
      <Checkbox
        id={`${idPrefix}-reminder-email`}
        label={t('booking.book.reminder_email')}
        hint={hint}
        checked={available && value.email}
        disabled={!available || value.reminders.length === 0}
        onChange={(on) => onChange({ ...value, email: on })}
      />
    </fieldset>
  );
}
