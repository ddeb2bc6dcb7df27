/**
 * The timeline builder's state: a plan (playbook + invoice settings + pauses + repeat) and a pure
 * reducer with an undo stack. Browser-safe: zod, the content schema and the legal module only.
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
import { z } from 'zod';
import { Channel, ID_PATTERN, Jurisdiction, SEGMENT_IDS, Tone, type Workflow } from '../content/schema.ts';
import { daysBetween, interestKindsFor, isIsoDate, type IsoDate } from '../legal/index.ts';

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

// ---------------------------------------------------------------- schemas (the single source of the types)

const isoDate = z
  .string({ error: 'een datum als JJJJ-MM-DD' })
  .refine((v) => isIsoDate(v) && v >= LIMITS.firstDate && v <= LIMITS.lastDate, { error: 'gebruik een bestaande datum als JJJJ-MM-DD, tussen 2000 en 2099' });

const int = (min: number, max: number) => z.number({ error: 'een getal' }).int({ error: 'een geheel getal' }).min(min).max(max);

export const ANCHORS = ['vervaldag', 'vorige'] as const;
export const Anchor = z.enum(ANCHORS);
export type Anchor = z.infer<typeof Anchor>;

export const PAUSE_REASONS = ['betwisting', 'betaalbelofte', 'andere'] as const;
export const PauseReason = z.enum(PAUSE_REASONS);
export type PauseReason = z.infer<typeof PauseReason>;

export const CustomerType = z.enum(['business', 'consumer']);
export const InterestKindSchema = z.enum(['commercial', 'legal']);

export const PlanStep = z.strictObject({
  /** Days from the due date ('vervaldag') or after the previous step ('vorige', then 0 or more). */
  offset: int(LIMITS.minOffset, LIMITS.maxOffset),
  anchor: Anchor,
  titel: z.string().max(200),
  kanaal: Channel,
  toon: Tone,
  /** A template id, or '' while none is chosen yet. */
  template: z.string().max(100).regex(new RegExp(`^(?:|${ID_PATTERN.source.slice(1, -1)})$`), { error: 'een sjabloon-id in kleine letters, cijfers en koppeltekens' }),
  /** What to do when the customer pays or reacts at this point. */
  bijReactie: z.string().max(2000),
  /** The term this message gives, in calendar days from delivery; absent = automatic, 0 = none. */
  termDays: int(0, LIMITS.maxTermDays).optional(),
});
export type PlanStep = z.infer<typeof PlanStep>;

export const PlanSettings = z.strictObject({
  invoiceDate: isoDate,
  dueDate: isoDate,
  /** Outstanding principal in euro cents. */
  amountCents: int(0, LIMITS.maxAmountCents),
  customerType: CustomerType,
  jurisdiction: Jurisdiction,
  /** The first day you will actually send something; steps dated earlier are skipped. Null: no limit. */
  firstSendDate: isoDate.nullable(),
  /** Move steps off weekends and the jurisdiction's public holidays (to the next working day). */
  workingDaysOnly: z.boolean(),
  /** Minimum number of days between two contacts; 0 = no minimum. */
  minGapDays: int(0, LIMITS.maxMinGapDays),
  /** true: push a step later to respect the minimum gap; false: only warn. */
  enforceMinGap: z.boolean(),
  /** The term a formal notice (ingebrekestelling) gives, in calendar days from delivery. */
  noticeTermDays: int(1, LIMITS.maxNoticeTermDays),
  /** null: the usual kind for this debtor (legal module `interestKindsFor`). */
  interestKind: InterestKindSchema.nullable(),
});
export type PlanSettings = z.infer<typeof PlanSettings>;

export const Pause = z.strictObject({
  from: isoDate,
  /** The day you resume (active again); null while the pause is still open. */
  until: isoDate.nullable(),
  reason: PauseReason,
});
export type Pause = z.infer<typeof Pause>;

export const Repeat = z.strictObject({
  everyDays: int(1, LIMITS.maxRepeatEveryDays),
  /** Extra sends of the last step after the first one. */
  maxRepeats: int(1, LIMITS.maxRepeats),
});
export type Repeat = z.infer<typeof Repeat>;

/** The playbook-level fields of a Workflow, kept loose while editing and checked strictly on export. */
export const PlanMeta = z.strictObject({
  id: z.string().max(100),
  titel: z.string().max(200),
  segment: z.enum([...SEGMENT_IDS, 'algemeen']),
  samenvatting: z.string().max(2000),
  doel: z.string().max(2000),
  toon: z.string().max(2000),
});
export type PlanMeta = z.infer<typeof PlanMeta>;

const PlanShape = z.strictObject({
  meta: PlanMeta,
  settings: PlanSettings,
  steps: z.array(PlanStep).max(LIMITS.maxSteps),
  pauses: z.array(Pause).max(LIMITS.maxPauses),
  repeat: Repeat.nullable(),
});

export const PlanSchema = PlanShape.superRefine((plan, ctx) => {
  for (const message of crossCheck(plan)) ctx.addIssue({ code: 'custom', message, input: plan });
});
export type Plan = z.infer<typeof PlanShape>;

