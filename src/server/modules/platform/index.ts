/** The platform module's public surface. */
export { PlatformService } from './platform.service.js';
