import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { agencyArticleBody, MAX_BODY, MAX_SUMMARY, MAX_TITLE } from '../../../contracts/articles.js';
import { isApiError } from '../../api/client.js';
import {
  adminArticleQuery,
  adminArticlesKey,
  createArticle,
  previewArticle,
  setArticleStatus,
  updateArticle,
  type AgencyArticleInput,
  type AgencyArticleView,
} from '../../api/learn.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { Badge } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Select, TextArea, TextField } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageColumns } from '../../components/layout/PageLayout.js';
import { PageHeader } from '../../components/PageHeader.js';
import { LoadError } from '../../components/QueryState.js';
import { Skeleton } from '../../components/Skeleton.js';
import { useT } from '../../i18n.js';
import { useDebounced } from '../../lib/use-debounced.js';
import { SafeHtml } from './SafeHtml.js';
import './learn.css';

type Values = { title: string; summary: string; tags: string; language: string; bodyMarkdown: string };

function valuesOf(article: AgencyArticleView | null, locale: string): Values {
  return {
    title: article?.title ?? '',
    summary: article?.summary ?? '',
    tags: article?.tags.join(', ') ?? '',
    language: article?.language ?? locale,
    bodyMarkdown: article?.bodyMarkdown ?? '',
  };
}

function inputOf(values: Values): AgencyArticleInput {
  return {
    title: values.title,
    summary: values.summary,
    tags: values.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    language: values.language as AgencyArticleInput['language'],
    bodyMarkdown: values.bodyMarkdown,
  };
}

/**
 * What the article will look like, rendered by the server exactly as a save would (so the preview
 * never promises what the sanitiser will then remove), while the admin pauses typing.
 */
