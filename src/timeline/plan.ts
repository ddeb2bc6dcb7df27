/**
 * The timeline builder's state: a plan (playbook + invoice settings + pauses + repeat) and a pure
 * reducer with an undo stack. Browser-safe and free of zod: the schemas and the validation that every
 * change passes live in plan-schema.ts (changePlan, applyChange), which the page loads on demand.
 *
 * Conventions (written down because the UI and the exports rely on them):
 * - A step's `offset` counts from the due date when `anchor` is 'vervaldag', and from the previous
 *   step's real date (after pauses and working-day moves) when `anchor` is 'vorige'. The first
 *   step is always counted from the due date.
 * - The "nominal offset" of a step is the offset from the due date you get by adding the chain of
 *   offsets, ignoring pauses and working days. That is what a Workflow's `offset` holds on export.
 * - `moveStep` moves a step's content (title, channel, tone, template, reaction, term) to another
 *   place in the list; the day slots stay where they are. Change a day with `updateStep`.
 * - A pause runs from `from` (the first paused day) to `until` (the day you resume, which is active
 *   again). Every step that would fall on or after `from` moves `until − from` days later. An open
 *   pause (`until: null`) holds every later step until you resume.
 * - `termDays` on a step: undefined = automatic (see schedule.ts), 0 = the step gives no term.
 * - Dates are 'YYYY-MM-DD' strings read as UTC calendar days (the legal module's convention).
 */
import type { Workflow } from '../content/schema.ts';
import { daysBetween, isIsoDate } from '../legal/dates.ts';
import type { IsoDate } from '../legal/types.ts';
import type { Anchor, Pause, PauseReason, Plan, PlanMeta, PlanSettings, PlanStep, Repeat } from './plan-schema.ts';

export type { Anchor, Pause, PauseReason, Plan, PlanMeta, PlanSettings, PlanStep, Repeat } from './plan-schema.ts';

/** Checks a whole plan: plan-schema.ts validatePlan, passed in so this module stays free of zod. */
export type Validate = (plan: unknown) => Plan | PlanError;

// ---------------------------------------------------------------- limits

export const LIMITS = Object.freeze({
  minOffset: -60,
  maxOffset: 365,
  maxSteps: 40,
  maxTermDays: 90,
  maxNoticeTermDays: 60,
  maxMinGapDays: 60,
  maxRepeatEveryDays: 90,
  maxRepeats: 12,
  maxPauses: 12,
  maxUndo: 100,
  firstDate: '2000-01-01',
  lastDate: '2099-12-31',
  maxAmountCents: 100_000_000_000,
});

/** The statutory term (BE Boek XIX waiting period, NL veertiendagenbrief), also our default for a formal notice. */
export const DEFAULT_TERM_DAYS = 14;

export const ANCHORS = ['vervaldag', 'vorige'] as const;
export const PAUSE_REASONS = ['betwisting', 'betaalbelofte', 'andere'] as const;

/** Offsets from the due date, adding up relative steps and ignoring pauses and working days. */
export function nominalOffsets(steps: readonly PlanStep[]): number[] {
  const out: number[] = [];
  steps.forEach((s, i) => {
    const prev = out[i - 1];
    out.push(s.anchor === 'vorige' && prev !== undefined ? prev + s.offset : s.offset);
  });
  return out;
}

// ---------------------------------------------------------------- errors

/** A validation or decoding failure with a Dutch message that can be shown as is. */
export class PlanError extends Error {
  override readonly name = 'PlanError';
}

// ---------------------------------------------------------------- making plans

export interface SettingsInput {
  invoiceDate: IsoDate;
  dueDate: IsoDate;
  amountCents: number;
  customerType: 'business' | 'consumer';
  jurisdiction: 'be' | 'nl';
  firstSendDate?: IsoDate | null;
  workingDaysOnly?: boolean;
  minGapDays?: number;
  enforceMinGap?: boolean;
  noticeTermDays?: number;
  interestKind?: 'commercial' | 'legal' | null;
}

