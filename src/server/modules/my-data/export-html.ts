import type { i18n } from 'i18next';
import { SAFETY_PLAN_SECTIONS, isContactSection } from '../../../contracts/safety-plan.js';
import { formatClock, formatDate, formatDateTime } from '../../../i18n/format.js';
import { translatorFor } from '../../../i18n/translator.js';
import type { MyDataExport } from './export-data.js';

/** Escapes text for HTML content and attribute values. */
function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Print-friendly, self-contained styles: no fonts, images or scripts from anywhere. */
const STYLE = `
body{font:11pt/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;margin:2rem auto;max-width:52rem;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #999;padding-bottom:.25rem}
h3{font-size:1rem;margin:1rem 0 .25rem}p.lead{color:#444}table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#eee}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
.empty{color:#555;font-style:italic}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr,section.item{break-inside:avoid}}
`;

/**
 * The readable copy of "My data": one self-contained HTML document in the person's language,
 * with no scripts and styled for print, holding the same facts as the JSON copy.
 */
export function renderExportHtml(data: MyDataExport, instance: i18n): string {
  const t = translatorFor(instance, data.language);
  const k = (key: string, params?: Record<string, unknown>) => t(`my_data.export.${key}`, params);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, data.language, data.profile.timeZone) : '—');
  const none = `<p class="empty">${esc(k('none'))}</p>`;
  const table = (headers: string[], rows: unknown[][]) =>
    rows.length === 0
      ? none
      : `<table><thead><tr>${headers.map((h) => `<th scope="col">${esc(k(h))}</th>`).join('')}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
  const dl = (pairs: Array<[string, unknown]>) =>
    `<dl>${pairs.map(([label, value]) => `<dt>${esc(k(label))}</dt><dd>${esc(value ?? '—')}</dd>`).join('')}</dl>`;
  const section = (key: string, body: string) => `<section><h2>${esc(k(`sections.${key}`))}</h2>${body}</section>`;
  const p = data.profile;
  // A local day (YYYY-MM-DD) in words, the same in every zone.
  const day = (d: string | null) => (d ? formatDate(`${d}T12:00:00Z`, data.language, 'UTC') : '—');
  const clock = (hhmm: string) => formatClock(hhmm, data.language);
  const num = (n: number) => n.toLocaleString(data.language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 });

  const checkIns = table(
    ['day', 'mood', 'stress', 'energy', 'sleep', 'activity', 'workload', 'tags', 'note'],
    data.checkIns.map((c) => [
      day(c.localDate),
      t(`checkin.mood.${c.mood}`),
      c.stress === null ? '—' : t(`checkin.stress.${c.stress}`),
      c.energy === null ? '—' : t(`checkin.energy.${c.energy}`),
      [
        c.sleepMinutes === null ? null : t('checkin.sleep.hours_value', { hours: num(c.sleepMinutes / 60) }),
        c.sleepQuality === null ? null : t(`checkin.sleep.${c.sleepQuality}`),
      ]
        .filter(Boolean)
        .join(', ') || '—',
      c.activityMinutes === null ? '—' : t('checkin.activity.value', { minutes: c.activityMinutes }),
      c.workload === null ? '—' : t(`checkin.workload.${c.workload}`),
      // Our own tags in words; the person's own tags as they wrote them.
      c.tags.map((tag) => t(`checkin.tags.${tag}`, { defaultValue: tag })).join(', ') || '—',
      c.note ?? '—',
    ]),
  );

  const habits = data.selfCare.habits;
  const frequency = (h: (typeof habits)[number]) => {
    if (h.frequency === 'daily') return t('selfcare.frequency.daily');
    if (h.frequency === 'weekly') return t('selfcare.frequency.weekly', { count: h.timesPerWeek ?? 1 });
    if ((h.weekdays ?? []).join(',') === '1,2,3,4,5') return t('selfcare.frequency.workdays');
    return t('selfcare.frequency.weekdays', {
      days: (h.weekdays ?? []).map((d) => t(`selfcare.weekdays.${d}`)).join(', '),
    });
  };
  const habitItems =
    habits.length === 0
      ? none
      : habits
          .map(
            (h) =>
              `<section class="item"><h3>${esc(h.suggestion ? t(`selfcare.suggestions.${h.suggestion}`) : h.title)}</h3>${dl(
                [
                  ['area', t(`selfcare.areas.${h.area}`)],
                  ['frequency', frequency(h)],
                  ['reminder', h.reminderTime ? clock(h.reminderTime) : '—'],
                  ['since', when(h.createdAt)],
                  [
                    'ticked_days',
                    h.ticks.length === 0
                      ? k('none')
                      : `${k('ticked_count', { count: h.ticks.length })}: ${h.ticks.map(day).join(', ')}`,
                  ],
                ],
              )}</section>`,
          )
          .join('');

  const tm = data.timeManagement;
  const tasks = table(
    ['task', 'quadrant', 'due', 'done_at', 'created'],
    tm.tasks.map((x) => [
      x.title,
      t(`plan.quadrants.${x.quadrant}`),
      day(x.dueOn),
      x.doneAt ? when(x.doneAt) : k('not_done'),
      when(x.createdAt),
    ]),
  );
  const blocks = table(
    ['day', 'time', 'kind', 'what_for'],
    tm.blocks.map((b) => [day(b.day), `${clock(b.start)}–${clock(b.end)}`, t(`plan.kinds.${b.kind}`), b.title ?? '—']),
  );
  const reviews =
    tm.reviews.length === 0
      ? none
      : tm.reviews
          .map(
            (r) =>
              `<section class="item"><h3>${esc(k('week_of', { date: day(r.week) }))}</h3>${dl([
                ['review_done', r.done || '—'],
                ['review_slipped', r.slipped || '—'],
                ['review_learned', r.learned || '—'],
                ['review_top', r.top.length === 0 ? '—' : r.top.map((x, i) => `${i + 1}. ${x}`).join('  ')],
              ])}</section>`,
          )
          .join('');
  const hours = data.personalHours
    ? `<p>${esc(k('personal_hours_set', { start: clock(data.personalHours.start), end: clock(data.personalHours.end) }))}</p>`
    : `<p>${esc(k('personal_hours_none'))}</p>`;

  // Counselling appointments in words: the counsellor by name and kind, on the person's own clock.
  const endClock = (iso: string) =>
    formatClock(
      new Intl.DateTimeFormat('en-GB', {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: p.timeZone,
      }).format(new Date(iso)),
      data.language,
    );
  const appointments = table(
    ['when', 'until', 'counsellor', 'mode', 'status', 'appointment_reason'],
    data.counsellingAppointments.map((a) => [
      when(a.start),
      endClock(a.end),
      a.counsellorKind ? `${a.counsellor} (${t(`booking.kinds.${a.counsellorKind}`)})` : a.counsellor,
      t(`booking.modes.${a.mode}`),
      [
        a.cancelledBy === 'counsellor' ? t('booking.mine.cancelled_by_counsellor') : t(`booking.statuses.${a.status}`),
        a.cancelReason,
      ]
        .filter(Boolean)
        .join(': '),
      a.reason ?? '—',
    ]),
  );

  // Session notes in words (docs/decisions/041-session-notes.md); a withheld note says so, and why.
  const n = (key: string) => t(`notes.copy.${key}`);
  const sessionNotes =
    data.sessionNotes.length === 0
      ? none
      : data.sessionNotes
          .map((s) => {
            const head = `<h3>${esc(when(s.sessionAt))} — ${esc(s.counsellor)}</h3>`;
            if (s.withheld)
              return `<section class="item">${head}<p>${esc(n('withheld'))}</p><dl><dt>${esc(n('withheld_reason'))}</dt><dd>${esc(s.withheldReason ?? '—')}</dd></dl></section>`;
            const fields: Array<[string, string | null]> =
              s.format === 'soap'
                ? [
                    ['subjective', s.subjective],
                    ['objective', s.objective],
                    ['assessment', s.assessment],
                    ['plan', s.plan],
                  ]
                : [['body', s.body]];
            return `<section class="item">${head}<dl>${fields
              .map(([f, v]) => `<dt>${esc(n(f))}</dt><dd>${esc(v || '—')}</dd>`)
              .join('')}</dl></section>`;
          })
          .join('');
  // Referral letters in words: where to, who prepared it, what the letter may print, until when.
  const referrals = table(
    ['referral_to', 'prepared_by', 'status', 'referral_valid', 'referral_prints', 'referral_reason'],
    data.referrals.map((r) => [
      [t(`referrals.levels.${r.destinationLevel}`), r.destinationName].filter(Boolean).join(' — '),
      r.counsellor ?? t('referrals.mine.prepared_by_self'),
      t(`referrals.statuses.${r.status}`),
      day(r.expiresOn),
      r.approvedFields.length === 0 ? '—' : r.approvedFields.map((f) => t(`referrals.fields.${f}`)).join(', '),
      [r.reason, r.bpjsNumber, ...r.scores.map((s) => `${s.instrumentId.toUpperCase()} ${s.total ?? ''}`)]
        .filter(Boolean)
        .join(' · ') || '—',
    ]),
  );
  // Peer groups and return-to-work plans (docs/decisions/045-peer-groups-and-return-to-work.md).
  const peerGroups = table(
    ['group', 'display_name', 'joined'],
    data.peerGroupMemberships.map((m) => [m.group, m.displayName, when(m.joinedAt)]),
  );
  const returnPlans = table(
    ['counsellor', 'phased_workload', 'evaluation'],
    data.returnToWorkPlans.map((r) => [
      r.counsellor,
      [...r.periods.map((x) => `${x.from} – ${x.to}: ${x.percent}%`), `${r.fullFrom}: 100%`].join('; '),
      r.evaluation ?? '—',
    ]),
  );

  const results =
    data.assessmentResults.length === 0
      ? none
      : data.assessmentResults
          .map(
            (r) =>
              `<section class="item"><h3>${esc(r.instrument)} — ${esc(when(r.createdAt))}</h3>${dl([
                ['total', r.result.total],
                ['band', r.band ?? r.result.band],
                ['answers', r.answers.map((a) => (a === null ? '—' : a)).join(', ')],
                ['next_step', r.nextStep ? t(`assessments.steps.${r.nextStep}.title`) : '—'],
              ])}</section>`,
          )
          .join('');

  const plan = data.safetyPlan
    ? SAFETY_PLAN_SECTIONS.map((s) => {
        const entries = data.safetyPlan?.plan[s] ?? [];
        const items = isContactSection(s)
          ? (entries as Array<{ name: string; phone: string | null }>).map((c) =>
              c.phone ? `${c.name} (${c.phone})` : c.name,
            )
          : (entries as string[]);
        return `<h3>${esc(t(`safety_plan.sections.${snake(s)}.title`))}</h3>${items.length === 0 ? none : `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`}`;
      }).join('')
    : none;

  return `<!doctype html>
