import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useUrlParams } from '../../lib/use-url-params.js';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  REQUIRED_IMPORT_COLUMNS,
  type ImportKind,
  type ImportProblem,
} from '../../../contracts/imports.js';
import { isApiError } from '../../api/client.js';
import {
  cancelImport,
  commitImport,
  importQuery,
  type ImportSummary,
  importTemplateUrl,
  type ImportView,
  recentImportsQuery,
  uploadImport,
} from '../../api/imports.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Badge, type BadgeTone } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { RadioGroup } from '../../components/fields.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { QueryState } from '../../components/QueryState.js';
import { Loading } from '../../components/Spinner.js';
import { translate, useT, type MessageKey, type TranslateFn } from '../../i18n.js';
import './imports.css';
import { peopleKey, unitsQuery } from '../../api/org.api.js';
import { agencyStatsQuery } from '../../api/agency.api.js';
import { PageColumns } from '../../components/layout/PageLayout.js';

const STATUS: Record<string, { label: MessageKey; tone: BadgeTone }> = {
  validating: { label: 'imports.status.validating', tone: 'info' },
  validated: { label: 'imports.status.validated', tone: 'info' },
  committing: { label: 'imports.status.committing', tone: 'info' },
  committed: { label: 'imports.status.committed', tone: 'success' },
  failed: { label: 'imports.status.failed', tone: 'danger' },
  cancelled: { label: 'imports.status.cancelled', tone: 'neutral' },
};

function statusBadge(t: TranslateFn, status: string) {
  const s = STATUS[status];
  return s ? <Badge tone={s.tone}>{t(s.label)}</Badge> : <Badge>{status}</Badge>;
}

