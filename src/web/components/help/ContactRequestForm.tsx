import { useEffect, useState, type FormEvent } from 'react';
import { contactRequestBody, type ContactRequestBody } from '../../../contracts/help.js';
import { CONTACT_METHODS, localPhone } from '../../../domain/help/contact-request.js';
import { useSession } from '../../api/session.js';
import { Button, ButtonRow } from '../Button.js';
import { RadioGroup, TextArea, TextField } from '../fields.js';
import { useForm } from '../form.js';
import { FormErrorSummary } from '../FormErrorSummary.js';
import { useT } from '../../i18n.js';
import './help.css';

type Method = (typeof CONTACT_METHODS)[number];
type Values = { method: string; contact: string; preferredTime: string; note: string };

interface ContactRequestFormProps {
  /** Prefix of element ids, so two forms on one page never clash. */
  idPrefix: string;
  /** Receives the checked request; the caller sends it (alone, or with an assessment). */
  onSubmit: (body: ContactRequestBody) => void;
  submitLabel: string;
  busy?: boolean;
  /** A failure of the caller's request, shown at the top of the form; what was typed stays. */
  error?: string | null;
  /** Increments on each failed send so the error summary takes focus again. */
  errorAttempt?: number;
  onCancel?: () => void;
  cancelLabel?: string;
  /** Focus the first question when the form appears in place of the button that opened it. */
  autoFocus?: boolean;
}

/** The person's own phone and email as the agency holds them, one starting value per method. */
export function knownContacts(
  person: { phone?: string | null; email?: string | null } | undefined,
): Record<Method, string> {
  const phone = person?.phone ? localPhone(person.phone) : '';
  return { phone, whatsapp: phone, email: person?.email ?? '' };
}

/**
 * "Hubungi saya": how a duty counsellor should reach the person (phone, WhatsApp or email), when,
 * and an optional note. Each method starts from what the agency's records hold (the phone for a
 * call and WhatsApp, the email) and keeps what the person typed when they switch back to it.
 */
export function ContactRequestForm({
  idPrefix,
  onSubmit,
  submitLabel,
  busy,
  error,
  errorAttempt = 0,
  onCancel,
  cancelLabel,
  autoFocus = false,
}: ContactRequestFormProps) {
  const { t } = useT();
  const { data: session } = useSession();
  // What the agency's records already know: the phone serves both a call and WhatsApp.
  const known = knownContacts(session?.person);
  const form = useForm<Values>(idPrefix, { method: 'phone', contact: known.phone, preferredTime: '', note: '' });
  // What each method's field held, so switching away and back restores what the person typed.
  const [byMethod, setByMethod] = useState<Record<Method, string>>(known);
  useEffect(() => {
    if (autoFocus) document.getElementById(`${idPrefix}-method`)?.focus();
  }, [autoFocus, idPrefix]);

  const chooseMethod = (value: string) => {
    const method = value as Method;
    const current = form.values.method as Method;
    const kept = { ...byMethod, [current]: form.values.contact };
    setByMethod(kept);
    form.setValues((v) => ({ ...v, method, contact: kept[method] }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate(contactRequestBody, {
      method: form.values.method as Method,
      contact: form.values.contact,
      preferredTime: form.values.preferredTime.trim() || undefined,
      note: form.values.note.trim() || undefined,
    });
    if (body) onSubmit(body);
  };

  const method = form.values.method as Method;
  const contactLabel = t(`help.request.contact_label.${method}`);
  const labels = {
    method: t('help.request.method'),
    contact: contactLabel,
    preferredTime: t('help.request.preferred_time'),
    note: t('help.request.note'),
  };
  const summary = {
    ...form.summary,
    formError: form.summary.formError ?? error ?? null,
    attempt: form.summary.attempt + errorAttempt,
  };
  return (
    <form className="form contact-request" onSubmit={submit} noValidate aria-label={t('help.request.form_label')}>
      <FormErrorSummary {...summary} labels={labels} />
      <RadioGroup
        {...form.field('method')}
        name={`${idPrefix}-method`}
        legend={labels.method}
        onChange={chooseMethod}
        options={CONTACT_METHODS.map((m) => ({ value: m, label: t(`help.request.methods.${m}`) }))}
      />
      <TextField
        {...form.field('contact')}
        type={method === 'email' ? 'email' : 'tel'}
        inputMode={method === 'email' ? 'email' : 'tel'}
        autoComplete={method === 'email' ? 'email' : 'tel'}
        spellCheck={false}
        label={contactLabel}
        hint={t(`help.request.contact_hint.${method}`)}
      />
      <TextField
        {...form.field('preferredTime')}
        label={labels.preferredTime}
        hint={t('help.request.preferred_time_hint')}
        optional
        maxLength={200}
      />
      <TextArea
        {...form.field('note')}
        label={labels.note}
        hint={t('help.request.note_hint')}
        optional
        maxLength={1000}
        rows={3}
      />
      <p className="muted small">{t('help.request.who_sees')}</p>
      <ButtonRow>
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel} disabled={busy}>
            {cancelLabel ?? t('common.actions.cancel')}
          </Button>
        )}
      </ButtonRow>
    </form>
  );
}
