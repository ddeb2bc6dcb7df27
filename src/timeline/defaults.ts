/**
 * The warnings with the content schema's own tone scale and kinds per channel: what the pack, the
 * exports and the tests call. The builder page passes the same lists as build-time data to
 * warnings.ts instead (lib/timeline-page.ts), so its first paint needs no zod.
 */
import { KINDS_FOR_CHANNEL, TONES } from '../content/schema.ts';
import type { Plan } from './plan.ts';
import type { Schedule, TemplateCatalog } from './schedule.ts';
import { buildTimelineWith, warningsWith, type ContentVocabulary, type Warning } from './warnings.ts';

export const CONTENT_VOCABULARY: ContentVocabulary = Object.freeze({ tones: TONES, kindsForChannel: KINDS_FOR_CHANNEL });

/** All warnings for a schedule: by step (plan-level first), then by severity. Never throws. */
export const warningsFor = (schedule: Schedule): Warning[] => warningsWith(schedule, CONTENT_VOCABULARY);

/** Schedule and warnings in one call: what the builder shows. */
export const buildTimeline = (plan: Plan, templates?: TemplateCatalog): { schedule: Schedule; warnings: Warning[] } => buildTimelineWith(plan, templates, CONTENT_VOCABULARY);
