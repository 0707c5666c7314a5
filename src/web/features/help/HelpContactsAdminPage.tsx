import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { assessmentConsentVersion } from '../../../domain/assessments/consent.js';
import { HELP_CONTACT_KINDS } from '../../../domain/help/help-contacts.js';
import { helpContactBody } from '../../../contracts/help.js';
import { useApiMutation } from '../../api/mutation.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Checkbox, Select, TextArea, TextField } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { KIND_ORDER } from '../../lib/help-contacts.js';
import { agencyQuery } from '../../api/agency.api.js';
import {
  adminHelpContactsQuery as adminContactsQuery,
  createHelpContact,
  deactivateHelpContact,
  helpContactsKey,
  type HelpContactView,
  outreachQuery,
  type OutreachSetting,
  saveOutreach,
  updateHelpContact,
} from '../../api/help.api.js';
import './help.css';

type ContactValues = {
  kind: string;
  name: string;
  description: string;
  phone: string;
  url: string;
  hours: string;
  sortOrder: string;
};

function valuesOf(c: HelpContactView | null): ContactValues {
  return {
    kind: c?.kind ?? 'counselling',
    name: c?.name ?? '',
    description: c?.description ?? '',
    phone: c?.phone ?? '',
    url: c?.url ?? '',
    hours: c?.hours ?? '',
    sortOrder: String(c?.sortOrder ?? 10),
  };
}

function ContactForm({
  contact,
  onDone,
  onCancel,
}: {
  contact: HelpContactView | null;
  onDone: (message: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const idPrefix = contact ? `contact-${contact.id}` : 'contact-new';
  const form = useForm<ContactValues>(idPrefix, valuesOf(contact));
  const save = useApiMutation((body: Record<string, unknown>, key) =>
    contact ? updateHelpContact(contact.id, body, key) : createHelpContact(body, key),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    const order = Number(v.sortOrder);
    const body = form.validate(helpContactBody, {
      kind: v.kind,
      name: v.name,
      description: v.description,
      phone: v.phone,
      url: v.url.trim(),
      hours: v.hours,
      sortOrder: v.sortOrder.trim() === '' || Number.isNaN(order) ? v.sortOrder : order,
      isActive: contact?.isActive ?? true,
    });
    if (!body) return;
    // An edit sends only what changed: moving a national preset keeps its texts in both languages.
    const changes: Record<string, unknown> = {};
    if (contact) {
      const before: Record<string, unknown> = {
        kind: contact.kind,
        name: contact.name,
        description: contact.description ?? null,
        phone: contact.phone ?? null,
        url: contact.url ?? null,
        hours: contact.hours,
        sortOrder: contact.sortOrder,
      };
      for (const [k, value] of Object.entries(body))
        if (k !== 'isActive' && (value ?? null) !== before[k]) changes[k] = value ?? null;
      if (Object.keys(changes).length === 0) {
        onDone(t('help.admin.saved', { name: contact.name }));
        return;
      }
    }
    save.mutate(contact ? changes : body, {
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries({ queryKey: adminContactsQuery.queryKey });
        await queryClient.invalidateQueries({ queryKey: helpContactsKey });
        if (!contact) form.reset(valuesOf(null));
        onDone(contact ? t('help.admin.saved', { name: saved.name }) : t('help.admin.added', { name: saved.name }));
      },
      onError: (err) => form.showServerError(err),
    });
  };

  const labels = {
    kind: t('help.admin.fields.kind'),
    name: t('help.admin.fields.name'),
    description: t('help.admin.fields.description'),
    phone: t('help.admin.fields.phone'),
    url: t('help.admin.fields.url'),
    hours: t('help.admin.fields.hours'),
    sortOrder: t('help.admin.fields.sort_order'),
  };
  return (
    <form
      className="form"
      onSubmit={submit}
      noValidate
      aria-label={contact ? t('help.admin.edit_label', { name: contact.name }) : t('help.admin.add_title')}
    >
      <FormErrorSummary {...form.summary} labels={labels} />
      {contact?.preset && (
        <Alert tone="info" live={false}>
          <p>{t('help.admin.preset_edit_note')}</p>
        </Alert>
      )}
      <Select
        {...form.field('kind')}
        label={labels.kind}
        options={HELP_CONTACT_KINDS.map((k) => ({ value: k, label: t(`help.kinds.${k}`) }))}
      />
      <TextField {...form.field('name')} label={labels.name} maxLength={200} />
      <TextArea {...form.field('description')} label={labels.description} optional rows={2} maxLength={500} />
      <TextField
        {...form.field('phone')}
        type="tel"
        label={labels.phone}
        hint={t('help.admin.phone_hint')}
        optional
        className="field--medium"
      />
      <TextField
        {...form.field('url')}
        type="url"
        label={labels.url}
        hint={t('help.admin.url_hint')}
        optional
        spellCheck={false}
      />
      <TextField {...form.field('hours')} label={labels.hours} hint={t('help.admin.hours_hint')} maxLength={200} />
      <TextField
        {...form.field('sortOrder')}
        type="number"
        inputMode="numeric"
        min={0}
        max={1000}
        label={labels.sortOrder}
        hint={t('help.admin.sort_hint')}
        className="field--short"
      />
      <ButtonRow>
        <Button type="submit" busy={save.isPending}>
          {contact ? t('common.actions.save') : t('help.admin.add_submit')}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.actions.cancel')}
          </Button>
        )}
      </ButtonRow>
    </form>
  );
}

