/**
 * The plan's zod schemas (the single source of its types) and its validation: a plan, a change to
 * it, or a decoded link is checked here, with a Dutch message for what is wrong. Kept apart from
 * plan.ts so the builder's first paint needs no zod: the page loads this module with its first
 * change, an opened link or an imported file.
 */
import { z } from 'zod';
import { Channel, ID_PATTERN, Jurisdiction, SEGMENT_IDS, Tone } from '../content/schema.ts';
import { isIsoDate } from '../legal/dates.ts';
import { interestKindsFor } from '../legal/interest.ts';
import { ANCHORS, LIMITS, PAUSE_REASONS, PlanError, applyChangeWith, changePlanWith, nominalOffsets, type Change, type Editor } from './plan.ts';

// ---------------------------------------------------------------- schemas (the single source of the types)

const isoDate = z
  .string({ error: 'een datum als JJJJ-MM-DD' })
  .refine((v) => isIsoDate(v) && v >= LIMITS.firstDate && v <= LIMITS.lastDate, { error: 'gebruik een bestaande datum als JJJJ-MM-DD, tussen 2000 en 2099' });

const int = (min: number, max: number) => z.number({ error: 'een getal' }).int({ error: 'een geheel getal' }).min(min).max(max);

export const Anchor = z.enum(ANCHORS);
export type Anchor = z.infer<typeof Anchor>;

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

// ---------------------------------------------------------------- errors

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

/** Applies one change to a plan. Returns the new, valid plan or a PlanError; never throws. */
export const changePlan = (plan: Plan, change: Exclude<Change, { type: 'undo' }>): Plan | PlanError => changePlanWith(plan, change, validatePlan);

/**
 * The reducer: apply a change (or undo the last one). A refused change leaves the plan as it was
 * and sets `error`; a change that alters nothing adds no undo entry. Fits `useReducer` as is.
 */
export const applyChange = (editor: Editor, change: Change): Editor => applyChangeWith(editor, change, validatePlan);