/** Checks zod cannot express field by field. Each message is a full Dutch sentence. */
function crossCheck(plan: Plan): string[] {
  const out: string[] = [];
  const { settings, steps, pauses } = plan;
  if (settings.interestKind !== null && !interestKindsFor(settings.jurisdiction, settings.customerType).some((k) => k.kind === settings.interestKind)) {
    out.push('Deze soort interest past niet bij dit type klant: bij een consument in Nederland geldt de wettelijke rente, niet de handelsrente.');
  }
  steps.forEach((s, i) => {
    if (s.anchor === 'vorige' && i > 0 && s.offset < 0) out.push(`Stap ${i + 1} telt vanaf de vorige stap en kan dus niet vóór die stap liggen.`);
  });
  nominalOffsets(steps).forEach((n, i) => {
    if (n < LIMITS.minOffset || n > LIMITS.maxOffset) out.push(`Stap ${i + 1} komt uit op dag ${n}; een stap ligt tussen ${-LIMITS.minOffset} dagen vóór en ${LIMITS.maxOffset} dagen na de vervaldag.`);
  });
  const sorted = [...pauses].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  sorted.forEach((p, i) => {
    if (p.until !== null && p.until <= p.from) out.push(`De pauze vanaf ${p.from} moet eindigen na haar begindatum.`);
    const next = sorted[i + 1];
    if (next && (p.until === null || next.from < p.until)) out.push(`De pauzes vanaf ${p.from} en vanaf ${next.from} overlappen; er kan maar één pauze tegelijk lopen.`);
  });
  return out;
}

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

const FIELD_NAMES: Record<string, string> = {
  invoiceDate: 'de factuurdatum',
  dueDate: 'de vervaldatum',
  amountCents: 'het bedrag',
  customerType: 'het type klant',
  jurisdiction: 'het land',
  firstSendDate: 'de eerste verzenddatum',
  workingDaysOnly: 'de keuze voor werkdagen',
  minGapDays: 'de minimale tussentijd',
  enforceMinGap: 'de keuze om de tussentijd af te dwingen',
  noticeTermDays: 'de termijn van de ingebrekestelling',
  interestKind: 'de soort interest',
  offset: 'de dag',
  anchor: 'het vertrekpunt van de dag',
  titel: 'de titel',
  kanaal: 'het kanaal',
  toon: 'de toon',
  template: 'het sjabloon',
  bijReactie: 'de tekst "bij reactie"',
  termDays: 'de termijn',
  from: 'de begindatum van de pauze',
  until: 'de hervattingsdatum van de pauze',
  reason: 'de reden van de pauze',
  everyDays: 'het aantal dagen tussen herhalingen',
  maxRepeats: 'het aantal herhalingen',
  id: 'de id',
  segment: 'het segment',
  samenvatting: 'de samenvatting',
  doel: 'het doel',
};

/** One readable Dutch sentence for the first few zod issues. */
export function describeZodError(error: z.ZodError, intro: string): PlanError {
  const parts = error.issues.slice(0, 3).map((issue) => {
    if (issue.code === 'custom' && issue.path.length === 0) return issue.message;
    const key = [...issue.path].reverse().find((k) => typeof k === 'string');
    const stepIndex = issue.path[0] === 'steps' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
    const where = capitalize(`${key !== undefined ? (FIELD_NAMES[key] ?? `het veld "${key}"`) : 'de inhoud'}${stepIndex !== undefined ? ` van stap ${stepIndex + 1}` : ''}`);
    switch (issue.code) {
      case 'too_small':
        return issue.origin === 'string' ? `${where} moet minstens ${String(issue.minimum)} tekens tellen.` : `${where} moet minstens ${String(issue.minimum)} zijn.`;
      case 'too_big':
        return issue.origin === 'string' ? `${where} mag hoogstens ${String(issue.maximum)} tekens tellen.` : `${where} mag hoogstens ${String(issue.maximum)} zijn.`;
      case 'unrecognized_keys':
        return `Onbekend veld: ${issue.keys.map((k) => `"${k}"`).join(', ')}.`;
      case 'invalid_value':
        return `${where} heeft een onbekende waarde.`;
      case 'custom':
        return `${where} is ongeldig: ${issue.message}.`;
      default:
        return `${where} ontbreekt of is ongeldig.`;
    }
  });
  return new PlanError(`${intro} ${parts.join(' ')}`.trim());
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The plan if it is valid, otherwise a PlanError with a Dutch explanation. Never throws. */
export function validatePlan(input: unknown): Plan | PlanError {
  try {
    const result = PlanSchema.safeParse(input);
    return result.success ? result.data : describeZodError(result.error, 'Deze planning klopt niet.');
  } catch {
    return new PlanError('Deze planning klopt niet.');
  }
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

/** Applies one change to a plan. Returns the new, valid plan or a PlanError; never throws. */
export function changePlan(plan: Plan, change: Exclude<Change, { type: 'undo' }>): Plan | PlanError {
  try {
    const next = reduce(plan, change);
    return next instanceof PlanError ? next : validatePlan(next);
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

/**
 * The reducer: apply a change (or undo the last one). A refused change leaves the plan as it was
 * and sets `error`; a change that alters nothing adds no undo entry. Fits `useReducer` as is.
 */
export function applyChange(editor: Editor, change: Change): Editor {
  if (change.type === 'undo') {
    const previous = editor.past.at(-1);
    if (!previous) return { ...editor, error: 'Er is niets om ongedaan te maken.' };
    return { plan: previous, past: editor.past.slice(0, -1), error: null };
  }
  const next = changePlan(editor.plan, change);
  if (next instanceof PlanError) return { ...editor, error: next.message };
  if (samePlan(next, editor.plan)) return { ...editor, error: null };
  return { plan: next, past: [...editor.past, editor.plan].slice(-LIMITS.maxUndo), error: null };
}

function samePlan(a: Plan, b: Plan): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
