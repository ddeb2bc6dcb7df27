/**
 * From a plan to dated steps: calendar dates (pauses, minimum gap, working days), the term each
 * step gives, the term still running on its day, and the interest and costs that apply then.
 * All legal figures come from src/legal; this file only decides which rule applies to which step.
 *
 * How a date is made, per step (and per repeat of the last step):
 * 1. planned date: due date + offset, or the previous step's real date + offset ('vorige');
 *    a repeat: the previous occurrence + `everyDays`.
 * 2. pauses: a pause that starts on or before the date (and after the previous step, for a
 *    relative step or a repeat) moves it `until − from` days later; an open pause holds it.
 * 3. working days (optional): to the next day that is not a weekend day or public holiday.
 *    Steps 2 and 3 repeat until stable, so a step never lands in a pause or on a holiday.
 * 4. minimum gap (when enforced): not earlier than the previous contact + `minGapDays`.
 * A step dated before `firstSendDate` is skipped: it is shown, but not sent and not counted.
 *
 * Terms (the days the customer gets to pay after a written step after the due date), counted from
 * delivery as the legal module does it (BE: day after an e-mail, third working day after a letter;
 * NL: day after receipt) and ending on a working day:
 * - `custom`: the step's own `termDays`;
 * - `statutory`: 14 days for a consumer: BE, the first written reminder after the due date (Boek
 *   XIX waiting period); NL, a veertiendagenbrief, read from its text (fourteenDayLetterBasis), or
 *   the first written reminder when it is the user's own text, which we assume to be one;
 * - `notice`: a formal notice (registered letter or purpose 'ingebrekestelling') gets
 *   `settings.noticeTermDays`;
 * - `until-next-step`: any other written reminder runs until the day before the next step. That is
 *   a suggestion for the "pay by" date in the letter, never a conflict;
 * - `last-step`: the last written step, with no step after it, gets 14 days, so its letter still
 *   names a "pay by" date.
 */
import type { LegalCase } from '../jurisdiction/ids.ts';
import { candidatesFor } from '../model/variants.ts';
import type { Channel, Purpose, TemplateKind } from '../content/schema.ts';
// The legal modules themselves, not their index: it also brings explain.ts, which the page does not show.
import { workingDayOnOrAfter } from '../legal/calendar.ts';
import { applicableCosts, type CostItem } from '../legal/costs.ts';
import { addDays, daysBetween } from '../legal/dates.ts';
import { computeInterest, interestKindsFor, interestStartDate, type InterestKind } from '../legal/interest.ts';
import { deliveryDate, earliestNextStep, type Channel as LegalChannel } from '../legal/terms.ts';
import type { IsoDate, LegalNote } from '../legal/types.ts';
import type { TemplateDoc } from '../model/types.ts';
import { nonWorkingReason } from './format.ts';
import { DEFAULT_TERM_DAYS, nominalOffsets, type Plan, type PlanStep } from './plan.ts';
import { statesFourteenDayTerms } from './veertiendagenbrief.ts';

// ---------------------------------------------------------------- templates

/** What the timeline needs to know about a template. */
export interface TemplateInfo {
  readonly id: string;
  readonly purpose: Purpose;
  /** The template asks for interest and compensation (a `paymentDetails` block `withCosts`). */
  readonly claimsCosts: boolean;
  /** Its text for a Dutch consumer can be the veertiendagenbrief (`statesFourteenDayTerms`). */
  readonly fourteenDayLetter: boolean;
  readonly kind: TemplateKind;
}

export type TemplateCatalog = readonly TemplateInfo[] | ReadonlyMap<string, TemplateInfo>;

/** The descriptor of a parsed template. */
export function describeTemplate(doc: TemplateDoc): TemplateInfo {
  return {
    id: doc.id,
    purpose: doc.purpose,
    kind: doc.kind,
    claimsCosts: doc.blocks.some((b) => b.type === 'paymentDetails' && b.withCosts),
    fourteenDayLetter: statesFourteenDayTerms(doc),
  };
}

/**
 * The catalog as one legal case sees it: each base id (what a step names) described by its
 * variant for that case. Base templates without a text for the case are left out, so a step using
 * one shows "sjabloon-ontbreekt".
 */
export function caseCatalog(templates: readonly TemplateDoc[], legalCase: LegalCase): TemplateInfo[] {
  return templates
    .filter((t) => !t.variantOf)
    .flatMap((base) => {
      const found = candidatesFor(templates, base.id, legalCase);
      return found.length === 1 ? [{ ...describeTemplate(found[0]!), id: base.id }] : [];
    });
}

