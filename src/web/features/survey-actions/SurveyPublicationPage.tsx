import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { publicationBody, unpublishBody } from '../../../contracts/survey-actions.js';
import { isApiError } from '../../api/client.js';
import { useApiMutation } from '../../api/mutation.js';
import {
  publicationQuery,
  publishPublication,
  savePublication,
  surveyActionsQuery,
  unpublishPublication,
  type PublicationAdminView,
} from '../../api/survey-actions.api.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Checkbox, TextArea } from '../../components/fields.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { useForm } from '../../components/form.js';
import { PageHeader } from '../../components/PageHeader.js';
import { LoadError, QueryState } from '../../components/QueryState.js';
import { Skeleton } from '../../components/Skeleton.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { ActionCard } from './ActionCard.js';
import { ActionForm } from './ActionForm.js';
import { unitLabel, useLocalText, usePercent } from './parts.js';
import { FollowUpList } from './FollowUpResult.js';
import './survey-actions.css';

/** The draft: "what we heard" and the chosen cells; withheld cells are shown but cannot be chosen. */
function PublicationForm({ view }: { view: PublicationAdminView }) {
  const { t } = useT();
  const local = useLocalText();
  const percent = usePercent();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState(() => new Set(view.selected));
  const [saved, setSaved] = useState(false);
  const form = useForm('publication', { summary: view.summary });
  const save = useApiMutation((body: unknown, key) => savePublication(view.surveyId, body, key));
  const themeName = (id: string) => {
    const theme = view.themes.find((th) => th.id === id);
    return theme ? local(theme.name) : id;
  };
  const submit = () => {
    setSaved(false);
    const figures = view.cells.map((c) => `${c.nodeId}|${c.themeId}`).filter((k) => selected.has(k));
    const body = form.validate(publicationBody, { summary: form.values.summary, figures });
    if (!body) return;
    save.mutate(body, {
      onSuccess: (next) => {
        setSaved(true);
        queryClient.setQueryData(publicationQuery(view.surveyId).queryKey, next);
      },
      onError: (err) => form.showServerError(err),
    });
  };
  return (
    <form
      className="card admin-section stack"
      aria-labelledby="publication-form-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 id="publication-form-title">{t('survey_actions.publication.summary')}</h2>
      <FormErrorSummary
        {...form.summary}
        labels={{ summary: t('survey_actions.publication.summary'), figures: t('survey_actions.publication.figures') }}
      />
      <TextArea
        {...form.field('summary')}
        label={t('survey_actions.publication.summary')}
        hint={t('survey_actions.publication.summary_hint')}
        rows={6}
        maxLength={4000}
      />
      <fieldset className="survey-publication-figures" id="publication-figures">
        <legend>
          <strong>{t('survey_actions.publication.figures')}</strong>
        </legend>
        <p className="muted small">{t('survey_actions.publication.figures_lead')}</p>
        {form.errors.figures && <p className="field__error">{form.errors.figures}</p>}
        {view.cells.map((c) => {
          const key = `${c.nodeId}|${c.themeId}`;
          const names = { unit: unitLabel(t, c.unitName), theme: themeName(c.themeId) };
          return (
            <Checkbox
              key={key}
              id={`publication-cell-${key.replace('|', '-')}`}
              disabled={!c.served}
              checked={c.served && selected.has(key)}
              onChange={(checked) =>
                setSelected((current) => {
                  const next = new Set(current);
                  if (checked) next.add(key);
                  else next.delete(key);
                  return next;
                })
              }
              label={
                c.served
                  ? t('survey_actions.publication.figure_label', {
                      ...names,
                      favourable: c.favourableShare.value === null ? '—' : percent(c.favourableShare.value),
                    })
                  : t('survey_actions.publication.withheld_label', names)
              }
            />
          );
        })}
      </fieldset>
      {view.status === 'published' && <p className="muted small">{t('survey_actions.publication.published_note')}</p>}
      {saved && <Alert tone="success">{t('survey_actions.publication.saved')}</Alert>}
      <div>
        <Button type="submit" variant={view.status === 'published' ? 'primary' : 'secondary'} disabled={save.isPending}>
          {view.status === 'published'
            ? t('survey_actions.publication.save_published')
            : t('survey_actions.publication.save')}
        </Button>
      </div>
    </form>
  );
}

