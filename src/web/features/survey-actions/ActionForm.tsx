import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { actionCreateBody, actionUpdateBody, ACTION_STATUSES } from '../../../contracts/survey-actions.js';
import { useApiMutation } from '../../api/mutation.js';
import { useSignedIn } from '../../api/session.js';
import {
  createSurveyAction,
  updateSurveyAction,
  type ActionDetail,
  type PublicationAdminView,
} from '../../api/survey-actions.api.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { DateField } from '../../components/DateField.js';
import { Checkbox, Select, TextArea, TextField } from '../../components/fields.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { useForm } from '../../components/form.js';
import { useT } from '../../i18n.js';
import { dayIn, unitLabel, useLocalText } from './parts.js';

type Values = {
  cell: string;
  title: string;
  description: string;
  owner: string;
  dueOn: string;
  budget: string;
  status: string;
  published: boolean;
};

/** "12500000" → 12500000, "" → null; anything else is not a whole number of rupiah. */
function parseBudget(text: string): number | null | 'invalid' {
  const trimmed = text.replace(/[\s.]/g, '');
  if (trimmed === '') return null;
  return /^-?\d{1,15}$/.test(trimmed) ? Number(trimmed) : 'invalid';
}

/**
 * Creates an action from a result cell (theme × unit, or the whole survey), or changes one. The
 * owner is a position or unit as text (docs/decisions/051-survey-publication-and-actions.md).
 */
export function ActionForm({
  surveyId,
  publication,
  action,
  onDone,
}: {
  surveyId: string;
  /** On creating: the cells to choose from. */
  publication?: PublicationAdminView;
  /** On changing: the action as it is. */
  action?: ActionDetail;
  onDone?: (saved: ActionDetail) => void;
}) {
  const { t } = useT();
  const local = useLocalText();
  const zone = useSignedIn().agency.timeZone;
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const prefix = action ? 'action-edit' : 'action-new';
  const form = useForm<Values>(prefix, {
    cell: '',
    title: action?.title ?? '',
    description: action?.description ?? '',
    owner: action?.owner ?? '',
    dueOn: action?.dueOn ?? dayIn(zone, 90),
    budget: action?.budget == null ? '' : String(action.budget),
    status: action?.status ?? 'planned',
    published: action?.published ?? true,
  });
  const save = useApiMutation((body: unknown, key) =>
    action ? updateSurveyAction(action.id, body, key) : createSurveyAction(surveyId, body, key),
  );
  const themeName = (id: string) => {
    const theme = publication?.themes.find((th) => th.id === id);
    return theme ? local(theme.name) : id;
  };
  const cells = (publication?.cells ?? []).map((c) => ({
    value: `${c.nodeId}|${c.themeId}`,
    label: `${unitLabel(t, c.unitName)} · ${themeName(c.themeId)}`,
  }));

  const submit = () => {
    setSaved(false);
    const budget = parseBudget(form.values.budget);
    const [nodeId, themeId] = form.values.cell.split('|');
    const fields = {
      title: form.values.title,
      description: form.values.description,
      owner: form.values.owner,
      dueOn: form.values.dueOn,
      budget: budget === 'invalid' ? null : budget,
      status: form.values.status,
      published: form.values.published,
    };
    const extra: Record<string, string> =
      budget === 'invalid' ? { budget: t('survey_actions.form.budget_invalid') } : {};
    const body = action
      ? form.validate(actionUpdateBody, fields, extra)
      : form.validate(actionCreateBody, { ...fields, nodeId, themeId }, extra);
    if (!body) return;
    save.mutate(body, {
      onSuccess: async (result) => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: ['survey-actions'] });
        await queryClient.invalidateQueries({ queryKey: ['survey-action', result.id] });
        if (!action) form.reset();
        onDone?.(result);
      },
      onError: (err) => form.showServerError(err),
    });
  };

  const labels = {
    ...(action ? {} : { nodeId: t('survey_actions.form.cell'), themeId: t('survey_actions.form.cell') }),
    title: t('survey_actions.form.title'),
    description: t('survey_actions.form.description'),
    owner: t('survey_actions.form.owner'),
    dueOn: t('survey_actions.form.due_on'),
    budget: t('survey_actions.form.budget'),
    status: t('survey_actions.form.status'),
  };
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormErrorSummary {...form.summary} labels={labels} />
      {!action && (
        <Select
          {...form.field('cell')}
          error={form.errors.nodeId ?? form.errors.themeId ?? form.errors.cell}
          label={t('survey_actions.form.cell')}
          hint={t('survey_actions.form.cell_hint')}
          placeholder=""
          options={cells}
        />
      )}
      <TextField {...form.field('title')} label={t('survey_actions.form.title')} maxLength={200} />
      <TextArea
        {...form.field('description')}
        label={t('survey_actions.form.description')}
        optional
        rows={3}
        maxLength={4000}
      />
      <TextField
        {...form.field('owner')}
        label={t('survey_actions.form.owner')}
        hint={t('survey_actions.form.owner_hint')}
        maxLength={200}
      />
      <DateField {...form.field('dueOn')} label={t('survey_actions.form.due_on')} />
      <TextField
        {...form.field('budget')}
        label={t('survey_actions.form.budget')}
        hint={t('survey_actions.form.budget_hint')}
        optional
        inputMode="numeric"
      />
      <Select
        {...form.field('status')}
        label={t('survey_actions.form.status')}
        options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`survey_actions.status.${s}`) }))}
      />
      <Checkbox
        id={`${prefix}-published`}
        label={t('survey_actions.form.published')}
        checked={form.values.published}
        onChange={(checked) => form.set('published', checked)}
      />
      {saved && <Alert tone="success">{t('survey_actions.form.saved')}</Alert>}
      <div>
        <Button type="submit" disabled={save.isPending}>
          {action ? t('survey_actions.form.save') : t('survey_actions.form.create')}
        </Button>
      </div>
    </form>
  );
}
