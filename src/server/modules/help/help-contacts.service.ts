import type { i18n } from 'i18next';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { HelpContactView, helpContactBody, helpContactPatchBody } from '../../../contracts/help.js';
import type { Database } from '../../../db/schema.js';
import { assessmentConsentVersion } from '../../../domain/assessments/consent.js';
import {
  DEFAULT_HELP_CONTACTS,
  isReachableContact,
  telLink,
  type HelpContactKind,
  type HelpContactPreset,
} from '../../../domain/help/help-contacts.js';
import type { Locale } from '../../../i18n/locales.js';
import { translatorFor, type Translate } from '../../../i18n/translator.js';
import type { Clock } from '../../clock.js';
import { newId } from '../../crypto.js';
import { FieldValidationError, notFound } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { CounsellorCoverage } from '../counselling/index.js';
import {
  findHelpContact,
  findHelpContacts,
  insertHelpContact,
  updateHelpContact,
  type HelpContactRow,
} from './help-contacts.repository.js';
type CreateInput = z.infer<typeof helpContactBody>;
type PatchInput = z.infer<typeof helpContactPatchBody>;

/** Fields whose change makes a national preset the agency's own contact (its texts are then stored). */
const TEXT_FIELDS = ['kind', 'name', 'description', 'phone', 'url', 'hours'] as const;

const COLUMN: Record<keyof PatchInput, keyof HelpContactRow> = {
  kind: 'kind',
  name: 'name',
  description: 'description',
  phone: 'phone',
  url: 'url',
  hours: 'hours',
  sortOrder: 'sort_order',
  isActive: 'is_active',
};

/** Preset texts come from the catalogue in the reader's language; an agency's own rows as written. */
function present(
  row: Pick<
    HelpContactRow,
    'id' | 'kind' | 'preset' | 'name' | 'description' | 'phone' | 'url' | 'hours' | 'is_active' | 'sort_order'
  >,
  t: Translate,
): HelpContactView {
  const preset = row.preset as HelpContactPreset | null;
  return {
    id: row.id,
    kind: row.kind as HelpContactKind,
    preset,
    name: preset ? t(`help.presets.${preset}.name`) : row.name,
    description: preset ? t(`help.presets.${preset}.description`) : row.description,
    phone: row.phone,
    telHref: row.phone ? telLink(row.phone) : null,
    url: row.url,
    hours: preset ? t(`help.presets.${preset}.hours`) : row.hours,
    isActive: row.is_active === 1,
    sortOrder: row.sort_order,
  };
}

/**
 * The agency's disclosed safety outreach switch, a setting of the agency (`agencies`, owned by
 * agency): help shows and changes it, with its own audit entry, only through this port.
 */
export interface OutreachSetting {
  /** On or off; undefined when there is no such agency. */
  get(db: Kysely<Database>, agencyId: string): Promise<boolean | undefined>;
  set(db: Kysely<Database>, agencyId: string, on: boolean, at: string): Promise<void>;
}

/**
 * The crisis and help contacts of docs/instruments.md §16: editable data per agency, shown
 * to everyone (signed out: the national defaults) with their hours; and the agency's disclosed
 * safety outreach switch. Changes are audited; no health data is involved.
 */