function catalogMap(catalog: TemplateCatalog | undefined): ReadonlyMap<string, TemplateInfo> | null {
  if (catalog === undefined) return null;
  if (catalog instanceof Map) return catalog;
  return new Map((catalog as readonly TemplateInfo[]).map((t) => [t.id, t]));
}

// ---------------------------------------------------------------- result types

export type StepStatus = 'planned' | 'skipped' | 'on-hold';
export type TermOrigin = 'custom' | 'statutory' | 'notice' | 'until-next-step' | 'last-step';

export interface StepTerm {
  readonly origin: TermOrigin;
  /** Calendar days, counted from `start`. */
  readonly days: number;
  /** Day 1 of the term: the delivery day as the law counts it. */
  readonly start: IsoDate;
  /** Last day the customer can pay within the term: the "uiterlijk op" date for the message. */
  readonly end: IsoDate;
  /** First day a next step (escalation, costs) may come. */
  readonly earliestNextStep: IsoDate;
  /** Assumptions behind these dates (legal module), in Dutch. */
  readonly notes: readonly LegalNote[];
}

/** A term of an earlier step that has not ended on this step's day. */
export interface RunningTerm {
  readonly stepIndex: number;
  readonly occurrence: number;
  readonly term: StepTerm;
}

export interface StepInterest {
  readonly kind: InterestKind;
  readonly label: string;
  /** First day of interest (day after the due date). */
  readonly from: IsoDate;
  /** Days of interest up to and including the step's day (0 on or before the due date). */
  readonly days: number;
  /** null when a rate is not known for part of the period. */
  readonly cents: number | null;
  readonly knownCents: number;
  readonly notes: readonly LegalNote[];
}

export interface StepCost extends CostItem {
  /** The cost may be asked on this step's day. */
  readonly due: boolean;
  /** First day it may be asked, when that is one day for the whole plan. */
  readonly dueFrom: IsoDate | null;
  /** Counted in `StepCosts.cents` (the others are shown for information). */
  readonly headline: boolean;
}

export interface StepCosts {
  readonly items: readonly StepCost[];
  /** Sum of the headline costs due on this day; null when one of them has no known amount. */
  readonly cents: number | null;
}

export interface ScheduledStep {
  /** Position of the step in `plan.steps`. */
  readonly stepIndex: number;
  /** 0 for the step itself; 1, 2, … for repeats of the last step. */
  readonly occurrence: number;
  readonly step: PlanStep;
  /** The template's descriptor, when a catalog was given and knows it. */
  readonly template: TemplateInfo | null;
  /** Offset from the due date, adding up relative steps, ignoring pauses and working days. */
  readonly nominalOffset: number;
  /** Date before pauses, gap and working days; null when a relative step follows a held step. */
  readonly plannedDate: IsoDate | null;
  /** The real date; null while held by an open pause. */
  readonly date: IsoDate | null;
  /** Days from the due date to `date`. */
  readonly offset: number | null;
  readonly status: StepStatus;
  /** Days added by pauses. */
  readonly pausedDays: number;
  /** Days the minimum gap moved the step (including a pause or weekend it then ran into). */
  readonly gapDays: number;
  /** The day it would have fallen on and why it moved (weekend, holiday), for the last such move. */
  readonly movedOffDay: { readonly from: IsoDate; readonly reason: string } | null;
  /** The first written reminder after the due date that is actually sent. */
  readonly isFirstReminder: boolean;
  readonly term: StepTerm | null;
  readonly runningTerm: RunningTerm | null;
  readonly interest: StepInterest | null;
  readonly costs: StepCosts | null;
  /** Principal + interest + headline costs; null if one of them is unknown. */
  readonly totalCents: number | null;
}

export interface Schedule {
  readonly plan: Plan;
  readonly steps: readonly ScheduledStep[];
  /** The template catalog it was computed with, or null. */
  readonly templates: ReadonlyMap<string, TemplateInfo> | null;
}

// ---------------------------------------------------------------- helpers shared with the warnings

const WRITTEN: ReadonlySet<Channel> = new Set<Channel>(['email', 'brief', 'aangetekende-brief']);

/** Email and (registered) letters: a durable medium that can carry a term. */
export const isWritten = (channel: Channel): boolean => WRITTEN.has(channel);

/** The delivery rule that applies to a written channel. */
export function legalChannel(channel: Channel): LegalChannel | null {
  if (channel === 'email') return 'email';
  if (channel === 'brief') return 'letter';
  if (channel === 'aangetekende-brief') return 'registered-letter';
  return null;
}

