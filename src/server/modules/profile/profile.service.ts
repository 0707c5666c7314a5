import type { ProfileUpdateBody } from '../../../contracts/profile.js';
import type { PeopleService } from '../org/index.js';

/**
 * The signed-in person's own profile: their language and the short name they are greeted by. The
 * person's record belongs to the org module, so each change goes through its service
 * (docs/decisions/016-module-boundaries.md).
 */
export class ProfileService {
  constructor(private readonly deps: { people: Pick<PeopleService, 'setOwnLocale' | 'setOwnPreferredName'> }) {}

  async update(person: { id: string; agencyId: string }, body: ProfileUpdateBody): Promise<void> {
    if (body.locale !== undefined) await this.deps.people.setOwnLocale(person.agencyId, person.id, body.locale);
    if (body.preferredName !== undefined) {
      await this.deps.people.setOwnPreferredName(person.agencyId, person.id, body.preferredName);
    }
  }
}
