/** The org module's public surface (docs/decisions/016-module-boundaries.md). */
export { OrgDirectory } from './directory.js';
export { PeopleService } from './people.service.js';
export { RoleService } from './roles.service.js';
export { RoleRequestService } from './role-requests.service.js';
export { UnitService } from './units.service.js';
export { searchTextOf } from './people.repository.js';
export {
  insertPeopleInBatches,
  insertUnitsInBatches,
  updatePeopleInBatches,
  updateUnitsInBatches,
  type RowUpdate,
} from './people-batch.repository.js';
export { createTopUnitAndFirstAdmin, grantAgencyWideRole } from './first-admin.js';