/** A registered letter, or a template whose purpose is a formal notice. */
export function isFormalNotice(s: Pick<ScheduledStep, 'step' | 'template'>): boolean {
  return s.step.kanaal === 'aangetekende-brief' || s.template?.purpose === 'ingebrekestelling';
}

/** Sent steps in the order they go out (date, then list order). */
export function sentInOrder(steps: readonly ScheduledStep[]): ScheduledStep[] {
  return steps
    .filter((s) => s.status === 'planned')
    .sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : a.stepIndex - b.stepIndex || a.occurrence - b.occurrence));
}

/**
 * Why a step counts as a veertiendagenbrief: 'template' when its template is one of ours whose
 * text states the exact collection costs and the pay-by date 14 days after receipt; 'assumed' for
 * a user's own text (no template chosen, or an id the catalog does not know), which we cannot read.
 */
export type FourteenDayLetterBasis = 'template' | 'assumed';

/**
 * NL consumer: can this step serve as the veertiendagenbrief? Only a written step, sent after the
 * due date, that gives no explicit term shorter than 14 days; of our templates only those whose
 * text says so. null when it cannot.
 */
export const fourteenDayLetterBasis =
  (dueDate: IsoDate) =>
  (s: ScheduledStep): FourteenDayLetterBasis | null => {
    if (s.status !== 'planned' || !isWritten(s.step.kanaal) || s.date! <= dueDate) return null;
    if (s.step.termDays !== undefined && s.step.termDays < DEFAULT_TERM_DAYS) return null;
    if (s.template) return s.template.fourteenDayLetter ? 'template' : null;
    return 'assumed';
  };

/** The statutory 14-day term started by a written step (BE Boek XIX, NL veertiendagenbrief). */
export function statutoryTerm(s: ScheduledStep, plan: Plan): StepTerm | null {
  const channel = legalChannel(s.step.kanaal);
  if (!channel || s.date === null) return null;
  return term('statutory', s.date, channel, plan, DEFAULT_TERM_DAYS);
}

function term(origin: TermOrigin, sentOn: IsoDate, channel: LegalChannel, plan: Plan, days: number): StepTerm {
  const t = earliestNextStep({ sentOn, channel, jurisdiction: plan.settings.jurisdiction, termDays: days });
  return { origin, days, start: t.termStart, end: t.termEnd, earliestNextStep: t.earliestNextStep, notes: t.notes };
}

// ---------------------------------------------------------------- dates

interface Placed {
  date: IsoDate | null;
  pausedDays: number;
  moved: { from: IsoDate; reason: string } | null;
}

/** Steps 2 and 3 of the file comment. `after`: only pauses starting after this day count. */
function place(start: IsoDate, after: IsoDate | null, plan: Plan): Placed {
  const { workingDaysOnly, jurisdiction } = plan.settings;
  const pauses = [...plan.pauses].sort((a, b) => (a.from < b.from ? -1 : 1));
  let d = start;
  let pausedDays = 0;
  let moved: Placed['moved'] = null;
  const toWorkingDay = () => {
    if (!workingDaysOnly) return;
    const w = workingDayOnOrAfter(d, jurisdiction);
    if (w !== d) {
      moved = { from: d, reason: nonWorkingReason(d, jurisdiction) };
      d = w;
    }
  };
  for (const p of pauses) {
    if (after !== null && p.from <= after) continue;
    toWorkingDay();
    if (d >= p.from) {
      if (p.until === null) return { date: null, pausedDays, moved: null };
      const length = daysBetween(p.from, p.until);
      d = addDays(d, length);
      pausedDays += length;
      moved = null;
    }
  }
  toWorkingDay();
  return { date: d, pausedDays, moved };
}

interface Dated {
  stepIndex: number;
  occurrence: number;
  step: PlanStep;
  nominalOffset: number;
  plannedDate: IsoDate | null;
  date: IsoDate | null;
  pausedDays: number;
  gapDays: number;
  movedOffDay: Placed['moved'];
}