/** Publish (with a confirmation of who will see it) or take down (with a reason). */
function PublishControls({ view }: { view: PublicationAdminView }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<'publish' | 'unpublish' | null>(null);
  const update = (next: PublicationAdminView) =>
    queryClient.setQueryData(publicationQuery(view.surveyId).queryKey, next);
  const publish = useApiMutation((_: void, key) => publishPublication(view.surveyId, key));
  const unpublish = useApiMutation((body: unknown, key) => unpublishPublication(view.surveyId, body, key));
  const reasonForm = useForm('unpublish', { reason: '' });
  const figures = view.selected.length;
  return (
    <section className="card admin-section stack" aria-labelledby="publication-publish-title">
      <h2 id="publication-publish-title">{t('survey_actions.publication.publish')}</h2>
      {view.status === 'none' && <p className="muted">{t('survey_actions.publication.save_first')}</p>}
      {view.status !== 'published' ? (
        <div>
          <Button
            disabled={view.status === 'none'}
            onClick={() => {
              publish.reset();
              setConfirming('publish');
            }}
          >
            {t('survey_actions.publication.publish')}
          </Button>
        </div>
      ) : (
        <div>
          <Button
            variant="secondary"
            onClick={() => {
              unpublish.reset();
              setConfirming('unpublish');
            }}
          >
            {t('survey_actions.publication.unpublish')}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming === 'publish'}
        title={t('survey_actions.publication.publish_confirm_title', { title: view.title })}
        confirmLabel={t('survey_actions.publication.publish')}
        busy={publish.isPending}
        error={publish.error?.message ?? null}
        onCancel={() => setConfirming(null)}
        onConfirm={() =>
          publish.mutate(undefined, {
            onSuccess: (next) => {
              setConfirming(null);
              update(next);
            },
          })
        }
      >
        <p>
          {t('survey_actions.publication.publish_confirm_body', {
            figures,
            members: view.audience.members,
            units: view.audience.units.join(', '),
          })}
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'unpublish'}
        title={t('survey_actions.publication.unpublish_title')}
        confirmLabel={t('survey_actions.publication.unpublish')}
        tone="danger"
        busy={unpublish.isPending}
        error={reasonForm.formError}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          const body = reasonForm.validate(unpublishBody, reasonForm.values);
          if (!body) return;
          unpublish.mutate(body, {
            onSuccess: (next) => {
              setConfirming(null);
              reasonForm.reset();
              update(next);
            },
            onError: (err) => reasonForm.showServerError(err),
          });
        }}
      >
        <p>{t('survey_actions.publication.unpublish_body')}</p>
        <TextArea
          {...reasonForm.field('reason')}
          label={t('survey_actions.publication.reason')}
          rows={3}
          maxLength={500}
        />
      </ConfirmDialog>
    </section>
  );
}

function SurveyActionsSection({ view }: { view: PublicationAdminView }) {
  const { t } = useT();
  const actions = useQuery(surveyActionsQuery({ surveyId: view.surveyId }));
  return (
    <section className="card admin-section stack" aria-labelledby="publication-actions-title">
      <h2 id="publication-actions-title">{t('survey_actions.actions.of_survey')}</h2>
      <QueryState query={actions} skeleton="cards" skeletonLines={2}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t('survey_actions.actions.empty_body')}</p>
          ) : (
            <ul className="stack survey-action-list">
              {data.items.map((a) => (
                <ActionCard key={a.id} action={a} />
              ))}
            </ul>
          )
        }
      </QueryState>
      <h3>{t('survey_actions.form.new_title')}</h3>
      <ActionForm surveyId={view.surveyId} publication={view} />
      <Link to="/survey-actions">{t('survey_actions.actions.all_link')}</Link>
    </section>
  );
}

/** /surveys/:id/publication — share a closed survey's results with its staff, and plan the follow-up. */
export function SurveyPublicationPage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const fmt = useFormat();
  const publication = useQuery(publicationQuery(id));
  const notReady =
    isApiError(publication.error) && ['survey_results_not_ready', 'survey_not_closed'].includes(publication.error.code);
  const view = publication.data;
  return (
    <>
      <PageHeader title={t('survey_actions.publication.title')} lead={t('survey_actions.publication.lead')} />
      {publication.isPending ? (
        <Skeleton shape="form" />
      ) : notReady ? (
        <EmptyState title={t('survey_actions.publication.not_ready')}>
          <Link to={`/surveys/${id}`}>{t('surveys.results.states.back')}</Link>
        </EmptyState>
      ) : !view ? (
        <LoadError error={publication.error} onRetry={() => void publication.refetch()} />
      ) : (
        <>
          <section className="card admin-section" aria-label={view.title}>
            <p>
              <strong>{view.title}</strong>
            </p>
            <p>
              {t('survey_actions.publication.status', {
                status: t(`survey_actions.publication_status.${view.status}`),
              })}
              {view.publishedAt && view.status === 'published' && (
                <> · {t('survey_actions.publication.published_on', { date: fmt.dateTime(view.publishedAt) })}</>
              )}
            </p>
            {view.status === 'unpublished' && view.unpublishedReason && (
              <p className="muted">
                {t('survey_actions.publication.unpublished_reason', { reason: view.unpublishedReason })}
              </p>
            )}
          </section>
          <PublicationForm view={view} />
          {view.followUp && (
            <FollowUpList
              followUp={view.followUp}
              laterTitle={view.title}
              lead={t('survey_actions.follow_up.shared_note')}
            />
          )}
          <PublishControls view={view} />
          <SurveyActionsSection view={view} />
        </>
      )}
    </>
  );
}
