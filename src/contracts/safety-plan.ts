import { z } from 'zod';
import { optionalPhone } from './common.js';

/**
 * A person's own safety plan (rencana keselamatan), in the seven parts of the Stanley–Brown Safety
 * Planning Intervention: Stanley B, Brown GK. Safety Planning Intervention: A Brief Intervention to
 * Mitigate Suicide Risk. Cogn Behav Pract 2012;19:256–264. Warning signs, internal coping, people
 * and places that distract, people to ask for help, professionals and services, making the
 * surroundings safe, and — the intervention's closing question — reasons for living.
 *
 * Only the person reads or writes it (docs/privacy.md §1.1): every route is `own`.
 */

/** Parts whose entries are a line of text, in the order of the plan. */
export const TEXT_SECTIONS = [
  'warningSigns',
  'copingStrategies',
  'distractions',
  'safeEnvironment',
  'reasonsForLiving',
] as const;
/** Parts whose entries are someone to call: a name and, optionally, a number. */
export const CONTACT_SECTIONS = ['helpers', 'professionals'] as const;
/** All seven parts, in the order the plan is read in a crisis (Stanley & Brown, steps 1–6, then reasons). */
export const SAFETY_PLAN_SECTIONS = [
  'warningSigns',
  'copingStrategies',
  'distractions',
  'helpers',
  'professionals',
  'safeEnvironment',
  'reasonsForLiving',
] as const;

export type TextSection = (typeof TEXT_SECTIONS)[number];
export type ContactSection = (typeof CONTACT_SECTIONS)[number];
export type SafetyPlanSection = (typeof SAFETY_PLAN_SECTIONS)[number];

/** A short list is the point: the plan must be readable at a glance in a bad moment. */
export const MAX_ENTRIES = 8;
export const MAX_TEXT = 300;
export const MAX_NAME = 100;

export function isContactSection(section: SafetyPlanSection): section is ContactSection {
  return (CONTACT_SECTIONS as readonly string[]).includes(section);
}

const textEntry = z.string().trim().min(1, 'required').max(MAX_TEXT);
const contactEntry = z.object({
  name: z.string().trim().min(1, 'required').max(MAX_NAME),
  phone: optionalPhone,
});
const textList = z.array(textEntry).max(MAX_ENTRIES, 'safety_plan.too_many_entries').default([]);
const contactList = z.array(contactEntry).max(MAX_ENTRIES, 'safety_plan.too_many_entries').default([]);

/** What the person writes. A section left out is an empty section; a plan with no entry at all is refused. */
export const safetyPlanContent = z
  .object({
    warningSigns: textList,
    copingStrategies: textList,
    distractions: textList,
    helpers: contactList,
    professionals: contactList,
    safeEnvironment: textList,
    reasonsForLiving: textList,
  })
  .refine((plan) => SAFETY_PLAN_SECTIONS.some((s) => plan[s].length > 0), { message: 'safety_plan.empty' });
export type SafetyPlanContent = z.infer<typeof safetyPlanContent>;
export type SafetyPlanContact = SafetyPlanContent['helpers'][number];

/** A plan with every section empty: where a new plan starts. */
export const EMPTY_SAFETY_PLAN: SafetyPlanContent = {
  warningSigns: [],
  copingStrategies: [],
  distractions: [],
  helpers: [],
  professionals: [],
  safeEnvironment: [],
  reasonsForLiving: [],
};

/**
 * PUT: the whole plan replaces the stored one. `version` is the version the edit started from
 * (null for a new plan): an edit made from an older version is refused with 409, so a save on one
 * device never silently overwrites a save on another.
 */
export const safetyPlanBody = z.object({
  version: z.number().int().min(1).nullable(),
  plan: safetyPlanContent,
});
export type SafetyPlanBody = z.infer<typeof safetyPlanBody>;

export const safetyPlanView = z.object({
  version: z.number().int(),
  plan: z.object({
    warningSigns: z.array(z.string()),
    copingStrategies: z.array(z.string()),
    distractions: z.array(z.string()),
    helpers: z.array(z.object({ name: z.string(), phone: z.string().nullable() })),
    professionals: z.array(z.object({ name: z.string(), phone: z.string().nullable() })),
    safeEnvironment: z.array(z.string()),
    reasonsForLiving: z.array(z.string()),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SafetyPlanView = z.infer<typeof safetyPlanView>;
