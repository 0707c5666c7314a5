/** The agency module's public surface. */
export { AgencyService, presentAgency } from './agency.service.js';
export { provisionAgency, type FirstAdmin } from './provision.js';
