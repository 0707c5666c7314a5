import type { ResultFigureView } from '../../../contracts/surveys.js';
import type { ActionView } from '../../api/survey-actions.api.js';
import { Badge, type BadgeTone } from '../../components/Badge.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';

type Status = ActionView['status'];
const STATUS_TONES: Record<Status, BadgeTone> = {
  planned: 'neutral',
  in_progress: 'info',
  done: 'success',
  cancelled: 'warning',
};

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useT();
  return <Badge tone={STATUS_TONES[status]}>{t(`survey_actions.status.${status}`)}</Badge>;
}

/** A survey's text in the reader's language (definitions carry both). */
export function useLocalText() {
  const { locale } = useT();
  return (text: { id: string; en: string }) => text[locale] || text.id;
}

/** Rupiah as Indonesians write it: "Rp 12.500.000" (English grouping in English). */
export function useRupiah() {
  const fmt = useFormat();
  return (value: number) => `Rp ${fmt.number(value)}`;
}

/** A share 0..1 as a whole percentage in the viewer's language. */
export function usePercent() {
  const fmt = useFormat();
  return (share: number) => `${fmt.number(Math.round(share * 100))}%`;
}

/** Today (or some days ahead) as a calendar day in a time zone: a form's default date. */
export function dayIn(timeZone: string, plusDays = 0): string {
  const date = new Date(Date.now() + plusDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** "—" for a figure staff are not shown (not published, or withheld); the reason for a screen reader. */
export function PublishedFigure({ figure, kind }: { figure: ResultFigureView; kind: 'share' | 'score' }) {
  const { t } = useT();
  const percent = usePercent();
  const fmt = useFormat();
  if (figure.value === null)
    return (
      <span className="survey-withheld-figure" title={t('survey_actions.dash_explained')}>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('survey_actions.dash_explained')}</span>
      </span>
    );
  return <>{kind === 'share' ? percent(figure.value) : fmt.number(Math.round(figure.value))}</>;
}

export const unitLabel = (t: ReturnType<typeof useT>['t'], unitName: string) =>
  unitName || t('survey_actions.whole_survey');
