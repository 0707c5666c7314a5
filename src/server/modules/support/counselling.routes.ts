import type { App } from '../../app-types.js';
import type { Services } from '../../services.js';

/** Placeholder until the module lands. */
export function registerCounsellingRoutes(_app: App, _services: Services): void {}
