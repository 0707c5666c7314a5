import type { auth as indonesian } from '../id/auth.js';
import type { Translation } from '../shape.js';

/** UI text: sign-in, two-step verification, invitations and passwords. */
export const auth: Translation<typeof indonesian> = {
  fields: {
    identifier: 'NIP or email',
    password: 'Password',
    current_password: 'Current password',
    new_password: 'New password',
    choose_password: 'Choose a password',
    confirm_password: 'Repeat the password',
    totp_code: 'Verification code',
    recovery_code: 'Recovery code',
  },
  password_policy: {
    length: 'At least {{min}} characters; no rules about capitals, digits or symbols.',
    passphrase:
      'A phrase of a few words, such as "morning coffee on the porch", is easy to remember and hard to guess.',
    personal: 'Do not use your name, NIP or email, and do not reuse a password from another service.',
  },
  links: {
    to_sign_in: 'Go to sign-in',
    back_to_sign_in: 'Back to sign-in',
  },
  notices: {
    signed_out: 'You have signed out. See you soon.',
    session_expired:
      'Your session has ended, for example after a long time without activity or because you signed out on another device. Please sign in again.',
    password_reset: 'Your new password is saved. Please sign in with it.',
    signed_out_everywhere: 'You have signed out on every device.',
  },
  sign_in: {
    title: 'Sign in to Teduh',
    lead: 'Use the NIP or email address registered with your agency.',
    identifier_hint: 'An 18-digit NIP (spaces are fine) or an email address.',
    submit: 'Sign in',
    wait: 'Wait {{seconds}} s',
    forgot: 'Forgot your password?',
    no_account: 'No account yet? Accounts are created by your agency admin; you will receive an invitation by email.',
  },
  two_factor: {
    title: 'Two-step verification',
    lead_code: 'Open the authenticator app on your phone and enter the 6-digit code for Teduh.',
    lead_recovery:
      'Enter one of the recovery codes you saved when you turned on two-step verification. Each code works once.',
    code_hint: '6 digits; the code changes every 30 seconds.',
    recovery_hint: 'For example: k7m2-q9xa-4t',
    submit: 'Verify',
    use_recovery: 'Cannot open the app? Use a recovery code',
    use_code: 'Use a code from the authenticator app',
  },
  two_factor_setup: {
    title: 'Turn on two-step verification',
    lead: 'Besides your password, you will enter a code from an app on your phone each time you sign in.',
    why_title: 'Why is this needed?',
    why_required:
      "Your role lets you see other people's records or change the agency's settings. To protect employees, such roles must use two-step verification: a leaked password alone is not enough to sign in.",
    why_optional:
      'Two-step verification protects your account even if someone learns your password. It is not required for your role, but strongly recommended.',
    preparing: 'Preparing the QR code…',
    step_app: 'Get an authenticator app',
    step_app_body:
      'Install an authenticator app on your phone if you have none, such as Google Authenticator, Microsoft Authenticator or a similar app.',
    step_scan: 'Scan the QR code',
    qr_alt: 'QR code to add Teduh to your authenticator app',
    manual: 'Cannot scan? Add the account by hand with this key:',
    secret_label: 'Setup key',
    type_label: 'Type',
    type_value: 'Time-based (TOTP), 6 digits',
    step_code: 'Enter the code from the app',
    submit: 'Turn on',
    enabled: 'Two-step verification is on.',
    codes_title: 'Save your recovery codes',
    codes_lead:
      'If your phone is lost or broken, these codes are the only way to sign in without the authenticator app. Each code works once. They are shown only now.',
    saved_label: 'I have saved them',
    saved_required: 'Save the recovery codes first, then tick this box.',
    continue: 'Continue',
    already_on: 'Your two-step verification is already on.',
    to_profile: 'Manage it on your profile',
  },
  recovery: {
    list_label: 'Recovery codes',
    copy: 'Copy codes',
    download: 'Download as a file',
    copied: 'The recovery codes were copied.',
    copy_failed:
      'Could not copy automatically. Select the codes above and copy them by hand, or download them as a file.',
    file_name: 'teduh-recovery-codes.txt',
    file_title: 'Teduh recovery codes for {{name}}',
    file_note: 'Each code works once. Keep them somewhere safe and do not share them.',
  },
  invite: {
    title: 'Welcome, {{name}}',
    lead: '{{agency}} has invited you to Teduh. Choose a password to activate your account.',
    privacy:
      'Teduh helps you look after your mental health. Your self-check results and personal notes are visible to you alone; your manager and HR cannot see them.',
    two_factor_note:
      'Your role requires two-step verification. After choosing a password you will be asked to set up an authenticator app on your phone.',
    expires: 'This invitation is valid until {{when}}.',
    submit: 'Choose password and sign in',
    dead_title: 'This invitation link is not valid',
    dead_body:
      'The link has expired, was already used, or was replaced by a newer invitation. Invitation links last 7 days and work once.',
    dead_next:
      'If you have already chosen a password, please sign in. If not, ask your agency admin to send a new invitation.',
  },
  // Account recovery (docs/decisions/011-account-recovery.md): confirmation from the old email address.
  confirm_email_change: {
    title: 'Confirm the email change',
    lead: 'An admin of your agency changed the email address of your Teduh account. For 24 hours your password cannot be reset through the new address, unless you confirm the change here.',
    yes_explained: 'Press this button only if you yourself asked the admin to change your email address.',
    confirm: 'Yes, I asked for this change',
    not_me_title: 'You did not ask for it?',
    not_me_body:
      'Do not press the button above. Your password still works: sign in as usual, and contact your agency’s data-protection officer.',
    done_title: 'Email change confirmed',
    done_body: 'Thank you. Password resets now go to the new email address.',
    dead_title: 'This link no longer works',
    dead_body: 'It was used already, replaced by a newer change, or its 24 hours have passed.',
    failed: 'The confirmation was not saved. Check your connection and try again.',
  },
  reset_request: {
    title: 'Forgot your password',
    lead: 'Enter your NIP or email. If your account has an email address, we will send a link to choose a new password.',
    hint: 'Your 18-digit NIP or registered email address.',
    submit: 'Send link',
    sent_title: 'Request received',
    sent_body:
      'If that NIP or email is registered and has an email address, a link to choose a new password has been sent. The link lasts 1 hour.',
    sent_help: 'No email after a few minutes? Check your spam folder, or contact your agency admin.',
  },
  reset: {
    title: 'Choose a new password',
    lead: 'Hello {{name}}, choose a new password for your Teduh account. Afterwards you will be signed out on all other devices.',
    submit: 'Save new password',
    dead_title: 'This link is not valid',
    dead_body: 'This password reset link has expired or was already used. Links last 1 hour and work once.',
    request_new: 'Ask for a new link',
  },
};
