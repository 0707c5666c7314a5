import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { roleGrantBody } from '../../../contracts/org.js';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import type { RoleRequestView } from '../../../contracts/role-requests.js';
import { isUnitScopedRole, requiresApproval, type AssignableRole } from '../../../domain/access/roles.js';
import type { Clock } from '../../clock.js';
import { newId } from '../../crypto.js';
import { conflict, forbidden, notFound, unprocessable } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import { countActiveAgencyAdmins, findPersonById } from './people.repository.js';
import type { RoleRequestService } from './role-requests.service.js';
import {
  deleteAssignment,
  findAssignments,
  findGrantViews,
  insertAssignment,
  type RoleGrantView,
} from './roles.repository.js';
import { findUnit } from './units.repository.js';

/** What a grant did: took effect at once, or waits for a second person's approval. */
export type GrantOutcome = { granted: RoleGrantView } | { requested: RoleRequestView };

/**
 * Who holds which role. A person who gains a role needing two-factor is sent to enrolment by the
 * session on their next request; nothing to do here. Roles that read health data or approve those
 * who do are only requested here; `RoleRequestService` makes them effective after a second person
 * approves (docs/decisions/012-separation-of-duties.md).
 */
export class RoleService {
  constructor(
    private readonly deps: { db: Kysely<Database>; clock: Clock; audit: AuditService; requests: RoleRequestService },
  ) {}

  /** A person's approved grants and pending requests; 404 outside the actor's agency. */
  async list(actor: Actor, personId: string): Promise<{ items: RoleGrantView[]; pending: RoleRequestView[] }> {
    const { db, requests } = this.deps;
    if (!(await findPersonById(db, actor.agencyId, personId))) throw notFound();
    return {
      items: await findGrantViews(db, actor.agencyId, personId),
      pending: await requests.pendingOf(db, actor, personId),
    };
  }

  /** Grants a role (or, for a role needing approval, requests it), optionally limited to a unit subtree. */
  async grant(
    actor: Actor,
    personId: string,
    input: z.infer<typeof roleGrantBody>,
    origin: AuditOrigin,
  ): Promise<GrantOutcome> {
    const { db, clock, audit } = this.deps;
    const role = input.role as AssignableRole;
    return db.transaction().execute(async (trx) => {
      if (!(await findPersonById(trx, actor.agencyId, personId))) throw notFound();
      assertMayHandle(actor, role);
      if (input.unitId !== null && !isUnitScopedRole(role)) throw unprocessable('role_scope_not_allowed');
      if (input.unitId !== null && !(await findUnit(trx, actor.agencyId, input.unitId)))
        throw unprocessable('unit_not_found');
      const held = await findAssignments(trx, actor.agencyId, personId);
      if (held.some((g) => g.role === role && g.unit_id === input.unitId)) throw conflict('role_exists');
      if (requiresApproval(role))
        return { requested: await this.deps.requests.request(trx, actor, personId, role, input.unitId, origin) };
      const id = newId();
      await insertAssignment(trx, {
        id,
        agency_id: actor.agencyId,
        person_id: personId,
        role,
        unit_id: input.unitId,
        granted_by: actor.personId,
        granted_at: clock.now().toISOString(),
      });
      await audit.record(
        {
          ...origin,
          action: 'org.role_granted',
          subjectId: personId,
          resourceType: 'role_assignment',
          resourceId: id,
          details: { role, unitId: input.unitId },
        },
        trx,
      );
      const views = await findGrantViews(trx, actor.agencyId, personId);
      return { granted: views.find((g) => g.id === id) as RoleGrantView };
    });
  }

  /** Takes a grant back; the agency keeps at least one active agency admin. */
  async revoke(actor: Actor, personId: string, grantId: string, origin: AuditOrigin): Promise<void> {
    const { db, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const person = await findPersonById(trx, actor.agencyId, personId);
      if (!person) throw notFound();
      const grant = (await findAssignments(trx, actor.agencyId, personId)).find((g) => g.id === grantId);
      if (!grant) throw notFound();
      assertMayHandle(actor, grant.role as AssignableRole);
      // An agency nobody can administer cannot be repaired from inside Teduh.
      if (
        grant.role === 'agency_admin' &&
        person.is_active === 1 &&
        (await countActiveAgencyAdmins(trx, actor.agencyId, personId)) === 0
      ) {
        throw conflict('last_agency_admin');
      }
      await deleteAssignment(trx, actor.agencyId, grantId);
      await audit.record(
        {
          ...origin,
          action: 'org.role_revoked',
          subjectId: personId,
          resourceType: 'role_assignment',
          resourceId: grantId,
          details: { role: grant.role, unitId: grant.unit_id },
        },
        trx,
      );
    });
  }
}

/** Only a platform admin hands out (or takes back) the platform admin role. */
function assertMayHandle(actor: Actor, role: AssignableRole): void {
  if (role === 'platform_admin' && !actor.grants.some((g) => g.role === 'platform_admin')) throw forbidden();
}