function Preview({ markdown, lang }: { markdown: string; lang: string }) {
  const { t } = useT();
  const text = useDebounced(markdown, 500);
  const preview = useQuery({
    queryKey: ['article-preview', text],
    queryFn: ({ signal }) => previewArticle(text, signal),
    enabled: text.trim() !== '',
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
  return (
    <section className="card article-preview" aria-labelledby="article-preview-title">
      <h2 id="article-preview-title">{t('learn.editor.preview_title')}</h2>
      <p className="muted small">{t('learn.editor.preview_lead')}</p>
      {text.trim() === '' ? (
        <p className="muted">{t('learn.editor.preview_empty')}</p>
      ) : preview.isPending ? (
        <Skeleton label={t('learn.editor.preview_loading')} lines={5} heading={false} />
      ) : preview.error ? (
        <p className="muted">{t('learn.editor.preview_failed')}</p>
      ) : (
        <SafeHtml className="article__body" html={preview.data?.html ?? ''} lang={lang} />
      )}
    </section>
  );
}

function Editor({ article }: { article: AgencyArticleView | null }) {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<Values>('article', valuesOf(article, locale));
  const [publishAfter, setPublishAfter] = useState(false);
  const save = useApiMutation(async (input: AgencyArticleInput & { publish: boolean }, key) => {
    const { publish, ...body } = input;
    const saved = article
      ? await updateArticle(article.id, { ...body, version: article.version }, key)
      : await createArticle(body, key);
    return publish && saved.status !== 'published' ? setArticleStatus(saved.id, 'published', `${key}-publish`) : saved;
  });

  const labels = {
    title: t('learn.editor.title'),
    summary: t('learn.editor.summary'),
    tags: t('learn.editor.tags'),
    language: t('learn.editor.language'),
    bodyMarkdown: t('learn.editor.body'),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = inputOf(form.values);
    if (!form.validate(agencyArticleBody, input)) return;
    save.mutate(
      { ...input, publish: publishAfter },
      {
        onSuccess: (saved) => {
          void queryClient.invalidateQueries({ queryKey: adminArticlesKey });
          void queryClient.invalidateQueries({ queryKey: ['library'] });
          const message =
            saved.status === 'published' && (publishAfter || article?.status !== 'published')
              ? t('learn.admin.published')
              : article
                ? t('learn.admin.saved')
                : t('learn.admin.created');
          void navigate('/admin/articles', { state: { message } });
        },
        onError: (err) => form.showServerError(err),
      },
    );
  };

  return (
    <PageColumns aside={<Preview markdown={form.values.bodyMarkdown} lang={form.values.language} />} sticky>
      <form className="card article-form" onSubmit={submit} noValidate>
        <FormErrorSummary {...form.summary} labels={labels} />
        {article && (
          <p>
            {t('learn.editor.status', {
              status:
                article.status === 'published' ? t('learn.admin.status_published') : t('learn.admin.status_draft'),
            })}{' '}
            <Badge tone={article.status === 'published' ? 'success' : 'neutral'}>v{article.version}</Badge>
          </p>
        )}
        <TextField {...form.field('title')} label={labels.title} maxLength={MAX_TITLE} required />
        <TextArea
          {...form.field('summary')}
          label={labels.summary}
          hint={t('learn.editor.summary_hint')}
          optional
          rows={2}
          maxLength={MAX_SUMMARY}
        />
        <TextField {...form.field('tags')} label={labels.tags} hint={t('learn.editor.tags_hint')} optional />
        <Select
          {...form.field('language')}
          label={labels.language}
          options={[
            { value: 'id', label: t('learn.admin.language_id') },
            { value: 'en', label: t('learn.admin.language_en') },
          ]}
        />
        <TextArea
          {...form.field('bodyMarkdown')}
          label={labels.bodyMarkdown}
          hint={t('learn.editor.body_hint')}
          rows={16}
          maxLength={MAX_BODY}
          className="article-form__body"
          spellCheck
        />
        <ButtonRow>
          <Button type="submit" busy={save.isPending && !publishAfter} onClick={() => setPublishAfter(false)}>
            {article ? t('learn.editor.save') : t('learn.editor.save_new')}
          </Button>
          {article?.status !== 'published' && (
            <Button
              type="submit"
              variant="secondary"
              busy={save.isPending && publishAfter}
              onClick={() => setPublishAfter(true)}
            >
              {t('learn.editor.save_and_publish')}
            </Button>
          )}
          <Link to="/admin/articles" className="btn btn--quiet">
            {t('learn.editor.cancel')}
          </Link>
        </ButtonRow>
      </form>
    </PageColumns>
  );
}

/** Writing or editing one of the agency's articles, with the server's preview beside it (below on a phone). */
export function ArticleEditorPage() {
  const { t } = useT();
  const { id } = useParams();
  const existing = useQuery({ ...adminArticleQuery(id ?? ''), enabled: Boolean(id) });
  const back = <Link to="/admin/articles">{t('learn.editor.back')}</Link>;
  if (!id) {
    return (
      <>
        <PageHeader title={t('learn.editor.title_new')} eyebrow={back} />
        <Editor article={null} />
      </>
    );
  }
  if (existing.isPending) {
    return (
      <>
        <PageHeader title={t('learn.editor.title_edit')} eyebrow={back} />
        <Skeleton label={t('learn.editor.loading')} lines={10} />
      </>
    );
  }
  if (existing.error) {
    const missing = isApiError(existing.error) && [400, 404].includes(existing.error.status);
    return (
      <>
        <PageHeader title={missing ? t('learn.editor.not_found_title') : t('learn.editor.title_edit')} eyebrow={back} />
        {missing ? (
          <EmptyState title={t('learn.editor.not_found_body')} />
        ) : (
          <LoadError error={existing.error} onRetry={() => void existing.refetch()} />
        )}
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('learn.editor.title_edit')} eyebrow={back} />
      {/* Keyed by version, so the form starts again from what was saved. */}
      <Editor key={`${existing.data.id}@${existing.data.version}`} article={existing.data} />
    </>
  );
}
