/** The DPO module's public surface. */
export { DpoService } from './dpo.service.js';
export { DpoAlerts } from './dpo-alerts.service.js';
export type { AlertKind, NewAlert } from './alerts.repository.js';