/** Settings with the defaults filled in: working days on, no minimum gap, 14-day formal notice. */
export function createSettings(input: SettingsInput): PlanSettings {
  return {
    invoiceDate: input.invoiceDate,
    dueDate: input.dueDate,
    amountCents: input.amountCents,
    customerType: input.customerType,
    jurisdiction: input.jurisdiction,
    firstSendDate: input.firstSendDate ?? null,
    workingDaysOnly: input.workingDaysOnly ?? true,
    minGapDays: input.minGapDays ?? 0,
    enforceMinGap: input.enforceMinGap ?? false,
    noticeTermDays: input.noticeTermDays ?? DEFAULT_TERM_DAYS,
    interestKind: input.interestKind ?? null,
  };
}

export const BLANK_META: PlanMeta = Object.freeze({
  id: 'eigen-draaiboek',
  titel: 'Eigen draaiboek',
  segment: 'algemeen',
  samenvatting: 'Een eigen reeks herinneringen, samengesteld in de tijdlijnbouwer.',
  doel: 'Sneller betaald worden, met een duidelijke en correcte opvolging.',
  toon: 'Zakelijk en vriendelijk, en stap voor stap strenger.',
});

export const DEFAULT_REACTION = 'Betaalt de klant, bevestig dan de ontvangst en sluit het dossier af. Reageert de klant, antwoord dan dezelfde week.';

/** An empty plan: no steps yet. */
export function blankPlan(settings: PlanSettings): Plan {
  return { meta: { ...BLANK_META }, settings: { ...settings }, steps: [], pauses: [], repeat: null };
}

/** A plan that starts from a playbook: every step counted from the due date, as in the playbook. */
export function planFromWorkflow(workflow: Pick<Workflow, keyof PlanMeta | 'stappen'>, settings: PlanSettings): Plan {
  // The playbook's cases are not part of a plan: its settings name the one case it is planned for.
  const { stappen, id, titel, segment, samenvatting, doel, toon } = workflow;
  const meta = { id, titel, segment, samenvatting, doel, toon };
  return {
    meta: { ...meta },
    settings: { ...settings },
    steps: stappen.map((s) => ({ offset: s.offset, anchor: 'vervaldag' as const, titel: s.titel, kanaal: s.kanaal, toon: s.toon, template: s.template, bijReactie: s.bijReactie })),
    pauses: [],
    repeat: null,
  };
}

// ---------------------------------------------------------------- changes

export type StepContent = Pick<PlanStep, 'titel' | 'kanaal' | 'toon' | 'template' | 'bijReactie' | 'termDays'>;

export type Change =
  /** Invoice data and options. */
  | { type: 'setSettings'; patch: Partial<PlanSettings> }
  /** Playbook title, summary and so on. */
  | { type: 'setMeta'; patch: Partial<PlanMeta> }
  /** Insert a step at `at` (default: at the end). Missing fields get sensible defaults. */
  | { type: 'addStep'; at?: number; step?: Partial<PlanStep> }
  | { type: 'removeStep'; index: number }
  /** Moves the content of a step; the day slots stay in place (see the file comment). */
  | { type: 'moveStep'; from: number; to: number }
  /** Any field of a step. `termDays: undefined` in the patch switches the term back to automatic. */
  | { type: 'updateStep'; index: number; patch: Partial<PlanStep> }
  /** Switch one step between "days after the due date" and "days after the previous step", keeping its day. */
  | { type: 'setAnchor'; index: number; anchor: Anchor }
  /** The same for every step. */
  | { type: 'setAllAnchors'; anchor: Anchor }
  /** Put the steps in order of their (nominal) day, keeping each step's day. */
  | { type: 'sortByDate' }
  /** Repeat the last step every N days, at most M more times; null switches it off. */
  | { type: 'setRepeat'; repeat: Repeat | null }
  /** Pause from `from` (dispute, promise to pay); with `until` the pause is closed at once. */
  | { type: 'pause'; from: IsoDate; until?: IsoDate | null; reason: PauseReason }
  /** Close the open pause: steps continue from `on`. */
  | { type: 'resume'; on: IsoDate }
  | { type: 'removePause'; index: number }
  /** Replace the whole plan (start from another playbook, import a file). */
  | { type: 'replace'; plan: Plan }
  | { type: 'undo' };

