/** The health module's public surface. */
export { ReadinessService, type Readiness } from './readiness.service.js';
