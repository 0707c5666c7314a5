/** The profile module's public surface. */
export { ProfileService } from './profile.service.js';