function ContactItem({ contact, onNotice }: { contact: HelpContactView; onNotice: (message: string) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Switching off is a DELETE that keeps the contact; switching on again changes only isActive.
  const toggle = useApiMutation((isActive: boolean, key) =>
    isActive ? updateHelpContact(contact.id, { isActive: true }, key) : deactivateHelpContact(contact.id, key),
  );
  const titleId = `admin-contact-${contact.id}`;
  const setActive = (isActive: boolean) =>
    toggle.mutate(isActive, {
      onSuccess: async () => {
        setConfirming(false);
        onNotice(
          isActive
            ? t('help.admin.activated', { name: contact.name })
            : t('help.admin.deactivated', { name: contact.name }),
        );
        await queryClient.invalidateQueries({ queryKey: adminContactsQuery.queryKey });
        await queryClient.invalidateQueries({ queryKey: helpContactsKey });
      },
    });
  return (
    <li className={`card admin-contact ${contact.isActive ? '' : 'admin-contact--inactive'}`} aria-labelledby={titleId}>
      <div className="admin-contact__head">
        <h3 id={titleId}>{contact.name}</h3>
        <span className="badges">
          <Badge tone="neutral">{t(`help.kinds.${contact.kind}`)}</Badge>
          {contact.preset && <Badge tone="info">{t('help.admin.preset')}</Badge>}
          {!contact.isActive && <Badge tone="warning">{t('help.admin.inactive')}</Badge>}
        </span>
      </div>
      {contact.description && <p>{contact.description}</p>}
      <dl className="key-value key-value--rows">
        <div>
          <dt>{t('help.admin.fields.phone')}</dt>
          <dd>{contact.phone ?? t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('help.admin.fields.url')}</dt>
          <dd>{contact.url ?? t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('help.admin.fields.hours')}</dt>
          <dd>{contact.hours}</dd>
        </div>
        <div>
          <dt>{t('help.admin.fields.sort_order')}</dt>
          <dd>{contact.sortOrder}</dd>
        </div>
      </dl>
      {editing ? (
        <div className="subsection">
          <ContactForm
            contact={contact}
            onCancel={() => setEditing(false)}
            onDone={(message) => {
              setEditing(false);
              onNotice(message);
            }}
          />
        </div>
      ) : (
        <ButtonRow>
          <Button variant="secondary" size="small" onClick={() => setEditing(true)}>
            {t('help.admin.edit')}
            <span className="visually-hidden"> {contact.name}</span>
          </Button>
          {contact.isActive ? (
            <Button
              variant="danger"
              size="small"
              onClick={() => {
                toggle.reset();
                setConfirming(true);
              }}
            >
              {t('help.admin.deactivate')}
              <span className="visually-hidden"> {contact.name}</span>
            </Button>
          ) : (
            <Button variant="secondary" size="small" busy={toggle.isPending} onClick={() => setActive(true)}>
              {t('help.admin.activate')}
              <span className="visually-hidden"> {contact.name}</span>
            </Button>
          )}
        </ButtonRow>
      )}
      {toggle.error && !confirming && <Alert tone="error">{toggle.error.message}</Alert>}
      <ConfirmDialog
        open={confirming}
        title={t('help.admin.deactivate_title', { name: contact.name })}
        confirmLabel={t('help.admin.deactivate')}
        tone="danger"
        busy={toggle.isPending}
        error={toggle.error?.message ?? null}
        onCancel={() => setConfirming(false)}
        onConfirm={() => setActive(false)}
      >
        <p>{t('help.admin.deactivate_body')}</p>
      </ConfirmDialog>
    </li>
  );
}

function Outreach({ setting }: { setting: OutreachSetting }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [checked, setChecked] = useState(setting.disclosedSafetyOutreach);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useApiMutation((on: boolean, key) => saveOutreach(on, key));
  const changed = checked !== setting.disclosedSafetyOutreach;
  return (
    <section className="card admin-section" aria-labelledby="outreach-title">
      <h2 id="outreach-title">
        {t('help.outreach.title')}{' '}
        {setting.disclosedSafetyOutreach ? (
          <Badge tone="success">{t('help.outreach.on')}</Badge>
        ) : (
          <Badge tone="neutral">{t('help.outreach.off')}</Badge>
        )}
      </h2>
      <p>{t('help.outreach.what')}</p>
      <ul>
        <li>{t('help.outreach.when_on')}</li>
        <li>{t('help.outreach.when_off')}</li>
        <li>{t('help.outreach.never')}</li>
        <li>
          {t('help.outreach.consent', { on: assessmentConsentVersion(true), off: assessmentConsentVersion(false) })}
        </li>
      </ul>
      <p className="muted small">{t('help.outreach.current_version', { version: setting.consentVersion })}</p>
      {saved && <Alert tone="success">{t('help.outreach.saved')}</Alert>}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          if (!changed) return;
          save.reset();
          setConfirming(true);
        }}
      >
        <Checkbox id="outreach-switch" label={t('help.outreach.switch')} checked={checked} onChange={setChecked} />
        <Button type="submit" variant="secondary" disabled={!changed}>
          {t('help.outreach.save')}
        </Button>
      </form>
      <ConfirmDialog
        open={confirming}
        title={checked ? t('help.outreach.confirm_on_title') : t('help.outreach.confirm_off_title')}
        confirmLabel={checked ? t('help.outreach.confirm_on') : t('help.outreach.confirm_off')}
        busy={save.isPending}
        error={save.error?.message ?? null}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          save.mutate(checked, {
            onSuccess: async (next) => {
              setConfirming(false);
              setChecked(next.disclosedSafetyOutreach);
              setSaved(true);
              queryClient.setQueryData(outreachQuery.queryKey, next);
              await queryClient.invalidateQueries({ queryKey: agencyQuery.queryKey });
            },
          })
        }
      >
        <p>{checked ? t('help.outreach.confirm_on_body') : t('help.outreach.confirm_off_body')}</p>
      </ConfirmDialog>
    </section>
  );
}