function ColumnsHelp({ kind }: { kind: ImportKind }) {
  const { t } = useT();
  const required = REQUIRED_IMPORT_COLUMNS[kind];
  const columns = Object.keys(IMPORT_COLUMNS[kind]);
  return (
    <div className="columns-help">
      <p>{t('imports.upload.columns_intro')}</p>
      <ul className="column-list">
        {columns.map((c) => (
          <li key={c}>
            {/* The spreadsheet's own header, typed exactly so: a literal of the file, not a label. */}
            <code data-detail>{c}</code>{' '}
            {required.includes(c) ? (
              <Badge tone="info">{t('imports.upload.required')}</Badge>
            ) : (
              <span className="muted small">({t('common.form.optional')})</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function UploadForm({ onUploaded }: { onUploaded: (view: ImportView) => void }) {
  const { t } = useT();
  const fmt = useFormat();
  const [kind, setKind] = useState<ImportKind>('people');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const abort = useRef<(() => void) | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (!file) {
      setFileError(translate('imports.upload.file_required'));
      setAttempt((n) => n + 1);
      return;
    }
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      setFileError(translate('imports.upload.file_type'));
      setAttempt((n) => n + 1);
      return;
    }
    setFileError(undefined);
    const data = new FormData();
    // Fields before the file: the server reads the kind first.
    data.append('kind', kind);
    data.append('file', file, file.name);
    setProgress({ loaded: 0, total: file.size });
    const request = uploadImport(data, (loaded, total) => setProgress({ loaded, total }));
    abort.current = request.abort;
    try {
      onUploaded(await request.promise);
    } catch (err) {
      setFormError(isApiError(err) ? err.message : t('common.errors.unexpected'));
      setAttempt((n) => n + 1);
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  const kb = (bytes: number) => fmt.number(Math.max(1, Math.round(bytes / 1024)));
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="import-upload-title">
      <h2 id="import-upload-title">{t('imports.upload.title')}</h2>
      <FormErrorSummary
        idPrefix="import"
        errors={fileError ? { file: fileError } : {}}
        formError={formError}
        attempt={attempt}
        labels={{ file: t('imports.upload.file') }}
      />
      <RadioGroup
        id="import-kind"
        name="kind"
        legend={t('imports.upload.kind')}
        value={kind}
        onChange={(value) => setKind(value as ImportKind)}
        options={[
          { value: 'units', label: t('imports.kinds.units'), hint: t('imports.upload.units_hint') },
          { value: 'people', label: t('imports.kinds.people'), hint: t('imports.upload.people_hint') },
        ]}
      />
      <div className="templates">
        <p>{t('imports.upload.templates', { kind: t(`imports.kinds.${kind}`) })}</p>
        <ul className="inline-list">
          <li>
            <a href={importTemplateUrl(kind, 'xlsx')} download>
              {t('imports.upload.template_xlsx')}
            </a>
          </li>
          <li>
            <a href={importTemplateUrl(kind, 'csv')} download>
              {t('imports.upload.template_csv')}
            </a>
          </li>
        </ul>
        <ColumnsHelp kind={kind} />
      </div>
      <div className={`field ${fileError ? 'field--error' : ''}`}>
        <label className="field__label" htmlFor="import-file">
          {t('imports.upload.file')}
        </label>
        <div className="field__hint" id="import-file-hint">
          {t('imports.upload.file_hint', { max: fmt.number(MAX_IMPORT_ROWS) })}
        </div>
        {fileError && (
          <p className="field__error" id="import-file-error">
            {fileError}
          </p>
        )}
        <input
          id="import-file"
          type="file"
          className="file-input"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`import-file-hint${fileError ? ' import-file-error' : ''}`}
          aria-invalid={fileError ? true : undefined}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setFileError(undefined);
          }}
        />
      </div>
      {progress && (
        <ProgressBar
          label={t('imports.upload.uploading')}
          value={progress.loaded}
          max={progress.total}
          detail={t('imports.upload.uploaded_of', { loaded: kb(progress.loaded), total: kb(progress.total) })}
        />
      )}
      <ButtonRow>
        <Button type="submit" busy={progress !== null}>
          {t('imports.upload.submit')}
        </Button>
        {progress && (
          <Button variant="quiet" onClick={() => abort.current?.()}>
            {t('common.actions.cancel')}
          </Button>
        )}
      </ButtonRow>
      <p className="muted small">{t('imports.upload.nothing_saved')}</p>
    </form>
  );
}

function Counts({ items }: { items: Array<{ key: string; label: string; value: number }> }) {
  const fmt = useFormat();
  return (
    <dl className="stats stats--compact">
      {items.map((i) => (
        <div key={i.key} className="stat">
          <dt>{i.label}</dt>
          <dd>{fmt.number(i.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function ProblemsTable({ view }: { view: ImportView }) {
  const { t } = useT();
  const fmt = useFormat();
  const columns: Column<ImportProblem & { key: string }>[] = [
    {
      key: 'row',
      header: t('imports.report.row'),
      primary: true,
      cell: (p) => t('imports.report.row_number', { row: fmt.number(p.row) }),
    },
    { key: 'column', header: t('imports.report.column'), cell: (p) => <code data-detail>{p.column || '—'}</code> },
    { key: 'problem', header: t('imports.report.problem'), cell: (p) => p.message },
  ];
  const rows = view.problems.map((p, i) => ({ ...p, key: `${p.row}-${p.column}-${i}` }));
  return (
    <section aria-labelledby="import-problems" className="results">
      <h3 id="import-problems">{t('imports.report.problems_title')}</h3>
      {view.problemCount > view.problems.length && (
        <p className="muted small">
          {t('imports.report.problems_truncated', {
            shown: fmt.number(view.problems.length),
            total: fmt.number(view.problemCount),
          })}
        </p>
      )}
      <DataTable caption={t('imports.report.problems_title')} columns={columns} rows={rows} rowKey={(p) => p.key} />
    </section>
  );
}

function Report({ view, onDone }: { view: ImportView; onDone: () => void }) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const commit = useApiMutation((mode: 'all_or_nothing' | 'valid_only', key) => commitImport(view.id, mode, key), {
    onSuccess: (updated) => {
      setConfirming(false);
      queryClient.setQueryData(['import', view.id], updated);
      void queryClient.invalidateQueries({ queryKey: importQuery(view.id).queryKey });
      void queryClient.invalidateQueries({ queryKey: recentImportsQuery.queryKey });
    },
  });
  useEffect(() => {
    if (view.status !== 'committed') return;
    // What the import wrote shows up in the tree, the list and the home page figures.
    void queryClient.invalidateQueries({ queryKey: unitsQuery.queryKey });
    void queryClient.invalidateQueries({ queryKey: peopleKey });
    void queryClient.invalidateQueries({ queryKey: agencyStatsQuery.queryKey });
    void queryClient.invalidateQueries({ queryKey: recentImportsQuery.queryKey });
  }, [view.status, queryClient]);
  // Starting over discards this check, so it does not linger as "ready to save".
  const cancel = useApiMutation((_: void, key) => cancelImport(view.id, key), {
    onSuccess: () => onDone(),
  });
  const skipped = Math.max(0, view.totalRows - view.validRows);
  const kindLabel = t(`imports.kinds_in_sentence.${view.kind}`);

  if (view.status === 'validating') {
    return (
      <div className="card">
        <h2>{t('imports.report.checking', { file: view.fileName })}</h2>
        <ProgressBar
          label={t('imports.report.validating')}
          value={view.processedRows}
          max={Math.max(view.totalRows, 1)}
          detail={t('imports.report.rows_of', {
            done: fmt.number(view.processedRows),
            total: fmt.number(view.totalRows),
          })}
        />
      </div>
    );
  }

  if (view.status === 'committing') {
    return (
      <div className="card">
        <h2>{t('imports.report.saving', { file: view.fileName })}</h2>
        {view.totalRows > 0 && view.processedRows < view.totalRows ? (
          <ProgressBar label={t('imports.report.saving_label')} value={view.processedRows} max={view.totalRows} />
        ) : (
          <Loading label={t('imports.report.saving_label')} />
        )}
      </div>
    );
  }

  if (view.status === 'committed') {
    const r = view.result ?? { created: 0, updated: 0, unchanged: 0 };
    return (
      <div className="card">
        <h2>{t('imports.result.title')}</h2>
        <Alert tone="success">{t('imports.result.body', { kind: kindLabel, file: view.fileName })}</Alert>
        <Counts
          items={[
            { key: 'created', label: t('imports.result.created'), value: r.created },
            { key: 'updated', label: t('imports.result.updated'), value: r.updated },
            { key: 'unchanged', label: t('imports.result.unchanged'), value: r.unchanged },
          ]}
        />
        {view.mode === 'valid_only' && skipped > 0 && (
          <p>{t('imports.result.skipped', { rows: fmt.number(skipped) })}</p>
        )}
        <ButtonRow>
          <Link to={view.kind === 'units' ? '/admin/units' : '/admin/people'} className="btn btn--primary">
            {view.kind === 'units' ? t('imports.result.to_units') : t('imports.result.to_people')}
          </Link>
          <Button variant="secondary" onClick={onDone}>
            {t('imports.result.another')}
          </Button>
        </ButtonRow>
      </div>
    );
  }

  if (view.status === 'failed' || view.status === 'cancelled') {
    return (
      <div className="card">
        <h2>{view.status === 'failed' ? t('imports.report.failed_title') : t('imports.report.cancelled_title')}</h2>
        <Alert tone={view.status === 'failed' ? 'error' : 'info'}>
          {view.status === 'failed' ? t('imports.report.failed_body') : t('imports.report.cancelled_body')}
        </Alert>
        {view.problems.length > 0 && <ProblemsTable view={view} />}
        <Button variant="secondary" onClick={onDone}>
          {t('imports.result.another')}
        </Button>
      </div>
    );
  }

  const plan = view.plan ?? { create: 0, update: 0, unchanged: 0 };
  const hasProblems = view.problemCount > 0;
  return (
    <div className="card stack">
      <div>
        <h2>{t('imports.report.title', { file: view.fileName })}</h2>
        <p className="muted">{t('imports.report.lead', { kind: kindLabel })}</p>
      </div>
      <Counts
        items={[
          { key: 'total', label: t('imports.report.total'), value: view.totalRows },
          { key: 'valid', label: t('imports.report.valid'), value: view.validRows },
          { key: 'problems', label: t('imports.report.problems'), value: view.problemCount },
        ]}
      />
      <div>
        <h3>{t('imports.report.plan_title')}</h3>
        <Counts
          items={[
            { key: 'create', label: t('imports.report.plan_create'), value: plan.create },
            { key: 'update', label: t('imports.report.plan_update'), value: plan.update },
            { key: 'unchanged', label: t('imports.report.plan_unchanged'), value: plan.unchanged },
          ]}
        />
      </div>
      {hasProblems ? <ProblemsTable view={view} /> : <Alert tone="success">{t('imports.report.no_problems')}</Alert>}
      {commit.error && !confirming && <Alert tone="error">{commit.error.message}</Alert>}
      {cancel.error && <Alert tone="error">{cancel.error.message}</Alert>}
      <div>
        <h3>{t('imports.report.save_title')}</h3>
        {hasProblems && <p className="muted">{t('imports.report.save_blocked')}</p>}
        <ButtonRow>
          <Button
            onClick={() => commit.mutate('all_or_nothing')}
            disabled={hasProblems}
            busy={commit.isPending && commit.variables === 'all_or_nothing'}
          >
            {t('imports.report.save_all')}
          </Button>
          {hasProblems && view.validRows > 0 && (
            <Button
              variant="secondary"
              onClick={() => {
                commit.reset();
                setConfirming(true);
              }}
            >
              {t('imports.report.save_valid')}
            </Button>
          )}
          <Button variant="quiet" onClick={() => cancel.mutate()} busy={cancel.isPending}>
            {t('imports.report.start_over')}
          </Button>
        </ButtonRow>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('imports.report.confirm_title')}
        confirmLabel={t('imports.report.confirm_submit', { rows: fmt.number(view.validRows) })}
        busy={commit.isPending}
        error={commit.error?.message ?? null}
        onCancel={() => setConfirming(false)}
        onConfirm={() => commit.mutate('valid_only')}
      >
        <p>{t('imports.report.confirm_body', { valid: fmt.number(view.validRows), skipped: fmt.number(skipped) })}</p>
      </ConfirmDialog>
    </div>
  );
}

function RecentImports({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useT();
  const fmt = useFormat();
  const recent = useQuery(recentImportsQuery);
  const columns: Column<ImportSummary>[] = [
    {
      key: 'file',
      header: t('imports.recent.file'),
      primary: true,
      cell: (i) => (
        <button type="button" className="link-button" onClick={() => onOpen(i.id)}>
          {i.fileName}
        </button>
      ),
    },
    { key: 'kind', header: t('imports.recent.kind'), cell: (i) => t(`imports.kinds.${i.kind}`) },
    { key: 'status', header: t('imports.recent.status'), cell: (i) => statusBadge(t, i.status) },
    { key: 'rows', header: t('imports.recent.rows'), cell: (i) => fmt.number(i.totalRows) },
    { key: 'created', header: t('imports.recent.created'), cell: (i) => fmt.dateTime(i.createdAt) },
  ];
  return (
    <section aria-labelledby="imports-recent" className="results">
      <h2 id="imports-recent">{t('imports.recent.title')}</h2>
      <QueryState query={recent} skeleton="rows" skeletonLines={3}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('imports.recent.empty')} />
          ) : (
            <DataTable caption={t('imports.recent.title')} columns={columns} rows={data.items} rowKey={(i) => i.id} />
          )
        }
      </QueryState>
    </section>
  );
}

function ImportDetail({ id, onDone }: { id: string; onDone: () => void }) {
  const view = useQuery(importQuery(id));
  return <QueryState query={view}>{(data) => <Report view={data} onDone={onDone} />}</QueryState>;
}

/** Import units or people from CSV/XLSX: upload, watch validation, read the report, save. */
export function ImportPage() {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [params, setParams] = useUrlParams();
  const id = params.get('id');
  const open = (importId: string) => setParams({ id: importId });
  const done = () => {
    setParams({});
    void queryClient.invalidateQueries({ queryKey: recentImportsQuery.queryKey });
  };
  return (
    <>
      <PageHeader title={t('imports.title')} lead={t('imports.lead')} />
      {/* The upload or the report, and the recent imports beside it on a wide screen. */}
      <PageColumns aside={<RecentImports onOpen={open} />}>
        {id ? (
          <ImportDetail id={id} onDone={done} />
        ) : (
          <UploadForm
            onUploaded={(view) => {
              queryClient.setQueryData(['import', view.id], view);
              void queryClient.invalidateQueries({ queryKey: recentImportsQuery.queryKey });
              open(view.id);
            }}
          />
        )}
      </PageColumns>
    </>
  );
}