/** Applies one change to a plan and checks the result with `validate`. Returns the new plan or a PlanError; never throws. */
export function changePlanWith(plan: Plan, change: Exclude<Change, { type: 'undo' }>, validate: Validate): Plan | PlanError {
  try {
    const next = reduce(plan, change);
    return next instanceof PlanError ? next : validate(next);
  } catch {
    return new PlanError('Deze wijziging kon niet worden toegepast.');
  }
}

function reduce(plan: Plan, change: Exclude<Change, { type: 'undo' }>): Plan | PlanError {
  const steps = plan.steps;
  const checkIndex = (i: number, length = steps.length) => Number.isInteger(i) && i >= 0 && i < length;
  switch (change.type) {
    case 'setSettings':
      return { ...plan, settings: { ...plan.settings, ...change.patch } };
    case 'setMeta':
      return { ...plan, meta: { ...plan.meta, ...change.patch } };
    case 'addStep': {
      if (steps.length >= LIMITS.maxSteps) return new PlanError(`Een planning telt hoogstens ${LIMITS.maxSteps} stappen.`);
      const at = change.at ?? steps.length;
      if (!checkIndex(at, steps.length + 1)) return new PlanError('Op die plaats kan geen stap komen.');
      const step = { ...newStep(steps, at), ...change.step };
      return { ...plan, steps: [...steps.slice(0, at), step, ...steps.slice(at)] };
    }
    case 'removeStep': {
      if (!checkIndex(change.index)) return new PlanError('Die stap bestaat niet.');
      const nominal = nominalOffsets(steps);
      const keep = steps.filter((_, i) => i !== change.index);
      return { ...plan, steps: rebase(keep, nominal.filter((_, i) => i !== change.index)) ?? keep };
    }
    case 'moveStep': {
      if (!checkIndex(change.from) || !checkIndex(change.to)) return new PlanError('Die stap bestaat niet.');
      const contents = steps.map(contentOf);
      const [moved] = contents.splice(change.from, 1);
      contents.splice(change.to, 0, moved!);
      return { ...plan, steps: steps.map((s, i) => ({ offset: s.offset, anchor: s.anchor, ...contents[i]! })).map(dropUndefinedTerm) };
    }
    case 'updateStep': {
      if (!checkIndex(change.index)) return new PlanError('Die stap bestaat niet.');
      const patched = { ...steps[change.index]!, ...change.patch };
      return { ...plan, steps: steps.map((s, i) => (i === change.index ? dropUndefinedTerm(patched) : s)) };
    }
    case 'setAnchor':
    case 'setAllAnchors': {
      if (change.type === 'setAnchor' && !checkIndex(change.index)) return new PlanError('Die stap bestaat niet.');
      const nominal = nominalOffsets(steps);
      const anchored = steps.map((s, i) => (change.type === 'setAllAnchors' || i === change.index ? { ...s, anchor: change.anchor } : s));
      const rebased = rebase(anchored, nominal);
      if (!rebased) return new PlanError('Zet de stappen eerst in volgorde van datum: een stap die telt vanaf de vorige stap, kan niet vóór die stap liggen.');
      return { ...plan, steps: rebased };
    }
    case 'sortByDate': {
      const nominal = nominalOffsets(steps);
      const order = steps.map((_, i) => i).sort((a, b) => nominal[a]! - nominal[b]! || a - b);
      return { ...plan, steps: rebase(order.map((i) => steps[i]!), order.map((i) => nominal[i]!)) ?? steps };
    }
    case 'setRepeat':
      return { ...plan, repeat: change.repeat === null ? null : { ...change.repeat } };
    case 'pause': {
      if (plan.pauses.some((p) => p.until === null)) return new PlanError('Er loopt al een pauze. Hervat eerst voor u een nieuwe pauze start.');
      const pause: Pause = { from: change.from, until: change.until ?? null, reason: change.reason };
      return { ...plan, pauses: sortPauses([...plan.pauses, pause]) };
    }
    case 'resume': {
      const open = plan.pauses.findIndex((p) => p.until === null);
      if (open < 0) return new PlanError('Er loopt geen pauze die u kunt hervatten.');
      if (!isIsoDate(change.on) || daysBetween(plan.pauses[open]!.from, change.on) <= 0) return new PlanError('Hervat op een dag na het begin van de pauze.');
      return { ...plan, pauses: plan.pauses.map((p, i) => (i === open ? { ...p, until: change.on } : p)) };
    }
    case 'removePause':
      if (!checkIndex(change.index, plan.pauses.length)) return new PlanError('Die pauze bestaat niet.');
      return { ...plan, pauses: plan.pauses.filter((_, i) => i !== change.index) };
    case 'replace':
      return change.plan;
  }
}

