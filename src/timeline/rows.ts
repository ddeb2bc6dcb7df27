/**
 * Plain data rows for the exports (CSV, ICS, …, written by src/export): one row per dated step
 * and per repeat, with the figures and warning texts already computed. No formatting of money or
 * dates here: amounts are integer cents, dates 'YYYY-MM-DD'.
 */
import type { Channel, Tone } from '../content/schema.ts';
import type { IsoDate } from '../legal/types.ts';
import { dayLabel } from './format.ts';
import type { Plan } from './plan.ts';
import type { StepStatus, TemplateCatalog } from './schedule.ts';
import { buildTimeline } from './defaults.ts';

export interface PlanRow {
  /** Position of the step in `plan.steps`. */
  readonly stepIndex: number;
  /** 0 for the step itself, 1, 2, … for a repeat of the last step. */
  readonly occurrence: number;
  /** "3", or "6.2" for the second repeat of step 6. */
  readonly number: string;
  /** 'planned' (sent), 'skipped' (before the first sending date) or 'on-hold' (open pause). */
  readonly status: StepStatus;
  /** Null while held by an open pause. */
  readonly date: IsoDate | null;
  /** Days from the due date to `date`. */
  readonly offset: number | null;
  /** "D+13"; empty while held. */
  readonly dayLabel: string;
  readonly channel: Channel;
  readonly tone: Tone;
  readonly title: string;
  /** Template id ('' when none is chosen). */
  readonly template: string;
  /** Interest accrued up to this day, in cents; null when a rate is unknown. */
  readonly interestCents: number | null;
  /** Costs that may be asked on this day (the headline figure), in cents. */
  readonly costsCents: number | null;
  /** Principal + interest + costs, in cents. */
  readonly totalCents: number | null;
  /** The "pay by" date this step gives (end of its term), if any. */
  readonly termEnd: IsoDate | null;
  /** Dutch warning texts for this step, most serious first. */
  readonly warnings: readonly string[];
}

/** One row per dated step and repeat, in list order. */
export function planRows(plan: Plan, templates?: TemplateCatalog): PlanRow[] {
  const { schedule, warnings } = buildTimeline(plan, templates);
  return schedule.steps.map((s) => ({
    stepIndex: s.stepIndex,
    occurrence: s.occurrence,
    number: s.occurrence === 0 ? String(s.stepIndex + 1) : `${s.stepIndex + 1}.${s.occurrence}`,
    status: s.status,
    date: s.date,
    offset: s.offset,
    dayLabel: s.offset === null ? '' : dayLabel(s.offset),
    channel: s.step.kanaal,
    tone: s.step.toon,
    title: s.step.titel,
    template: s.step.template,
    interestCents: s.interest?.cents ?? null,
    costsCents: s.costs?.cents ?? null,
    totalCents: s.totalCents,
    termEnd: s.term?.end ?? null,
    warnings: warnings.filter((w) => w.stepIndex === s.stepIndex && w.occurrence === s.occurrence).map((w) => w.message),
  }));
}
