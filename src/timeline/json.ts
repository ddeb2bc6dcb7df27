/**
 * A plan as JSON in the shape of a content Workflow (so it validates with the same zod schema and
 * other tools can read the steps), plus a `tijdlijn` object with what only the builder needs:
 * invoice settings, per-step anchor and term, pauses and the repeat.
 *
 * `stappen[i].offset` is always the nominal offset from the due date (relative steps added up).
 * For a step with anchor 'vorige', the offset after the previous step is derived on import from
 * the difference of the two `offset`s, so `stappen` stays the one source of truth for days.
 */
import { z } from 'zod';
import { fromZod } from '../content/errors.ts';
import { Workflow } from '../content/schema.ts';
import { LIMITS, PlanError, nominalOffsets, planFromWorkflow, type Plan, type PlanStep } from './plan.ts';
import { Anchor, Pause, PlanSettings, Repeat, validatePlan } from './plan-schema.ts';

export const TimelineExtension = z.strictObject({
  version: z.literal(1),
  settings: PlanSettings,
  /** One entry per step in `stappen`, same order. */
  steps: z.array(z.strictObject({ anchor: Anchor, termDays: z.number().int().min(0).max(LIMITS.maxTermDays).optional() })),
  pauses: z.array(Pause).max(LIMITS.maxPauses),
  repeat: Repeat.nullable(),
});
export type TimelineExtension = z.infer<typeof TimelineExtension>;

/** The exported JSON: a Workflow with a `tijdlijn` object. */
// A plan built on the timeline page, or saved before playbooks declared their cases, has no `gevallen`.
export const PlanWorkflowJson = Workflow.extend({ gevallen: Workflow.shape.gevallen.optional(), tijdlijn: TimelineExtension });
export type PlanWorkflowJson = z.infer<typeof PlanWorkflowJson>;

/** What the importer accepts: the export above, or a plain Workflow (then settings must be given). */
export const WorkflowJsonInput = Workflow.extend({ gevallen: Workflow.shape.gevallen.optional(), tijdlijn: TimelineExtension.optional() });

const STEP_FIELDS: Record<string, string> = {
  offset: 'dag',
  titel: 'titel',
  kanaal: 'kanaal',
  toon: 'toon',
  template: 'sjabloon',
  bijReactie: 'tekst "bij reactie"',
};

function zodToDutch(error: z.ZodError, intro: string): PlanError {
  const parts = fromZod('', error)
    .slice(0, 3)
    .map((issue) => {
      const m = /^stappen\[(\d+)\]\.(\w+)/.exec(issue.path);
      const where = m ? `stap ${Number(m[1]) + 1}, ${STEP_FIELDS[m[2]!] ?? m[2]}` : issue.path || 'het bestand';
      return `${where}: ${issue.message}`;
    });
  return new PlanError(`${intro} ${parts.join('; ')}.`);
}

/** The plan as Workflow-shaped JSON, or a PlanError saying in Dutch what is still missing. */
export function planToWorkflowJson(plan: Plan): PlanWorkflowJson | PlanError {
  try {
    if (plan.steps.length === 0) return new PlanError('Voeg minstens één stap toe voor u de planning bewaart.');
    const nominal = nominalOffsets(plan.steps);
    const json = {
      ...plan.meta,
      // A plan is made for one case: the exported playbook declares that one.
      gevallen: [`${plan.settings.jurisdiction}-${plan.settings.customerType === 'consumer' ? 'consument' : 'onderneming'}` as const],
      stappen: plan.steps.map((s, i) => ({ offset: nominal[i]!, titel: s.titel, kanaal: s.kanaal, toon: s.toon, template: s.template, bijReactie: s.bijReactie })),
      tijdlijn: {
        version: 1 as const,
        settings: { ...plan.settings },
        steps: plan.steps.map((s) => (s.termDays === undefined ? { anchor: s.anchor } : { anchor: s.anchor, termDays: s.termDays })),
        pauses: plan.pauses.map((p) => ({ ...p })),
        repeat: plan.repeat === null ? null : { ...plan.repeat },
      },
    };
    const result = PlanWorkflowJson.safeParse(json);
    return result.success ? result.data : zodToDutch(result.error, 'Deze planning kan nog niet als draaiboek bewaard worden:');
  } catch {
    return new PlanError('Deze planning kan niet als draaiboek bewaard worden.');
  }
}

/**
 * Reads Workflow-shaped JSON (an object or the JSON text) back into a plan. A plain Workflow
 * without `tijdlijn` needs `settings` (invoice data). Never throws.
 */
export function workflowJsonToPlan(input: unknown, settings?: PlanSettings): Plan | PlanError {
  try {
    let data = input;
    if (typeof input === 'string') {
      try {
        data = JSON.parse(input);
      } catch {
        return new PlanError('Dit bestand is geen geldige JSON. Kies het JSON-bestand dat u uit de tijdlijn bewaarde.');
      }
    }
    const parsed = WorkflowJsonInput.safeParse(data);
    if (!parsed.success) return zodToDutch(parsed.error, 'Dit bestand is geen geldig draaiboek:');
    const { tijdlijn, ...workflow } = parsed.data;
    if (!tijdlijn) {
      if (!settings) return new PlanError('Dit draaiboek bevat geen factuurgegevens. Vul eerst de factuurdatum, de vervaldatum en het bedrag in.');
      return validatePlan(planFromWorkflow(workflow, settings));
    }
    if (tijdlijn.steps.length !== workflow.stappen.length) {
      return new PlanError(`Dit bestand is beschadigd: het telt ${workflow.stappen.length} stappen, maar de tijdlijn beschrijft er ${tijdlijn.steps.length}.`);
    }
    const steps: PlanStep[] = [];
    for (let i = 0; i < workflow.stappen.length; i++) {
      const s = workflow.stappen[i]!;
      const extra = tijdlijn.steps[i]!;
      const prev = workflow.stappen[i - 1];
      const offset = extra.anchor === 'vorige' && prev ? s.offset - prev.offset : s.offset;
      if (offset < 0 && extra.anchor === 'vorige' && prev) return new PlanError(`Stap ${i + 1} telt vanaf de vorige stap, maar ligt er vóór. Pas de dag aan in het bestand.`);
      const step: PlanStep = { offset, anchor: extra.anchor, titel: s.titel, kanaal: s.kanaal, toon: s.toon, template: s.template, bijReactie: s.bijReactie };
      steps.push(extra.termDays === undefined ? step : { ...step, termDays: extra.termDays });
    }
    const { stappen: _, gevallen: _cases, ...meta } = workflow;
    return validatePlan({ meta, settings: tijdlijn.settings, steps, pauses: tijdlijn.pauses, repeat: tijdlijn.repeat });
  } catch {
    return new PlanError('Dit bestand kon niet gelezen worden als draaiboek.');
  }
}