<html lang="${esc(data.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(k('title_full', { name: p.fullName }))}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${esc(k('title_full', { name: p.fullName }))}</h1>
<p class="lead">${esc(k('lead_doc', { when: when(data.generatedAt) }))}</p></header>
<main>
${section(
  'profile',
  dl([
    ['full_name', p.fullName],
    ['preferred_name', p.preferredName],
    ['nip', p.nip],
    ['email', p.email],
    ['phone', p.phone],
    ['position', p.position],
    ['employment_type', p.employmentType],
    ['unit', p.unit],
    ['agency', p.agency],
    ['manager', p.manager],
    ['language', p.language],
  ]),
)}
${section(
  'roles',
  table(
    ['role', 'unit', 'since'],
    data.roleGrants.map((g) => [t(`common.roles.${g.role}`), g.unit ?? k('whole_agency'), when(g.grantedAt)]),
  ),
)}
${section('results', results)}
${section(
  'drafts',
  table(
    ['instrument', 'answers', 'updated'],
    data.drafts.map((d) => [d.instrument, d.answers.map((a) => (a === null ? '—' : a)).join(', '), when(d.updatedAt)]),
  ),
)}
${section('safety_plan', plan)}
${section(
  'help_requests',
  table(
    ['created', 'status', 'contact', 'preferred_time', 'note'],
    data.helpRequests.map((h) => [
      when(h.createdAt),
      k(`help_status.${h.status}`),
      h.contact ? `${h.contactMethod ?? ''}: ${h.contact}` : '—',
      h.preferredTime ?? '—',
      h.note ?? '—',
    ]),
  ),
)}
${section(
  'shares',
  table(
    ['counsellor', 'since', 'until'],
    data.shares.map((s) => [s.counsellor, when(s.grantedAt), when(s.revokedAt)]),
  ),
)}
${section(
  'consents',
  table(
    ['purpose', 'text_version', 'since', 'withdrawn'],
    data.consents.map((c) => [
      t(`my_data.purposes.${c.purpose}.record`),
      c.textVersion,
      when(c.grantedAt),
      when(c.withdrawnAt),
    ]),
  ),
)}
${section(
  'access_log',
  table(
    ['when', 'who', 'role', 'what'],
    data.accessLog.map((e) => [
      when(e.occurredAt),
      e.by ?? '—',
      e.role ? t(`common.roles.${e.role}`) : '—',
      t(`audit.actions.${e.action}`),
    ]),
  ),
)}
${section(
  'sessions',
  table(
    ['since', 'last_seen', 'ip', 'browser'],
    data.sessions.map((s) => [when(s.createdAt), when(s.lastSeenAt), s.ipAddress ?? '—', s.browser ?? '—']),
  ),
)}
${section(
  'notifications',
  table(
    ['when', 'kind', 'held_until'],
    data.notifications.map((n) => [when(n.createdAt), n.kind, n.heldUntil ? when(n.heldUntil) : '—']),
  ),
)}
${section('check_ins', checkIns)}
${section('habits', habitItems)}
${section('tasks', tasks)}
${section('day_blocks', blocks)}
${section('reviews', reviews)}
${section('personal_hours', hours)}
${section('appointments', appointments)}
<section><h2>${esc(n('title'))}</h2><p>${esc(n('lead'))}</p>${sessionNotes}</section>
${section('referrals', referrals)}
${section('peer_groups', peerGroups)}
${section('return_plans', returnPlans)}
${section(
  'campaigns',
  table(
    ['campaign', 'invited'],
    data.campaignInvitations.map((c) => [c.campaign, when(c.invitedAt)]),
  ),
)}
${section(
  'surveys',
  table(
    ['survey', 'answered'],
    data.surveys.map((x) => [x.title, k(x.answered ? 'answered_yes' : 'answered_no')]),
  ),
)}
${section('suggestions', `<p>${esc(k('suggestions_sent_today', { count: num(data.suggestionsSentToday) }))}</p>`)}
${section(
  'activity',
  table(
    ['when', 'what'],
    data.myActivity.map((e) => [when(e.occurredAt), t(`audit.actions.${e.action}`)]),
  ),
)}
${section(
  'requests',
  table(
    ['when', 'kind', 'status'],
    data.dataRequests.map((r) => [
      when(r.createdAt),
      t(`my_data.requests.kinds.${r.kind}`),
      t(`my_data.requests.status.${r.status}`),
    ]),
  ),
)}
</main>
<footer><p class="lead">${esc(k('footer'))}</p></footer>
</body>
</html>
`;
}
