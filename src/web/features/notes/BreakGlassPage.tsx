import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { breakGlassBody, MIN_BREAK_GLASS_REASON } from '../../../contracts/notes.js';
import { useApiMutation } from '../../api/mutation.js';
import {
  breakGlassNotesQuery,
  breakGlassQuery,
  closeBreakGlass,
  notesKeys,
  openBreakGlass,
  type BreakGlassBody,
  type BreakGlassGrant,
} from '../../api/notes.api.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState } from '../../components/EmptyState.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { LoadError, QueryState } from '../../components/QueryState.js';
import { Skeleton } from '../../components/Skeleton.js';
import { TextArea, TextField } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { PageColumns } from '../../components/layout/PageLayout.js';
import { ReadOnlyNoteList } from '../../components/notes/ReadOnlyNoteList.js';
import { useT } from '../../i18n.js';
import './notes.css';

/** Milliseconds left until `iso`, ticking every second (0 once past). */
function useRemaining(iso: string): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return Math.max(0, Date.parse(iso) - now);
}

const mmss = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * /counselling/break-glass — a clinical supervisor opens one employee's session notes for 60
 * minutes, read-only, after giving a reason (docs/decisions/041-session-notes.md). The DPO is told
 * at once and the employee sees it in their access log; the page says so before anything opens.
 */
export function BreakGlassPage() {
  const { t } = useT();
  const grants = useQuery(breakGlassQuery);
  const [selected, setSelected] = useState<string | null>(null);
  const items = grants.data?.items ?? [];
  const shown = items.find((g) => g.id === selected) ?? items[0] ?? null;
  return (
    <>
      <PageHeader title={t('notes.break_glass.title')} lead={t('notes.break_glass.lead')} />
      <Alert tone="warning" live={false}>
        {t('notes.break_glass.warning')}
      </Alert>
      {grants.isPending ? (
        <Skeleton shape="form" />
      ) : shown ? (
        <PageColumns
          aside={
            <>
              <OpenForm onOpened={setSelected} />
              <section className="break-glass-active" aria-labelledby="break-glass-active-title">
                <h2 id="break-glass-active-title">{t('notes.break_glass.active_title')}</h2>
                <ul className="break-glass-list">
                  {items.map((g) => (
                    <li key={g.id}>
                      <Button
                        variant={shown.id === g.id ? 'primary' : 'secondary'}
                        size="small"
                        aria-pressed={shown.id === g.id}
                        onClick={() => setSelected(g.id)}
                      >
                        {g.clientName}
                      </Button>
                    </li>
                  ))}
                </ul>
              </section>
            </>
          }
        >
          <GrantNotes key={shown.id} grant={shown} />
        </PageColumns>
      ) : (
        // Nothing open: the form alone, with a word that nothing is running.
        <div className="break-glass-start">
          {grants.error ? <LoadError error={grants.error} onRetry={() => void grants.refetch()} /> : null}
          <p className="muted">{t('notes.break_glass.none_active')}</p>
          <OpenForm onOpened={setSelected} />
        </div>
      )}
    </>
  );
}

function OpenForm({ onOpened }: { onOpened: (id: string) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const form = useForm('break-glass', { nip: '', reason: '' });
  const [asking, setAsking] = useState<BreakGlassBody | null>(null);
  const open = useApiMutation((body: BreakGlassBody) => openBreakGlass(body), {
    onSuccess: async (grant) => {
      setAsking(null);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: notesKeys.breakGlass });
      onOpened(grant.id);
    },
    onError: (err) => {
      setAsking(null);
      form.showServerError(err);
    },
  });
  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const reason = form.values.reason.trim();
    const short: Record<string, string> =
      reason.length > 0 && reason.length < MIN_BREAK_GLASS_REASON
        ? { reason: t('validation.notes.break_glass_reason_short', { minimum: MIN_BREAK_GLASS_REASON }) }
        : reason.length === 0
          ? { reason: t('validation.required') }
          : {};
    const parsed = form.validate(breakGlassBody, form.values, short);
    if (parsed) setAsking(parsed);
  };
  return (
    <section className="break-glass-form" aria-labelledby="break-glass-form-title">
      <h2 id="break-glass-form-title">{t('notes.break_glass.form_title')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <FormErrorSummary
          {...form.summary}
          labels={{ nip: t('notes.break_glass.nip'), reason: t('notes.break_glass.reason') }}
        />
        <TextField
          {...form.field('nip')}
          label={t('notes.break_glass.nip')}
          hint={t('notes.break_glass.nip_hint')}
          inputMode="numeric"
          autoComplete="off"
        />
        <TextArea
          {...form.field('reason')}
          label={t('notes.break_glass.reason')}
          hint={t('notes.break_glass.reason_hint')}
          rows={4}
        />
        <Button type="submit" variant="danger" busy={open.isPending}>
          {t('notes.break_glass.open')}
        </Button>
      </form>
      <ConfirmDialog
        open={asking !== null}
        title={t('notes.break_glass.confirm_title')}
        confirmLabel={t('notes.break_glass.open')}
        tone="danger"
        busy={open.isPending}
        onConfirm={() => asking && open.mutate(asking)}
        onCancel={() => setAsking(null)}
      >
        <p>{t('notes.break_glass.confirm_body')}</p>
      </ConfirmDialog>
    </section>
  );
}

function GrantNotes({ grant }: { grant: BreakGlassGrant }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const remaining = useRemaining(grant.expiresAt);
  const expired = remaining === 0;
  const notes = useQuery({ ...breakGlassNotesQuery(grant.id), enabled: !expired });
  const close = useApiMutation(() => closeBreakGlass(grant.id), {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notesKeys.breakGlass }),
  });
  // Once the hour is over the notes leave the screen and the cache.
  useEffect(() => {
    if (expired) queryClient.removeQueries({ queryKey: notesKeys.breakGlassNotes(grant.id) });
  }, [expired, grant.id, queryClient]);
  return (
    <section className="break-glass-notes" aria-labelledby="break-glass-notes-title">
      <div className="break-glass-notes__head">
        <h2 id="break-glass-notes-title">{t('notes.break_glass.for_client', { name: grant.clientName })}</h2>
        <Badge tone="warning">{t('notes.break_glass.read_only')}</Badge>
      </div>
      {expired ? (
        <Alert tone="info">{t('notes.break_glass.expired')}</Alert>
      ) : (
        <>
          <p className="break-glass-notes__timer">
            {/* The countdown is read out once, not every second. */}
            <span aria-hidden="true">{t('notes.break_glass.remaining', { time: mmss(remaining) })}</span>
            <span className="visually-hidden">
              {t('notes.break_glass.remaining', {
                time: mmss(Date.parse(grant.expiresAt) - Date.parse(grant.openedAt)),
              })}
            </span>
            <Button variant="secondary" size="small" onClick={() => close.mutate()} busy={close.isPending}>
              {t('notes.break_glass.close')}
            </Button>
          </p>
          <QueryState query={notes} skeleton="cards">
            {(data) =>
              data.notes.length === 0 ? (
                <EmptyState title={t('notes.break_glass.no_notes')} />
              ) : (
                <ReadOnlyNoteList notes={data.notes} />
              )
            }
          </QueryState>
        </>
      )}
    </section>
  );
}