function contentOf(s: PlanStep): StepContent {
  return { titel: s.titel, kanaal: s.kanaal, toon: s.toon, template: s.template, bijReactie: s.bijReactie, termDays: s.termDays };
}

/** Keeps plans canonical: an automatic term is an absent key, never `termDays: undefined`. */
function dropUndefinedTerm(s: PlanStep): PlanStep {
  if (s.termDays !== undefined) return s;
  const { termDays: _, ...rest } = s;
  return rest;
}

/**
 * Re-expresses each step's offset in its own anchor so that its nominal offset becomes `nominal[i]`.
 * Null when a relative step would have to go back in time.
 */
function rebase(steps: readonly PlanStep[], nominal: readonly number[]): PlanStep[] | null {
  const out: PlanStep[] = [];
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    const target = nominal[i]!;
    const prev = nominal[i - 1];
    if (s.anchor === 'vorige' && prev !== undefined) {
      if (target - prev < 0) return null;
      out.push({ ...s, offset: target - prev });
    } else out.push({ ...s, offset: target });
  }
  return out;
}

function newStep(steps: readonly PlanStep[], at: number): PlanStep {
  const nominal = nominalOffsets(steps);
  const prevStep = steps[at - 1];
  const prev = nominal[at - 1];
  const next = nominal[at];
  const anchor: Anchor = prevStep?.anchor ?? 'vervaldag';
  let day: number;
  if (prev === undefined) day = next === undefined ? 7 : Math.max(LIMITS.minOffset, next - 7);
  else if (next === undefined) day = Math.min(LIMITS.maxOffset, prev + 7);
  else day = prev + Math.max(0, Math.floor((next - prev) / 2));
  const offset = anchor === 'vorige' && prev !== undefined ? day - prev : day;
  return {
    offset,
    anchor,
    titel: 'Nieuwe stap',
    kanaal: 'email',
    toon: prevStep?.toon ?? 'vriendelijk',
    template: '',
    bijReactie: DEFAULT_REACTION,
  };
}

function sortPauses(pauses: Pause[]): Pause[] {
  return pauses.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

// ---------------------------------------------------------------- the editor: plan + undo stack

export interface Editor {
  readonly plan: Plan;
  /** Earlier plans, most recent last. */
  readonly past: readonly Plan[];
  /** Dutch message of the last refused change, or null. */
  readonly error: string | null;
}

export function createEditor(plan: Plan): Editor {
  return { plan, past: [], error: null };
}

export function canUndo(editor: Editor): boolean {
  return editor.past.length > 0;
}

/** The reducer behind plan-schema.ts applyChange, with the plan check passed in. */
export function applyChangeWith(editor: Editor, change: Change, validate: Validate): Editor {
  if (change.type === 'undo') {
    const previous = editor.past.at(-1);
    if (!previous) return { ...editor, error: 'Er is niets om ongedaan te maken.' };
    return { plan: previous, past: editor.past.slice(0, -1), error: null };
  }
  const next = changePlanWith(editor.plan, change, validate);
  if (next instanceof PlanError) return { ...editor, error: next.message };
  if (samePlan(next, editor.plan)) return { ...editor, error: null };
  return { plan: next, past: [...editor.past, editor.plan].slice(-LIMITS.maxUndo), error: null };
}

function samePlan(a: Plan, b: Plan): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
