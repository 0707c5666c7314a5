import type { assessments as indonesian } from '../id/assessments.js';
import type { Translation } from '../shape.js';

/** UI text: self-check (screening questionnaires), results, next steps, history and sharing. */
export const assessments: Translation<typeof indonesian> = {
  groups: {
    depression: 'Mood and depression',
    anxiety: 'Anxiety',
    wellbeing: 'Well-being',
    distress: 'Psychological distress',
    stress: 'Stress',
    burnout: 'Burnout',
  },
  list: {
    title: 'Self-check',
    lead: 'Short, well-tested questionnaires that help you understand how you are doing. Only you can see the results.',
    length: '± {{minutes}} min · {{items}} questions',
    start: 'Start',
    history: 'Past results',
    invitations_title: 'Invitations from your agency',
    invitations_lead:
      'Taking part is voluntary. Your result stays yours; the agency only receives how many took part and combined figures for groups large enough.',
    closes: 'Open until {{date}}',
    completed: 'Done',
    take: 'Take the {{name}}',
    drafts_title: 'Not finished yet',
    draft_progress: '{{answered}} of {{total}} questions answered · saved {{when}}',
    resume: 'Continue',
    saved_notice: 'Your {{name}} answers are saved. You can continue at any time, on any device.',
    privacy_link: 'My data and who has seen it',
    start_here: 'Start here',
    start_here_hint: 'The ones marked "Start here" are just two questions, about a minute.',
    take_again: 'Take again',
    never_taken: 'Not taken yet',
    last_taken: 'Last taken {{date}}',
    last_result: 'Last result: {{band}}',
  },
  intro: {
    loading_title: 'Self-check',
    length: 'Time needed',
    length_value: 'About {{minutes}} minutes, {{items}} questions',
    recall: 'It asks about',
    recall_none: 'How things have been for you lately',
    who_sees: 'Who sees the result',
    only_you: 'Only you can see the result.',
    crisis_item_note:
      'One question asks whether you have thought about ending your life or hurting yourself. Please answer honestly. If your answer is "yes", we show you at once the help contacts you can reach.',
    indicative_note:
      'This questionnaire has no standard clinical cut-offs. The low, moderate and high groups are only a rough indication.',
    about_title: 'About this questionnaire (source and translation)',
    wording: 'Indonesian wording',
    wording_published: 'Published version',
    wording_translation: 'Careful translation',
    wording_published_line: 'The Indonesian wording of this questionnaire comes from a published, tested version.',
    wording_translation_line:
      'No Indonesian version has been published; this wording is a careful translation by the Teduh team.',
    source: 'Source',
    scoring: 'How it is scored',
    licence: 'Licence',
    campaign_title: 'Part of the invitation "{{title}}"',
    campaign_body:
      'The agency only learns that you took part and receives combined figures; your answers and result stay yours alone.',
    draft_found: 'You have answered {{answered}} of {{total}} questions (saved {{when}}).',
    start: 'Agree and start',
    resume: 'Agree and continue',
    restart: 'Start again',
    restart_confirm_title: 'Start again?',
    restart_confirm_body:
      'The saved answers for this questionnaire will be deleted, and you start again from the first question.',
  },
  consent: {
    title: 'Before you start',
    agree: 'I have read the above and agree to fill in this questionnaire.',
    agree_required: 'Tick this box to start. You can still stop at any time.',
    self_assessment: {
      private:
        'Your answers and result are stored securely in Teduh and only you can see them. Managers, HR and admins cannot see them.',
      not_diagnosis:
        'This is a screening questionnaire, not an examination by a doctor or psychologist. The result is not a diagnosis.',
      voluntary: 'Filling it in is voluntary. You can stop at any time, and delete your result at any time.',
      crisis:
        'If your answers suggest you may be thinking about ending your life, we show you help contacts and offer to have your agency’s duty counsellor contact you. The counsellor is told only if you ask for it yourself.',
      campaign:
        'If you take it as part of an agency invitation, the agency only receives how many took part and combined figures for groups large enough that nobody can be recognised.',
    },
    self_assessment_outreach: {
      crisis:
        'Your agency has turned on disclosed safety outreach: if you answer that you are thinking about ending your life or hurting yourself, the agency’s duty counsellor will be told so they can contact you, even if you do not ask. Managers and HR are never told.',
    },
    share_result: {
      what: 'The counsellor you choose can read this result and your answer to each question.',
      reads:
        'Every time the counsellor opens it, this is recorded and you can see it on the "Who has seen my data" page.',
      revoke: 'You can stop sharing at any time; from then on the counsellor cannot open it.',
      nobody_else: 'This result is not shared with anyone but the counsellor you choose.',
    },
  },
  form: {
    counter: 'Question {{n}} of {{total}}',
    progress: 'Progress',
    serves_public: 'Do you serve members of the public directly in your work?',
    serves_public_hint:
      'For example at a service counter, a health centre, a school or on field visits. If yes, there are a few more questions about that work.',
    yes: 'Yes',
    no: 'No',
    answer_required: 'Choose an answer to continue.',
    back: 'Previous',
    next: 'Next',
    finish: 'Finish',
    save_later: 'Save and continue later',
    autosave_note: 'Your answers are saved automatically.',
    saving: 'Saving…',
    saved: 'Saved automatically {{time}}.',
    save_failed:
      'Your latest answer is not saved on the server yet ({{reason}}). Your answers are still on this page and saving will be tried again.',
    sending: 'Sending your answers…',
    send_failed_title: 'Your answers have not been sent yet',
    send_failed_safe: 'Nothing is lost. Try sending again; the same answers will never be stored twice.',
    back_to_questions: 'Back to the questions',
  },
  crisis: {
    during_title: 'You are not alone',
    end_title: 'Before you see your result',
    lead: 'Your answer suggests you may be thinking about ending your life or hurting yourself. Feelings like this can be very heavy, and there are people ready to help you now.',
    danger: 'If you are in danger right now, call 112 or 119, or go to the nearest hospital emergency department.',
    contacts_label: 'Help contacts you can reach now',
    continue_form: 'Continue the questionnaire',
    continue_note:
      'You can continue the questionnaire. At the end, you can ask your agency’s duty counsellor to contact you.',
    contact_now: 'Ask to be contacted now',
    contact_now_title: 'Ask a counsellor to contact you',
    ask_title: 'Would you like your agency’s duty counsellor to contact you?',
    ask_body:
      'The counsellor will contact you the way you choose. The request is stored together with your result and only duty counsellors receive it.',
    contact_me: 'Yes, contact me',
    without_contact: 'Continue without being contacted',
    send_and_see: 'Send and see my result',
    back_to_choice: 'Back',
    already_requested:
      'You have already asked a duty counsellor to contact you. They will reach you as soon as they can.',
    no_counsellors:
      'Your agency has no duty counsellor in Teduh yet. The services above are ready to help whenever you need them.',
    see_result: 'See my result',
    outreach_note:
      'As your agency’s setting says, which you read before starting, the duty counsellor will be told of this answer so they can contact you. Managers and HR are not told.',
  },
  result: {
    loading: 'Loading the result…',
    eyebrow: '{{name}} · {{date}}',
    band_line: 'Result group: {{band}}',
    not_diagnosis_title: 'This is a screening result, not a diagnosis',
    not_diagnosis_body:
      'The questionnaire helps recognise symptoms, but it does not replace an examination by a doctor or psychologist. Only a health professional can make a diagnosis.',
    contact_received_title: 'We have received your request to be contacted',
    contact_received_body:
      'Your agency’s duty counsellor will contact you as soon as they can, the way you chose. If things feel worse before then, call 112 or 119.',
    contact_requested_note: 'With this result, you asked a duty counsellor to contact you.',
    crisis_title: 'Thoughts of ending your life deserve to be taken seriously',
    crisis_body:
      'You do not have to face them alone. Help contacts are always there behind the "I need help now" button at the top of every page.',
    crisis_link: 'Open help contacts',
    score_title: 'Your score',
    score_of: 'Score {{total}} (range {{min}}–{{max}})',
    score: 'Score {{total}}',
    percent: '— {{percent}}%',
    who5_note:
      'On this questionnaire a higher score means better well-being. A change of 10 percentage points or more counts as meaningful.',
    pss_note:
      'An indication only: the Perceived Stress Scale has no official clinical cut-offs. The low (0–13), moderate (14–26) and high (27–40) groups come from the literature and are not a standard norm.',
    k10_abs: 'By the population survey grouping (ABS): {{band}} psychological distress.',
    incomplete: 'The score cannot be calculated because some questions were not answered.',
    cbi_score: '{{score}} of 100',
    cbi_band: '{{band}} (four-level scale: {{band4}})',
    cbi_not_asked: 'Not asked (you do not serve the public directly)',
    cbi_too_few: 'Not calculated: fewer than 3 questions answered',
    cbi_note: 'Each part is scored 0–100; 50 or more means high burnout. There is no total score.',
    urgent_title: 'Please see a health professional soon',
    urgent_body:
      'Your score is high. Talk with a doctor, psychologist or counsellor in the next few days — you do not need to wait until things get worse.',
    follow_up_title: 'The next step we suggest',
    follow_up_body: 'For a fuller picture, please also take the {{name}}.',
    follow_up_link: 'Take the {{name}}',
    next_step_title: 'Next steps',
    next_step_lead:
      'There are several ways to get support, from looking after yourself to urgent help. The step that fits your result best is marked.',
    next_step_none:
      'Because not every question was answered, we cannot suggest one step. These are the paths open to you.',
    history_link: '{{name}} history',
    back_to_list: 'Back to Self-check',
    not_found_title: 'Result not found',
    not_found_lead: 'This result does not exist or has been deleted.',
  },
  cbi: {
    subscales: {
      personal: 'Personal burnout',
      work: 'Work-related burnout',
      client: 'Burnout from serving the public',
    },
    band4: {
      low: 'low',
      moderate: 'moderate',
      high: 'high',
      severe: 'very high',
    },
  },
  steps: {
    current: 'Suggested for you',
    more: 'More',
    help_contacts: 'Help contacts',
    next: 'If things do not improve',
    actions_label: 'What you can do now',
    ask_counsellor: 'Ask a counsellor to contact me',
    safety_plan: 'Write a safety plan',
    call_112: 'Call 112',
    call_119: 'Call 119',
    self_care: {
      title: 'Look after yourself',
      summary: 'Keep the habits that help: enough sleep, moving, regular meals, and time with people close to you.',
      d1: 'Try to sleep and wake at roughly the same time every day.',
      d2: 'Move for 20–30 minutes on most days, for example a walk.',
      d3: 'Take breaks during work, and avoid working outside working hours where you can.',
      d4: 'Take this self-check again in 2–4 weeks to see how things change.',
    },
    talk: {
      title: 'Talk to someone',
      summary: 'Tell someone you trust what you are going through: a colleague, family, your manager, or a counsellor.',
      d1: 'A colleague or friend you trust can be the first person to talk to.',
      d2: 'If workload plays a part, you can talk about it with your manager. You do not need to mention this self-check.',
      d3: 'The agency’s counsellor or the employee assistance programme (EAP) keeps what you say confidential.',
      d4: 'If you like, you can share this result with a counsellor from this page.',
    },
    primary_care: {
      title: 'See the Puskesmas or a clinic',
      summary:
        'Go to the primary care facility (FKTP) you are registered with under BPJS Kesehatan: a Puskesmas, a primary clinic or a family doctor.',
      d1: 'Bring your BPJS Kesehatan card or ID card. If you like, bring this result too (download it with "Download for a health facility" on the history page).',
      d2: 'The doctor or psychologist at the Puskesmas can treat you, or refer you to a hospital when needed.',
      d3: 'Care at the FKTP you are registered with is covered by BPJS Kesehatan while your membership is active.',
    },
    specialist: {
      title: 'A psychologist or psychiatrist by referral',
      summary:
        'For a closer look, your FKTP refers you to a clinical psychologist or psychiatrist at a hospital (FKRTL), covered by BPJS Kesehatan.',
      d1: 'Start at the FKTP you are registered with; the doctor there writes a referral letter to a hospital (FKRTL).',
      d2: 'A referral letter usually lasts about three months. For follow-up visits after that, ask for a new referral before it runs out.',
      d3: 'At the hospital, bring the referral letter and your BPJS Kesehatan card to the psychiatry or psychology clinic’s registration.',
      d4: 'You can also see a psychologist or psychiatrist in private practice directly, at your own cost.',
    },
    urgent: {
      title: 'Get help soon',
      summary:
        'See a health professional as soon as you can, today or in the next few days. If you do not feel safe, call 112 or 119, or go to the nearest hospital emergency department.',
      d1: 'Hospital emergency departments (IGD) treat emergencies, a mental-health crisis included, 24 hours a day. In an emergency, BPJS Kesehatan needs no referral letter.',
      d2: 'Contact your agency’s duty counsellor or another service in the help contacts.',
      d3: 'Do not face it alone: ask someone you trust to stay with you.',
    },
  },
  share: {
    title: 'Share with a counsellor',
    lead: 'If you are talking, or about to talk, with an agency counsellor, you can share this result so the conversation is easier to start.',
    active_label: 'Shared with',
    shared_with: 'Shared with {{name}} since {{date}}',
    form_label: 'Share this result',
    counsellor: 'Counsellor',
    agree: 'I agree to share this result with the counsellor I chose.',
    choose_required: 'Choose a counsellor.',
    agree_required: 'Tick the consent box to share.',
    submit: 'Share this result',
    shared: 'This result is now shared with {{name}}.',
    no_counsellors: 'Your agency has no counsellors in Teduh yet.',
    revoke: 'Stop sharing',
    revoke_title: 'Stop sharing with {{name}}?',
    revoke_body:
      'This counsellor will no longer be able to open this result. Earlier reads stay recorded in your access history.',
    revoked: 'This result is no longer shared.',
    past_title: 'Shared before',
    revoked_line: '{{name}}: {{from}} to {{to}}',
    open_form: 'Choose a counsellor to share with',
  },
  delete: {
    title: 'Delete this result',
    lead: 'You can delete this result at any time. If it is shared, the counsellor will no longer be able to open it either.',
    button: 'Delete result',
    confirm_title: 'Delete this result?',
    confirm_body:
      'This result and its answers will be deleted for good and cannot be brought back. Your consent records are kept as proof.',
  },
  history: {
    title: '{{name}} history',
    lead: 'Your results over time, newest first. Only you can see them.',
    deleted: 'The result has been deleted.',
    empty: 'No results for this questionnaire yet.',
    start: 'Take the {{name}}',
    export: 'Download for a health facility',
    export_note:
      'Downloads all your results in one file that the systems of a puskesmas, clinic or hospital can read. The file uses FHIR, the health-data exchange standard SATUSEHAT also uses.',
    trend_title: 'Score over time',
    trend_note: 'The coloured areas show the result groups. The full figures are in the table below.',
    legend: 'Lines:',
    total: 'Score',
    summary_head: '{{name}} score chart: {{count}} results from {{from}} to {{to}}.',
    summary_series: '{{series}} latest {{latest}}{{change}}.',
    up: ', up from the one before',
    down: ', down from the one before',
    same: ', the same as the one before',
    results_title: 'All results',
    table_caption: '{{name}} results, newest first',
    columns: {
      date: 'Date',
      score: 'Score',
      band: 'Result group',
    },
  },
};
