/** The notifications module's public surface: other modules add notifications only through the service. */
export { NotificationService } from './notifications.service.js';
export type { NewNotification } from './notifications.repository.js';
