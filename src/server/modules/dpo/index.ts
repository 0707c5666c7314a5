/** The DPO module's public surface. */
export { DpoService, type RetentionEraser, type RetentionErasers } from './dpo.service.js';
export { DpoAlerts } from './dpo-alerts.service.js';
export type { AlertKind, NewAlert } from './alerts.repository.js';