function dateSteps(plan: Plan): Dated[] {
  const { settings, steps, repeat } = plan;
  const due = settings.dueDate;
  const nominal = nominalOffsets(steps);
  const out: Dated[] = [];
  let prevDate: IsoDate | null = null; // real date of the previous row (sent or skipped)
  let prevHeld = false;
  let lastSent: IsoDate | null = null; // for the minimum gap
  const push = (stepIndex: number, occurrence: number, step: PlanStep, nominalOffset: number, planned: IsoDate | null, after: IsoDate | null) => {
    let placed: Placed = planned === null ? { date: null, pausedDays: 0, moved: null } : place(planned, after, plan);
    let gapDays = 0;
    if (placed.date !== null && settings.enforceMinGap && settings.minGapDays > 0 && lastSent !== null && daysBetween(lastSent, placed.date) < settings.minGapDays) {
      const before = placed.date;
      const pushed = place(addDays(lastSent, settings.minGapDays), lastSent, plan);
      placed = { date: pushed.date, pausedDays: placed.pausedDays + pushed.pausedDays, moved: pushed.moved };
      gapDays = pushed.date === null ? 0 : daysBetween(before, pushed.date);
    }
    out.push({ stepIndex, occurrence, step, nominalOffset, plannedDate: planned, date: placed.date, pausedDays: placed.pausedDays, gapDays, movedOffDay: placed.moved });
    prevHeld = placed.date === null;
    prevDate = placed.date;
    if (placed.date !== null && (settings.firstSendDate === null || placed.date >= settings.firstSendDate)) lastSent = placed.date;
  };

  steps.forEach((step, i) => {
    const relative = step.anchor === 'vorige' && i > 0;
    if (relative && prevHeld) push(i, 0, step, nominal[i]!, null, null);
    else push(i, 0, step, nominal[i]!, relative ? addDays(prevDate!, step.offset) : addDays(due, step.offset), relative ? prevDate : null);
    if (i === steps.length - 1 && repeat) {
      for (let k = 1; k <= repeat.maxRepeats; k++) {
        const n = nominal[i]! + k * repeat.everyDays;
        if (prevHeld) push(i, k, step, n, null, null);
        else push(i, k, step, n, addDays(prevDate!, repeat.everyDays), prevDate);
      }
    }
  });
  return out;
}

// ---------------------------------------------------------------- the schedule

/** Dated steps with terms, interest and costs. Never throws on a valid plan. */
export function computeSchedule(plan: Plan, templates?: TemplateCatalog): Schedule {
  const catalog = catalogMap(templates);
  const { settings } = plan;
  const due = settings.dueDate;
  const dated = dateSteps(plan);

  const base: ScheduledStep[] = dated.map((d) => ({
    ...d,
    template: catalog?.get(d.step.template) ?? null,
    offset: d.date === null ? null : daysBetween(due, d.date),
    status: d.date === null ? 'on-hold' : settings.firstSendDate !== null && d.date < settings.firstSendDate ? 'skipped' : 'planned',
    isFirstReminder: false,
    term: null,
    runningTerm: null,
    interest: null,
    costs: null,
    totalCents: null,
  }));

  const sent = sentInOrder(base);
  const firstReminder = sent.find((s) => isWritten(s.step.kanaal) && s.date! > due) ?? null;
  const consumer = settings.customerType === 'consumer';
  const letterBasis = fourteenDayLetterBasis(due);
  // The statutory 14 days: BE, the first reminder (Boek XIX); NL, a veertiendagenbrief, and the
  // first reminder when it is the user's own text (assumed to be one, as the warnings say).
  const statutory = (s: ScheduledStep): boolean =>
    consumer && (settings.jurisdiction === 'nl' ? letterBasis(s) === 'template' || (s === firstReminder && letterBasis(s) === 'assumed') : s === firstReminder);

  // Terms, in sending order so "until the next step" can look ahead.
  const terms = new Map<ScheduledStep, StepTerm | null>();
  sent.forEach((s, i) => {
    const channel = legalChannel(s.step.kanaal);
    // A call or a hand-over letter starts no legal term, but its script or letter still names a
    // "pay by" date: counted as from an e-mail (a call) or a letter (the hand-over).
    const suggested: LegalChannel = channel ?? (s.step.kanaal === 'juridisch' ? 'letter' : 'email');
    let t: StepTerm | null = null;
    if (s.date! > due) {
      if (channel && s.step.termDays !== undefined) t = s.step.termDays > 0 ? term('custom', s.date!, channel, plan, s.step.termDays) : null;
      else if (channel && statutory(s)) t = term('statutory', s.date!, channel, plan, DEFAULT_TERM_DAYS);
      else if (channel && isFormalNotice(s)) t = term('notice', s.date!, channel, plan, settings.noticeTermDays);
      else {
        const next = sent.slice(i + 1).find((n) => n.date! > s.date!);
        if (next) {
          const start = deliveryDate(s.date!, suggested, settings.jurisdiction);
          const end = addDays(next.date!, -1);
          if (end >= start) t = { origin: 'until-next-step', days: daysBetween(start, end) + 1, start, end, earliestNextStep: next.date!, notes: [] };
        } else t = term('last-step', s.date!, suggested, plan, DEFAULT_TERM_DAYS);
      }
    }
    terms.set(s, t);
  });

  const running = new Map<ScheduledStep, RunningTerm | null>();
  sent.forEach((s, i) => {
    let best: RunningTerm | null = null;
    for (const e of sent.slice(0, i)) {
      const t = terms.get(e);
      if (t && t.earliestNextStep > s.date! && (!best || t.earliestNextStep > best.term.earliestNextStep)) best = { stepIndex: e.stepIndex, occurrence: e.occurrence, term: t };
    }
    running.set(s, best);
  });

  const money = moneyFor(plan, sent, firstReminder);
  const steps = base.map((s): ScheduledStep => {
    const interest = s.date === null ? null : money.interest(s.date);
    const costs = s.date === null ? null : money.costs(s);
    const totalCents = interest && costs && interest.cents !== null && costs.cents !== null ? settings.amountCents + interest.cents + costs.cents : null;
    return { ...s, isFirstReminder: s === firstReminder, term: terms.get(s) ?? null, runningTerm: running.get(s) ?? null, interest, costs, totalCents };
  });
  return { plan, steps, templates: catalog };
}

