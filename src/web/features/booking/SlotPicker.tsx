import { useState } from 'react';
import { slotsByDay } from '../../../domain/booking/slots.js';
import type { SlotView } from '../../api/booking.api.js';
import { Button } from '../../components/Button.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { clockOf, weekdayDay } from './slot-labels.js';

const DAYS_SHOWN = 5;

/** Free slots by day in the viewer's own zone; a slot is a toggle button, one chosen at a time. */
export function SlotPicker({
  slots,
  chosen,
  onChoose,
}: {
  slots: readonly SlotView[];
  chosen: string | null;
  onChoose: (start: string) => void;
}) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const [shown, setShown] = useState(DAYS_SHOWN);
  const days = slotsByDay(
    slots.map((s) => ({ start: new Date(s.start), end: new Date(s.end), modes: s.modes })),
    fmt.timeZone,
  );
  return (
    <div className="slot-picker">
      <p className="muted small">{t('booking.book.zone_note', { zone: fmt.zoneName })}</p>
      {days.slice(0, shown).map((day) => (
        <fieldset key={day.date} className="slot-day">
          <legend className="slot-day__date">{weekdayDay(day.date, locale)}</legend>
          <div className="slot-day__times">
            {day.slots.map((s) => {
              const iso = s.start.toISOString();
              return (
                <button
                  key={iso}
                  type="button"
                  className={`slot ${chosen === iso ? 'slot--chosen' : ''}`}
                  aria-pressed={chosen === iso}
                  onClick={() => onChoose(iso)}
                >
                  {fmt.clock(clockOf(iso, fmt.timeZone))}
                </button>
              );
            })}
          </div>
        </fieldset>
      ))}
      {days.length > shown && (
        <Button variant="secondary" size="small" onClick={() => setShown((n) => n + DAYS_SHOWN)}>
          {t('booking.book.more_days')}
        </Button>
      )}
    </div>
  );
}
