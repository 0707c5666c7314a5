import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  answerInvitation,
  focusGroupKeys,
  focusGroupQuery,
  focusGroupRunQuery,
  publishSummary,
  saveSummary,
  type FocusGroupView,
} from '../../api/focus-groups.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { hasRole, useSignedIn } from '../../api/session.js';
import { Alert } from '../../components/Alert.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmedAction } from '../../components/ConfirmedAction.js';
import { TextArea } from '../../components/fields.js';
import { KeyValueList } from '../../components/KeyValueList.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { PageContent } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import '../../components/gatherings.css';

/**
 * /focus-groups/:id — an invitee answers (voluntary, no reason asked); the facilitator and the admin
 * also see who accepted and write the summary (docs/decisions/053-committee-and-focus-groups.md).
 */
export function FocusGroupPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const group = useQuery(focusGroupQuery(id));
  const toast = useToast();
  return (
    <PageContent>
      <p>
        <Link to="/focus-groups">{t('focus_groups.page.back')}</Link>
      </p>
      <Toast message={toast.message} onDismiss={toast.dismiss} />
      <QueryState query={group} skeleton="form" loadingLabel={t('focus_groups.loading')}>
        {(g) => <GroupDetail group={g} onDone={toast.show} />}
      </QueryState>
    </PageContent>
  );
}

function GroupDetail({ group: g, onDone }: { group: FocusGroupView; onDone: (message: string) => void }) {
  const { t } = useT();
  const fmt = useFormat();
  const session = useSignedIn();
  const queryClient = useQueryClient();
  const answer = useApiMutation(
    (value: 'accepted' | 'declined', key) => answerInvitation(g.id, { answer: value }, key),
    {
      onSuccess: (view) => {
        queryClient.setQueryData(focusGroupKeys.one(g.id), view);
        void queryClient.invalidateQueries({ queryKey: focusGroupKeys.list });
        onDone(t(view.myAnswer === 'accepted' ? 'focus_groups.page.accepted' : 'focus_groups.page.declined'));
      },
    },
  );
  const runs = g.amFacilitator || hasRole(session, 'wellbeing_admin');
  // The moment the page was drawn: whether it has started is read once, not on every render.
  const [now] = useState(() => Date.now());
  const open = g.status === 'scheduled' && Date.parse(g.startsAt) > now;
  return (
    <>
      <PageHeader title={g.topic} eyebrow={t(`focus_groups.statuses.${g.status}`)} />
      <KeyValueList
        rows={[
          [t('focus_groups.page.when'), fmt.dateTime(g.startsAt)],
          ...(g.place ? ([[t('focus_groups.page.place'), g.place]] as const) : []),
          ...(g.link
            ? ([
                [
                  t('focus_groups.page.link'),
                  <a key="link" href={g.link} rel="noreferrer" target="_blank">
                    {g.link}
                  </a>,
                ],
              ] as const)
            : []),
          [t('focus_groups.page.facilitator'), g.facilitatorName],
          ...(g.themeName
            ? ([[t('focus_groups.page.theme'), `${g.surveyTitle ?? ''} — ${g.themeName}`]] as const)
            : []),
        ]}
      />
      {g.status === 'cancelled' && <Alert tone="warning">{t('focus_groups.page.cancelled')}</Alert>}
      {g.myAnswer !== null && (
        <section aria-labelledby="fg-answer">
          <Alert tone="info" title={t('focus_groups.page.voluntary_title')}>
            {t('focus_groups.page.voluntary')}
          </Alert>
          <h2 id="fg-answer">{t(`focus_groups.answers.${g.myAnswer}`)}</h2>
          {open && (
            <>
              <p className="muted">
                {t(g.myAnswer === 'pending' ? 'focus_groups.page.ask' : 'focus_groups.page.change')}
              </p>
              {answer.error && <Alert tone="error">{answer.error.message}</Alert>}
              <ButtonRow>
                {g.myAnswer !== 'accepted' && (
                  <Button
                    type="button"
                    busy={answer.isPending}
                    disabled={g.full}
                    onClick={() => answer.mutate('accepted')}
                  >
                    {t('focus_groups.page.accept')}
                  </Button>
                )}
                {g.myAnswer !== 'declined' && (
                  <Button
                    type="button"
                    variant="secondary"
                    busy={answer.isPending}
                    onClick={() => answer.mutate('declined')}
                  >
                    {t('focus_groups.page.decline')}
                  </Button>
                )}
              </ButtonRow>
              {g.full && g.myAnswer !== 'accepted' && <p className="muted">{t('focus_groups.page.full')}</p>}
            </>
          )}
        </section>
      )}
      {g.summary && !runs && (
        <section aria-labelledby="fg-summary">
          <h2 id="fg-summary">{t('focus_groups.page.summary')}</h2>
          <p className="committee-text">{g.summary}</p>
        </section>
      )}
      {runs && <RunPanel group={g} onDone={onDone} />}
    </>
  );
}

