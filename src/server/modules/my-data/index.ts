/**
 * The my-data module's public surface: the person's data rights, and the consent gate other
 * modules ask, inside their own transaction, before they process for a purpose.
 */
export { MyDataService } from './my-data.service.js';
export { assertConsent, consentAllows } from './consent-gate.js';
