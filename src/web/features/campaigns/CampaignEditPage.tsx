import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { campaignBody } from '../../../contracts/campaigns.js';
import { useApiMutation } from '../../api/mutation.js';
import { useSignedIn } from '../../api/session.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { RadioGroup, TextArea, TextField } from '../../components/fields.js';
import { DateField } from '../../components/DateField.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { UnitTreePicker } from '../../components/UnitTreePicker.js';
import { PageHeader } from '../../components/PageHeader.js';
import { LoadError } from '../../components/QueryState.js';
import { Skeleton } from '../../components/Skeleton.js';
import { useT } from '../../i18n.js';
import { agencyQuery } from '../../api/agency.api.js';
import { instrumentsQuery, type InstrumentSummary } from '../../api/instruments.api.js';
import { INSTRUMENT_GROUPS } from '../../lib/assessment-labels.js';
import { unitsQuery, type UnitView } from '../../api/org.api.js';
import {
  campaignQuery,
  campaignsQuery,
  type CampaignView,
  createCampaign,
  launchCampaign,
  updateCampaign,
} from '../../api/campaigns.api.js';
import { useCampaignDate } from './CampaignsPage.js';
import './campaigns.css';

type TextValues = { title: string; message: string; opensOn: string; closesOn: string; reminderEveryDays: string };