/** Who accepted (names, for the facilitator and the admin), counts of the rest, and the summary editor. */
function RunPanel({ group: g, onDone }: { group: FocusGroupView; onDone: (message: string) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const run = useQuery(focusGroupRunQuery(g.id));
  const [summary, setSummary] = useState(g.summary ?? '');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: focusGroupKeys.all });
  const save = useApiMutation(() => saveSummary(g.id, summary), {
    onSuccess: () => (refresh(), onDone(t('focus_groups.run.saved'))),
  });
  // The moment the page was drawn: whether it has started is read once, not on every render.
  const [now] = useState(() => Date.now());
  const started = Date.parse(g.startsAt) <= now;
  return (
    <QueryState query={run} skeleton="form">
      {(r) => (
        <>
          <section aria-labelledby="fg-run">
            <h2 id="fg-run">{t('focus_groups.run.title')}</h2>
            <p>
              {t('focus_groups.run.counts', {
                accepted: r.accepted.length,
                pending: r.pending,
                declined: r.declined,
                invited: r.invited,
              })}
            </p>
            <p className="muted small">{t('focus_groups.run.privacy')}</p>
            <h3>{t('focus_groups.run.accepted_list')}</h3>
            {r.accepted.length === 0 ? (
              <p className="muted">{t('focus_groups.run.nobody')}</p>
            ) : (
              <ul>
                {r.accepted.map((p) => (
                  <li key={p.id}>{p.name}</li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="fg-summary-editor">
            <h2 id="fg-summary-editor">
              {r.summaryPublishedAt ? t('focus_groups.page.summary') : t('focus_groups.run.summary_editor')}
            </h2>
            {r.summaryPublishedAt ? (
              <p className="committee-text">{r.summary}</p>
            ) : !started || g.status === 'cancelled' ? (
              <p className="muted">{t('focus_groups.run.not_yet')}</p>
            ) : (
              <div className="committee-form">
                <Alert tone="warning">{t('focus_groups.run.reminder')}</Alert>
                {r.summary && <p className="muted small">{t('focus_groups.page.summary_draft')}</p>}
                <TextArea
                  id="fg-summary"
                  label={t('focus_groups.run.summary_label')}
                  rows={8}
                  value={summary}
                  onChange={setSummary}
                />
                {save.error && <Alert tone="error">{save.error.message}</Alert>}
                <ButtonRow>
                  <Button type="button" busy={save.isPending} onClick={() => save.mutate()}>
                    {t('focus_groups.run.save')}
                  </Button>
                  {r.summary && (
                    <ConfirmedAction
                      label={t('focus_groups.run.publish')}
                      title={t('focus_groups.run.publish_title')}
                      confirmLabel={t('focus_groups.run.publish')}
                      acknowledge={{
                        id: 'fg-reviewed',
                        label: t('focus_groups.run.reviewed'),
                        missing: t('focus_groups.run.review_missing'),
                      }}
                      // What is on screen is what gets published: the draft is saved first.
                      run={() => saveSummary(g.id, summary).then(() => publishSummary(g.id))}
                      onDone={() => (refresh(), onDone(t('focus_groups.run.published')))}
                    >
                      <p>{t('focus_groups.run.publish_body')}</p>
                    </ConfirmedAction>
                  )}
                </ButtonRow>
              </div>
            )}
          </section>
        </>
      )}
    </QueryState>
  );
}
