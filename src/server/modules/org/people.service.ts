import type { Kysely } from 'kysely';
import type {
  PersonCreateInput,
  PersonDetail,
  PersonListQuery,
  PersonSummary,
  PersonUpdateInput,
} from '../../../contracts/org.js';
import type { Database, PersonRow } from '../../../db/schema.js';
import { can, unitScopeOf, type Actor } from '../../../domain/access/permissions.js';
import { normalizeNip, validateNip, type EmploymentType } from '../../../domain/org/nip.js';
import { pathToUnit, subtreeIds } from '../../../domain/org/unit-tree.js';
import type { Clock } from '../../clock.js';
import { newId } from '../../crypto.js';
import { conflict, FieldValidationError, notFound, unprocessable } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { CredentialsService, SessionService } from '../auth/index.js';
import { presentPersonDetail, presentPersonSummary } from './people.presenter.js';
import {
  countActiveAgencyAdmins,
  countPeople,
  findManagerIdOf,
  findPendingInvitations,
  findPeoplePage,
  findPersonById,
  findPersonIdByEmail,
  findPersonIdByNip,
  findPersonWithUnit,
  findRolesOfPeople,
  findSignedUp,
  hasTwoFactorEnabled,
  insertPerson,
  searchTextOf,
  updatePerson,
  updatePreferredName,
  type PersonFilter,
} from './people.repository.js';
import { findGrantViews } from './roles.repository.js';
import { findUnit, findUnitTree } from './units.repository.js';

/** Reporting lines longer than this are treated as broken data rather than walked forever. */
const MAX_REPORTING_DEPTH = 1_000;

type PersonField = 'fullName' | 'employmentType' | 'nip' | 'email' | 'phone' | 'position' | 'unitId' | 'managerId';

/**
 * The agency's people: the list and the record (scoped to the viewer's units), and the admin's
 * changes. Deactivation never deletes: the record, its history and its audit trail stay.
 */
