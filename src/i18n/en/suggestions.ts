import type { suggestions as indonesian } from '../id/suggestions.js';
import type { Translation } from '../shape.js';

/** UI text: the anonymous suggestion box (docs/decisions/052-suggestion-box.md). */
export const suggestions: Translation<typeof indonesian> = {
  topics: {
    workload: 'Workload',
    environment: 'Work environment',
    colleagues: 'Managers & colleagues',
    facilities: 'Facilities',
    wellbeing_services: 'Wellbeing services',
    other: 'Other',
    none: 'No topic',
  },
  box: {
    title: 'Suggestion box',
    lead: 'Make a suggestion to the agency without your name. The wellbeing team reads every suggestion and answers on the suggestion board.',
    kept_title: 'What is kept and what is not',
    kept_text: 'Only the suggestion and its topic are kept.',
    kept_no_name:
      'Your name, NIP, unit and the time you sent it are not kept with the suggestion. That is also why you cannot see, change or withdraw a suggestion once it is sent.',
    kept_release:
      'A suggestion appears only once it is released together with at least {{k}} others, dated only by the week of its release.',
    kept_reply: "The wellbeing team's reply can be read by all staff of the agency.",
    kept_names:
      'Do not write names or numbers: names of staff, NIPs, phone numbers and e-mail addresses will be masked. A story only one person could tell can still point to them.',
    kept_limit: 'Each person can send at most {{count}} suggestions a day.',
    form_title: 'Write a suggestion',
    topic: 'Topic',
    topic_none: 'Choose a topic (optional)',
    text: 'Your suggestion',
    text_hint: 'At most {{max}} characters.',
    text_required: 'Please write your suggestion first.',
    send: 'Send suggestion',
    sending: 'Sending…',
    failed:
      'Your suggestion was not sent. Check your connection and send it again; the same suggestion will not be recorded twice.',
    thanks_title: 'Thank you, your suggestion is in',
    thanks_body:
      'It waits sealed and will appear on the suggestion board at the next release, without a name or a time.',
    write_another: 'Write another suggestion',
  },
  board: {
    title: 'Suggestion board',
    lead: "Released suggestions with the wellbeing team's replies, newest first.",
    filter: 'Show topic',
    all_topics: 'All topics',
    empty_title: 'No suggestions on the board yet',
    empty_body: 'Suggestions appear once several have been gathered and released together.',
    week: 'Week of {{date}}',
    reply_label: "The wellbeing team's reply",
    no_reply: 'Not answered yet.',
    list_label: 'Suggestions',
  },
  manage: {
    title: 'Manage the suggestion box',
    lead: 'Released suggestions, newest first. Your replies can be read by all staff of the agency; replying, editing a reply and hiding a suggestion are recorded in the audit log.',
    releases_title: 'Releases',
    releases_lead:
      'Suggestions are released once a week if at least {{k}} are waiting, or at once when {{double}} are waiting. A release never holds fewer than {{k}} suggestions.',
    releases_empty: 'No releases yet.',
    release_row: 'Week of {{date}}: {{count}} suggestions',
    releasable: 'At least {{k}} suggestions are waiting and can be released now.',
    not_releasable: 'Fewer than {{k}} suggestions are waiting; they will be released once enough have gathered.',
    release_now: 'Release now',
    release_confirm_title: 'Release the waiting suggestions now?',
    release_confirm_body:
      'All waiting suggestions will be released together, shuffled, and shown on the suggestion board to all staff.',
    released: '{{count}} suggestions released.',
    hidden_badge: 'Hidden',
    hidden_reason: 'Reason: {{reason}}',
    reply: 'Reply to all staff',
    reply_save: 'Save reply',
    reply_edit: 'Edit reply',
    reply_saved: 'Reply saved and shown on the suggestion board.',
    reply_cancel: 'Cancel',
    hide: 'Hide',
    hide_title: 'Hide this suggestion from the board?',
    hide_body:
      'Hide suggestions that are abusive or that point to someone. The suggestion is kept but no longer shown to staff. Your reason is recorded in the audit log.',
    hide_reason: 'Reason',
    hide_reason_required: 'Please write the reason first.',
    hide_confirm: 'Hide',
    hidden_done: 'Suggestion hidden from the board.',
    unhide: 'Show again',
    unhide_title: 'Show this suggestion on the board again?',
    unhide_body:
      'Every employee will see it again, with the team’s reply if there is one. Make sure the reason for hiding it no longer holds.',
    unhide_confirm: 'Show again',
    unhidden_done: 'Suggestion back on the board.',
    empty_title: 'No suggestions released yet',
    empty_body: 'Suggestions appear here after the first release.',
  },
};
