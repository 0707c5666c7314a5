import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  hideSuggestion,
  unhideSuggestion,
  managedSuggestionsQuery,
  releaseSuggestions,
  replyToSuggestion,
  suggestionReleasesQuery,
  type ManagedSuggestion,
} from '../../api/suggestions.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { TextArea } from '../../components/fields.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { SUGGESTION_LIMITS } from '../../../domain/suggestions/release.js';
import { SuggestionCard } from './SuggestionCard.js';
import { topicLabel } from './topics.js';
import { TopicFilteredList } from './TopicFilteredList.js';
import './suggestions.css';

const invalidate = (queryClient: ReturnType<typeof useQueryClient>) =>
  queryClient.invalidateQueries({ queryKey: ['suggestions'] });

/** The latest releases with their counts per topic, and "release now" when at least k wait. */
function Releases({ onReleased }: { onReleased: (message: string) => void }) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const releases = useQuery(suggestionReleasesQuery);
  const [confirming, setConfirming] = useState(false);
  const release = useApiMutation((_: void, key) => releaseSuggestions(key));
  return (
    <section className="card stack" aria-labelledby="suggestion-releases-title">
      <h2 id="suggestion-releases-title">{t('suggestions.manage.releases_title')}</h2>
      <QueryState query={releases} skeletonLines={3}>
        {(data) => (
          <>
            <p className="muted">
              {t('suggestions.manage.releases_lead', {
                k: fmt.number(data.threshold),
                double: fmt.number(data.threshold * 2),
              })}
            </p>
            {data.items.length === 0 ? (
              <p>{t('suggestions.manage.releases_empty')}</p>
            ) : (
              <ul className="suggestion-releases">
                {data.items.map((r) => (
                  <li key={r.id}>
                    <strong>
                      {t('suggestions.manage.release_row', { date: fmt.day(r.weekOf), count: fmt.number(r.count) })}
                    </strong>
                    <span className="muted">
                      {' — '}
                      {r.topics.map((x) => `${topicLabel(t, x.topic)} ${fmt.number(x.count)}`).join(', ')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p>
              {data.releasable
                ? t('suggestions.manage.releasable', { k: fmt.number(data.threshold) })
                : t('suggestions.manage.not_releasable', { k: fmt.number(data.threshold) })}
            </p>
            {data.releasable && (
              <div>
                <Button onClick={() => setConfirming(true)}>{t('suggestions.manage.release_now')}</Button>
              </div>
            )}
          </>
        )}
      </QueryState>
      <ConfirmDialog
        open={confirming}
        title={t('suggestions.manage.release_confirm_title')}
        confirmLabel={t('suggestions.manage.release_now')}
        busy={release.isPending}
        error={release.error?.message ?? null}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          release.mutate(undefined, {
            onSuccess: async (result) => {
              setConfirming(false);
              await invalidate(queryClient);
              onReleased(t('suggestions.manage.released', { count: fmt.number(result.released) }));
            },
          })
        }
      >
        <p>{t('suggestions.manage.release_confirm_body')}</p>
      </ConfirmDialog>
    </section>
  );
}

/** One suggestion with its reply form and its hide action. */
function ManagedCard({ suggestion, onDone }: { suggestion: ManagedSuggestion; onDone: (message: string) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [reply, setReply] = useState(suggestion.reply ?? '');
  const [replyError, setReplyError] = useState<string | null>(null);
  const [hiding, setHiding] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const saveReply = useApiMutation((text: string, key) => replyToSuggestion(suggestion.id, text, key));
  const hide = useApiMutation((text: string, key) => hideSuggestion(suggestion.id, text, key));
  const [unhiding, setUnhiding] = useState(false);
  const unhide = useApiMutation((_: void, key) => unhideSuggestion(suggestion.id, key));
  const hidden = suggestion.hiddenReason !== null;
  const showForm = editing || (!hidden && suggestion.reply === null);

  const submitReply = () => {
    if (reply.trim() === '') return setReplyError(t('validation.required'));
    setReplyError(null);
    saveReply.mutate(reply, {
      onSuccess: async () => {
        setEditing(false);
        await invalidate(queryClient);
        onDone(t('suggestions.manage.reply_saved'));
      },
      onError: (err) => setReplyError(err.fieldErrors.reply ?? err.message),
    });
  };

  return (
    <SuggestionCard
      suggestion={suggestion}
      badge={hidden ? <Badge tone="warning">{t('suggestions.manage.hidden_badge')}</Badge> : undefined}
    >
      {hidden && <p className="muted">{t('suggestions.manage.hidden_reason', { reason: suggestion.hiddenReason })}</p>}
      {hidden && (
        <div className="suggestion-card__actions">
          <Button variant="secondary" size="small" onClick={() => setUnhiding(true)}>
            {t('suggestions.manage.unhide')}
          </Button>
        </div>
      )}
      {!showForm && suggestion.reply && (
        <div className="suggestion-card__reply">
          <p className="suggestion-card__reply-label">{t('suggestions.board.reply_label')}</p>
          <p className="suggestion-card__reply-text">{suggestion.reply}</p>
        </div>
      )}
      {showForm && !hidden && (
        <form
          className="stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submitReply();
          }}
        >
          <TextArea
            id={`reply-${suggestion.id}`}
            label={t('suggestions.manage.reply')}
            rows={3}
            maxLength={SUGGESTION_LIMITS.replyMaxLength}
            value={reply}
            error={replyError ?? undefined}
            onChange={setReply}
          />
          <div className="suggestion-card__actions">
            <Button type="submit" size="small" busy={saveReply.isPending}>
              {t('suggestions.manage.reply_save')}
            </Button>
            {editing && (
              <Button variant="secondary" size="small" onClick={() => setEditing(false)}>
                {t('suggestions.manage.reply_cancel')}
              </Button>
            )}
          </div>
        </form>
      )}
      {!hidden && (
        <div className="suggestion-card__actions">
          {!showForm && (
            <Button variant="secondary" size="small" onClick={() => setEditing(true)}>
              {t('suggestions.manage.reply_edit')}
            </Button>
          )}
          <Button variant="secondary" size="small" onClick={() => setHiding(true)}>
            {t('suggestions.manage.hide')}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={hiding}
        title={t('suggestions.manage.hide_title')}
        confirmLabel={t('suggestions.manage.hide_confirm')}
        tone="danger"
        busy={hide.isPending}
        error={hide.error && !hide.error.fieldErrors.reason ? hide.error.message : null}
        onCancel={() => setHiding(false)}
        onConfirm={() => {
          if (reason.trim() === '') return setReasonError(t('suggestions.manage.hide_reason_required'));
          setReasonError(null);
          hide.mutate(reason, {
            onSuccess: async () => {
              setHiding(false);
              await invalidate(queryClient);
              onDone(t('suggestions.manage.hidden_done'));
            },
            onError: (err) => setReasonError(err.fieldErrors.reason ?? null),
          });
        }}
      >
        <p>{t('suggestions.manage.hide_body')}</p>
        <TextArea
          id={`hide-reason-${suggestion.id}`}
          label={t('suggestions.manage.hide_reason')}
          rows={2}
          maxLength={SUGGESTION_LIMITS.reasonMaxLength}
          value={reason}
          error={reasonError ?? undefined}
          onChange={setReason}
        />
      </ConfirmDialog>
      <ConfirmDialog
        open={unhiding}
        title={t('suggestions.manage.unhide_title')}
        confirmLabel={t('suggestions.manage.unhide_confirm')}
        busy={unhide.isPending}
        error={unhide.error?.message ?? null}
        onCancel={() => setUnhiding(false)}
        onConfirm={() =>
          unhide.mutate(undefined, {
            onSuccess: async () => {
              setUnhiding(false);
              await invalidate(queryClient);
              onDone(t('suggestions.manage.unhidden_done'));
            },
          })
        }
      >
        <p>{t('suggestions.manage.unhide_body')}</p>
      </ConfirmDialog>
    </SuggestionCard>
  );
}

/** /suggestions/manage — the wellbeing team's view: releases, replies and hiding. */
export function ManageSuggestionsPage() {
  const { t } = useT();
  const toast = useToast();
  return (
    <>
      <PageHeader title={t('suggestions.manage.title')} lead={t('suggestions.manage.lead')} />
      <div className="suggestion-page">
        <Releases onReleased={toast.show} />
        <section className="stack" aria-labelledby="managed-suggestions-title">
          <h2 id="managed-suggestions-title">{t('suggestions.board.title')}</h2>
          <TopicFilteredList
            selectId="managed-suggestions-topic"
            query={managedSuggestionsQuery}
            empty={{ title: t('suggestions.manage.empty_title'), body: t('suggestions.manage.empty_body') }}
            renderItem={(s) => (
              <ManagedCard
                key={`${s.id}-${s.reply ?? ''}-${s.hiddenReason ?? ''}`}
                suggestion={s}
                onDone={toast.show}
              />
            )}
          />
        </section>
      </div>
      <Toast message={toast.message} onDismiss={toast.dismiss} />
    </>
  );
}
