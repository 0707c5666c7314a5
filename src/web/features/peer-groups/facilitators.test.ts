import { describe, expect, it } from 'vitest';
import { PERMISSION_ROLES } from '../../../domain/access/permissions.js';
import { FACILITATOR_ROLES } from './facilitators.js';

describe('the facilitator roles of the web app', () => {
  it('are exactly the roles the server lets manage a peer group', () => {
    expect([...FACILITATOR_ROLES].sort()).toEqual([...PERMISSION_ROLES['manage:peer-group:own']].sort());
  });
});