export class HelpContactsService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      i18n: i18n;
      audit: AuditService;
      coverage: CounsellorCoverage;
      outreach: OutreachSetting;
    },
  ) {}

  /**
   * What the help button and the crisis screen show; `reader` null for a signed-out visitor.
   * "Please contact me" is offered only when some counsellor's grant covers the reader's unit:
   * anyone else's request would reach no one, so the web app shows the contacts instead.
   */
  async publicList(reader: { agencyId: string; personId: string } | null, locale: Locale) {
    const t = translatorFor(this.deps.i18n, locale);
    if (!reader) {
      const items = DEFAULT_HELP_CONTACTS.map((c, i) =>
        present(
          {
            id: `default-${c.preset}`,
            kind: c.kind,
            preset: c.preset,
            name: c.preset,
            description: null,
            phone: c.phone,
            url: c.url,
            hours: c.hours,
            is_active: 1,
            sort_order: i,
          },
          t,
        ),
      );
      return { items, canRequestContact: false };
    }
    const { db, coverage } = this.deps;
    const [rows, unitId] = await Promise.all([
      findHelpContacts(db, reader.agencyId, true),
      coverage.unitOf(reader.agencyId, reader.personId),
    ]);
    const counsellors = unitId ? await coverage.covering(reader.agencyId, unitId) : [];
    return {
      items: rows.map((r) => present(r, t)),
      canRequestContact: counsellors.some((c) => c.id !== reader.personId),
    };
  }

  /** The admin's list, switched-off contacts included. */
  async adminList(agencyId: string, locale: Locale) {
    const t = translatorFor(this.deps.i18n, locale);
    const rows = await findHelpContacts(this.deps.db, agencyId, false);
    return {
      items: rows.map((r) => present(r, t)),
      canRequestContact: await this.deps.coverage.anyInAgency(agencyId),
    };
  }

  async create(agencyId: string, input: CreateInput, locale: Locale, origin: AuditOrigin): Promise<HelpContactView> {
    const { db, clock, audit } = this.deps;
    const now = clock.now().toISOString();
    const row: HelpContactRow = {
      id: newId(),
      agency_id: agencyId,
      kind: input.kind,
      preset: null,
      name: input.name,
      description: input.description ?? null,
      phone: input.phone ?? null,
      url: input.url ?? null,
      hours: input.hours,
      sort_order: input.sortOrder,
      is_active: input.isActive ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    return db.transaction().execute(async (trx) => {
      await insertHelpContact(trx, row);
      await audit.record(
        {
          ...origin,
          action: 'agency.help_contact_created',
          resourceType: 'help_contact',
          resourceId: row.id,
          details: { kind: row.kind },
        },
        trx,
      );
      return present(row, translatorFor(this.deps.i18n, locale));
    });
  }

  /**
   * Changes the fields sent. Changing what a preset says (its kind, texts, number or address)
   * turns it into the agency's own contact: its Indonesian catalogue texts are copied first, then
   * the change applied, so nothing the admin did not touch is lost.
   */
  async update(
    agencyId: string,
    id: string,
    input: PatchInput,
    locale: Locale,
    origin: AuditOrigin,
  ): Promise<HelpContactView> {
    const { db, clock, audit } = this.deps;
    return db.transaction().execute(async (trx) => {
      const before = await findHelpContact(trx, agencyId, id);
      if (!before) throw notFound();
      const sent = (Object.keys(input) as Array<keyof PatchInput>).filter((k) => input[k] !== undefined);
      let next: HelpContactRow = { ...before };
      if (before.preset && sent.some((k) => (TEXT_FIELDS as readonly string[]).includes(k))) {
        const id_ = translatorFor(this.deps.i18n, 'id');
        next = {
          ...next,
          preset: null,
          name: id_(`help.presets.${before.preset}.name`),
          description: id_(`help.presets.${before.preset}.description`),
          hours: id_(`help.presets.${before.preset}.hours`),
        };
      }
      for (const key of sent) {
        const value = input[key];
        (next as unknown as Record<string, unknown>)[COLUMN[key]] =
          typeof value === 'boolean' ? (value ? 1 : 0) : (value ?? null);
      }
      if (!isReachableContact(next)) {
        throw new FieldValidationError([{ path: 'phone', key: 'help.contact_needs_phone_or_url' }]);
      }
      const changed = (Object.keys(COLUMN) as Array<keyof PatchInput>)
        .map((k) => COLUMN[k])
        .filter((c) => before[c] !== next[c]);
      if (before.preset && !next.preset) changed.push('preset');
      next.updated_at = clock.now().toISOString();
      const { id: _id, agency_id: _agency, created_at: _created, ...patch } = next;
      await updateHelpContact(trx, agencyId, id, patch);
      const action =
        before.is_active === 1 && next.is_active === 0
          ? 'agency.help_contact_deactivated'
          : 'agency.help_contact_updated';
      await audit.record(
        { ...origin, action, resourceType: 'help_contact', resourceId: id, details: { changed } },
        trx,
      );
      return present(next, translatorFor(this.deps.i18n, locale));
    });
  }

  /** Switches a contact off (kept, so it can be switched on again). */
  async deactivate(agencyId: string, id: string, locale: Locale, origin: AuditOrigin): Promise<HelpContactView> {
    return this.update(agencyId, id, { isActive: false }, locale, origin);
  }

  async outreach(agencyId: string) {
    const on = await this.deps.outreach.get(this.deps.db, agencyId);
    if (on === undefined) throw notFound();
    return { disclosedSafetyOutreach: on, consentVersion: assessmentConsentVersion(on) };
  }

  /**
   * Disclosed safety outreach on or off. From the next assessment on, the consent text changes
   * with it (domain/assessments/consent.ts), so nobody is told of a crisis answer without having
   * read that they would be.
   */
  async setOutreach(agencyId: string, on: boolean, origin: AuditOrigin) {
    const { db, clock, audit, outreach } = this.deps;
    return db.transaction().execute(async (trx) => {
      const from = await outreach.get(trx, agencyId);
      if (from === undefined) throw notFound();
      await outreach.set(trx, agencyId, on, clock.now().toISOString());
      await audit.record(
        {
          ...origin,
          action: 'agency.settings_updated',
          resourceType: 'agency',
          resourceId: agencyId,
          details: {
            changed: from === on ? [] : ['disclosed_safety_outreach'],
            disclosedSafetyOutreach: { from, to: on },
          },
        },
        trx,
      );
      return { disclosedSafetyOutreach: on, consentVersion: assessmentConsentVersion(on) };
    });
  }
}
