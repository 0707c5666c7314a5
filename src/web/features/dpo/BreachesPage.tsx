import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { breachCreateBody } from '../../../contracts/dpo.js';
import { PROCESSING_CLASSES } from '../../../domain/privacy-office/processing-records.js';
import { useApiMutation } from '../../api/mutation.js';
import { useFormat } from '../../lib/use-format.js';
import { Button } from '../../components/Button.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Checkbox, TextArea, TextField } from '../../components/fields.js';
import { DateField } from '../../components/DateField.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { BreachClockBadge } from './breach-clock.js';
import { breachesQuery, type BreachList, recordBreach } from '../../api/dpo.api.js';
import './dpo.css';

type Breach = BreachList['items'][number];

/** A datetime-local value (the browser's local time) as an ISO instant, or the raw text when empty. */
function toInstant(local: string): string {
  if (!local) return local;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}

function BreachForm() {
  const { t } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm('breach-new', {
    title: '',
    discoveredAt: '',
    occurredAt: '',
    howFound: '',
    description: '',
    affectedCount: '',
    handling: '',
    contact: '',
  });
  const [classes, setClasses] = useState<string[]>([]);
  const save = useApiMutation((body: unknown, key) => recordBreach(body, key));
  const labels = Object.fromEntries(
    [
      'title',
      'dataClasses',
      'discoveredAt',
      'occurredAt',
      'howFound',
      'description',
      'affectedCount',
      'handling',
      'contact',
    ].map((f) => [f, t(`dpo.breaches.fields.${f as 'title'}`)]),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    const count = Number(v.affectedCount);
    const body = form.validate(breachCreateBody, {
      ...v,
      dataClasses: classes,
      discoveredAt: toInstant(v.discoveredAt),
      occurredAt: v.occurredAt ? toInstant(v.occurredAt) : null,
      affectedCount: v.affectedCount.trim() === '' || Number.isNaN(count) ? v.affectedCount : count,
    });
    if (!body) return;
    save.mutate(body, {
      onSuccess: async (created) => {
        await queryClient.invalidateQueries({ queryKey: breachesQuery.queryKey });
        void navigate(`/dpo/breaches/${created.id}`, { state: { recorded: true } });
      },
      onError: (err) => form.showServerError(err),
    });
  };
  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="breach-form-heading">
      <h2 id="breach-form-heading">{t('dpo.breaches.add_title')}</h2>
      <FormErrorSummary {...form.summary} labels={labels} />
      <TextField {...form.field('title')} label={labels.title as string} />
      <fieldset
        className="field"
        aria-describedby={form.errors.dataClasses ? 'breach-new-dataClasses-error' : undefined}
      >
        <legend>{labels.dataClasses}</legend>
        {PROCESSING_CLASSES.map((c) => (
          <Checkbox
            key={c}
            id={`breach-new-class-${c}`}
            label={t(`dpo.classes.${c}`)}
            checked={classes.includes(c)}
            onChange={(on) => setClasses((cs) => (on ? [...cs, c] : cs.filter((x) => x !== c)))}
          />
        ))}
        {form.errors.dataClasses && (
          <p id="breach-new-dataClasses-error" className="field__error">
            {form.errors.dataClasses}
          </p>
        )}
      </fieldset>
      <DateField {...form.field('discoveredAt')} withTime label={labels.discoveredAt as string} />
      <DateField {...form.field('occurredAt')} withTime label={labels.occurredAt as string} optional />
      <TextArea {...form.field('howFound')} label={labels.howFound as string} rows={2} />
      <TextArea {...form.field('description')} label={labels.description as string} rows={3} />
      <TextField {...form.field('affectedCount')} inputMode="numeric" label={labels.affectedCount as string} />
      <TextArea {...form.field('handling')} label={labels.handling as string} rows={3} />
      <TextField {...form.field('contact')} label={labels.contact as string} />
      <Button type="submit" busy={save.isPending}>
        {t('dpo.breaches.submit')}
      </Button>
    </form>
  );
}

/** /dpo/breaches — the breach register with each incident's 3×24-hour clock. */
export function BreachesPage() {
  const { t } = useT();
  const fmt = useFormat();
  const list = useQuery(breachesQuery);
  const columns: Column<Breach>[] = [
    {
      key: 'title',
      header: t('dpo.breaches.columns.title'),
      primary: true,
      cell: (b) => <Link to={`/dpo/breaches/${b.id}`}>{b.title}</Link>,
    },
    { key: 'discovered', header: t('dpo.breaches.columns.discovered'), cell: (b) => fmt.dateTime(b.discoveredAt) },
    { key: 'affected', header: t('dpo.breaches.columns.affected'), cell: (b) => fmt.number(b.affectedCount) },
    { key: 'clock', header: t('dpo.breaches.columns.clock'), cell: (b) => <BreachClockBadge clock={b.clock} /> },
  ];
  return (
    <>
      <PageHeader title={t('dpo.breaches.title')} lead={t('dpo.breaches.lead')} />
      <div className="stack">
        <QueryState query={list} skeleton="rows" skeletonLines={4}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState title={t('dpo.breaches.empty')} />
            ) : (
              <DataTable caption={t('dpo.breaches.caption')} columns={columns} rows={data.items} rowKey={(b) => b.id} />
            )
          }
        </QueryState>
        <BreachForm />
      </div>
    </>
  );
}
