import type { safety_plan as indonesian } from '../id/safety-plan.js';
import type { Translation } from '../shape.js';

/** UI text: the personal safety plan (after the Safety Planning Intervention, Stanley & Brown 2012). */
export const safety_plan: Translation<typeof indonesian> = {
  page: {
    title: 'Safety plan',
    lead: 'Steps you prepare yourself while you feel calm, to hold on to when feelings become very heavy.',
    loading: 'Loading your safety plan…',
    only_you: 'Only you can see this plan. Managers, HR, admins and counsellors cannot open it.',
    plan_title: 'My plan',
    updated: 'Last changed {{when}}.',
    edit: 'Change plan',
    delete: 'Delete plan',
    nothing_yet: 'Not filled in yet.',
    saved: 'Your safety plan is saved.',
    deleted: 'Your safety plan has been deleted.',
    help_link: 'See help contacts',
  },
  empty: {
    title: 'You have not made a safety plan yet',
    what: 'A safety plan is a short list you write yourself: the signs that a hard time is coming, the things that calm you, the people you can contact, and your reasons to keep going. You write it while you feel calm, so that when your thoughts are in turmoil you can simply follow it step by step.',
    how: 'One or two things in each section are enough, and you can change or delete it at any time. If you like, put it together with a counsellor or someone you trust.',
    who: 'Only you can see it — not your manager, HR, admins or counsellors. It also appears on the "I need help now" screen, so it is easy to find when you need it.',
    create: 'Make a safety plan',
    source:
      'It follows the Safety Planning Intervention (Stanley & Brown, 2012), an approach widely used by mental-health professionals.',
  },
  sections: {
    warning_signs: {
      title: 'Warning signs',
      prompt: 'Which thoughts, feelings or situations tell you a hard time may be starting?',
      hint: 'For example: not sleeping for days, starting to avoid friends, feeling that nothing matters.',
      entry: 'Warning sign',
    },
    coping_strategies: {
      title: 'My own ways to cope',
      prompt: 'What can you do on your own, without contacting anyone, to take your mind off things and calm down?',
      hint: 'For example: an evening walk, a warm shower, praying, listening to a favourite song.',
      entry: 'Way to cope',
    },
    distractions: {
      title: 'People and places that distract me',
      prompt: 'Who can you be with, or where can you go, so you are not alone with your thoughts?',
      hint: 'For example: chatting with a neighbour, your usual coffee stall, the mosque or church, a relative’s house.',
      entry: 'Person or place',
    },
    helpers: {
      title: 'People I can ask for help',
      prompt: 'Who can you contact and talk to openly when things feel hard?',
      hint: 'Add their name and phone number, so you can call them straight from the help screen.',
      entry: 'Person to ask for help',
    },
    professionals: {
      title: 'Professionals and services',
      prompt: 'A psychologist, doctor, counsellor or service you can contact in a crisis.',
      hint: 'For example: the doctor at your Puskesmas, a psychologist you have seen, or your agency’s counsellor.',
      entry: 'Professional or service',
    },
    safe_environment: {
      title: 'Making my surroundings safer',
      prompt: 'What can you do to keep things or situations that could harm you out of reach?',
      hint: 'For example: asking a family member to keep your medicines, storing sharp objects elsewhere, not drinking alcohol when you feel low.',
      entry: 'Safety step',
    },
    reasons_for_living: {
      title: 'My reasons for living',
      prompt: 'Who or what matters most to you and makes life worth living?',
      hint: 'For example: your children, your parents, your faith, a dream not yet reached, the cat at home.',
      entry: 'Reason for living',
    },
  },
  editor: {
    title_new: 'Making a new plan',
    title_edit: 'Changing the plan',
    lead: 'Fill in the sections you want; it is fine to leave some empty. Empty entries are not saved.',
    entry: '{{entry}} {{n}}',
    name: 'Name',
    phone: 'Phone number',
    add: 'Add',
    add_to: 'to {{section}}',
    remove: 'Remove',
    max_reached: 'This section has {{max}} entries, the most it can hold.',
    limits: 'At most {{max}} entries per section, each at most {{length}} characters long.',
    agency_contacts_title: 'Your agency’s help contacts',
    agency_contacts_note:
      'These contacts always appear on the "I need help now" screen, so there is no need to copy them. Add professionals you know yourself here.',
    save: 'Save plan',
    cancel: 'Cancel',
    conflict_reload: 'Load the latest version',
  },
  delete: {
    title: 'Delete your safety plan?',
    body: 'Your plan will be deleted for good and cannot be brought back. You can make a new plan at any time.',
    confirm: 'Delete plan',
  },
  crisis: {
    title: 'Your safety plan',
    lead: 'What you prepared yourself for a moment like this. Open the section you need.',
    none: 'A safety plan helps you know what you can do when feelings become very heavy. You can make one at any time; only you can see it.',
    create: 'Make a safety plan',
    edit: 'Change your safety plan',
    load_failed: 'Your safety plan could not be loaded. You can still contact the help services on this page.',
    call: 'Call {{number}}',
    new_tab: '(opens in a new tab)',
  },
  self_check: {
    title: 'Safety plan',
    lead: 'Prepare, while you feel calm, what you will do and whom you will contact when feelings become very heavy. Only you can see it.',
    open: 'Open my safety plan',
  },
};
