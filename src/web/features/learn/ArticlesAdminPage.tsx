import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { isApiError } from '../../api/client.js';
import {
  adminArticlesKey,
  adminArticlesQuery,
  deleteArticle,
  setArticleStatus,
  type AgencyArticleSummary,
} from '../../api/learn.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import './learn.css';

function Actions({ article, onDone }: { article: AgencyArticleSummary; onDone: (message: string) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: adminArticlesKey });
    void queryClient.invalidateQueries({ queryKey: ['library'] });
  };
  const status = useApiMutation((next: 'draft' | 'published', key) => setArticleStatus(article.id, next, key), {
    onSuccess: (view) => {
      refresh();
      onDone(view.status === 'published' ? t('learn.admin.published') : t('learn.admin.unpublished'));
    },
  });
  const remove = useApiMutation(
    async () => {
      try {
        await deleteArticle(article.id);
      } catch (err) {
        // Already gone (another tab, a retry): what the admin wanted.
        if (!(isApiError(err) && err.code === 'article_not_found')) throw err;
      }
    },
    {
      onSuccess: () => {
        setConfirming(false);
        refresh();
        onDone(t('learn.admin.deleted'));
      },
    },
  );
  const named = <span className="visually-hidden"> {t('learn.admin.of_title', { title: article.title })}</span>;
  const published = article.status === 'published';
  return (
    <>
      <ButtonRow>
        <Link to={`/admin/articles/${article.id}`} className="btn btn--secondary btn--small">
          {t('learn.admin.edit')}
          {named}
        </Link>
        <Button
          size="small"
          variant={published ? 'quiet' : 'primary'}
          busy={status.isPending}
          onClick={() => status.mutate(published ? 'draft' : 'published')}
        >
          {published ? t('learn.admin.unpublish') : t('learn.admin.publish')}
          {named}
        </Button>
        {published && (
          <Link to={`/learn/${article.id}`} className="btn btn--quiet btn--small">
            {t('learn.admin.view')}
            {named}
          </Link>
        )}
        <Button size="small" variant="danger" onClick={() => setConfirming(true)}>
          {t('learn.admin.delete')}
          {named}
        </Button>
      </ButtonRow>
      {status.error && <Alert tone="error">{status.error.message}</Alert>}
      <ConfirmDialog
        open={confirming}
        title={t('learn.admin.delete_title', { title: article.title })}
        confirmLabel={t('learn.admin.delete_confirm')}
        tone="danger"
        busy={remove.isPending}
        error={remove.error?.message ?? null}
        onCancel={() => setConfirming(false)}
        onConfirm={() => remove.mutate()}
      >
        <p>{t('learn.admin.delete_body')}</p>
      </ConfirmDialog>
    </>
  );
}

/** The agency admin's articles: drafts and published, each to edit, publish or take back, and delete. */
export function ArticlesAdminPage() {
  const { t } = useT();
  const fmt = useFormat();
  const articles = useQuery(adminArticlesQuery);
  const location = useLocation();
  const toast = useToast();
  const [shownFromEditor, setShownFromEditor] = useState(false);
  const fromEditor = (location.state as { message?: string } | null)?.message;
  if (fromEditor && !shownFromEditor) {
    setShownFromEditor(true);
    toast.show(fromEditor);
  }

  const columns: Column<AgencyArticleSummary>[] = [
    {
      key: 'title',
      header: t('learn.admin.col_title'),
      primary: true,
      cell: (a) => <Link to={`/admin/articles/${a.id}`}>{a.title}</Link>,
    },
    {
      key: 'status',
      header: t('learn.admin.col_status'),
      cell: (a) =>
        a.status === 'published' ? (
          <Badge tone="success">{t('learn.admin.status_published')}</Badge>
        ) : (
          <Badge tone="neutral">{t('learn.admin.status_draft')}</Badge>
        ),
    },
    {
      key: 'language',
      header: t('learn.admin.col_language'),
      cell: (a) => (a.language === 'en' ? t('learn.admin.language_en') : t('learn.admin.language_id')),
    },
    { key: 'updated', header: t('learn.admin.col_updated'), cell: (a) => fmt.dateTime(a.updatedAt) },
    {
      key: 'actions',
      header: t('learn.admin.col_actions'),
      cell: (a) => <Actions article={a} onDone={toast.show} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('learn.admin.title')}
        lead={t('learn.admin.lead')}
        actions={
          <Link to="/admin/articles/new" className="btn btn--primary">
            {t('learn.admin.new')}
          </Link>
        }
      />
      <QueryState query={articles} loadingLabel={t('learn.admin.loading')} skeletonLines={6}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState
              title={t('learn.admin.empty_title')}
              action={
                <Link to="/admin/articles/new" className="btn btn--primary btn--small">
                  {t('learn.admin.new')}
                </Link>
              }
            >
              <p>{t('learn.admin.empty_body')}</p>
            </EmptyState>
          ) : (
            <DataTable caption={t('learn.admin.caption')} columns={columns} rows={data.items} rowKey={(a) => a.id} />
          )
        }
      </QueryState>
      <p className="muted small">{t('learn.admin.audited')}</p>
      <Toast message={toast.message} onDismiss={toast.dismiss} />
    </>
  );
}