function todayIn(timeZone: string, plusDays = 0): string {
  const date = new Date(Date.now() + plusDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

function LaunchCampaign({ campaign, dirty, threshold }: { campaign: CampaignView; dirty: boolean; threshold: number }) {
  const { t } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const date = useCampaignDate();
  const [open, setOpen] = useState(false);
  const launch = useApiMutation((_: void, key) => launchCampaign(campaign.id, key));
  return (
    <section className="card admin-section" aria-labelledby="launch-title">
      <h2 id="launch-title">{t('campaigns.launch.title')}</h2>
      <p>{t('campaigns.launch.lead', { from: date(campaign.opensOn), to: date(campaign.closesOn) })}</p>
      {dirty && <p className="muted">{t('campaigns.launch.save_first')}</p>}
      <Button
        disabled={dirty}
        onClick={() => {
          launch.reset();
          setOpen(true);
        }}
      >
        {t('campaigns.launch.button')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('campaigns.launch.confirm_title', { title: campaign.title })}
        confirmLabel={t('campaigns.launch.button')}
        busy={launch.isPending}
        error={launch.error?.message ?? null}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          launch.mutate(undefined, {
            onSuccess: async (launched) => {
              setOpen(false);
              await queryClient.invalidateQueries({ queryKey: campaignsQuery.queryKey });
              queryClient.setQueryData(campaignQuery(launched.id).queryKey, launched);
              await navigate(`/campaigns/${launched.id}/stats`, { state: { launched: true } });
            },
          })
        }
      >
        <ul>
          <li>{t('campaigns.launch.members_fixed')}</li>
          <li>{t('campaigns.launch.threshold_frozen', { k: threshold })}</li>
          <li>{t('campaigns.launch.invitations')}</li>
          <li>{t('campaigns.launch.no_edit')}</li>
        </ul>
      </ConfirmDialog>
    </section>
  );
}

function CampaignForm({
  campaign,
  units,
  instruments,
  threshold,
}: {
  campaign: CampaignView | null;
  units: readonly UnitView[];
  instruments: readonly InstrumentSummary[];
  threshold: number;
}) {
  const { t } = useT();
  const session = useSignedIn();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const zone = session.unit.timeZone;
  const initialText: TextValues = {
    title: campaign?.title ?? '',
    message: campaign?.message ?? '',
    opensOn: campaign?.opensOn.slice(0, 10) ?? todayIn(zone),
    closesOn: campaign?.closesOn.slice(0, 10) ?? todayIn(zone, 14),
    reminderEveryDays: String(campaign?.reminderEveryDays ?? 3),
  };
  const form = useForm<TextValues>('campaign', initialText);
  const [instrumentIds, setInstrumentIds] = useState<Set<string>>(() => new Set(campaign?.instrumentIds ?? []));
  const [unitIds, setUnitIds] = useState<Set<string>>(() => new Set(campaign?.units.map((u) => u.id) ?? []));
  // A new draft opens on its own address; the notice that it was saved comes along.
  const location = useLocation();
  const [saved, setSaved] = useState(Boolean((location.state as { created?: boolean } | null)?.created));
  const save = useApiMutation((body: unknown, key) =>
    campaign ? updateCampaign(campaign.id, body, key) : createCampaign(body, key),
  );
  const scope = session.grants.some((g) => g.role === 'wellbeing_admin' && g.unitId === null)
    ? null
    : session.grants.filter((g) => g.role === 'wellbeing_admin' && g.unitId).map((g) => g.unitId as string);

  const sameSet = (a: ReadonlySet<string>, b: readonly string[]) => a.size === b.length && b.every((x) => a.has(x));
  const dirty =
    campaign === null ||
    JSON.stringify(form.values) !== JSON.stringify(initialText) ||
    !sameSet(instrumentIds, campaign.instrumentIds) ||
    !sameSet(
      unitIds,
      campaign.units.map((u) => u.id),
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const v = form.values;
    const body = form.validate(campaignBody, {
      title: v.title,
      message: v.message,
      instrumentIds: instruments.map((i) => i.id).filter((id) => instrumentIds.has(id)),
      unitIds: [...unitIds],
      opensOn: v.opensOn,
      closesOn: v.closesOn,
      reminderEveryDays: Number(v.reminderEveryDays),
    });
    if (!body) return;
    save.mutate(body, {
      onSuccess: async (result) => {
        queryClient.setQueryData(campaignQuery(result.id).queryKey, result);
        await queryClient.invalidateQueries({ queryKey: campaignsQuery.queryKey });
        setSaved(true);
        if (!campaign) await navigate(`/campaigns/${result.id}/edit`, { replace: true, state: { created: true } });
      },
      onError: (err) => form.showServerError(err),
    });
  };

  const labels = {
    title: t('campaigns.fields.title'),
    message: t('campaigns.fields.message'),
    instrumentIds: t('campaigns.fields.instruments'),
    unitIds: t('campaigns.fields.units'),
    opensOn: t('campaigns.fields.opens_on'),
    closesOn: t('campaigns.fields.closes_on'),
    reminderEveryDays: t('campaigns.fields.reminders'),
  };
  const byId = new Map(instruments.map((i) => [i.id, i]));
  return (
    <>
      <form className="card form" onSubmit={submit} noValidate aria-label={t('campaigns.form.label')}>
        <FormErrorSummary {...form.summary} labels={labels} />
        {saved && <Alert tone="success">{t('campaigns.form.saved')}</Alert>}
        <TextField
          {...form.field('title')}
          label={labels.title}
          hint={t('campaigns.form.title_hint')}
          maxLength={200}
        />
        <TextArea
          {...form.field('message')}
          label={labels.message}
          hint={t('campaigns.form.message_hint')}
          optional
          rows={4}
          maxLength={2000}
        />
        <fieldset
          className={`field fieldset ${form.errors.instrumentIds ? 'field--error' : ''}`}
          id="campaign-instrumentIds"
          tabIndex={-1}
        >
          <legend className="field__label">{labels.instrumentIds}</legend>
          <p className="field__hint">{t('campaigns.form.instruments_hint')}</p>
          {form.errors.instrumentIds && <p className="field__error">{form.errors.instrumentIds}</p>}
          <div className="instrument-picks">
            {INSTRUMENT_GROUPS.flatMap((g) => g.ids)
              .map((id) => byId.get(id))
              .filter((i): i is InstrumentSummary => Boolean(i))
              .map((i) => {
                const checked = instrumentIds.has(i.id);
                return (
                  <div key={i.id} className="checkbox">
                    <input
                      type="checkbox"
                      className="checkbox__input"
                      id={`campaign-instrument-${i.id}`}
                      checked={checked}
                      disabled={!checked && instrumentIds.size >= 3}
                      onChange={(event) => {
                        const next = new Set(instrumentIds);
                        if (event.target.checked) next.add(i.id);
                        else next.delete(i.id);
                        setInstrumentIds(next);
                      }}
                    />
                    <label className="checkbox__label" htmlFor={`campaign-instrument-${i.id}`}>
                      {i.name}{' '}
                      <span className="muted small">
                        · {t('assessments.list.length', { minutes: i.minutes, items: i.itemCount })}
                      </span>
                    </label>
                  </div>
                );
              })}
          </div>
        </fieldset>
        <UnitTreePicker
          id="campaign-unitIds"
          legend={labels.unitIds}
          hint={t('campaigns.form.units_hint', { k: threshold })}
          error={form.errors.unitIds}
          units={units}
          scope={scope}
          selected={unitIds}
          onChange={setUnitIds}
        />
        <div className="field-pair">
          <DateField {...form.field('opensOn')} label={labels.opensOn} />
          <DateField {...form.field('closesOn')} label={labels.closesOn} />
        </div>
        <p className="muted small">{t('campaigns.form.dates_hint')}</p>
        <RadioGroup
          {...form.field('reminderEveryDays')}
          name="campaign-reminders"
          legend={labels.reminderEveryDays}
          hint={t('campaigns.form.reminders_hint')}
          inline
          options={['0', '2', '3', '7'].map((d) => ({
            value: d,
            label: d === '0' ? t('campaigns.form.reminders_none') : t('campaigns.form.reminders_every', { days: d }),
          }))}
        />
        <Button type="submit" busy={save.isPending}>
          {campaign ? t('campaigns.form.save') : t('campaigns.form.create')}
        </Button>
      </form>
      {campaign && <LaunchCampaign campaign={campaign} dirty={dirty} threshold={threshold} />}
    </>
  );
}

/** /campaigns/new and /campaigns/:id/edit — a draft campaign, then its launch. */
export function CampaignEditPage() {
  const { t, locale } = useT();
  const { id } = useParams();
  const fmt = useFormat();
  const campaign = useQuery({ ...campaignQuery(id ?? ''), enabled: Boolean(id) });
  const units = useQuery(unitsQuery);
  const instruments = useQuery(instrumentsQuery(locale));
  const agency = useQuery(agencyQuery);
  const title = id ? (campaign.data?.title ?? t('campaigns.form.edit_title')) : t('campaigns.form.new_title');
  const header = (
    <PageHeader
      eyebrow={<Link to="/campaigns">{t('campaigns.list.title')}</Link>}
      title={title}
      lead={t('campaigns.form.lead')}
    />
  );
  const pending = (id && campaign.isPending) || units.isPending || instruments.isPending || agency.isPending;
  const error = (id ? campaign.error : null) ?? units.error ?? instruments.error ?? agency.error;
  if (pending) {
    return (
      <>
        {header}
        <Skeleton shape="form" lines={5} heading={false} />
      </>
    );
  }
  if (error || !units.data || !instruments.data || !agency.data) {
    return (
      <>
        {header}
        <LoadError error={error} />
      </>
    );
  }
  const current = id ? (campaign.data ?? null) : null;
  if (current && current.status !== 'draft') {
    return (
      <>
        {header}
        <Alert tone="info" live={false}>
          <p>{t('campaigns.form.not_draft', { date: current.launchedAt ? fmt.dateTime(current.launchedAt) : '' })}</p>
          <p>
            <Link to={`/campaigns/${current.id}/stats`}>{t('campaigns.list.stats')}</Link>
          </p>
        </Alert>
      </>
    );
  }
  return (
    <>
      {header}
      <CampaignForm
        key={current?.id ?? 'new'}
        campaign={current}
        units={units.data.items}
        instruments={instruments.data.items}
        threshold={agency.data.anonymityThreshold}
      />
    </>
  );
}
