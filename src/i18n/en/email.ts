import type { email as indonesian } from '../id/email.js';
import type { Translation } from '../shape.js';

/** Emails to staff. Plain text, short, never any health data. */
export const email: Translation<typeof indonesian> = {
  signature: 'Kind regards,\nThe Teduh team at {{agency}}\n\nThis email was sent automatically; please do not reply.',
  invite: {
    subject: 'Your invitation to Teduh — {{agency}}',
    body: 'Hello {{name}},\n\n{{agency}} invites you to Teduh, a confidential place to look after your mental health. The results of your self-checks are visible to you alone.\n\nCreate your password with this link (valid until {{expires}}):\n{{link}}\n\nIf this invitation means nothing to you, simply ignore this email.',
  },
  reset: {
    subject: 'Reset your Teduh password',
    body: 'Hello {{name}},\n\nSomeone (hopefully you) asked to reset your Teduh password. Create a new password with this link (valid until {{expires}}):\n{{link}}\n\nIf you did not ask for this, ignore this email; your password has not changed.',
  },
  password_changed: {
    subject: 'Your Teduh password was changed',
    body: 'Hello {{name}},\n\nYour Teduh password was just changed on {{when}}, and all your other sessions were signed out. If this was not you, contact your agency admin at once.',
  },
};