export class PeopleService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      audit: AuditService;
      sessions: SessionService;
      /** Account recovery (docs/decisions/011-account-recovery.md): an email change holds resets and tells the old address. */
      credentials: Pick<CredentialsService, 'onEmailChangedByAdmin'>;
    },
  ) {}

  /** A page of people the actor may see, with roles and sign-up state fetched in batches. */
  async list(actor: Actor, query: PersonListQuery) {
    const { db, clock } = this.deps;
    const empty = { items: [] as PersonSummary[], total: 0, page: query.page, pageSize: query.pageSize };
    const unitIds = await this.visibleUnits(actor, query.unitId, query.includeSubunits);
    if (unitIds !== null && unitIds.length === 0) return empty;
    const filter: PersonFilter = {
      agencyId: actor.agencyId,
      unitIds,
      searchTerms: searchTermsOf(query.q),
      role: query.role && query.role !== 'employee' ? query.role : null,
      employmentType: query.employmentType ?? null,
      status: query.status,
    };
    const [rows, total] = await Promise.all([
      findPeoplePage(db, filter, query.pageSize, (query.page - 1) * query.pageSize),
      countPeople(db, filter),
    ]);
    const ids = rows.map((r) => r.id);
    const [roles, signedUp, invited] = await Promise.all([
      findRolesOfPeople(db, ids),
      findSignedUp(db, ids),
      findPendingInvitations(db, ids, clock.now().toISOString()),
    ]);
    const items = rows.map((r) =>
      presentPersonSummary(r, {
        roles: roles.get(r.id) ?? [],
        hasSignedUp: signedUp.has(r.id),
        invitationPending: invited.has(r.id),
      }),
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** One person's record; reading someone else's is written to the audit log. */
  async get(actor: Actor, id: string, origin: AuditOrigin): Promise<PersonDetail> {
    const { db, audit } = this.deps;
    const person = await findPersonById(db, actor.agencyId, id);
    if (!person) throw notFound();
    if (unitScopeOf(actor, 'read:person:unit') !== null) {
      const tree = await findUnitTree(db, actor.agencyId);
      // Outside the manager's units the person does not exist for them.
      if (!can(actor, 'read:person:unit', { agencyId: person.agency_id, unitPath: pathToUnit(tree, person.unit_id) }))
        throw notFound();
    }
    return db.transaction().execute(async (trx) => {
      if (id !== actor.personId) {
        await audit.record(
          { ...origin, action: 'org.person_viewed', subjectId: id, resourceType: 'person', resourceId: id },
          trx,
        );
      }
      return this.detail(trx, actor.agencyId, id);
    });
  }

  /** Adds a person to the agency; NIP and email must be free install-wide. */
  async create(actor: Actor, input: PersonCreateInput, origin: AuditOrigin): Promise<PersonDetail> {
    const { db, clock, audit } = this.deps;
    const nip = input.nip ? input.nip : null;
    this.assertNip(nip, input.employmentType);
    return db.transaction().execute(async (trx) => {
      await this.assertUnit(trx, actor.agencyId, input.unitId);
      const managerId = input.managerId ?? null;
      if (managerId && !(await findPersonById(trx, actor.agencyId, managerId)))
        throw unprocessable('manager_not_found');
      if (nip && (await findPersonIdByNip(trx, nip))) throw conflict('nip_taken');
      if (input.email && (await findPersonIdByEmail(trx, input.email))) throw conflict('email_taken');
      const now = clock.now().toISOString();
      const id = newId();
      const fields = { full_name: input.fullName, nip, email: input.email ?? null };
      await insertPerson(trx, {
        id,
        agency_id: actor.agencyId,
        unit_id: input.unitId,
        ...fields,
        email_normalized: fields.email ? fields.email.toLowerCase() : null,
        phone: input.phone ?? null,
        position: input.position ?? null,
        employment_type: input.employmentType,
        manager_id: managerId,
        is_active: 1,
        locale: 'id',
        search_text: searchTextOf(fields),
        deactivated_at: null,
        created_at: now,
        updated_at: now,
      });
      await audit.record(
        { ...origin, action: 'org.person_created', subjectId: id, resourceType: 'person', resourceId: id },
        trx,
      );
      return this.detail(trx, actor.agencyId, id);
    });
  }

  /** Changes some fields; the audit entry names the fields that changed, never their values. */
  async update(actor: Actor, id: string, input: PersonUpdateInput, origin: AuditOrigin): Promise<PersonDetail> {
    const { db, clock, audit } = this.deps;
    return db.transaction().execute(async (trx) => {
      const person = await findPersonById(trx, actor.agencyId, id);
      if (!person) throw notFound();
      const employmentType = (input.employmentType ?? person.employment_type) as EmploymentType;
      const nip = input.nip === undefined ? person.nip : input.nip ? input.nip : null;
      if (input.employmentType !== undefined || input.nip !== undefined) this.assertNip(nip, employmentType);
      const next: PersonRow = {
        ...person,
        full_name: input.fullName ?? person.full_name,
        employment_type: employmentType,
        nip,
        email: input.email === undefined ? person.email : input.email,
        phone: input.phone === undefined ? person.phone : input.phone,
        position: input.position === undefined ? person.position : input.position,
        unit_id: input.unitId ?? person.unit_id,
        manager_id: input.managerId === undefined ? person.manager_id : input.managerId,
      };
      if (next.unit_id !== person.unit_id) await this.assertUnit(trx, actor.agencyId, next.unit_id);
      if (next.manager_id !== person.manager_id && next.manager_id !== null)
        await this.assertManager(trx, actor.agencyId, id, next.manager_id);
      if (next.nip !== person.nip && next.nip !== null && (await findPersonIdByNip(trx, next.nip)))
        throw conflict('nip_taken');
      if (next.email !== person.email && next.email !== null) {
        const holder = await findPersonIdByEmail(trx, next.email);
        if (holder && holder !== id) throw conflict('email_taken');
      }
      const changed = changedPersonFields(person, next);
      if (changed.length > 0) {
        await updatePerson(trx, actor.agencyId, id, {
          full_name: next.full_name,
          employment_type: next.employment_type,
          nip: next.nip,
          email: next.email,
          email_normalized: next.email ? next.email.toLowerCase() : null,
          phone: next.phone,
          position: next.position,
          unit_id: next.unit_id,
          manager_id: next.manager_id,
          search_text: searchTextOf(next),
          updated_at: clock.now().toISOString(),
        });
        await audit.record(
          {
            ...origin,
            action: 'org.person_updated',
            subjectId: id,
            resourceType: 'person',
            resourceId: id,
            details: { changed },
          },
          trx,
        );
        // Compared without case: sign-in treats "Budi@X" and "budi@x" as one address.
        if ((person.email ?? '').toLowerCase() !== (next.email ?? '').toLowerCase()) {
          await this.deps.credentials.onEmailChangedByAdmin(trx, person, next.email, origin);
        }
      }
      return this.detail(trx, actor.agencyId, id);
    });
  }

  /** Marks a person inactive and signs them out everywhere; nothing is deleted. */
  async deactivate(actor: Actor, id: string, origin: AuditOrigin): Promise<PersonDetail> {
    const { db, clock, audit, sessions } = this.deps;
    return db.transaction().execute(async (trx) => {
      const person = await findPersonById(trx, actor.agencyId, id);
      if (!person) throw notFound();
      if (id === actor.personId) throw conflict('self_deactivate');
      if (person.is_active === 1) {
        const grants = await findGrantViews(trx, actor.agencyId, id);
        if (
          grants.some((g) => g.role === 'agency_admin') &&
          (await countActiveAgencyAdmins(trx, actor.agencyId, id)) === 0
        ) {
          throw conflict('last_agency_admin');
        }
        const now = clock.now().toISOString();
        await updatePerson(trx, actor.agencyId, id, { is_active: 0, deactivated_at: now, updated_at: now });
        const ended = await sessions.endAllFor(id, undefined, trx);
        await audit.record(
          {
            ...origin,
            action: 'org.person_deactivated',
            subjectId: id,
            resourceType: 'person',
            resourceId: id,
            details: { sessionsEnded: ended },
          },
          trx,
        );
      }
      return this.detail(trx, actor.agencyId, id);
    });
  }

  /** Makes a deactivated person active again, in an active unit. */
  async reactivate(actor: Actor, id: string, origin: AuditOrigin): Promise<PersonDetail> {
    const { db, clock, audit } = this.deps;
    return db.transaction().execute(async (trx) => {
      const person = await findPersonById(trx, actor.agencyId, id);
      if (!person) throw notFound();
      if (person.is_active !== 1) {
        await this.assertUnit(trx, actor.agencyId, person.unit_id);
        await updatePerson(trx, actor.agencyId, id, {
          is_active: 1,
          deactivated_at: null,
          updated_at: clock.now().toISOString(),
        });
        await audit.record(
          { ...origin, action: 'org.person_reactivated', subjectId: id, resourceType: 'person', resourceId: id },
          trx,
        );
      }
      return this.detail(trx, actor.agencyId, id);
    });
  }

  /** The person's own choice of language (from their profile). */
  async setOwnLocale(agencyId: string, personId: string, locale: string): Promise<void> {
    await updatePerson(this.deps.db, agencyId, personId, { locale, updated_at: this.deps.clock.now().toISOString() });
  }

  /**
   * Unit ids whose people the actor may list, narrowed by the unitId filter; null means every
   * unit of the agency. A filter unit of another agency is a 404.
   */
  private async visibleUnits(
    actor: Actor,
    unitId: string | undefined,
    includeSubunits: boolean,
  ): Promise<string[] | null> {
    const scope = unitScopeOf(actor, 'read:person:unit');
    if (scope === null && !unitId) return null;
    const tree = await findUnitTree(this.deps.db, actor.agencyId);
    let allowed: Set<string> | null = null;
    if (scope !== null) {
      allowed = new Set(scope.flatMap((root) => [...subtreeIds(tree, root)]));
    }
    if (unitId) {
      if (!tree.some((u) => u.id === unitId)) throw notFound();
      const wanted = includeSubunits ? subtreeIds(tree, unitId) : new Set([unitId]);
      allowed = allowed ? new Set([...wanted].filter((id) => allowed?.has(id))) : wanted;
    }
    return [...(allowed ?? [])];
  }

  /** The service re-checks the NIP with the server's clock: the browser's date may be wrong. */
  private assertNip(nip: string | null, employmentType: EmploymentType): void {
    if (employmentType === 'non_asn' && nip === null) return;
    const result = validateNip(nip, employmentType, this.deps.clock.now());
    if (!result.ok) throw new FieldValidationError([{ path: 'nip', key: `nip.${result.problem}` }]);
  }

  private async assertUnit(db: Kysely<Database>, agencyId: string, unitId: string): Promise<void> {
    const unit = await findUnit(db, agencyId, unitId);
    if (!unit) throw unprocessable('unit_not_found');
    if (unit.is_active !== 1) throw unprocessable('unit_inactive');
  }

  /** The manager must be someone else in the agency, and not report (indirectly) to this person. */
  private async assertManager(
    db: Kysely<Database>,
    agencyId: string,
    personId: string,
    managerId: string,
  ): Promise<void> {
    if (managerId === personId) throw unprocessable('manager_self');
    let current: string | null | undefined = await findManagerIdOf(db, agencyId, managerId);
    if (current === undefined) throw unprocessable('manager_not_found');
    for (let depth = 0; current && depth < MAX_REPORTING_DEPTH; depth++) {
      if (current === personId) throw unprocessable('manager_cycle');
      current = await findManagerIdOf(db, agencyId, current);
    }
  }

  private async detail(db: Kysely<Database>, agencyId: string, id: string): Promise<PersonDetail> {
    const row = await findPersonWithUnit(db, agencyId, id);
    if (!row) throw notFound();
    const [roles, signedUp, invited, grants, manager, twoFactorEnabled] = await Promise.all([
      findRolesOfPeople(db, [id]),
      findSignedUp(db, [id]),
      findPendingInvitations(db, [id], this.deps.clock.now().toISOString()),
      findGrantViews(db, agencyId, id),
      row.manager_id ? findPersonById(db, agencyId, row.manager_id) : Promise.resolve(undefined),
      hasTwoFactorEnabled(db, id),
    ]);
    return presentPersonDetail(row, {
      roles: roles.get(id) ?? [],
      hasSignedUp: signedUp.has(id),
      invitationPending: invited.has(id),
      managerName: manager?.full_name ?? null,
      grants,
      twoFactorEnabled,
    });
  }

  /**
   * The short name the signed-in person is greeted by; null clears it. Their own choice about
   * their own record, like the language (docs/decisions/022-preferred-name-and-own-state.md).
   */
  async setOwnPreferredName(agencyId: string, personId: string, preferredName: string | null): Promise<void> {
    await updatePreferredName(this.deps.db, agencyId, personId, preferredName, this.deps.clock.now().toISOString());
  }
}

/** The search term, plus its digits alone when it looks like a NIP typed with spaces or dots. */
function searchTermsOf(q: string | undefined): string[] {
  const term = (q ?? '').trim().toLowerCase();
  if (term === '') return [];
  const digits = normalizeNip(term);
  return /^\d+$/.test(digits) && digits !== term ? [term, digits] : [term];
}

function changedPersonFields(before: PersonRow, after: PersonRow): PersonField[] {
  const pairs: Array<[PersonField, unknown, unknown]> = [
    ['fullName', before.full_name, after.full_name],
    ['employmentType', before.employment_type, after.employment_type],
    ['nip', before.nip, after.nip],
    ['email', before.email, after.email],
    ['phone', before.phone, after.phone],
    ['position', before.position, after.position],
    ['unitId', before.unit_id, after.unit_id],
    ['managerId', before.manager_id, after.manager_id],
  ];
  return pairs.filter(([, a, b]) => a !== b).map(([field]) => field);
}
