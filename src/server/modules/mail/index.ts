/** The mail module's public surface: other modules queue email only through MailService. */
export { MailService, type EmailRequest, type EmailTemplate } from './mail.service.js';