/** /admin/help-contacts — the agency's crisis and help contacts, and the disclosed safety outreach switch. */
export function HelpContactsAdminPage() {
  const { t } = useT();
  const contacts = useQuery(adminContactsQuery);
  const outreach = useQuery(outreachQuery);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('help.admin.title')} lead={t('help.admin.lead')} />
      <div className="stack">
        <QueryState query={outreach}>{(s) => <Outreach setting={s} />}</QueryState>
        <section className="admin-section" aria-labelledby="contacts-title">
          <h2 id="contacts-title">{t('help.admin.list_title')}</h2>
          <p className="muted">{t('help.admin.list_lead')}</p>
          {notice && <Alert tone="success">{notice}</Alert>}
          <QueryState query={contacts} skeleton="cards" skeletonLines={4}>
            {(data) => (
              <ul className="stack admin-contacts">
                {[...data.items]
                  .sort(
                    (a, b) =>
                      Number(b.isActive) - Number(a.isActive) ||
                      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
                      a.sortOrder - b.sortOrder,
                  )
                  .map((c) => (
                    <ContactItem key={`${c.id}-${c.name}-${String(c.isActive)}`} contact={c} onNotice={setNotice} />
                  ))}
              </ul>
            )}
          </QueryState>
        </section>
        <section className="card admin-section" aria-labelledby="contact-add-title">
          <h2 id="contact-add-title">{t('help.admin.add_title')}</h2>
          <ContactForm contact={null} onDone={setNotice} />
        </section>
      </div>
    </>
  );
}
