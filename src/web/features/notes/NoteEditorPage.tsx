import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { noteBody, SOAP_FIELDS } from '../../../contracts/notes.js';
import { isApiError } from '../../api/client.js';
import { useApiMutation } from '../../api/mutation.js';
import { noteQuery, saveNote, type NoteBody, type NotePage } from '../../api/notes.api.js';
import { Alert } from '../../components/Alert.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Checkbox, RadioGroup, TextArea } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { PageColumns } from '../../components/layout/PageLayout.js';
import { useT, type MessageKey } from '../../i18n.js';
import { useDebounced } from '../../lib/use-debounced.js';
import { useFormat } from '../../lib/use-format.js';
import './notes.css';

/** How long typing must pause before the note saves itself. */
const AUTOSAVE_MS = 2500;

type Draft = {
  format: 'soap' | 'free';
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
  body: string;
  withheld: boolean;
  withheldReason: string;
};

const draftOf = (page: NotePage): Draft => ({
  format: page.note?.format ?? 'soap',
  subjective: page.note?.subjective ?? '',
  objective: page.note?.objective ?? '',
  assessment: page.note?.assessment ?? '',
  plan: page.note?.plan ?? '',
  body: page.note?.body ?? '',
  withheld: page.note?.withheld ?? false,
  withheldReason: page.note?.withheldReason ?? '',
});

const hasWords = (d: Draft) =>
  (d.format === 'soap' ? SOAP_FIELDS.some((f) => d[f].trim() !== '') : d.body.trim() !== '') ||
  d.withheldReason.trim() !== '';

/**
 * /counselling/appointments/:id/note — the counsellor's note of one session (docs/decisions/041-session-notes.md):
 * SOAP or free text, saved by itself when typing pauses (and by the button), with the state said
 * in words. Only the author reaches this page's data; the server answers anyone else 404.
 */
export function NoteEditorPage() {
  const { id = '' } = useParams();
  const note = useQuery(noteQuery(id));
  return (
    <QueryState query={note} skeleton="form">
      {(page) => <NoteEditor key={id} appointmentId={id} page={page} />}
    </QueryState>
  );
}

function NoteEditor({ appointmentId, page }: { appointmentId: string; page: NotePage }) {
  const { t } = useT();
  const fmt = useFormat();
  const initial = useMemo(() => draftOf(page), [page]);
  const form = useForm<Draft>('note', initial);
  const [version, setVersion] = useState<number | undefined>(page.note?.version);
  const [saved, setSaved] = useState<{ snapshot: string; at: string | null }>({
    snapshot: JSON.stringify(initial),
    at: page.note?.updatedAt ?? null,
  });
  const [conflict, setConflict] = useState(false);
  const current = JSON.stringify(form.values);
  const dirty = current !== saved.snapshot;
  const save = useApiMutation((body: NoteBody) => saveNote(appointmentId, body), {
    onSuccess: (result, body) => {
      setVersion(result.note?.version);
      const { version: _sent, ...rest } = body;
      void _sent;
      setSaved({ snapshot: JSON.stringify(rest), at: result.note?.updatedAt ?? null });
    },
    onError: (err) => {
      if (isApiError(err) && err.code === 'note_conflict') setConflict(true);
      form.showServerError(err);
    },
  });

  const submit = (body: Draft) => save.mutate({ ...body, ...(version ? { version } : {}) } as NoteBody);

  // Saves itself once typing pauses, when the note is valid and says something.
  const settled = useDebounced(current, AUTOSAVE_MS);
  useEffect(() => {
    if (settled !== current || !dirty || save.isPending || conflict) return;
    const values = form.values;
    if (!hasWords(values) || !noteBody.safeParse(values).success) return;
    submit(values);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the settled text changes
  }, [settled]);

  // Unsaved words are not lost to a closed tab without a warning.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = form.validate(noteBody, { ...form.values, ...(version ? { version } : {}) });
    if (parsed) save.mutate(parsed);
  };

  const a = page.appointment;
  const when = fmt.dateTime(a.start);
  const status = save.isPending
    ? t('notes.editor.saving')
    : dirty
      ? t('notes.editor.unsaved')
      : saved.at
        ? t('notes.editor.saved_at', { time: fmt.dateTime(saved.at) })
        : null;
  const labels: Record<string, string> = {
    subjective: t('notes.editor.subjective'),
    objective: t('notes.editor.objective'),
    assessment: t('notes.editor.assessment'),
    plan: t('notes.editor.plan'),
    body: t('notes.editor.body'),
    withheldReason: t('notes.editor.withheld_reason'),
  };

  return (
    <>
      <PageHeader
        eyebrow={<Link to="/counselling/appointments">{t('notes.editor.back')}</Link>}
        title={t('notes.link_named', { name: a.clientName })}
        lead={t('notes.editor.session', { when, mode: t(`booking.modes.${a.mode}` as MessageKey) })}
      />
      <p className="note-private">
        <span className="note-private__icon" aria-hidden="true" />
        <strong>{t('notes.editor.private_line')}</strong>
      </p>
      <PageColumns
        aside={
          <div className="note-aside">
            <p className="muted small">{t('notes.editor.private_detail')}</p>
            <p className="muted small">{t('notes.editor.autosave_note')}</p>
          </div>
        }
        asideLabel={t('notes.editor.title')}
      >
        {a.status === 'cancelled' ? (
          <Alert tone="info">{t('notes.editor.cancelled')}</Alert>
        ) : (
          <form className="note-form" onSubmit={onSubmit} noValidate>
            <FormErrorSummary {...form.summary} labels={labels} />
            {conflict && <Alert tone="warning">{t('errors.note_conflict')}</Alert>}
            <RadioGroup
              id="note-format"
              name="format"
              legend={t('notes.editor.format_legend')}
              value={form.values.format}
              onChange={(v) => form.set('format', v as Draft['format'])}
              options={[
                { value: 'soap', label: t('notes.editor.format_soap') },
                { value: 'free', label: t('notes.editor.format_free') },
              ]}
            />
            {form.values.format === 'soap' ? (
              SOAP_FIELDS.map((f) => (
                <TextArea
                  key={f}
                  {...form.field(f)}
                  label={t(`notes.editor.${f}`)}
                  hint={t(`notes.editor.${f}_hint`)}
                  rows={4}
                  optional
                />
              ))
            ) : (
              <TextArea {...form.field('body')} label={t('notes.editor.body')} rows={12} optional />
            )}
            <Checkbox
              id="note-withheld"
              label={t('notes.editor.withheld')}
              hint={t('notes.editor.withheld_hint')}
              checked={form.values.withheld}
              onChange={(on) => form.set('withheld', on)}
            />
            {form.values.withheld && (
              <TextArea {...form.field('withheldReason')} label={t('notes.editor.withheld_reason')} rows={2} />
            )}
            <ButtonRow align="between">
              <p className="note-status" role="status" aria-live="polite">
                {status}
              </p>
              <Button type="submit" busy={save.isPending} disabled={!dirty && version !== undefined}>
                {!dirty && version !== undefined ? t('notes.editor.saved') : t('notes.editor.save')}
              </Button>
            </ButtonRow>
          </form>
        )}
      </PageColumns>
    </>
  );
}
