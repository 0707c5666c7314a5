import type { client_record as indonesian } from '../id/client-record.js';
import type { Translation } from '../shape.js';

/** Interface text: a client's record for their counsellor (docs/decisions/042-counselling-consent.md). */
export const client_record: Translation<typeof indonesian> = {
  title: "{{name}}'s record",
  back: 'Back to appointments',
  unit: 'Unit: {{unit}}',
  audited: 'Every time you open this page it is recorded, and the client can see it.',
  not_found:
    'This client was not found, or has never booked with you, shared a result with you or allowed their notes to be handed to you.',
  consents: {
    title: 'Permissions from the client',
    none: 'The client has not given you any permission.',
    until: '{{kind}} — until {{date}}',
    kinds: {
      shared_results: 'See self-check results over time',
      check_in_trends: 'See a summary of daily check-ins',
      notes_transfer: 'Hand session notes on',
    },
  },
  measures: {
    title: 'Progress (measurement-based care)',
    no_consent:
      'The progress chart appears when the client allows you to see their self-check results over time. The client can give that permission from their privacy page.',
    empty: 'The client has no {{instrument}} results yet.',
    cut_off: 'Clinical cut-off {{value}}',
    chart_label: '{{instrument}} scores over time. The table below the chart has the details.',
    table_toggle: 'Show as a table',
    caption: "The client's {{instrument}} scores, oldest first",
    columns: {
      date: 'Date',
      total: 'Score',
      band: 'Level',
      change: 'Change since the previous one',
    },
    first: 'First score',
    summary: {
      improved: 'Reliably improved: from {{from}} to {{to}} ({{delta}} points).',
      deteriorated: 'Reliably worse: from {{from}} to {{to}} (+{{delta}} points).',
      no_reliable_change: 'No reliable change yet: from {{from}} to {{to}}.',
      single: 'Only one score so far ({{total}}); change shows after the next one.',
      recovered: 'Now below the clinical cut-off.',
      threshold: 'A change counts as reliable from {{points}} points (Jacobson–Truax reliable change index).',
    },
    step: {
      improved: 'down {{delta}} points — reliable improvement',
      deteriorated: 'up {{delta}} points — reliably worse',
      no_reliable_change: '{{signed}} points — not reliable yet',
    },
    instruments: {
      phq9: 'PHQ-9 (depression)',
      gad7: 'GAD-7 (anxiety)',
    },
    bands: {
      minimal: 'minimal',
      mild: 'mild',
      moderate: 'moderate',
      moderately_severe: 'moderately severe',
      severe: 'severe',
    },
    legend_score: 'Score',
    legend_cut_off: 'Clinical cut-off',
  },
  appointments: {
    title: 'Appointments with you',
    empty: 'No appointments with this client yet.',
    caption: "The client's counselling appointments with you",
    columns: { when: 'When', mode: 'How', status: 'Status' },
  },
  shared: {
    title: 'Results shared with you',
    empty: 'The client has not shared a result with you.',
    open: 'Open {{instrument}} of {{date}}',
    total: 'Score {{total}}',
  },
  check_ins: {
    title: 'Daily check-ins per week',
    no_consent: 'The check-in summary appears when the client allows it.',
    empty: 'No check-ins in the last 12 weeks.',
    caption: "The client's average check-ins per week",
    columns: { week: 'Week starting', count: 'Check-ins', mood: 'Mood (1–5)', energy: 'Energy (1–5)' },
    none: '—',
  },
  transferred: {
    title: 'Notes from the previous counsellor',
    lead: "The client allowed their previous counsellor's session notes to be handed to you. They are read-only; each time you open them it is recorded and the client can see it.",
    from: 'From {{name}}, allowed until {{date}}',
    none: 'No notes have been handed to you. A client who moves to you from another counsellor can allow their session notes to be handed to you from their privacy page.',
    empty: 'The previous counsellor has not written a session note about this client yet.',
  },
};
