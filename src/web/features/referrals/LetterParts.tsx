import { Badge } from '../../components/Badge.js';
import { Checkbox } from '../../components/fields.js';
import type { LetterField, ReferralScore, ReferralView } from '../../api/referrals.api.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';

type Expiry = ReferralView['expiry'];

/** "Berlaku 62 hari lagi" / "Kedaluwarsa", with a warning tone when it is about to lapse. */
export function ExpiryBadge({ expiry, status }: { expiry: Expiry; status: ReferralView['status'] }) {
  const { t } = useT();
  if (status === 'closed' || status === 'cancelled') return null;
  if (expiry.kind === 'expired') return <Badge tone="danger">{t('referrals.expiry.expired')}</Badge>;
  if (expiry.kind === 'expires_today') return <Badge tone="warning">{t('referrals.expiry.expires_today')}</Badge>;
  return (
    <Badge tone={expiry.soon ? 'warning' : 'success'}>
      {t('referrals.expiry.valid', { count: expiry.daysLeft ?? 0 })}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: ReferralView['status'] }) {
  const { t } = useT();
  const tone =
    status === 'cancelled' ? 'neutral' : status === 'closed' ? 'neutral' : status === 'prepared' ? 'info' : 'success';
  return <Badge tone={tone}>{t(`referrals.statuses.${status}`)}</Badge>;
}

/** 'phq9' → 'PHQ-9', 'who5' → 'WHO-5', 'srq20' → 'SRQ-20': how the instruments are written. */
const abbreviation = (id: string) => id.toUpperCase().replace(/^([A-Z]+)(\d+)$/, '$1-$2');

export function useScoreLine() {
  const { t } = useT();
  const fmt = useFormat();
  return (s: ReferralScore) =>
    s.bandLabel
      ? t('referrals.form.score_line', {
          instrument: abbreviation(s.instrumentId),
          total: s.total,
          band: s.bandLabel,
          date: fmt.day(s.takenAt),
        })
      : t('referrals.form.score_line_no_band', {
          instrument: abbreviation(s.instrumentId),
          total: s.total,
          date: fmt.day(s.takenAt),
        });
}

/** The fields the client ticks; a field with nothing behind it is shown but cannot be ticked. */
export function FieldChooser({
  idPrefix,
  approved,
  onChange,
  available,
  notes = {},
}: {
  idPrefix: string;
  approved: readonly LetterField[];
  onChange: (next: LetterField[]) => void;
  available: Readonly<Record<LetterField, boolean>>;
  notes?: Partial<Record<LetterField, string>>;
}) {
  const { t } = useT();
  const fields: LetterField[] = ['name', 'birth_date', 'bpjs_number', 'summary', 'scores'];
  return (
    <fieldset className="field referral-fields">
      <legend className="field__label">{t('referrals.form.approve_title')}</legend>
      <p className="field__hint">{t('referrals.form.approve_lead')}</p>
      {fields.map((f) => (
        <Checkbox
          key={f}
          id={`${idPrefix}-field-${f}`}
          label={t(`referrals.fields.${f}`)}
          hint={available[f] ? notes[f] : t('referrals.form.not_available')}
          disabled={!available[f]}
          checked={available[f] && approved.includes(f)}
          onChange={(on) => onChange(on ? [...approved, f] : approved.filter((x) => x !== f))}
        />
      ))}
    </fieldset>
  );
}

export interface PreviewModel {
  destinationLevel: ReferralView['destinationLevel'];
  destinationName: string | null;
  preparedBy: 'client' | 'counsellor';
  counsellorName: string | null;
  approved: readonly LetterField[];
  name: string;
  birthDate: string | null;
  bpjsNumber: string | null;
  reason: string | null;
  scores: readonly ReferralScore[];
  expiresOn: string | null;
}

/** A live picture of what will print: the identity block holds only what is ticked. */
export function LetterPreview({ model: m }: { model: PreviewModel }) {
  const { t } = useT();
  const fmt = useFormat();
  const scoreLine = useScoreLine();
  const on = (f: LetterField) => m.approved.includes(f);
  const identity: Array<[string, string]> = [];
  if (on('name')) identity.push([t('referrals.fields.name'), m.name]);
  if (on('birth_date') && m.birthDate) identity.push([t('referrals.fields.birth_date'), fmt.day(m.birthDate)]);
  if (on('bpjs_number') && m.bpjsNumber) identity.push([t('referrals.fields.bpjs_number'), m.bpjsNumber]);
  return (
    <section className="letter-preview" aria-labelledby="letter-preview-title">
      <h2 id="letter-preview-title">{t('referrals.preview.title')}</h2>
      <p className="muted small">{t('referrals.preview.hint')}</p>
      <div className="letter-preview__paper" aria-live="polite">
        <p className="letter-preview__title">{t('referrals.letter.title')}</p>
        <p>
          {t('referrals.letter.to')}
          <br />
          <strong>{t(`referrals.levels.${m.destinationLevel}`)}</strong>
          {m.destinationName && (
            <>
              <br />
              {m.destinationName}
            </>
          )}
        </p>
        {identity.length === 0 ? (
          <p className="muted">{t('referrals.preview.nothing')}</p>
        ) : (
          <dl className="letter-preview__identity">
            {identity.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        )}
        {on('summary') && m.reason && (
          <>
            <p className="letter-preview__label">{t('referrals.letter.reason')}</p>
            <p className="letter-preview__reason">{m.reason}</p>
          </>
        )}
        {on('scores') && m.scores.length > 0 && (
          <>
            <p className="letter-preview__label">{t('referrals.letter.scores')}</p>
            <ul>
              {m.scores.map((s) => (
                <li key={`${s.instrumentId}-${s.takenAt}`}>{scoreLine(s)}</li>
              ))}
            </ul>
          </>
        )}
        {m.expiresOn && <p>{t('referrals.letter.valid_until', { date: fmt.day(m.expiresOn) })}</p>}
        <p className="letter-preview__sign">
          {m.preparedBy === 'counsellor' ? (
            <>
              {t('referrals.letter.signed_counsellor')}
              <br />
              <strong>{m.counsellorName}</strong>
            </>
          ) : (
            <>
              {t('referrals.letter.signed_self')}
              <br />
              {on('name') && <strong>{m.name}</strong>}
              <br />
              <span className="muted small">{t('referrals.letter.self_made')}</span>
            </>
          )}
        </p>
      </div>
    </section>
  );
}
