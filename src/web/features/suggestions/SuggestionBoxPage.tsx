import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { sendSuggestion, suggestionBoardQuery, type SuggestionTopic } from '../../api/suggestions.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { SUGGESTION_LIMITS } from '../../../domain/suggestions/release.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Select, TextArea } from '../../components/fields.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { SuggestionBoard } from './SuggestionBoard.js';
import { isTopic, topicOptions } from './topics.js';
import './suggestions.css';

/** What the page promises before anything is written: what is kept, what is not, what to avoid. */
function WhatIsKept() {
  const { t } = useT();
  const fmt = useFormat();
  // The first page of the board carries the agency's k; until it loads the floor (5) is said.
  const board = useQuery(suggestionBoardQuery('', 1));
  const k = board.data?.threshold ?? 5;
  return (
    <section className="card suggestion-kept" aria-labelledby="suggestion-kept-title">
      <h2 id="suggestion-kept-title">{t('suggestions.box.kept_title')}</h2>
      <ul>
        <li>{t('suggestions.box.kept_text')}</li>
        <li>{t('suggestions.box.kept_no_name')}</li>
        <li>{t('suggestions.box.kept_release', { k: fmt.number(k) })}</li>
        <li>{t('suggestions.box.kept_reply')}</li>
        <li>
          <strong>{t('suggestions.box.kept_names')}</strong>
        </li>
        <li>{t('suggestions.box.kept_limit', { count: fmt.number(SUGGESTION_LIMITS.perPersonPerDay) })}</li>
      </ul>
    </section>
  );
}

/**
 * The form. What was written stays on screen whatever goes wrong; a retry sends the same
 * Idempotency-Key, so a send whose answer was lost is stored once.
 */
function SuggestionForm({ onSent }: { onSent: () => void }) {
  const { t } = useT();
  const fmt = useFormat();
  const [topic, setTopic] = useState<SuggestionTopic | ''>('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const send = useApiMutation((body: { topic: SuggestionTopic | null; text: string }, key) =>
    sendSuggestion(body, key),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return setError(t('suggestions.box.text_required'));
    setError(null);
    setFormError(null);
    send.mutate(
      { topic: topic || null, text },
      {
        onSuccess: onSent,
        onError: (err) => {
          if (err.fieldErrors.text) return setError(err.fieldErrors.text);
          setFormError(err.status === 0 ? t('suggestions.box.failed') : err.message);
        },
      },
    );
  };

  return (
    <form className="card stack suggestion-form" onSubmit={submit} noValidate aria-labelledby="suggestion-form-title">
      <h2 id="suggestion-form-title">{t('suggestions.box.form_title')}</h2>
      {formError && (
        <Alert tone="error" title={t('suggestions.box.form_title')}>
          <p>{formError}</p>
        </Alert>
      )}
      <Select
        id="suggestion-topic"
        label={t('suggestions.box.topic')}
        optional
        value={topic}
        placeholder={t('suggestions.box.topic_none')}
        options={topicOptions(t)}
        onChange={(value) => setTopic(isTopic(value) ? value : '')}
      />
      <TextArea
        id="suggestion-text"
        label={t('suggestions.box.text')}
        hint={t('suggestions.box.text_hint', { max: fmt.number(SUGGESTION_LIMITS.textMaxLength) })}
        error={error ?? undefined}
        rows={6}
        maxLength={SUGGESTION_LIMITS.textMaxLength}
        value={text}
        onChange={(value) => {
          setText(value);
          if (error && value.trim() !== '') setError(null);
        }}
      />
      <div>
        <Button type="submit" busy={send.isPending}>
          {send.isPending ? t('suggestions.box.sending') : t('suggestions.box.send')}
        </Button>
      </div>
    </form>
  );
}

/** /suggestions — write an anonymous suggestion, and read the agency's public board. */
export function SuggestionBoxPage() {
  const { t } = useT();
  const [sent, setSent] = useState(false);
  const [formKey, setFormKey] = useState(0);
  return (
    <>
      <PageHeader title={t('suggestions.box.title')} lead={t('suggestions.box.lead')} />
      <div className="suggestion-page">
        <WhatIsKept />
        {sent ? (
          <Alert tone="success" title={t('suggestions.box.thanks_title')}>
            <p>{t('suggestions.box.thanks_body')}</p>
            <p>
              <Button
                variant="secondary"
                onClick={() => {
                  setSent(false);
                  setFormKey((n) => n + 1);
                }}
              >
                {t('suggestions.box.write_another')}
              </Button>
            </p>
          </Alert>
        ) : (
          <SuggestionForm key={formKey} onSent={() => setSent(true)} />
        )}
        <SuggestionBoard />
      </div>
    </>
  );
}
