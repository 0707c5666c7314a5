import type { insights as id } from '../../id/checkin/insights.js';
import type { Translation } from '../../shape.js';

/** Trends and patterns from daily check-ins (docs/decisions/036-insights.md): for their owner only. */
export const insights: Translation<typeof id> = {
  page: {
    /** The link from the check-in page (and the home's check-in card). */
    link: 'See the trends and patterns in your check-ins',
    title: 'Trends and patterns',
    lead: 'A picture of how you have been, from your daily check-ins: the ups and downs, the habits around them, and what may go together.',
    only_you: 'Only you can see this page. Nothing is stored or shared: it is all worked out when you open it.',
    back: 'Back to daily check-in',
    loading: 'Loading your trends…',
    period_label: 'Period',
    period_7: '7 days',
    period_30: '30 days',
    period_90: '90 days',
    period_365: '1 year',
    empty_title: 'No check-ins in this period yet',
    empty_body:
      'Your trends appear once you check in. It takes a few seconds a day — and missing a day is perfectly fine.',
    empty_action: 'Check in today',
    empty_longer: 'Try a longer period to see your earlier check-ins.',
  },
  streak: {
    heading: 'Your check-in habit',
    current_label: 'Current run',
    longest_label: 'Longest this year',
    days_label: 'Days checked in',
    days_value: '{{count}} of {{total}} days',
    day_one: '{{count}} day',
    day_other: '{{count}} days',
    none_yet: 'Start again any time',
    gentle: 'What matters is not an unbroken run but the habit of noticing how you are. A missed day is not a failure.',
  },
  averages: {
    heading: 'Averages',
    caption: 'Averages of this period compared with the period before',
    measure: 'Measure',
    this_period: 'This period',
    previous_period: 'Before',
    previous_range: '{{from}} – {{to}}',
    none: '–',
    heavy_days: 'Days the workload felt too heavy',
    heavy_value: '{{count}} days',
    no_previous: 'There are no check-ins in the period before to compare with.',
  },
  measure: {
    mood: 'Mood',
    stress: 'Stress',
    energy: 'Energy',
    sleep: 'Sleep',
    activity: 'Physical activity',
    workload: 'Workload',
    scale_value: '{{value}} of 5',
    sleep_value: '{{hours}} h',
    activity_value: '{{minutes}} min',
  },
  chart: {
    moods_title: 'Mood, stress and energy',
    moods_summary:
      'Average mood {{mood}}, stress {{stress}}, energy {{energy}} (scale 1–5), from {{days}} days with a check-in.',
    sleep_title: 'Sleep',
    sleep_summary: 'On average {{hours}} hours a night, from {{days}} days that recorded sleep.',
    activity_title: 'Physical activity',
    activity_summary: 'On average {{minutes}} minutes a day, from {{days}} days that recorded activity.',
    workload_title: 'Workload',
    workload_summary: 'Too light on {{light}} days, about right on {{right}} days, too heavy on {{heavy}} days.',
    no_data: 'No data for this chart in this period yet.',
    axis_scale: 'Scale 1–5',
    axis_hours: 'Hours',
    axis_minutes: 'Minutes',
    workload_none: 'Not recorded',
    table_toggle: 'Show the data as a table',
    table_caption: 'Daily check-ins, {{from}} to {{to}}',
    table_date: 'Date',
    table_empty: 'No check-in',
  },
  patterns: {
    heading: 'Patterns',
    intro:
      'These only describe what you recorded — not a diagnosis, and not cause and effect. Each pattern says how many days it rests on.',
    need_more: 'Patterns appear once this period has at least {{min}} check-ins. It has {{count}} so far.',
    none: 'No clear pattern shows in this period yet. That is normal — patterns take time to appear.',
    sleep_mood:
      'On days after less than 6 hours of sleep, your mood was on average {{group}}, compared with {{rest}} on other days.',
    workload_mood:
      'On days when the workload felt too heavy, your mood was on average {{group}}, compared with {{rest}} on other days.',
    workload_stress:
      'On days when the workload felt too heavy, your stress was on average {{group}}, compared with {{rest}} on other days.',
    activity_mood:
      'On days with less than 30 minutes of physical activity, your mood was on average {{group}}, compared with {{rest}} on more active days.',
    tag_mood: 'On days tagged “{{tag}}”, your mood was on average {{group}}, compared with {{rest}} on other days.',
    weekday_mood: 'On {{weekday}}s, your mood was on average {{group}}, compared with {{rest}} on other days.',
    based_on: 'From {{days}} days ({{group}} and {{rest}} days).',
  },
  nudge: {
    heading: 'For you',
    very_low_mood_title: 'This week seems to be a hard one',
    very_low_mood_body:
      'In the last {{windowDays}} days, {{matching}} of your {{days}} check-ins had a very low mood. You do not have to carry this alone. Talking to someone can help, and help is there at any time.',
    low_mood_title: 'The last two weeks seem to have been hard',
    low_mood_body:
      'In the last {{windowDays}} days, {{matching}} of your {{days}} check-ins had a low mood. This may be a good moment to look a little deeper, or to talk with someone you trust.',
    heavy_workload_title: 'Work has been feeling heavy',
    heavy_workload_body:
      'In the last {{windowDays}} days, {{matching}} of {{days}} days felt too heavy, with high stress. Re-planning the week and giving yourself small breaks can lighten the load.',
    private: 'This suggestion is for you only. It is not stored and not sent to anyone.',
    step_help_contacts: 'Help contacts, at any time',
    step_self_check_phq9: 'Mood self-check (PHQ-9)',
    step_talk_to_someone: 'Talk to someone',
    step_plan_week: 'Plan the week in Plan my time',
    step_breathing: 'Box breathing exercise',
    articles: 'Reading that may help',
    article_link: 'Read: {{title}}',
  },
  article: {
    'recognising-strain-in-yourself': 'Recognising strain in yourself',
    'getting-help': 'How to get help',
    'time-and-boundaries': 'Managing time and keeping work boundaries',
    'self-care-basics': 'Self-care basics',
  },
  export: {
    heading: 'Download your check-ins',
    body: 'Holds all your daily check-ins, including your private notes and tags, unencrypted. Keep the file somewhere safe.',
    csv: 'Download CSV',
    json: 'Download JSON',
  },
};
