/** The imports module's public surface. */
export { ImportService, type Upload } from './imports.service.js';
