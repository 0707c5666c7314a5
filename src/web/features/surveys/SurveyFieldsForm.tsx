import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import type { z } from 'zod';
import { useApiMutation } from '../../api/mutation.js';
import type { UnitView } from '../../api/org.api.js';
import { surveyQuery, surveysQuery, type SurveyDetail, type SurveyView } from '../../api/surveys.api.js';
import { Button } from '../../components/Button.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { SurveyFields, useSurveyFieldLabels, type SurveyFieldState } from './SurveyFields.js';

/** What the shared fields offer to choose from: the agency's units, its k, its closed surveys. */
export interface SurveyFieldChoices {
  units: readonly UnitView[];
  threshold: number;
  earlier: readonly SurveyView[];
}

interface SurveyFieldsFormProps {
  fields: SurveyFieldState;
  choices: SurveyFieldChoices;
  /** The contract the body is checked against before it is sent (create or update). */
  schema: z.ZodType;
  /** What the request carries beyond the shared fields: the template, or the definition. */
  extra: () => Record<string, unknown>;
  send: (body: unknown, key: string) => Promise<SurveyDetail>;
  /** After the survey is stored and the caches know it. */
  onSaved: (survey: SurveyDetail) => void | Promise<void>;
  onSubmitStart?: () => void;
  submitLabel: string;
  /** The heading and notes above the error summary. */
  head?: ReactNode;
  /** Fields before the shared ones (the template chooser). */
  before?: ReactNode;
  /** Fields after them (the question builder). */
  after?: ReactNode;
  'aria-label'?: string;
  'aria-labelledby'?: string;
}

/**
 * A draft's form, creating or editing (docs/surveys.md): the shared fields with whatever the page
 * adds around them, one check against the contract, one idempotent request, the error summary and
 * server problems by their fields, and the survey caches brought up to date.
 */
export function SurveyFieldsForm({
  fields,
  choices,
  schema,
  extra,
  send,
  onSaved,
  onSubmitStart,
  submitLabel,
  head,
  before,
  after,
  ...aria
}: SurveyFieldsFormProps) {
  const queryClient = useQueryClient();
  const labels = useSurveyFieldLabels();
  const save = useApiMutation(send);
  const { form } = fields;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmitStart?.();
    const body = form.validate(schema, { ...fields.body(), ...extra() });
    if (!body) return;
    save.mutate(body, {
      onSuccess: async (survey) => {
        queryClient.setQueryData(surveyQuery(survey.id).queryKey, survey);
        await queryClient.invalidateQueries({ queryKey: surveysQuery.queryKey });
        await onSaved(survey);
      },
      onError: (err) => form.showServerError(err),
    });
  };
  return (
    <form className="card form" onSubmit={submit} noValidate {...aria}>
      {head}
      <FormErrorSummary {...form.summary} labels={labels} />
      {before}
      <SurveyFields state={fields} {...choices} />
      {after}
      <Button type="submit" busy={save.isPending}>
        {submitLabel}
      </Button>
    </form>
  );
}
