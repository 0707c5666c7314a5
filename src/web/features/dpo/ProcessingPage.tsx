import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { processingFields } from '../../../contracts/dpo.js';
import { useApiMutation } from '../../api/mutation.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { TextArea } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { type ProcessingList, processingQuery, saveProcessingEntry } from '../../api/dpo.api.js';
import './dpo.css';

type Entry = ProcessingList['items'][number];
const FIELDS = ['purpose', 'legalBasis', 'dataSubjects', 'recipients', 'retention', 'securityMeasures'] as const;

function EntryForm({ entry, onDone, onCancel }: { entry: Entry; onDone: () => void; onCancel: () => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const form = useForm(
    `ropa-${entry.dataClass}`,
    Object.fromEntries(FIELDS.map((f) => [f, entry[f]])) as Record<(typeof FIELDS)[number], string>,
  );
  const save = useApiMutation((body: unknown, key) => saveProcessingEntry(entry.dataClass, body, key));
  const labels = Object.fromEntries(FIELDS.map((f) => [f, t(`dpo.processing.fields.${f}`)]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate(processingFields, form.values);
    if (!body) return;
    save.mutate(body, {
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: processingQuery.queryKey });
        onDone();
      },
      onError: (err) => form.showServerError(err),
    });
  };
  return (
    <form
      className="form"
      onSubmit={submit}
      noValidate
      aria-label={t('dpo.processing.edit_named', { name: t(`dpo.classes.${entry.dataClass}`) })}
    >
      <FormErrorSummary {...form.summary} labels={labels} />
      {FIELDS.map((f) => (
        <TextArea key={f} {...form.field(f)} label={labels[f] as string} rows={2} />
      ))}
      <ButtonRow>
        <Button type="submit" busy={save.isPending}>
          {t('dpo.processing.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('dpo.processing.cancel')}
        </Button>
      </ButtonRow>
    </form>
  );
}

/** /dpo/processing — the record of processing activities (UU PDP art. 31), one card per data class. */
export function ProcessingPage() {
  const { t } = useT();
  const fmt = useFormat();
  const list = useQuery(processingQuery);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('dpo.processing.title')} lead={t('dpo.processing.lead')} />
      {notice && <Alert tone="success">{notice}</Alert>}
      <QueryState query={list} skeleton="cards" skeletonLines={6}>
        {(data) => (
          <div className="stack dpo-cards">
            {data.items.map((e) => {
              const name = t(`dpo.classes.${e.dataClass}`);
              return (
                <section
                  key={e.dataClass}
                  className={`card ${editing === e.dataClass ? 'dpo-cards__editing' : ''}`}
                  aria-labelledby={`ropa-${e.dataClass}-title`}
                >
                  <h2 id={`ropa-${e.dataClass}-title`}>{name}</h2>
                  {editing === e.dataClass ? (
                    <EntryForm
                      entry={e}
                      onCancel={() => setEditing(null)}
                      onDone={() => {
                        setEditing(null);
                        setNotice(t('dpo.processing.saved', { name }));
                      }}
                    />
                  ) : (
                    <>
                      <dl className="key-value key-value--rows">
                        {FIELDS.map((f) => (
                          <div key={f}>
                            <dt>{t(`dpo.processing.fields.${f}`)}</dt>
                            <dd>{e[f]}</dd>
                          </div>
                        ))}
                      </dl>
                      <p className="muted small">{t('dpo.processing.updated', { date: fmt.dateTime(e.updatedAt) })}</p>
                      <Button
                        size="small"
                        variant="secondary"
                        aria-label={t('dpo.processing.edit_named', { name })}
                        onClick={() => {
                          setNotice(null);
                          setEditing(e.dataClass);
                        }}
                      >
                        {t('dpo.processing.edit')}
                      </Button>
                    </>
                  )}
                </section>
              );
            })}
          </div>
        )}
      </QueryState>
    </>
  );
}