// ---------------------------------------------------------------- interest and costs

function moneyFor(plan: Plan, sent: readonly ScheduledStep[], firstReminder: ScheduledStep | null) {
  const { jurisdiction, customerType, amountCents, dueDate } = plan.settings;
  const kinds = interestKindsFor(jurisdiction, customerType);
  const kind = plan.settings.interestKind ?? kinds[0]?.kind ?? 'legal';
  const label = kinds.find((k) => k.kind === kind)?.label ?? '';
  const from = interestStartDate(dueDate);

  const interest = (date: IsoDate): StepInterest => {
    if (date <= dueDate) return { kind, label, from, days: 0, cents: 0, knownCents: 0, notes: [] };
    try {
      const r = computeInterest({ principalCents: amountCents, from, to: date, jurisdiction, customerType, kind });
      return { kind, label, from, days: r.days, cents: r.totalCents, knownCents: r.knownTotalCents, notes: r.notes };
    } catch {
      return { kind, label, from, days: daysBetween(from, date) + 1, cents: null, knownCents: 0, notes: [] };
    }
  };

  let items: readonly CostItem[] = [];
  try {
    items = applicableCosts({ jurisdiction, customerType, outstandingCents: amountCents, defaultDate: from });
  } catch {
    items = [];
  }
  const dayAfterDue = from;
  // BE consumer: costs only after the 14-day waiting period that the first reminder starts.
  const waitEnd = customerType === 'consumer' && firstReminder ? statutoryTerm(firstReminder, plan)?.earliestNextStep ?? null : null;
  // NL consumer: collection costs only after the term of a veertiendagenbrief; the earliest one that ends.
  const letterEnds = sent
    .filter((s) => fourteenDayLetterBasis(dueDate)(s) !== null)
    .map((s) => statutoryTerm(s, plan)?.earliestNextStep)
    .filter((d): d is IsoDate => d !== undefined)
    .sort();
  const nlLetterEnd = letterEnds[0] ?? null;

  const costs = (s: ScheduledStep): StepCosts => {
    const date = s.date!;
    const list = items.map((item): StepCost => {
      let dueFrom: IsoDate | null = null;
      let headline = false;
      let due: boolean | undefined;
      switch (item.id) {
        case 'be-b2b-forfait':
          dueFrom = dayAfterDue;
          headline = true;
          break;
        case 'nl-b2b-minimum':
          dueFrom = dayAfterDue;
          headline = true;
          break;
        case 'nl-wik':
          dueFrom = customerType === 'consumer' ? nlLetterEnd : dayAfterDue;
          headline = customerType === 'consumer';
          break;
        case 'be-b2c-schadebeding':
          dueFrom = waitEnd;
          headline = true;
          break;
        case 'be-b2c-herinnering':
          // Per reminder: every written reminder after the (free) first one, for this step itself.
          due = s.status === 'planned' && isWritten(s.step.kanaal) && date > dueDate && firstReminder !== null && s !== firstReminder && firstReminder.date! <= date;
          break;
      }
      return { ...item, due: due ?? (dueFrom !== null && date >= dueFrom), dueFrom, headline };
    });
    const counted = list.filter((c) => c.headline && c.due);
    const cents = counted.some((c) => c.amountCents === null) ? null : counted.reduce((sum, c) => sum + (c.amountCents ?? 0), 0);
    return { items: list, cents };
  };

  return { interest, costs };
}
